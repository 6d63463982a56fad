//! Comparing two extraction runs over the same documents.

use std::collections::HashMap;

use serde::Serialize;

use super::matching::{match_greedy, overlap, spans_match, Overlap};
use crate::output::{Document, Quote, QuoteKind, Span};

/// What happened to one quote between the old and the new run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only the new run has it.
    Gained,
    /// Only the old run has it.
    Lost,
    /// Both have it, with a different speaker, rule or kind.
    Changed,
}

/// One changed quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// Gained, lost or changed.
    pub change: ChangeKind,
    /// The old quote's span, if the old run has the quote.
    pub old_span: Option<Span>,
    /// The new quote's span, if the new run has the quote.
    pub new_span: Option<Span>,
    /// The quote text (the new run's when both have it).
    pub text: String,
    /// Old speaker name.
    pub old_speaker: Option<String>,
    /// New speaker name.
    pub new_speaker: Option<String>,
    /// Old rule.
    pub old_rule: Option<String>,
    /// New rule.
    pub new_rule: Option<String>,
    /// Old kind.
    pub old_kind: Option<QuoteKind>,
    /// New kind.
    pub new_kind: Option<QuoteKind>,
    /// Both have the quote and the speaker name differs.
    pub reattributed: bool,
    /// Both have the quote and the rule differs.
    pub rule_changed: bool,
    /// Both have the quote and the kind differs.
    pub kind_changed: bool,
}

impl Change {
    /// The position used to order changes within a document.
    pub fn span(&self) -> Span {
        self.new_span
            .or(self.old_span)
            .unwrap_or(Span { start: 0, end: 0 })
    }
}

/// The changes of one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocDiff {
    /// Document id.
    pub id: String,
    /// Whether the document is missing from the old or new run (`old`, `new`), else `null`.
    pub missing_in: Option<String>,
    /// The changes, by position.
    pub changes: Vec<Change>,
}

/// Counts over all documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DiffTotals {
    /// Documents compared.
    pub documents: usize,
    /// Documents with at least one change.
    pub documents_changed: usize,
    /// Quotes in the old run.
    pub old_quotes: usize,
    /// Quotes in the new run.
    pub new_quotes: usize,
    /// Quotes only in the new run.
    pub gained: usize,
    /// Quotes only in the old run.
    pub lost: usize,
    /// Quotes in both with a different speaker name.
    pub reattributed: usize,
    /// Quotes in both with a different rule.
    pub rule_changed: usize,
    /// Quotes in both with a different kind.
    pub kind_changed: usize,
}

/// The result of [`diff`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffReport {
    /// Documents with changes only, old run's order first, then documents only the new run has.
    pub documents: Vec<DocDiff>,
    /// The totals.
    pub totals: DiffTotals,
}

fn speaker_name(q: &Quote) -> Option<String> {
    q.speaker.as_ref().map(|s| s.name.clone())
}

fn lone(change: ChangeKind, q: &Quote) -> Change {
    let (old, new) = match change {
        ChangeKind::Lost => (Some(q), None),
        _ => (None, Some(q)),
    };
    Change {
        change,
        old_span: old.map(|q| q.span),
        new_span: new.map(|q| q.span),
        text: q.text.clone(),
        old_speaker: old.and_then(speaker_name),
        new_speaker: new.and_then(speaker_name),
        old_rule: old.and_then(|q| q.rule.clone()),
        new_rule: new.and_then(|q| q.rule.clone()),
        old_kind: old.map(|q| q.kind),
        new_kind: new.map(|q| q.kind),
        reattributed: false,
        rule_changed: false,
        kind_changed: false,
    }
}

/// Quotes of two runs are the same quote under the eval overlap test, with the old quote in the
/// role of the gold: half of the longer span, or of the shorter when either is partial or indirect.
fn diff_quotes(old: &[Quote], new: &[Quote]) -> Vec<Change> {
    let pairs = match_greedy(old.len(), new.len(), |o, n| {
        let (oq, nq) = (&old[o], &new[n]);
        let rule = if oq.kind == QuoteKind::Direct && nq.kind == QuoteKind::Direct {
            Overlap::HalfOfLonger
        } else {
            Overlap::HalfOfShorter
        };
        spans_match(oq.span, nq.span, rule).then(|| overlap(oq.span, nq.span))
    });
    let mut old_matched = vec![false; old.len()];
    let mut new_matched = vec![false; new.len()];
    let mut changes = Vec::new();
    for &(o, n) in &pairs {
        old_matched[o] = true;
        new_matched[n] = true;
        let (oq, nq) = (&old[o], &new[n]);
        let reattributed = speaker_name(oq) != speaker_name(nq);
        let rule_changed = oq.rule != nq.rule;
        let kind_changed = oq.kind != nq.kind;
        if reattributed || rule_changed || kind_changed {
            changes.push(Change {
                change: ChangeKind::Changed,
                old_span: Some(oq.span),
                new_span: Some(nq.span),
                text: nq.text.clone(),
                old_speaker: speaker_name(oq),
                new_speaker: speaker_name(nq),
                old_rule: oq.rule.clone(),
                new_rule: nq.rule.clone(),
                old_kind: Some(oq.kind),
                new_kind: Some(nq.kind),
                reattributed,
                rule_changed,
                kind_changed,
            });
        }
    }
    for (o, q) in old.iter().enumerate() {
        if !old_matched[o] {
            changes.push(lone(ChangeKind::Lost, q));
        }
    }
    for (n, q) in new.iter().enumerate() {
        if !new_matched[n] {
            changes.push(lone(ChangeKind::Gained, q));
        }
    }
    changes.sort_by_key(|c| {
        let s = c.span();
        (s.start, s.end, c.change as u8)
    });
    changes
}

/// Compares two runs. Documents are matched by id; a document present in only one run counts
/// all its quotes as lost or gained.
pub fn diff(old: &[Document], new: &[Document]) -> DiffReport {
    let new_by_id: HashMap<&str, &Document> = new.iter().map(|d| (d.id.as_str(), d)).collect();
    let old_ids: std::collections::HashSet<&str> = old.iter().map(|d| d.id.as_str()).collect();
    let mut totals = DiffTotals::default();
    let mut documents = Vec::new();
    let mut push = |id: &str, missing_in: Option<&str>, o: &[Quote], n: &[Quote]| {
        totals.documents += 1;
        totals.old_quotes += o.len();
        totals.new_quotes += n.len();
        let changes = diff_quotes(o, n);
        for c in &changes {
            match c.change {
                ChangeKind::Gained => totals.gained += 1,
                ChangeKind::Lost => totals.lost += 1,
                ChangeKind::Changed => {
                    totals.reattributed += usize::from(c.reattributed);
                    totals.rule_changed += usize::from(c.rule_changed);
                    totals.kind_changed += usize::from(c.kind_changed);
                }
            }
        }
        if !changes.is_empty() || missing_in.is_some() {
            if !changes.is_empty() {
                totals.documents_changed += 1;
            }
            documents.push(DocDiff {
                id: id.to_string(),
                missing_in: missing_in.map(str::to_string),
                changes,
            });
        }
    };
    for d in old {
        match new_by_id.get(d.id.as_str()) {
            Some(n) => push(&d.id, None, &d.quotes, &n.quotes),
            None => push(&d.id, Some("new"), &d.quotes, &[]),
        }
    }
    for d in new {
        if !old_ids.contains(d.id.as_str()) {
            push(&d.id, Some("old"), &[], &d.quotes);
        }
    }
    DiffReport { documents, totals }
}
