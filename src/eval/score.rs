//! Scoring predictions against gold: counts, metrics and the list of individual errors.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::gold::{GoldDoc, GoldKind, GoldQuote};
use super::matching::{match_one_to_one, overlap, spans_match, Overlap};
use crate::output::{Document, Quote, QuoteKind, Span, Speaker};

/// What to score.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Only these kinds, in gold and predictions alike; `None` means all three.
    pub kinds: Option<Vec<QuoteKind>>,
    /// Count every unmatched indirect prediction as a false positive, even in documents whose
    /// gold has no non-optional indirect quote.
    pub exhaustive: bool,
}

impl EvalOptions {
    fn selects(&self, kind: QuoteKind) -> bool {
        match &self.kinds {
            None => true,
            Some(k) => k.contains(&kind),
        }
    }
}

/// Precision, recall and F1 with the counts behind them. A ratio with a zero denominator is
/// `None` (`null` in JSON).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp).
    pub precision: Option<f64>,
    /// tp / (tp + fn).
    pub recall: Option<f64>,
    /// 2tp / (2tp + fp + fn).
    pub f1: Option<f64>,
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

impl Prf {
    /// Computes the ratios from the counts.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Prf {
        Prf {
            tp,
            fp,
            fn_,
            precision: ratio(tp, tp + fp),
            recall: ratio(tp, tp + fn_),
            f1: ratio(2 * tp, 2 * tp + fp + fn_),
        }
    }
}

/// Share of matched quotes, among those whose gold names a speaker, given the right speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Accuracy {
    /// Matched quotes whose gold has a speaker.
    pub judged: usize,
    /// Of those, how many got the right speaker.
    pub right: usize,
    /// right / judged.
    pub accuracy: Option<f64>,
}

/// Recall on gold quotes of one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindRecall {
    /// The gold kind.
    pub kind: QuoteKind,
    /// Gold quotes of this kind, optional ones included.
    pub gold: usize,
    /// Of those, how many are optional.
    pub optional: usize,
    /// Gold quotes of this kind matched by a prediction (optional ones included).
    pub found: usize,
    /// Non-optional gold quotes of this kind not matched.
    pub missed: usize,
    /// found / (found + missed).
    pub recall: Option<f64>,
}

/// How the predictions of one attribution rule fared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleStats {
    /// The rule ID; `(none)` for predictions without one.
    pub rule: String,
    /// Predictions of this rule that matched a gold quote.
    pub matched: usize,
    /// Of those, how many have a gold speaker to judge against.
    pub judged: usize,
    /// Of those, how many have the right speaker.
    pub right: usize,
    /// right / judged.
    pub accuracy: Option<f64>,
    /// Predictions of this rule that are false positives (non-speech reported included).
    pub false_positives: usize,
}

/// All the numbers of one evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// Gold documents scored.
    pub documents: usize,
    /// Gold documents that had no prediction record (scored as if nothing was found).
    pub documents_without_prediction: usize,
    /// Prediction records whose id is not in the gold (ignored).
    pub unknown_prediction_documents: usize,
    /// The kinds scored.
    pub kinds: Vec<QuoteKind>,
    /// Whether every unmatched indirect prediction counted as a false positive.
    pub exhaustive: bool,
    /// Gold speech quotes of the scored kinds, optional ones included.
    pub gold_quotes: usize,
    /// Of those, how many are optional.
    pub gold_optional: usize,
    /// Gold non-speech passages.
    pub gold_non_speech: usize,
    /// Predicted quotes of the scored kinds.
    pub predictions: usize,
    /// Unmatched indirect predictions left out of precision (see the module documentation).
    pub unjudged_predictions: usize,
    /// Extra predicted fragments inside a partial or indirect gold quote that another
    /// prediction matched; neither true nor false positives.
    pub fragments_of_found: usize,
    /// Finding the quotes, whoever the speaker.
    pub detection: Prf,
    /// Speakers of the quotes found.
    pub attribution: Accuracy,
    /// Finding the quotes and their speakers: a hit needs both.
    pub end_to_end: Prf,
    /// Non-speech passages reported as quotes (each also a detection false positive).
    pub non_speech_reported: usize,
    /// Recall per gold kind.
    pub by_kind: Vec<KindRecall>,
    /// Per attribution rule, sorted by rule ID.
    pub by_rule: Vec<RuleStats>,
}

/// The kind of an individual error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// A non-optional gold quote no prediction matched.
    Miss,
    /// A prediction matching no gold quote.
    FalsePositive,
    /// A prediction matching a gold non-speech passage.
    NonSpeechReported,
    /// A matched prediction with the wrong speaker.
    WrongSpeaker,
}

impl ErrorKind {
    /// Short label for text output.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Miss => "miss",
            ErrorKind::FalsePositive => "false-positive",
            ErrorKind::NonSpeechReported => "non-speech",
            ErrorKind::WrongSpeaker => "wrong-speaker",
        }
    }
}

/// One error, with enough context to look at it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorEntry {
    /// Document id.
    pub doc: String,
    /// What went wrong.
    pub error: ErrorKind,
    /// The gold span for a miss, the predicted span otherwise.
    pub span: Span,
    /// The kind of the quote at `span` (`none` for non-speech).
    pub kind: String,
    /// About 60 code points of text around the quote, the quote itself in `[` `]`.
    pub context: String,
    /// Accepted gold speaker names (empty for false positives).
    pub expected: Vec<String>,
    /// The predicted speaker name, with the mention when it differs.
    pub predicted: Option<String>,
    /// The rule of the prediction.
    pub rule: Option<String>,
}

/// The result of [`evaluate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// The metrics.
    pub summary: Summary,
    /// Every error, by document in gold order, then by position.
    pub errors: Vec<ErrorEntry>,
}

fn normalise(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The last word, case-folded, without possessive ending or surrounding punctuation, so that
/// "Guthrie's" and "Guthrie," compare equal to "Guthrie".
fn last_word(s: &str) -> Option<String> {
    let word = s.split_whitespace().last()?.to_lowercase();
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    (!word.is_empty()).then(|| word.to_string())
}

/// Whether `predicted` is an acceptable speaker for the gold quote. See `docs/gold-format.md`: same
/// name, same last word, or overlapping speaker span; the mention as written may also equal an
/// accepted name.
pub fn speaker_right(gold: &GoldQuote, predicted: Option<&Speaker>) -> bool {
    let Some(p) = predicted else {
        return false;
    };
    if gold.speaker_spans.iter().any(|&g| overlap(g, p.span) > 0) {
        return true;
    }
    let name = normalise(&p.name);
    let mention = normalise(&p.mention);
    let last = last_word(&p.name);
    gold.speakers.iter().any(|accepted| {
        let a = normalise(accepted);
        a == name || a == mention || (last.is_some() && last_word(accepted) == last)
    })
}

fn gold_overlap_rule(kind: QuoteKind) -> Overlap {
    match kind {
        QuoteKind::Direct => Overlap::HalfOfLonger,
        QuoteKind::Partial | QuoteKind::Indirect => Overlap::HalfOfShorter,
    }
}

/// About 60 code points around `span`: 20 before, up to 40 of the quote, 20 after.
pub fn context(chars: &[char], span: Span) -> String {
    let start = span.start.min(chars.len());
    let end = span.end.clamp(start, chars.len());
    let before: String = chars[start.saturating_sub(20)..start].iter().collect();
    let inner: String = if end - start > 40 {
        chars[start..start + 39]
            .iter()
            .chain(['…'].iter())
            .collect()
    } else {
        chars[start..end].iter().collect()
    };
    let after: String = chars[end..(end + 20).min(chars.len())].iter().collect();
    format!("{before}[{inner}]{after}")
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

fn describe_speaker(s: Option<&Speaker>) -> Option<String> {
    s.map(|s| {
        if s.mention.is_empty() || normalise(&s.mention) == normalise(&s.name) {
            s.name.clone()
        } else {
            format!("{} [{}]", s.name, s.mention)
        }
    })
}

#[derive(Default)]
struct RuleCounts {
    matched: usize,
    judged: usize,
    right: usize,
    fp: usize,
}

#[derive(Default)]
struct KindCounts {
    gold: usize,
    optional: usize,
    found: usize,
    missed: usize,
}

#[derive(Default)]
struct Tally {
    gold_quotes: usize,
    gold_optional: usize,
    gold_non_speech: usize,
    predictions: usize,
    unjudged: usize,
    fragments: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
    judged: usize,
    right: usize,
    e2e_tp: usize,
    non_speech_reported: usize,
    kinds: BTreeMap<QuoteKind, KindCounts>,
    rules: BTreeMap<String, RuleCounts>,
}

fn rule_key(q: &Quote) -> String {
    q.rule.clone().unwrap_or_else(|| "(none)".to_string())
}

fn score_doc(
    gold: &GoldDoc,
    predicted: &[Quote],
    opts: &EvalOptions,
    t: &mut Tally,
    errors: &mut Vec<ErrorEntry>,
) {
    let mut chars: Option<Vec<char>> = None;
    let mut ctx = |span: Span| -> String {
        context(
            chars.get_or_insert_with(|| gold.text.chars().collect()),
            span,
        )
    };

    let speech: Vec<(&GoldQuote, QuoteKind)> = gold
        .quotes
        .iter()
        .filter_map(|q| match q.kind {
            GoldKind::Speech(k) if opts.selects(k) => Some((q, k)),
            _ => None,
        })
        .collect();
    let non_speech: Vec<&GoldQuote> = gold
        .quotes
        .iter()
        .filter(|q| q.kind == GoldKind::NonSpeech)
        .collect();
    let preds: Vec<&Quote> = predicted.iter().filter(|q| opts.selects(q.kind)).collect();
    let indirect_judged = opts.exhaustive
        || gold
            .quotes
            .iter()
            .any(|q| q.kind == GoldKind::Speech(QuoteKind::Indirect) && !q.optional);

    t.gold_non_speech += non_speech.len();
    t.predictions += preds.len();
    for &(q, k) in &speech {
        t.gold_quotes += 1;
        let kc = t.kinds.entry(k).or_default();
        kc.gold += 1;
        if q.optional {
            t.gold_optional += 1;
            kc.optional += 1;
        }
    }

    let gold_spans: Vec<(Span, Overlap)> = speech
        .iter()
        .map(|&(q, k)| (q.span, gold_overlap_rule(k)))
        .collect();
    let pred_spans: Vec<Span> = preds.iter().map(|q| q.span).collect();
    let pairs = match_one_to_one(&gold_spans, &pred_spans);

    let mut gold_matched = vec![false; speech.len()];
    let mut pred_matched = vec![false; preds.len()];
    for &(g, p) in &pairs {
        gold_matched[g] = true;
        pred_matched[p] = true;
    }

    // Only predictions left over from speech matching can be blamed on a non-speech passage, so
    // a quote that overlaps both is given the benefit of the doubt.
    let leftover: Vec<usize> = (0..preds.len()).filter(|&p| !pred_matched[p]).collect();
    let ns_spans: Vec<(Span, Overlap)> = non_speech
        .iter()
        .map(|q| (q.span, Overlap::HalfOfLonger))
        .collect();
    let leftover_spans: Vec<Span> = leftover.iter().map(|&p| preds[p].span).collect();
    let mut hit_non_speech = vec![false; preds.len()];
    for (_, lp) in match_one_to_one(&ns_spans, &leftover_spans) {
        hit_non_speech[leftover[lp]] = true;
    }

    // Errors are collected by position so the listing reads like the document.
    let mut doc_errors: Vec<ErrorEntry> = Vec::new();

    for &(g, p) in &pairs {
        let (gq, k) = speech[g];
        let pq = preds[p];
        t.tp += 1;
        t.kinds.entry(k).or_default().found += 1;
        let rc = t.rules.entry(rule_key(pq)).or_default();
        rc.matched += 1;
        if gq.has_speaker() {
            t.judged += 1;
            rc.judged += 1;
            if speaker_right(gq, pq.speaker.as_ref()) {
                t.right += 1;
                rc.right += 1;
                t.e2e_tp += 1;
            } else {
                doc_errors.push(ErrorEntry {
                    doc: gold.id.clone(),
                    error: ErrorKind::WrongSpeaker,
                    span: pq.span,
                    kind: k.as_str().to_string(),
                    context: ctx(pq.span),
                    expected: gq.speakers.clone(),
                    predicted: describe_speaker(pq.speaker.as_ref()),
                    rule: pq.rule.clone(),
                });
            }
        } else {
            t.e2e_tp += 1;
        }
    }

    for (p, pq) in preds.iter().enumerate() {
        if pred_matched[p] {
            continue;
        }
        // A second quoted fragment inside a reported clause that another prediction already
        // matched ("called him “a liar” and “a bully”" against one mixed gold span) is part
        // of a found quote, not a false one; it is counted apart and left out of precision.
        let inside_found = speech.iter().enumerate().any(|(g, &(gq, k))| {
            gold_matched[g]
                && k != QuoteKind::Direct
                && spans_match(gq.span, pq.span, Overlap::HalfOfShorter)
        });
        let error = if hit_non_speech[p] {
            t.non_speech_reported += 1;
            ErrorKind::NonSpeechReported
        } else if inside_found {
            t.fragments += 1;
            continue;
        } else if pq.kind == QuoteKind::Indirect && !indirect_judged {
            t.unjudged += 1;
            continue;
        } else {
            ErrorKind::FalsePositive
        };
        t.fp += 1;
        t.rules.entry(rule_key(pq)).or_default().fp += 1;
        doc_errors.push(ErrorEntry {
            doc: gold.id.clone(),
            error,
            span: pq.span,
            kind: pq.kind.as_str().to_string(),
            context: ctx(pq.span),
            expected: Vec::new(),
            predicted: describe_speaker(pq.speaker.as_ref()),
            rule: pq.rule.clone(),
        });
    }

    for (g, &(gq, k)) in speech.iter().enumerate() {
        if gold_matched[g] || gq.optional {
            continue;
        }
        t.fn_ += 1;
        t.kinds.entry(k).or_default().missed += 1;
        doc_errors.push(ErrorEntry {
            doc: gold.id.clone(),
            error: ErrorKind::Miss,
            span: gq.span,
            kind: k.as_str().to_string(),
            context: ctx(gq.span),
            expected: gq.speakers.clone(),
            predicted: None,
            rule: None,
        });
    }

    doc_errors.sort_by_key(|e| (e.span.start, e.span.end, e.error as u8));
    errors.extend(doc_errors);
}

/// The predictions of one document with each quote's lead (the part of its content before
/// an interrupting attribution) as a prediction of its own, right before the quote: the gold
/// annotates the two parts of such content as two quotes, and each part must match or count
/// against precision on its own.
fn with_leads(quotes: &[Quote]) -> Cow<'_, [Quote]> {
    if quotes.iter().all(|q| q.lead.is_none()) {
        return Cow::Borrowed(quotes);
    }
    let mut out = Vec::with_capacity(quotes.len() + 1);
    for q in quotes {
        if let Some(lead) = &q.lead {
            out.push(Quote {
                text: lead.text.clone(),
                span: lead.span,
                byte_span: lead.byte_span,
                lead: None,
                ..q.clone()
            });
        }
        out.push(q.clone());
    }
    Cow::Owned(out)
}

/// Scores `predicted` against `gold`. Predictions are matched to gold documents by id; a gold
/// document without a prediction counts as one where nothing was found, and predictions for
/// documents not in the gold are ignored (and counted).
pub fn evaluate(gold: &[GoldDoc], predicted: &[Document], opts: &EvalOptions) -> Evaluation {
    let by_id: HashMap<&str, &Document> = predicted.iter().map(|d| (d.id.as_str(), d)).collect();
    let mut t = Tally::default();
    let mut errors = Vec::new();
    let mut without = 0;
    let mut used = 0;
    for g in gold {
        let quotes = match by_id.get(g.id.as_str()) {
            Some(d) => {
                used += 1;
                with_leads(&d.quotes)
            }
            None => {
                without += 1;
                Cow::Borrowed(&[][..])
            }
        };
        score_doc(g, &quotes, opts, &mut t, &mut errors);
    }

    let kinds: Vec<QuoteKind> = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect]
        .into_iter()
        .filter(|&k| opts.selects(k))
        .collect();
    let by_kind = kinds
        .iter()
        .map(|&k| {
            let c = t.kinds.remove(&k).unwrap_or_default();
            KindRecall {
                kind: k,
                gold: c.gold,
                optional: c.optional,
                found: c.found,
                missed: c.missed,
                recall: ratio(c.found, c.found + c.missed),
            }
        })
        .collect();
    let by_rule = t
        .rules
        .into_iter()
        .map(|(rule, c)| RuleStats {
            rule,
            matched: c.matched,
            judged: c.judged,
            right: c.right,
            accuracy: ratio(c.right, c.judged),
            false_positives: c.fp,
        })
        .collect();
    let predicted_judged = t.tp + t.fp;
    let gold_total = t.tp + t.fn_;
    Evaluation {
        summary: Summary {
            documents: gold.len(),
            documents_without_prediction: without,
            unknown_prediction_documents: by_id.len() - used,
            kinds,
            exhaustive: opts.exhaustive,
            gold_quotes: t.gold_quotes,
            gold_optional: t.gold_optional,
            gold_non_speech: t.gold_non_speech,
            predictions: t.predictions,
            unjudged_predictions: t.unjudged,
            fragments_of_found: t.fragments,
            detection: Prf::new(t.tp, t.fp, t.fn_),
            attribution: Accuracy {
                judged: t.judged,
                right: t.right,
                accuracy: ratio(t.right, t.judged),
            },
            end_to_end: Prf::new(t.e2e_tp, predicted_judged - t.e2e_tp, gold_total - t.e2e_tp),
            non_speech_reported: t.non_speech_reported,
            by_kind,
            by_rule,
        },
        errors,
    }
}
