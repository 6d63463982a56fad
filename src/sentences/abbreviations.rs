//! The abbreviation list of `data/abbreviations.txt`, parsed once on first use.

// Looked up for every candidate sentence end: a fast hasher (see mentions/lexicon.rs).
use foldhash::HashMap;
use std::sync::OnceLock;

/// The list itself, compiled into the binary so the splitter needs no file at run time.
const SOURCE: &str = include_str!("../../data/abbreviations.txt");

/// How an abbreviation behaves at a sentence boundary (see `data/abbreviations.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// Comes before a name; never ends a sentence.
    Title,
    /// Used inside a sentence; never ends it.
    Inner,
    /// Comes before a number; joined only when a digit follows.
    Number,
    /// May end a sentence; joined unless a typical sentence start follows.
    Ending,
    /// Usually ends a sentence; UAX #29 already decides well.
    Final,
}

fn table() -> &'static HashMap<&'static str, Class> {
    static TABLE: OnceLock<HashMap<&'static str, Class>> = OnceLock::new();
    TABLE.get_or_init(|| parse(SOURCE).filter_map(Result::ok).collect())
}

/// Parses the list; a malformed line is an `Err` naming it, so the unit test can reject it
/// while the splitter simply skips it.
pub(crate) fn parse(
    source: &'static str,
) -> impl Iterator<Item = Result<(&'static str, Class), String>> {
    source
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut fields = line.split_whitespace();
            let abbreviation = fields.next().unwrap_or_default();
            let class = match fields.next() {
                Some("title") => Class::Title,
                Some("inner") => Class::Inner,
                Some("number") => Class::Number,
                Some("ending") => Class::Ending,
                Some("final") => Class::Final,
                _ => return Err(format!("bad class in line {line:?}")),
            };
            if fields.next().is_some() || !abbreviation.ends_with('.') {
                return Err(format!("malformed line {line:?}"));
            }
            Ok((abbreviation, class))
        })
}

/// The class of `token` (with its final period), if it is a listed abbreviation.
pub(crate) fn lookup(token: &str) -> Option<Class> {
    table().get(token).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_line_parses_and_is_unique() {
        let mut seen = HashSet::new();
        for entry in parse(SOURCE) {
            let (abbreviation, _) = entry.unwrap();
            assert!(seen.insert(abbreviation), "duplicate {abbreviation}");
        }
        assert!(seen.len() > 100);
    }

    #[test]
    fn classes_are_looked_up() {
        assert_eq!(lookup("Mr."), Some(Class::Title));
        assert_eq!(lookup("e.g."), Some(Class::Inner));
        assert_eq!(lookup("No."), Some(Class::Number));
        assert_eq!(lookup("U.S."), Some(Class::Ending));
        assert_eq!(lookup("etc."), Some(Class::Final));
        assert_eq!(lookup("word."), None);
    }
}
