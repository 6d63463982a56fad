//! Deduplication: which normal forms of quoted text are one quotation.
//!
//! Two normal forms (see [`super::normalise`]) are linked when
//! - they are equal (this is how the caller groups occurrences into forms), or
//! - the shorter one, of at least [`MIN_FRAGMENT_TOKENS`] words, occurs as a contiguous run of
//!   words inside the longer one (a trimmed quotation), or
//! - both have at least [`MIN_NEAR_TOKENS`] words and the Jaccard similarity of their sets of
//!   word bigrams is at least [`NEAR_JACCARD`] (a re-worded or spun copy: the seed article 000,
//!   a spun copy of 001, turns "customer needs" into "client wants" and keeps 9 of 15 bigrams).
//!
//! A quotation is a connected component of these links. Candidates come from an index of
//! bigram → forms, so the work is near-linear in the number of forms rather than all pairs;
//! bigrams shared by more than [`MAX_POSTINGS`] forms ("of the") are too common to propose
//! candidates and are skipped. The components depend only on the set of forms, never on the
//! order documents arrived in.

use std::collections::HashMap;

use super::normalise::tokens;

/// Shortest fragment (in words) that joins a longer quotation by containment across
/// documents: three words ("super, super happy", "a real problem") recur in unrelated quotes.
pub const MIN_FRAGMENT_TOKENS: usize = 4;
/// Shortest text (in words), on both sides, for a near-duplicate link.
pub const MIN_NEAR_TOKENS: usize = 6;
/// Least Jaccard similarity of the word-bigram sets for a near-duplicate link.
pub const NEAR_JACCARD: f64 = 0.5;
/// A bigram held by more forms than this proposes no candidates.
pub const MAX_POSTINGS: usize = 1000;

/// Groups `forms` (distinct normal forms) into quotations: returns, for each form, the index
/// of the smallest form of its group.
pub fn cluster(forms: &[&str]) -> Vec<usize> {
    let words: Vec<Vec<&str>> = forms.iter().map(|f| tokens(f)).collect();
    let bigrams: Vec<Vec<u64>> = words.iter().map(|w| bigram_set(w)).collect();
    let mut order: Vec<usize> = (0..forms.len()).collect();
    // Longest first, so every fragment finds the longer forms that may contain it already
    // indexed; ties by text, so the run is the same whatever order the forms came in.
    order.sort_by(|&a, &b| {
        words[b]
            .len()
            .cmp(&words[a].len())
            .then_with(|| forms[a].cmp(forms[b]))
    });

    let mut groups = UnionFind::new(forms.len());
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    let mut shared: HashMap<u32, usize> = HashMap::new();
    for &f in &order {
        shared.clear();
        let mut usable = 0;
        for b in &bigrams[f] {
            let Some(postings) = index.get(b) else {
                usable += 1;
                continue;
            };
            if postings.len() > MAX_POSTINGS {
                continue;
            }
            usable += 1;
            for &c in postings {
                *shared.entry(c).or_default() += 1;
            }
        }
        for (&c, &n) in &shared {
            let c = c as usize;
            let contained = words[f].len() >= MIN_FRAGMENT_TOKENS
                && n == usable
                && contains_run(&words[c], &words[f]);
            let near = words[f].len() >= MIN_NEAR_TOKENS
                && words[c].len() >= MIN_NEAR_TOKENS
                && jaccard(n, bigrams[f].len(), bigrams[c].len()) >= NEAR_JACCARD;
            if contained || near {
                groups.union(f, c);
            }
        }
        for &b in &bigrams[f] {
            index.entry(b).or_default().push(f as u32);
        }
    }
    let mut smallest = vec![usize::MAX; forms.len()];
    for f in 0..forms.len() {
        let root = groups.find(f);
        smallest[root] = smallest[root].min(f);
    }
    (0..forms.len()).map(|f| smallest[groups.find(f)]).collect()
}

/// Whether `needle` occurs as a contiguous run of words in `haystack`.
pub fn contains_run(haystack: &[&str], needle: &[&str]) -> bool {
    !needle.is_empty()
        && needle.len() <= haystack.len()
        && haystack.windows(needle.len()).any(|w| w == needle)
}

fn jaccard(shared: usize, a: usize, b: usize) -> f64 {
    let union = a + b - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// The distinct word bigrams of a text, hashed (xxh3: stable across runs and platforms).
fn bigram_set(words: &[&str]) -> Vec<u64> {
    let mut set: Vec<u64> = words
        .windows(2)
        .map(|w| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            h.update(w[0].as_bytes());
            h.update(b" ");
            h.update(w[1].as_bytes());
            h.digest()
        })
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalise::normalise;
    use super::*;

    fn groups(texts: &[&str]) -> Vec<usize> {
        let norms: Vec<String> = texts.iter().map(|t| normalise(t)).collect();
        let forms: Vec<&str> = norms.iter().map(String::as_str).collect();
        cluster(&forms)
    }

    #[test]
    fn a_fragment_of_four_words_joins_the_longer_quotation() {
        let g = groups(&[
            "We will not raise taxes on working families this year",
            "raise taxes on working families",
        ]);
        assert_eq!(g, vec![0, 0]);
    }

    #[test]
    fn a_three_word_fragment_stays_apart() {
        let g = groups(&[
            "The results make us super, super happy today",
            "super super happy",
        ]);
        assert_eq!(g, vec![0, 1]);
    }

    #[test]
    fn a_spun_copy_joins() {
        let g = groups(&[
            "getting laser-focused on customer needs and [making] your customers super, super happy",
            "getting laser-focused on client wants and [making] your customers super, super happy",
        ]);
        assert_eq!(g, vec![0, 0]);
    }

    #[test]
    fn quotes_sharing_words_stay_apart() {
        let g = groups(&[
            "We will build the new bridge across the river next year",
            "We will not build a bridge across the river this year",
        ]);
        assert_eq!(g, vec![0, 1]);
    }

    #[test]
    fn groups_do_not_depend_on_input_order() {
        let texts = [
            "getting laser-focused on customer needs and making your customers super happy",
            "a completely different statement about the weather in Paris this week",
            "getting laser-focused on client wants and making your customers super happy",
            "on customer needs and making your",
        ];
        let forward = groups(&texts);
        let mut reversed = texts;
        reversed.reverse();
        let backward = groups(&reversed);
        // Same partition, whatever the order: compare who is grouped with whom.
        for i in 0..4 {
            for j in 0..4 {
                assert_eq!(
                    forward[i] == forward[j],
                    backward[3 - i] == backward[3 - j],
                    "{i} {j}"
                );
            }
        }
        assert_eq!(forward[0], forward[2]);
        assert_eq!(forward[0], forward[3]);
        assert_ne!(forward[0], forward[1]);
    }

    #[test]
    fn run_containment_needs_contiguous_words() {
        assert!(contains_run(&["a", "b", "c"], &["b", "c"]));
        assert!(!contains_run(&["a", "b", "c"], &["a", "c"]));
        assert!(!contains_run(&["a"], &[]));
    }
}
