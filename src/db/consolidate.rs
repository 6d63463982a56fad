//! Recomputes the derived tables (`quotations`, `quotation_speakers`, `speakers`,
//! `quotations_fts`, and `placements`) from the stored occurrences.
//!
//! The result depends only on the set of stored documents: a build interrupted and resumed
//! gives the same tables as a clean one. Quotation ids are numbered by each quotation's first
//! occurrence, so quotations that new documents do not touch keep their ids.
//!
//! Verbatim quotations (direct and partial quotes) and reports (indirect speech, or another
//! class of finding) are deduplicated apart, each report class on its own: a report is never
//! merged into a verbatim quotation, so it is never shown inside quotation marks.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::params;

use super::build::report_content;
use super::dedup::{cluster, contains_run, MIN_FRAGMENT_TOKENS};
use super::normalise::tokens;
use super::speakers::{distribution, is_named, speaker_key, Canon, Vote};
use super::{Database, Result};
use crate::output::{QuoteClass, QuoteKind};

/// Most occurrences in one document for which same-document fragments are looked for (the
/// check is quadratic in a document's occurrences).
pub const MAX_SAME_DOCUMENT_OCCURRENCES: usize = 1000;

/// What a consolidation produced.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Consolidated {
    /// Occurrences read.
    pub occurrences: usize,
    /// Quotations written.
    pub quotations: usize,
    /// Named speakers written.
    pub speakers: usize,
}

/// Which occurrences may be one quotation: verbatim quotes together, and reports of each
/// class apart (`None`: a report whose class an older whosaid did not store).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Partition {
    Verbatim,
    Report(Option<QuoteClass>),
}

struct Occurrence {
    id: i64,
    doc: i64,
    partition: Partition,
    /// Length of the surface text (with a report's lead), in characters.
    chars: usize,
    norm: String,
    speaker: Option<String>,
    mention: Option<String>,
    confidence: f64,
    quotation: Option<i64>,
}

impl Database {
    /// Recomputes the quotation and speaker tables, in one transaction, and clears the
    /// `dirty` flag.
    pub fn consolidate(&mut self) -> Result<Consolidated> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let mut dates: HashMap<i64, String> = HashMap::new();
        {
            let mut stmt = tx.prepare("SELECT doc, date FROM documents WHERE date IS NOT NULL")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            for row in rows {
                let (doc, date) = row?;
                dates.insert(doc, date);
            }
        }
        let mut occ: Vec<Occurrence> = Vec::new();
        {
            let mut stmt = tx.prepare(
                "SELECT o.id, o.doc, length(o.text) + COALESCE(length(o.lead) + 3, 0), o.norm, \
                 o.speaker, o.mention, o.confidence, p.quotation, o.kind, o.class \
                 FROM occurrences o LEFT JOIN placements p ON p.occurrence = o.id ORDER BY o.id",
            )?;
            let rows = stmt.query_map([], |r| {
                let kind: String = r.get(8)?;
                let class: Option<String> = r.get(9)?;
                Ok(Occurrence {
                    id: r.get(0)?,
                    doc: r.get(1)?,
                    partition: if kind == QuoteKind::Indirect.as_str() {
                        Partition::Report(class.as_deref().and_then(QuoteClass::parse))
                    } else {
                        Partition::Verbatim
                    },
                    chars: r.get(2)?,
                    norm: r.get(3)?,
                    speaker: r.get(4)?,
                    mention: r.get(5)?,
                    confidence: r.get(6)?,
                    quotation: r.get(7)?,
                })
            })?;
            for row in rows {
                occ.push(row?);
            }
        }

        // Group by partition and normal form, then link the forms of each partition (exact,
        // fragment, near duplicate).
        let mut form_of: HashMap<(Partition, &str), usize> = HashMap::new();
        let mut forms_of: BTreeMap<Partition, Vec<usize>> = BTreeMap::new();
        let mut forms: Vec<&str> = Vec::new();
        let mut occ_form: Vec<usize> = Vec::with_capacity(occ.len());
        for o in &occ {
            let f = *form_of
                .entry((o.partition, o.norm.as_str()))
                .or_insert_with(|| {
                    forms.push(o.norm.as_str());
                    forms_of
                        .entry(o.partition)
                        .or_default()
                        .push(forms.len() - 1);
                    forms.len() - 1
                });
            occ_form.push(f);
        }
        let mut group_of_form: Vec<usize> = (0..forms.len()).collect();
        for members in forms_of.values() {
            let texts: Vec<&str> = members.iter().map(|&f| forms[f]).collect();
            for (local, smallest) in cluster(&texts).into_iter().enumerate() {
                group_of_form[members[local]] = members[smallest];
            }
        }
        let mut group: Vec<usize> = occ_form.iter().map(|&f| group_of_form[f]).collect();

        // A short fragment that repeats words of a longer quote in its own document (whosaid's
        // ATT010 finds these) belongs to that quote's quotation, however short it is.
        let mut by_doc: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
        for (i, o) in occ.iter().enumerate() {
            by_doc.entry(o.doc).or_default().push(i);
        }
        for members in by_doc.values() {
            if members.len() > MAX_SAME_DOCUMENT_OCCURRENCES {
                continue;
            }
            let words: Vec<Vec<&str>> = members.iter().map(|&i| tokens(&occ[i].norm)).collect();
            for (a, &i) in members.iter().enumerate() {
                if words[a].is_empty() || words[a].len() >= MIN_FRAGMENT_TOKENS {
                    continue;
                }
                let host = (0..members.len())
                    .filter(|&b| words[b].len() > words[a].len())
                    .filter(|&b| occ[members[b]].partition == occ[i].partition)
                    .find(|&b| contains_run(&words[b], &words[a]));
                if let Some(b) = host {
                    group[i] = group_of_form[occ_form[members[b]]];
                }
            }
        }

        // Quotations numbered by their first occurrence.
        let mut members_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, &g) in group.iter().enumerate() {
            members_of.entry(g).or_default().push(i);
        }
        let mut quotations: Vec<Vec<usize>> = members_of.into_values().collect();
        quotations.sort_by_key(|m| m[0]);

        let canon = Canon::new(occ.iter().filter_map(|o| o.speaker.as_deref()));

        tx.execute_batch(
            "DELETE FROM quotations; DELETE FROM quotation_speakers; DELETE FROM speakers; \
             DELETE FROM quotations_fts;",
        )?;
        // Per named speaker: aliases, occurrences, quotations on top.
        let mut speaker_rows: BTreeMap<String, (BTreeSet<String>, usize, usize)> = BTreeMap::new();
        {
            let mut insert_quotation = tx.prepare_cached(
                "INSERT INTO quotations (id, text, top_speaker, top_weight, occurrences, \
                 documents, first_date, last_date, verbatim, class) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut insert_fts =
                tx.prepare_cached("INSERT INTO quotations_fts (rowid, text) VALUES (?1, ?2)")?;
            let mut insert_speaker = tx.prepare_cached(
                "INSERT INTO quotation_speakers (quotation, speaker, weight, evidence) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut text_of =
                tx.prepare_cached("SELECT text, lead FROM occurrences WHERE id = ?1")?;
            let mut place = tx.prepare_cached(
                "INSERT INTO placements (occurrence, quotation) VALUES (?1, ?2) \
                 ON CONFLICT (occurrence) DO UPDATE SET quotation = excluded.quotation",
            )?;
            for (n, members) in quotations.iter().enumerate() {
                let qid = n as i64 + 1;
                // The longest surface form (in characters); the first among equals.
                let longest = members.iter().copied().fold(members[0], |best, i| {
                    if occ[i].chars > occ[best].chars {
                        i
                    } else {
                        best
                    }
                });
                let (text, lead): (String, Option<String>) =
                    text_of.query_row([occ[longest].id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                let (verbatim, class) = match occ[members[0]].partition {
                    Partition::Verbatim => (true, Some(QuoteClass::Speech)),
                    Partition::Report(class) => (false, class),
                };
                let text = if verbatim {
                    text
                } else {
                    report_content(lead.as_deref(), &text)
                };
                let docs: BTreeSet<i64> = members.iter().map(|&i| occ[i].doc).collect();
                let first_date = docs.iter().filter_map(|d| dates.get(d)).min();
                let last_date = docs.iter().filter_map(|d| dates.get(d)).max();
                let votes: Vec<Vote> = members
                    .iter()
                    .map(|&i| Vote {
                        occurrence: occ[i].id,
                        speaker: speaker_key(&canon, occ[i].speaker.as_deref()),
                        confidence: occ[i].confidence,
                    })
                    .collect();
                let dist = distribution(&votes);
                let top = dist.first();
                insert_quotation.execute(params![
                    qid,
                    text,
                    top.map(|w| &w.name),
                    top.map(|w| w.weight),
                    members.len(),
                    docs.len(),
                    first_date,
                    last_date,
                    verbatim,
                    class.map(QuoteClass::as_str)
                ])?;
                insert_fts.execute(params![qid, text])?;
                for w in &dist {
                    insert_speaker.execute(params![
                        qid,
                        w.name,
                        w.weight,
                        serde_json::to_string(&w.evidence)?
                    ])?;
                }
                if let Some(top) = top.filter(|w| is_named(&w.name)) {
                    speaker_rows.entry(top.name.clone()).or_default().2 += 1;
                }
                for &i in members {
                    if occ[i].quotation != Some(qid) {
                        place.execute(params![occ[i].id, qid])?;
                    }
                }
            }
        }
        for o in &occ {
            let Some(name) = o.speaker.as_deref().filter(|n| is_named(n)) else {
                continue;
            };
            let canonical = canon.of(name).to_string();
            let row = speaker_rows.entry(canonical.clone()).or_default();
            row.1 += 1;
            for alias in [Some(name), o.mention.as_deref()].into_iter().flatten() {
                if alias != canonical && is_named(alias) {
                    row.0.insert(alias.to_string());
                }
            }
        }
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO speakers (name, aliases, quotations, occurrences) \
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (name, (aliases, occurrences, quotations)) in &speaker_rows {
                let aliases: Vec<&String> = aliases.iter().collect();
                insert.execute(params![
                    name,
                    serde_json::to_string(&aliases)?,
                    quotations,
                    occurrences
                ])?;
            }
        }
        tx.execute("UPDATE state SET value = '0' WHERE key = 'dirty'", [])?;
        tx.commit()?;
        Ok(Consolidated {
            occurrences: occ.len(),
            quotations: quotations.len(),
            speakers: speaker_rows.len(),
        })
    }
}
