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
//! bigram → forms, read rarest bigram first ("customer needs" before "of the"), at most
//! [`MAX_CANDIDATE_POSTINGS`] postings per form, so the work is linear in the number of forms
//! rather than all pairs, whatever the vocabulary; each candidate is then checked on its whole
//! set of bigrams. The components depend only on the set of forms, never on the order
//! documents arrived in.

use std::collections::HashMap;

use super::normalise::tokens;

/// Shortest fragment (in words) that joins a longer quotation by containment across
/// documents: three words ("super, super happy", "a real problem") recur in unrelated quotes.
pub const MIN_FRAGMENT_TOKENS: usize = 4;
/// Shortest text (in words), on both sides, for a near-duplicate link.
pub const MIN_NEAR_TOKENS: usize = 6;
/// Least Jaccard similarity of the word-bigram sets for a near-duplicate link.
pub const NEAR_JACCARD: f64 = 0.5;
/// Most postings a form reads, rarest bigrams first, to find the earlier forms it may join:
/// the bound that keeps clustering linear when the same word pairs recur in most quotations
/// (a small vocabulary). A form whose every bigram is that common ("it is going to be")
/// may miss a longer form that holds it.
pub const MAX_CANDIDATE_POSTINGS: usize = 256;

/// Groups `forms` (distinct normal forms) into quotations: returns, for each form, the index
/// of the smallest form of its group.
pub fn cluster(forms: &[&str]) -> Vec<usize> {
    cluster_counting(forms, true).0
}

/// The work [`cluster`] did, counted for the tests of its cost.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct Work {
    /// Bigrams walked, postings read and distinct candidates met: at most
    /// [`MAX_CANDIDATE_POSTINGS`] postings and one unit per bigram for each form.
    steps: u64,
    /// Candidates compared on their whole bigram sets: those whose signature admits a link.
    comparisons: u64,
}

/// What ruling a candidate out needs of a form: its signature (a bit for each of its bigrams)
/// and its numbers of words and bigrams.
#[derive(Clone, Copy)]
struct Summary {
    signature: u64,
    words: usize,
    bigrams: usize,
}

/// [`cluster`], and the work it did. With `prune` false every candidate is compared on its
/// whole set of bigrams (the reference the signature filter must agree with).
fn cluster_counting(forms: &[&str], prune: bool) -> (Vec<usize>, Work) {
    let mut work = Work::default();
    let words: Vec<Vec<&str>> = forms.iter().map(|f| tokens(f)).collect();
    let bigrams: Vec<Vec<u64>> = words.iter().map(|w| bigram_set(w)).collect();
    // Each distinct bigram gets a dense number, so that the loop below indexes vectors
    // instead of hashing, and the number of forms that hold it: a form looks for candidates
    // through its rarest bigrams first, which a containing or near-duplicate form shares as
    // well as any other.
    let mut number: HashMap<u64, u32> = HashMap::new();
    let mut frequency: Vec<u32> = Vec::new();
    let numbered: Vec<Vec<u32>> = bigrams
        .iter()
        .map(|set| {
            set.iter()
                .map(|&b| {
                    let n = *number.entry(b).or_insert_with(|| {
                        frequency.push(0);
                        frequency.len() as u32 - 1
                    });
                    frequency[n as usize] += 1;
                    n
                })
                .collect()
        })
        .collect();
    // A form's signature: one bit per bigram (its hash's low six bits). Every bigram two forms
    // share sets its bit in both, so the bigrams of one form whose bits are set in the other's
    // signature bound the shared bigrams from above: one load, where a comparison of the
    // whole sets reads scattered memory, rules out nearly every candidate of a small
    // vocabulary.
    // Kept with the word and bigram counts, so that ruling a candidate out reads one place.
    let summary: Vec<Summary> = words
        .iter()
        .zip(&bigrams)
        .map(|(w, set)| Summary {
            signature: set.iter().fold(0, |s, &b| s | (1 << (b & 63))),
            words: w.len(),
            bigrams: set.len(),
        })
        .collect();
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
    let mut index: Vec<Vec<u32>> = vec![Vec::new(); frequency.len()];
    // The form that last met each form as a candidate, to meet it once.
    let mut met_by: Vec<u32> = vec![u32::MAX; forms.len()];
    let mut rarest_first: Vec<(u32, u64, u32)> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for &f in &order {
        rarest_first.clear();
        rarest_first.extend(
            numbered[f]
                .iter()
                .zip(&bigrams[f])
                .map(|(&n, &b)| (frequency[n as usize], b, n)),
        );
        rarest_first.sort_unstable();
        candidates.clear();
        let mut budget = MAX_CANDIDATE_POSTINGS;
        for &(_, _, n) in &rarest_first {
            work.steps += 1;
            if budget == 0 {
                break;
            }
            let postings = &index[n as usize];
            let read = &postings[..postings.len().min(budget)];
            budget -= read.len();
            work.steps += read.len() as u64;
            for &c in read {
                if met_by[c as usize] != f as u32 {
                    met_by[c as usize] = f as u32;
                    candidates.push(c);
                }
            }
        }
        work.steps += candidates.len() as u64;
        let (f_len, f_bigrams) = (words[f].len(), bigrams[f].len());
        for &c in &candidates {
            let c = c as usize;
            let Summary {
                signature,
                words: c_len,
                bigrams: c_bigrams,
            } = summary[c];
            let may_link = |shared: usize| {
                (f_len >= MIN_FRAGMENT_TOKENS && shared == f_bigrams)
                    || (f_len >= MIN_NEAR_TOKENS
                        && c_len >= MIN_NEAR_TOKENS
                        && jaccard(shared, f_bigrams, c_bigrams) >= NEAR_JACCARD)
            };
            if prune {
                let bound = bigrams[f]
                    .iter()
                    .filter(|&&b| (signature >> (b & 63)) & 1 == 1)
                    .count();
                if !may_link(bound) {
                    continue;
                }
            }
            if groups.find(f) == groups.find(c) {
                continue;
            }
            work.comparisons += 1;
            let shared = bigrams[f]
                .iter()
                .filter(|b| bigrams[c].binary_search(b).is_ok())
                .count();
            let contained = f_len >= MIN_FRAGMENT_TOKENS
                && shared == f_bigrams
                && contains_run(&words[c], &words[f]);
            let near = f_len >= MIN_NEAR_TOKENS
                && c_len >= MIN_NEAR_TOKENS
                && jaccard(shared, f_bigrams, c_bigrams) >= NEAR_JACCARD;
            if contained || near {
                groups.union(f, c);
            }
        }
        for &n in &numbered[f] {
            index[n as usize].push(f as u32);
        }
    }
    let mut smallest = vec![usize::MAX; forms.len()];
    for f in 0..forms.len() {
        let root = groups.find(f);
        smallest[root] = smallest[root].min(f);
    }
    let groups = (0..forms.len()).map(|f| smallest[groups.find(f)]).collect();
    (groups, work)
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

    /// `n` distinct quotes of 6 to 14 words drawn from `vocabulary` (a fixed pseudo-random
    /// walk).
    fn small_vocabulary_of(vocabulary: &str, n: usize) -> Vec<String> {
        let words: Vec<&str> = vocabulary.split_whitespace().collect();
        let mut state = 25u64;
        let mut next = |m: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize % m
        };
        let mut quotes = std::collections::BTreeSet::new();
        while quotes.len() < n {
            let len = 6 + next(9);
            let quote: Vec<&str> = (0..len).map(|_| words[next(words.len())]).collect();
            quotes.insert(quote.join(" "));
        }
        quotes.into_iter().collect()
    }

    /// `n` distinct quotes drawn from 12 words.
    fn small_vocabulary(n: usize) -> Vec<String> {
        small_vocabulary_of("we will need more time to make the plan work for people", n)
    }

    /// The 80 words of `bench/gen_small_vocab.py`.
    const EIGHTY_WORDS: &str = "we will need more time to make the plan work for every family \
        and town so that people can trust what council does next year our new school road \
        water tax money jobs city state they are not going into this with any fear about how \
        much it costs but all of us know must be done before winter comes back here again as \
        promised by those who said yes when asked if people would pay less or more than last \
        spring";

    // guards: on quotes of a small vocabulary every word pair recurs in most quotations, and
    // each quotation was compared with every earlier one that shared a pair (up to
    // 1000 of them per pair): consolidation grew with the square of the quotations.
    #[test]
    fn clustering_work_grows_linearly_on_a_small_vocabulary() {
        let small = small_vocabulary(4_000);
        let large = small_vocabulary(32_000);
        let work = |texts: &[String]| {
            let forms: Vec<&str> = texts.iter().map(String::as_str).collect();
            cluster_counting(&forms, true).1.steps
        };
        let (w_small, w_large) = (work(&small), work(&large));
        let growth = w_large as f64 / w_small.max(1) as f64;
        assert!(
            growth <= 9.0,
            "8 times the quotes cost {growth:.1} times the work ({w_small} → {w_large})"
        );
        // Each form reads at most MAX_CANDIDATE_POSTINGS postings, checks as many candidates
        // and walks its 13 bigrams at most.
        let per_form = w_large as f64 / large.len() as f64;
        assert!(
            per_form <= (2 * MAX_CANDIDATE_POSTINGS + 13) as f64,
            "{per_form:.0} units of work per form"
        );
    }

    // guards: every candidate (up to MAX_CANDIDATE_POSTINGS for each form) was compared on
    // its whole set of bigrams, scattered in memory: on 280,000 quotes of 80 words the
    // clustering took 24 s of the build's 34 (16 times its time on 35,000), the comparisons
    // growing with the candidates read and each slower as the sets outgrew the caches.
    #[test]
    fn few_candidates_of_a_small_vocabulary_are_compared_in_full() {
        let quotes = small_vocabulary_of(EIGHTY_WORDS, 40_000);
        let forms: Vec<&str> = quotes.iter().map(String::as_str).collect();
        let (groups, work) = cluster_counting(&forms, true);
        let (unpruned, all) = cluster_counting(&forms, false);
        assert_eq!(groups, unpruned, "the signatures changed a quotation");
        let per_form = work.comparisons as f64 / forms.len() as f64;
        assert!(
            per_form <= 2.0,
            "{per_form:.1} full comparisons per form ({:.1} without signatures)",
            all.comparisons as f64 / forms.len() as f64
        );
    }

    #[test]
    fn signatures_keep_every_link() {
        // Quotes of 80 words, with trimmed copies and copies with one or two words changed
        // mixed in, so that containment and near-duplicate links abound.
        let base = small_vocabulary_of(EIGHTY_WORDS, 3_000);
        let mut texts: Vec<String> = Vec::new();
        for (i, q) in base.iter().enumerate() {
            let words: Vec<&str> = q.split(' ').collect();
            texts.push(q.clone());
            match i % 3 {
                0 => texts.push(words[1..words.len() - 1].join(" ")),
                1 => {
                    let mut changed = words.clone();
                    changed[words.len() / 2] = "changed";
                    texts.push(changed.join(" "));
                }
                _ => texts.push(words[..4].join(" ")),
            }
        }
        texts.sort();
        texts.dedup();
        let forms: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (pruned, _) = cluster_counting(&forms, true);
        let (unpruned, _) = cluster_counting(&forms, false);
        let joined = (0..forms.len()).filter(|&f| pruned[f] != f).count();
        assert!(
            joined > forms.len() / 4,
            "only {joined} forms joined another"
        );
        assert_eq!(pruned, unpruned);
    }

    #[test]
    fn run_containment_needs_contiguous_words() {
        assert!(contains_run(&["a", "b", "c"], &["b", "c"]));
        assert!(!contains_run(&["a", "b", "c"], &["a", "c"]));
        assert!(!contains_run(&["a"], &[]));
    }
}
