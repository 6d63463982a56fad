//! Speaker consolidation: one name per person across documents, and per quotation a
//! distribution of weight over speakers.
//!
//! Within a document whosaid already resolves "Guthrie" and "he" to "Scott Guthrie". Across
//! documents, a speaker named by a single word ("Scott", "Guthrie") is taken to be the one
//! full name in the database whose first or last word it is; when several full names fit,
//! the word is resolved inside each quotation to the one full name that the quotation's other
//! occurrences name, and otherwise left as it is. An unresolved pronoun or description ("he",
//! "a spokesman") counts with [`UNRESOLVED_WEIGHT`] of its confidence, under its own words, so
//! any named attribution outweighs it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Share of its confidence that an unresolved pronoun or description contributes.
pub const UNRESOLVED_WEIGHT: f64 = 0.25;

/// Words that, opening a speaker's name, show that no person was resolved.
const UNRESOLVED_OPENERS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "a", "an", "the", "this",
    "that", "one",
];

/// Whether `name` names a person, rather than being an unresolved pronoun or description.
pub fn is_named(name: &str) -> bool {
    let Some(first) = name.split_whitespace().next() else {
        return false;
    };
    first.chars().next().is_some_and(char::is_uppercase)
        && !UNRESOLVED_OPENERS.contains(&first.to_lowercase().as_str())
}

/// The canonical name of every named speaker in the database.
#[derive(Debug, Default)]
pub struct Canon {
    map: HashMap<String, String>,
}

impl Canon {
    /// Builds the mapping from every speaker name found in the database.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let names: BTreeSet<&str> = names.into_iter().filter(|n| is_named(n)).collect();
        let mut by_word: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for &name in &names {
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() >= 2 {
                by_word.entry(words[0]).or_default().insert(name);
                by_word
                    .entry(words[words.len() - 1])
                    .or_default()
                    .insert(name);
            }
        }
        let mut map = HashMap::new();
        for &name in &names {
            if name.split_whitespace().count() == 1 {
                if let Some(full) = by_word.get(name).filter(|f| f.len() == 1) {
                    if let Some(full) = full.first() {
                        map.insert(name.to_string(), full.to_string());
                    }
                }
            }
        }
        Canon { map }
    }

    /// The canonical form of a named speaker.
    pub fn of<'a>(&'a self, name: &'a str) -> &'a str {
        self.map.get(name).map_or(name, String::as_str)
    }
}

/// The key a speaker is counted under: the canonical name, or the lower-cased words of an
/// unresolved mention; `None` without a speaker.
pub fn speaker_key(canon: &Canon, name: Option<&str>) -> Option<(String, bool)> {
    let name = name?.trim();
    if name.is_empty() {
        return None;
    }
    if is_named(name) {
        Some((canon.of(name).to_string(), true))
    } else {
        Some((name.to_lowercase(), false))
    }
}

/// One speaker of a quotation: summed weight and the occurrences that said so.
#[derive(Debug, Clone, PartialEq)]
pub struct Weighted {
    /// The canonical name (or the words of an unresolved mention).
    pub name: String,
    /// Sum of the occurrences' confidences (unresolved ones scaled by [`UNRESOLVED_WEIGHT`]).
    pub weight: f64,
    /// The occurrence ids that attribute the quotation to this speaker, ascending.
    pub evidence: Vec<i64>,
}

/// One occurrence's vote: its id, its speaker key (see [`speaker_key`]) and confidence.
pub struct Vote {
    /// Occurrence id.
    pub occurrence: i64,
    /// Canonical name and whether it names a person.
    pub speaker: Option<(String, bool)>,
    /// The rule's confidence.
    pub confidence: f64,
}

/// The speaker distribution of one quotation, heaviest first (ties by name).
pub fn distribution(votes: &[Vote]) -> Vec<Weighted> {
    let named_full: BTreeSet<&str> = votes
        .iter()
        .filter_map(|v| v.speaker.as_ref())
        .filter(|(name, named)| *named && name.split_whitespace().count() >= 2)
        .map(|(name, _)| name.as_str())
        .collect();
    // Each word that opens or closes one of those full names, with the first such name and
    // how many there are: a single-word vote is settled by one look-up, where a search of
    // the full names for each vote costs votes × names on a quotation quoted very often.
    let mut fitting: HashMap<&str, (&str, usize)> = HashMap::new();
    for &full in &named_full {
        let mut words = full.split_whitespace();
        let first = words.next();
        let last = words.last();
        for word in first.into_iter().chain(last.filter(|&l| Some(l) != first)) {
            fitting.entry(word).or_insert((full, 0)).1 += 1;
        }
    }
    let mut sums: BTreeMap<String, (f64, Vec<i64>)> = BTreeMap::new();
    for vote in votes {
        let Some((name, named)) = &vote.speaker else {
            continue;
        };
        let mut key = name.as_str();
        if *named && !name.contains(char::is_whitespace) {
            // A single word that the quotation's own full names settle: the one full name
            // that it opens or closes.
            if let Some(&(full, 1)) = fitting.get(key) {
                key = full;
            }
        }
        let weight = if *named {
            vote.confidence
        } else {
            vote.confidence * UNRESOLVED_WEIGHT
        };
        let entry = sums.entry(key.to_string()).or_default();
        entry.0 += weight;
        entry.1.push(vote.occurrence);
    }
    let mut out: Vec<Weighted> = sums
        .into_iter()
        .map(|(name, (weight, mut evidence))| {
            evidence.sort_unstable();
            Weighted {
                name,
                // Rounded so that sums print as the confidences add up (3.15, not 3.1500000000000004).
                weight: (weight * 1e6).round() / 1e6,
                evidence,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(canon: &Canon, id: i64, name: Option<&str>, confidence: f64) -> Vote {
        Vote {
            occurrence: id,
            speaker: speaker_key(canon, name),
            confidence,
        }
    }

    #[test]
    fn a_first_or_last_name_joins_the_one_full_name_that_fits() {
        let canon = Canon::new([
            "Scott Guthrie",
            "Scott",
            "Guthrie",
            "Mich Mathews",
            "Mathews",
            "Jobs",
        ]);
        assert_eq!(canon.of("Scott"), "Scott Guthrie");
        assert_eq!(canon.of("Guthrie"), "Scott Guthrie");
        assert_eq!(canon.of("Mathews"), "Mich Mathews");
        assert_eq!(canon.of("Jobs"), "Jobs");
    }

    #[test]
    fn an_ambiguous_word_is_settled_by_the_quotation() {
        let canon = Canon::new(["Scott Guthrie", "Scott Morrison", "Scott"]);
        assert_eq!(canon.of("Scott"), "Scott");
        let votes = [
            vote(&canon, 1, Some("Scott"), 0.8),
            vote(&canon, 2, Some("Scott Guthrie"), 0.95),
        ];
        let d = distribution(&votes);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].name, "Scott Guthrie");
        assert_eq!(d[0].evidence, vec![1, 2]);
        assert!((d[0].weight - 1.75).abs() < 1e-9);
    }

    #[test]
    fn a_word_that_fits_two_full_names_of_the_quotation_stays_as_it_is() {
        let canon = Canon::new(["Scott Guthrie", "Scott Morrison"]);
        let votes = [
            vote(&canon, 1, Some("Scott"), 0.8),
            vote(&canon, 2, Some("Scott Guthrie"), 0.9),
            vote(&canon, 3, Some("Scott Morrison"), 0.9),
        ];
        let d = distribution(&votes);
        let names: Vec<&str> = d.iter().map(|w| w.name.as_str()).collect();
        assert_eq!(names, ["Scott Guthrie", "Scott Morrison", "Scott"]);
    }

    /// The distribution as it was first written, searching the full names for each vote:
    /// the oracle for the one look-up per vote.
    fn distribution_by_search(votes: &[Vote]) -> Vec<(String, f64, Vec<i64>)> {
        let named_full: BTreeSet<&str> = votes
            .iter()
            .filter_map(|v| v.speaker.as_ref())
            .filter(|(name, named)| *named && name.split_whitespace().count() >= 2)
            .map(|(name, _)| name.as_str())
            .collect();
        let mut sums: BTreeMap<String, (f64, Vec<i64>)> = BTreeMap::new();
        for vote in votes {
            let Some((name, named)) = &vote.speaker else {
                continue;
            };
            let mut key = name.as_str();
            if *named && !name.contains(char::is_whitespace) {
                let mut fits = named_full.iter().filter(|full| {
                    let words: Vec<&str> = full.split_whitespace().collect();
                    words.first() == Some(&key) || words.last() == Some(&key)
                });
                if let (Some(full), None) = (fits.next(), fits.next()) {
                    key = full;
                }
            }
            let weight = if *named {
                vote.confidence
            } else {
                vote.confidence * UNRESOLVED_WEIGHT
            };
            let entry = sums.entry(key.to_string()).or_default();
            entry.0 += weight;
            entry.1.push(vote.occurrence);
        }
        let mut out: Vec<(String, f64, Vec<i64>)> = sums
            .into_iter()
            .map(|(name, (weight, mut evidence))| {
                evidence.sort_unstable();
                (name, (weight * 1e6).round() / 1e6, evidence)
            })
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    proptest::proptest! {
        #[test]
        fn one_look_up_per_vote_weighs_as_the_search_did(
            names in proptest::collection::vec(
                proptest::collection::vec(0usize..5, 1..4), 0..40),
        ) {
            // Names of one to three words from five, so that words open and close several
            // full names, and full names repeat their words ("Lee Lee").
            const WORDS: [&str; 5] = ["Ann", "Lee", "Scott", "Kim", "he"];
            let names: Vec<String> = names
                .iter()
                .map(|ws| ws.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" "))
                .collect();
            let canon = Canon::new(names.iter().map(String::as_str));
            let votes: Vec<Vote> = names
                .iter()
                .enumerate()
                .map(|(i, n)| vote(&canon, i as i64, Some(n), 0.5 + (i % 4) as f64 / 10.0))
                .collect();
            let got: Vec<(String, f64, Vec<i64>)> = distribution(&votes)
                .into_iter()
                .map(|w| (w.name, w.weight, w.evidence))
                .collect();
            proptest::prop_assert_eq!(got, distribution_by_search(&votes));
        }
    }

    #[test]
    fn unresolved_mentions_count_a_quarter_of_their_confidence() {
        let canon = Canon::new(["Ann Lee"]);
        let votes = [
            vote(&canon, 1, Some("he"), 0.6),
            vote(&canon, 2, Some("a spokesman"), 0.9),
            vote(&canon, 3, Some("a spokesman"), 0.9),
            vote(&canon, 4, Some("Ann Lee"), 0.4),
            vote(&canon, 5, None, 0.4),
        ];
        let d = distribution(&votes);
        assert_eq!(d[0].name, "a spokesman");
        assert!((d[0].weight - 0.45).abs() < 1e-9);
        assert_eq!(d[1].name, "Ann Lee");
        assert_eq!(d.iter().map(|w| w.evidence.len()).sum::<usize>(), 4);
        let named_wins = [
            vote(&canon, 1, Some("he"), 0.6),
            vote(&canon, 2, Some("Ann Lee"), 0.4),
        ];
        assert_eq!(distribution(&named_wins)[0].name, "Ann Lee");
    }

    #[test]
    fn pronouns_and_descriptions_are_not_names() {
        assert!(is_named("Scott Guthrie"));
        assert!(!is_named("he"));
        assert!(!is_named("She"));
        assert!(!is_named("a spokesman"));
        assert!(!is_named("The mayor"));
        assert!(!is_named(""));
    }
}
