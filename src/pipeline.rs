//! Runs the stages in order on one document and builds the output record.

use std::borrow::Cow;
use std::ops::Range;

use foldhash::HashMap;

use crate::attribution::arbitration::Arbiter;
use crate::attribution::context::{Candidate, Context};
use crate::attribution::finding::{
    Decided, Finding, IndirectFinding, Phase, ResolvedSpeaker, MAX_QUOTATION_PIECES,
};
use crate::attribution::gate::{self, Judgement};
use crate::attribution::rule::Rule;
use crate::attribution::ruleset::RuleSet;
use crate::classify;
use crate::mentions::Entity;
use crate::output::{
    Cue, Document, NonSpeech, Part, Quote, QuoteClass, QuoteKind, Speaker, SpeakerSummary,
    SCHEMA_VERSION,
};
use crate::text::view::View;
use crate::text::CharOffsets;
use crate::Config;

/// How many records of the history before a passage the context rules read the words of,
/// at most: ATT010 compares a fragment with at most this many earlier records' words.
const WORDS_LOOK_BACK: usize =
    crate::attribution::rules::att010_repeats_attributed_words::MAX_REPEAT_SCAN_WORDS;

/// Confidence of a quote that reads as speech but that no rule attributed.
const UNATTRIBUTED_CONFIDENCE: f64 = 0.4;

/// Where a record of the history decided before the context rules comes from.
#[derive(Clone, Copy)]
enum Earlier {
    /// The passage of this candidate, decided as speech.
    Passage(usize),
    /// This indirect finding.
    Indirect(usize),
}

/// What became of one quoted passage.
enum Verdict {
    Speech {
        kind: QuoteKind,
        finding: Option<Finding>,
        rule: Option<&'static dyn Rule>,
    },
    NotSpeech(&'static str),
    Pending,
}

pub(crate) fn run(id: &str, original: &str, config: &Config) -> Document {
    // HTML references and decomposed accents are read on a normalised copy; every span is
    // taken back to `original` when the document is built.
    let mut view = View::of(original);
    let set = config.rules.unwrap_or_else(RuleSet::builtin);
    let rules: Vec<&'static dyn Rule> = set
        .rules()
        .filter(|r| {
            config
                .only_rules
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| o.trim().eq_ignore_ascii_case(r.id())))
        })
        .collect();
    let by_phase = |p: Phase| -> Vec<&'static dyn Rule> {
        rules.iter().copied().filter(|r| r.phase() == p).collect()
    };
    let (adjacent, contextual, indirect, quotation) = (
        by_phase(Phase::Adjacent),
        by_phase(Phase::Context),
        by_phase(Phase::Indirect),
        by_phase(Phase::Quotation),
    );

    // Every stage reads the normalised text with its wrapped lines joined: the same length,
    // so a span of one is a span of the other. The lines of a normalised copy are joined in
    // that copy (only its offset maps are read afterwards): a long document is held twice
    // at most, as given and as read.
    let joined: Cow<str> = match view.as_mut() {
        Some(v) => Cow::Owned(crate::text::layout::reading_view_of(std::mem::take(
            &mut v.text,
        ))),
        None => crate::text::layout::reading_view(original),
    };
    let text: &str = &joined;
    // One pass over the text gives the tokens and where sentence ends and quote marks may
    // be; the splitter and the quote scanner start from those positions.
    let mut ctx = Context::analyse(text, crate::attribution::rules::indirect_of);
    let top: Vec<usize> = (0..ctx.passages.len())
        .filter(|&i| ctx.passages[i].depth == 0)
        .collect();
    let candidates: Vec<Candidate> = top.iter().map(|&i| ctx.candidate(i)).collect();

    // Phase 1: adjacent rules, then the non-speech checks.
    let mut verdicts: Vec<Verdict> = candidates
        .iter()
        .map(|c| {
            let words = classify::passage_words(&ctx, c);
            if let Some(reason) = classify::name_reason(&ctx, c, &words) {
                return Verdict::NotSpeech(reason);
            }
            for r in &adjacent {
                if let Some(f) = r.attribute(&ctx, c, &[]) {
                    if let Some(verdict) = attributed(&ctx, c, f, *r) {
                        return verdict;
                    }
                }
            }
            match classify::non_speech_reason(&ctx, c, &words) {
                Some(reason) => Verdict::NotSpeech(reason),
                None => Verdict::Pending,
            }
        })
        .collect();

    // Quoted titles and names may stand inside reported speech.
    for (c, v) in candidates.iter().zip(&verdicts) {
        if matches!(v, Verdict::NotSpeech(_)) {
            ctx.mark_not_speech(c.outer.clone());
        }
    }

    // Indirect speech, sentence by sentence, weighed by the arbiter.
    let mut arbiter = Arbiter::new();
    let mut pieces = Vec::new();
    for s in 0..ctx.sentences.len() {
        arbiter.start_sentence();
        for r in &indirect {
            pieces.clear();
            // Only where the sentence holds a word that wakes the rule.
            crate::attribution::rule::indirect_when_awake(*r, &ctx, s, &mut pieces);
            for found in pieces.drain(..) {
                arbiter.offer(&ctx, found, *r);
            }
        }
        arbiter.end_sentence();
    }
    let indirect_found = arbiter.finish();

    // The document's sentence bodies and what each sentence's words are serve the indirect
    // rules only: freed before the context rules (were one asked for again, it would be
    // worked out again).
    ctx.bodies.take();
    ctx.sentence_words.take();

    // The history of decided speech, in text order, for the context rules: listed first as
    // where each record comes from, sorted by place (a stable sort: records in one place
    // keep their order, passages before indirect findings), and made into a record only
    // when the context rules reach it. Records made at once, sorted and then moved into
    // the growing history would hold two lists of them when a long document's memory peaks.
    let speech = verdicts
        .iter()
        .filter(|v| matches!(v, Verdict::Speech { .. }))
        .count();
    let mut earlier: Vec<((usize, usize), Earlier)> =
        Vec::with_capacity(speech + indirect_found.len());
    for (i, (c, v)) in candidates.iter().zip(&verdicts).enumerate() {
        if matches!(v, Verdict::Speech { .. }) {
            earlier.push(((c.outer.start, c.outer.end), Earlier::Passage(i)));
        }
    }
    for (k, (found, _)) in indirect_found.iter().enumerate() {
        earlier.push((
            (found.content.start, found.content.end),
            Earlier::Indirect(k),
        ));
    }
    earlier.sort_by_key(|(place, _)| *place);
    // (`None` only for a passage no longer speech, which phase 2 never makes.)
    let earlier_record = |from: Earlier, verdicts: &[Verdict]| match from {
        Earlier::Passage(i) => match &verdicts[i] {
            Verdict::Speech { finding, rule, .. } => Some(decided(&candidates[i], finding, *rule)),
            Verdict::NotSpeech(_) | Verdict::Pending => None,
        },
        Earlier::Indirect(k) => {
            let (found, rule) = &indirect_found[k];
            Some(Decided::new(
                &found.content,
                &found.content,
                found.finding.speaker.clone(),
                found.finding.cue.as_ref(),
                rule.id(),
                Some(rule.phase()),
                found.finding.confidence,
            ))
        }
    };

    // Phase 2: context rules on what is still undecided, in text order. Each is shown the
    // speech decided before it: `history` grows as the candidates are passed, taking in the
    // earlier decisions in order (an insertion into one list for each quote would move
    // every later record).
    // At most one record more for each undecided passage, so room for all is taken once.
    let pending = verdicts
        .iter()
        .filter(|v| matches!(v, Verdict::Pending))
        .count();
    let mut history: Vec<Decided> = Vec::with_capacity(pending + earlier.len());
    let mut next_earlier = 0;
    let mut words_kept_from = 0;
    for (i, c) in candidates.iter().enumerate() {
        if !matches!(verdicts[i], Verdict::Pending) {
            continue;
        }
        while let Some(&(_, from)) = earlier
            .get(next_earlier)
            .filter(|((start, _), _)| *start < c.outer.start)
        {
            history.extend(earlier_record(from, &verdicts));
            next_earlier += 1;
        }
        let upto = history.partition_point(|d| d.outer().start < c.outer.start);
        // The rules look back at most `WORDS_LOOK_BACK` records from `upto`, which only
        // grows (records are inserted at it): the words kept of older records are freed, so
        // a long document does not hold the lower-cased words of all its quotes. (Were one
        // read again, it would be lower-cased again: the output does not depend on this.)
        while words_kept_from + WORDS_LOOK_BACK < upto {
            history[words_kept_from].words.take();
            words_kept_from += 1;
        }
        let mut verdict = None;
        for r in &contextual {
            if let Some(f) = r.attribute(&ctx, c, &history[..upto]) {
                verdict = attributed(&ctx, c, f, *r);
                if verdict.is_some() {
                    break;
                }
            }
        }
        let verdict = verdict.unwrap_or_else(|| {
            if let Some(reason) = classify::soft_non_speech_reason(&ctx, c) {
                Verdict::NotSpeech(reason)
            } else if classify::is_utterance(&ctx, c) {
                Verdict::Speech {
                    kind: classify::kind(&ctx, c),
                    finding: None,
                    rule: None,
                }
            } else {
                Verdict::NotSpeech("unattributed-fragment")
            }
        });
        if let Verdict::Speech { finding, rule, .. } = &verdict {
            history.insert(upto, decided(c, finding, *rule));
        }
        verdicts[i] = verdict;
    }
    // The history (with the words ATT010 kept of each record) is not read again: freed
    // before the output is built, when a long document's memory peaks.
    drop(history);
    drop(earlier);

    // Phase 3: the pieces of one quotation, which follow each other, take one speaker.
    if !quotation.is_empty() {
        let mut start = 0;
        while start < candidates.len() {
            let Some(q) = ctx.quotation_of(candidates[start].passage) else {
                start += 1;
                continue;
            };
            let end = (start..candidates.len())
                .find(|&i| ctx.quotation_of(candidates[i].passage) != Some(q))
                .unwrap_or(candidates.len());
            settle_quotation(
                &ctx,
                &quotation,
                &candidates[start..end],
                &mut verdicts[start..end],
            );
            start = end;
        }
    }

    let (planned, non_speech) = plan_quotes(&ctx, config, &candidates, verdicts, indirect_found);
    // The analysis of the document (its tokens, their word information, the mentions, the
    // passages) and the text as read have served: freed before the texts of the output are
    // copied, so that a long document's memory peaks at the larger of the two, not at
    // their sum.
    let entities = std::mem::take(&mut ctx.mentions.entities);
    drop(ctx);
    drop(candidates);
    drop(joined);
    let source = Source {
        text: original,
        view: view.as_ref(),
    };
    build_document(id, &entities, &source, config.explain, planned, non_speech)
}

/// The verdict on a passage a rule attributed: speech, unless its cue is a verb of thinking
/// (`Dana thinks ferrets are “adorable”`): words someone holds are nobody's quotation.
/// A finding whose speaker is no speaker (`gate::is_speaker`: "Syrian", "His repeated",
/// "veteran") is none: `None`, and the next rule tries.
fn attributed(
    ctx: &Context,
    c: &Candidate,
    finding: Finding,
    rule: &'static dyn Rule,
) -> Option<Verdict> {
    if finding
        .speaker
        .as_ref()
        .is_some_and(|s| !gate::is_speaker(ctx, s))
    {
        return None;
    }
    if let Some(reason) = finding
        .cue
        .as_ref()
        .and_then(|cue| classify::not_said_by_cue(ctx, c, cue))
    {
        return Some(Verdict::NotSpeech(reason));
    }
    Some(Verdict::Speech {
        kind: classify::kind(ctx, c),
        finding: Some(finding),
        rule: Some(rule),
    })
}

fn decided(c: &Candidate, finding: &Option<Finding>, rule: Option<&'static dyn Rule>) -> Decided {
    Decided::new(
        &c.content,
        &c.outer,
        finding.as_ref().and_then(|f| f.speaker.clone()),
        finding.as_ref().and_then(|f| f.cue.as_ref()),
        rule.map_or("", |r| r.id()),
        rule.map(|r| r.phase()),
        finding.as_ref().map_or(0.0, |f| f.confidence),
    )
}

/// The text as given, and the view the stages read when it differs.
struct Source<'t> {
    text: &'t str,
    view: Option<&'t View>,
}

impl Source<'_> {
    /// A byte span of the text the stages read, in the text as given.
    fn span(&self, range: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.view
            .map_or_else(|| range.clone(), |v| v.to_original(range))
    }
}

/// Runs the [`Phase::Quotation`] rules on the pieces of one quotation (`candidates`, with
/// their `verdicts`), each shown the decided pieces around it.
fn settle_quotation(
    ctx: &Context,
    rules: &[&'static dyn Rule],
    candidates: &[Candidate],
    verdicts: &mut [Verdict],
) {
    let mut pieces = Vec::new();
    let mut at = Vec::new();
    for (i, (c, v)) in candidates.iter().zip(verdicts.iter()).enumerate() {
        if let Verdict::Speech { finding, rule, .. } = v {
            pieces.push(decided(c, finding, *rule));
            at.push(i);
        }
    }
    let mut changed = Vec::new();
    for (k, &i) in at.iter().enumerate() {
        let window = &pieces[k.saturating_sub(MAX_QUOTATION_PIECES)
            ..(k + MAX_QUOTATION_PIECES + 1).min(pieces.len())];
        if let Some((f, r)) = rules
            .iter()
            .find_map(|r| r.attribute(ctx, &candidates[i], window).map(|f| (f, *r)))
        {
            changed.push((i, f, r));
        }
    }
    // Every piece is settled from the decisions of the other rules, not from each other's.
    for (i, f, r) in changed {
        if let Verdict::Speech { finding, rule, .. } = &mut verdicts[i] {
            *finding = Some(f);
            *rule = Some(r);
        }
    }
}

/// Sorts `items` by `key`, items with equal keys in the order given (as a stable sort).
/// The keys are sorted and each item moved once to its place: a stable sort of the quotes
/// themselves would copy these large records at every merge and take a scratch buffer of
/// half of them, on a long document at the moment its memory peaks.
fn sort_moving_once<T>(items: &mut [T], key: impl Fn(&T) -> (usize, usize)) {
    let mut order: Vec<((usize, usize), usize)> = items
        .iter()
        .enumerate()
        .map(|(i, item)| (key(item), i))
        .collect();
    // The index in each key makes every key distinct. A merge sort, which takes the runs
    // already in order as they are: the quotes and the history come nearly sorted.
    order.sort();
    // Position k takes the item at `order[k].1`: each cycle of that permutation is walked
    // once, a swap putting one item in its place at each step.
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let from = order[k].1;
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// A quote of the output as decided, before its texts are copied out of the document.
struct Planned {
    content: Range<usize>,
    kind: QuoteKind,
    class: QuoteClass,
    finding: Option<Finding>,
    rule: Option<&'static str>,
    lead: Option<Range<usize>>,
    /// The index of the sentence that holds the start of `content`.
    sentence: usize,
}

/// The quotes of the document (passages decided as speech, then the indirect findings the
/// gate lets through, of the classes asked for) and, with `--explain`, the passages judged
/// not to be speech with the reason: everything the output needs of the document's
/// analysis, which can then be freed.
fn plan_quotes(
    ctx: &Context,
    config: &Config,
    candidates: &[Candidate],
    verdicts: Vec<Verdict>,
    indirect_found: Vec<(IndirectFinding, &'static dyn Rule)>,
) -> (Vec<Planned>, Vec<(Range<usize>, &'static str)>) {
    let speech = verdicts
        .iter()
        .filter(|v| matches!(v, Verdict::Speech { .. }))
        .count();
    // Room for every quote at once (each indirect finding gives one at most): a long
    // document's list is not copied as it doubles.
    let mut planned = Vec::with_capacity(speech + indirect_found.len());
    let mut non_speech = Vec::new();
    for (c, v) in candidates.iter().zip(verdicts) {
        match v {
            Verdict::Speech {
                kind,
                finding,
                rule,
            } => planned.push(Planned {
                content: c.content.clone(),
                kind,
                class: QuoteClass::Speech,
                finding,
                rule: rule.map(|r| r.id()),
                lead: None,
                sentence: ctx.sentence_at(c.content.start),
            }),
            // Listed only when asked for: otherwise the copies would be dropped unread.
            Verdict::NotSpeech(reason) if config.explain => {
                non_speech.push((c.content.clone(), reason));
            }
            Verdict::NotSpeech(_) | Verdict::Pending => {}
        }
    }
    for (mut found, rule) in indirect_found {
        // The writer's aside after a semicolon or an unclosed dash is no one's report, and
        // "the company" is the one company the sentences around it name.
        let referent = gate::description_referent(ctx, &found);
        if let Some(end) = gate::aside_start(ctx, &found) {
            found.content.end = end;
        }
        if let (Some(name), Some(speaker)) = (referent, found.finding.speaker.as_mut()) {
            speaker.name = name;
        }
        let class = rule.class_of(ctx.text, found.finding.cue.as_ref());
        let Judgement::Report(class) = gate::judge(ctx, &found, class) else {
            continue;
        };
        if !config.include.contains(class) {
            continue;
        }
        planned.push(Planned {
            sentence: ctx.sentence_at(found.content.start),
            content: found.content,
            kind: QuoteKind::Indirect,
            class,
            finding: Some(found.finding),
            rule: Some(rule.id()),
            lead: found.lead,
        });
    }
    (planned, non_speech)
}

/// The output record of the quotes `planned` and the passages `non_speech` (listed with
/// `explain`), their texts copied from the text as given; `entities` are the document's
/// persons, whose other names a speaker's summary lists.
fn build_document(
    id: &str,
    entities: &[Entity],
    source: &Source,
    explain: bool,
    planned: Vec<Planned>,
    non_speech: Vec<(Range<usize>, &'static str)>,
) -> Document {
    let offsets = CharOffsets::new(source.text);
    // A span of the text the stages read, as the words it covers in the text as given, its
    // character span and its byte span there.
    let located = |range: &Range<usize>| {
        let original = source.span(range);
        (
            source.text[original.clone()].to_string(),
            offsets.span(&original).into(),
            original.into(),
        )
    };
    let non_speech: Vec<NonSpeech> = non_speech
        .into_iter()
        .map(|(content, reason)| {
            let (text, span, byte_span) = located(&content);
            NonSpeech {
                text,
                span,
                byte_span,
                reason: reason.to_string(),
            }
        })
        .collect();
    let mut quotes: Vec<Quote> =
        planned
            .into_iter()
            .map(|p| {
                let speaker = p.finding.as_ref().and_then(|f| f.speaker.as_ref()).map(
                    |s: &ResolvedSpeaker| {
                        let (mention, span, byte_span) = located(&s.mention);
                        Speaker {
                            name: s.name.clone(),
                            mention,
                            span,
                            byte_span,
                        }
                    },
                );
                let cue = p.finding.as_ref().and_then(|f| f.cue.as_ref()).map(|r| {
                    let (text, span, byte_span) = located(r);
                    Cue {
                        text,
                        span,
                        byte_span,
                    }
                });
                let (text, span, byte_span) = located(&p.content);
                let lead = p.lead.as_ref().map(|lead| {
                    let (text, span, byte_span) = located(lead);
                    Part {
                        text,
                        span,
                        byte_span,
                    }
                });
                Quote {
                    text,
                    kind: p.kind,
                    class: p.class,
                    span,
                    byte_span,
                    lead,
                    sentence: p.sentence,
                    speaker,
                    cue,
                    rule: p.rule.map(str::to_string),
                    confidence: p
                        .finding
                        .as_ref()
                        .map_or(UNATTRIBUTED_CONFIDENCE, |f| f.confidence),
                }
            })
            .collect();
    sort_moving_once(&mut quotes, |q| (q.byte_span.start, q.byte_span.end));

    // Speakers, in order of their first quote.
    let mut speakers: Vec<SpeakerSummary> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::default();
    // The first entity of each name: looked up for each speaker, where a search of the
    // entities for each would cost speakers × entities on a long document.
    let mut entity_named: HashMap<&str, &Entity> = HashMap::default();
    for e in entities {
        entity_named.entry(e.name.as_str()).or_insert(e);
    }
    for q in &quotes {
        let Some(s) = &q.speaker else { continue };
        let i = *index.entry(s.name.clone()).or_insert_with(|| {
            let aliases = entity_named
                .get(s.name.as_str())
                .map(|e| e.forms.iter().filter(|f| **f != s.name).cloned().collect())
                .unwrap_or_default();
            speakers.push(SpeakerSummary {
                name: s.name.clone(),
                aliases,
                quotes: 0,
            });
            speakers.len() - 1
        });
        speakers[i].quotes += 1;
    }

    Document {
        id: id.to_string(),
        schema_version: SCHEMA_VERSION,
        meta: None,
        quotes,
        speakers,
        non_speech: explain.then_some(non_speech),
    }
}

#[cfg(test)]
mod tests {
    use super::sort_moving_once;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sort_moving_once_is_a_stable_sort(keys in proptest::collection::vec((0usize..6, 0usize..3), 0..60)) {
            // Few distinct keys, so that many are equal and their order is tested.
            let items: Vec<((usize, usize), usize)> =
                keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut sorted = items;
            sort_moving_once(&mut sorted, |item| item.0);
            prop_assert_eq!(sorted, expected);
        }
    }
}
