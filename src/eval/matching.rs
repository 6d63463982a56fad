//! Span overlap and one-to-one pairing of predicted with gold quotes.

use crate::output::Span;

/// How strictly two spans must overlap to be the same quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlap {
    /// The spans share at least half of the longer span.
    HalfOfLonger,
    /// The spans share at least half of the shorter span; used where span boundaries are vague
    /// (partial and indirect gold, whose span may or may not include cue and speaker).
    HalfOfShorter,
}

fn len(s: Span) -> usize {
    s.end.saturating_sub(s.start)
}

/// Number of code points the two spans share.
pub fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Whether `a` and `b` count as the same quote under `rule`. Spans sharing nothing never match,
/// so two empty spans do not match each other.
pub fn spans_match(a: Span, b: Span, rule: Overlap) -> bool {
    let shared = overlap(a, b);
    if shared == 0 {
        return false;
    }
    let base = match rule {
        Overlap::HalfOfLonger => len(a).max(len(b)),
        Overlap::HalfOfShorter => len(a).min(len(b)),
    };
    // `2 * shared >= base` is "at least half" without rounding trouble on odd lengths.
    2 * shared >= base
}

/// Pairs each gold span with at most one predicted span and vice versa.
///
/// `gold` gives each gold span with its overlap rule. Among all pairs that match, the pair with
/// the largest overlap is taken first; ties go to the lower gold index, then the lower prediction
/// index, so the result depends only on the input order. Returns `(gold index, prediction index)`
/// pairs sorted by gold index.
pub fn match_one_to_one(gold: &[(Span, Overlap)], predicted: &[Span]) -> Vec<(usize, usize)> {
    match_greedy(gold.len(), predicted.len(), |g, p| {
        let (gs, rule) = gold[g];
        spans_match(gs, predicted[p], rule).then(|| overlap(gs, predicted[p]))
    })
}

/// The greedy one-to-one pairing behind [`match_one_to_one`], for callers whose overlap rule
/// depends on both sides. `score(a, b)` is `Some(overlap)` when `a` and `b` may be paired.
pub fn match_greedy(
    left: usize,
    right: usize,
    score: impl Fn(usize, usize) -> Option<usize>,
) -> Vec<(usize, usize)> {
    let mut candidates = Vec::new();
    for a in 0..left {
        for b in 0..right {
            if let Some(size) = score(a, b) {
                candidates.push((size, a, b));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let mut left_used = vec![false; left];
    let mut right_used = vec![false; right];
    let mut pairs = Vec::new();
    for (_, a, b) in candidates {
        if !left_used[a] && !right_used[b] {
            left_used[a] = true;
            right_used[b] = true;
            pairs.push((a, b));
        }
    }
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    #[test]
    fn overlap_counts_shared_code_points() {
        assert_eq!(overlap(s(0, 10), s(5, 20)), 5);
        assert_eq!(overlap(s(5, 20), s(0, 10)), 5);
        assert_eq!(overlap(s(0, 10), s(10, 20)), 0);
        assert_eq!(overlap(s(0, 10), s(20, 30)), 0);
        assert_eq!(overlap(s(2, 4), s(0, 10)), 2);
    }

    #[test]
    fn half_of_longer_needs_half_of_the_longer_span() {
        // Shared 5 of a longer span of 10: exactly half, matches.
        assert!(spans_match(s(0, 10), s(5, 12), Overlap::HalfOfLonger));
        // Shared 4 of 10: no.
        assert!(!spans_match(s(0, 10), s(6, 12), Overlap::HalfOfLonger));
        // Odd length 11, shared 6 > 5.5: yes; shared 5 < 5.5: no.
        assert!(spans_match(s(0, 11), s(5, 11), Overlap::HalfOfLonger));
        assert!(!spans_match(s(0, 11), s(6, 11), Overlap::HalfOfLonger));
        // A short span inside a long one fails the strict rule...
        assert!(!spans_match(s(0, 100), s(10, 30), Overlap::HalfOfLonger));
        // ...but passes the loose one.
        assert!(spans_match(s(0, 100), s(10, 30), Overlap::HalfOfShorter));
    }

    #[test]
    fn half_of_shorter_still_needs_overlap() {
        assert!(!spans_match(s(0, 100), s(95, 110), Overlap::HalfOfShorter));
        assert!(spans_match(s(0, 100), s(91, 108), Overlap::HalfOfShorter));
        assert!(!spans_match(s(0, 0), s(0, 0), Overlap::HalfOfShorter));
        assert!(!spans_match(s(0, 10), s(10, 10), Overlap::HalfOfShorter));
    }

    #[test]
    fn greedy_prefers_largest_overlap_and_is_one_to_one() {
        // Prediction 0 overlaps both gold quotes; gold 1 shares more with it, so gold 1 takes it
        // and gold 0 falls to prediction 1.
        let gold = [
            (s(0, 10), Overlap::HalfOfShorter),
            (s(8, 20), Overlap::HalfOfShorter),
        ];
        let pred = [s(6, 20), s(0, 7)];
        assert_eq!(match_one_to_one(&gold, &pred), vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn one_prediction_cannot_match_two_gold_quotes() {
        let gold = [
            (s(0, 10), Overlap::HalfOfLonger),
            (s(0, 10), Overlap::HalfOfLonger),
        ];
        let pred = [s(0, 10)];
        // Equal overlaps: the lower gold index wins.
        assert_eq!(match_one_to_one(&gold, &pred), vec![(0, 0)]);
    }

    #[test]
    fn ties_go_to_the_lower_prediction_index() {
        let gold = [(s(0, 10), Overlap::HalfOfLonger)];
        let pred = [s(1, 10), s(0, 9)];
        assert_eq!(match_one_to_one(&gold, &pred), vec![(0, 0)]);
    }

    #[test]
    fn no_candidates_no_pairs() {
        let gold = [(s(0, 10), Overlap::HalfOfLonger)];
        assert!(match_one_to_one(&gold, &[s(20, 30)]).is_empty());
        assert!(match_one_to_one(&[], &[s(20, 30)]).is_empty());
    }
}
