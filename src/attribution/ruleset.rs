//! The rules one extraction runs: the built-in ones in their order ([`RULES`]), or those with
//! a user's pattern files, which add patterns, replace rules by ID or disable them.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use crate::attribution::patterns::{self, parse_file, PatternError, PatternRule};
use crate::attribution::rule::{Rule, RuleInfo};
use crate::attribution::rules::{insert_after_phase, RULES};

/// Pattern files: each a name for messages and the file's text.
type Files = Vec<(String, String)>;

/// Where a rule of a [`RuleSet`] comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A built-in rule (in Rust or a built-in pattern).
    Builtin,
    /// A pattern of a user's file, added after the built-in rules of its phase.
    Added(String),
    /// A pattern of a user's file that took a built-in rule's place.
    Replaced(String),
}

/// The rules one extraction runs, in order: the built-in ones, or those with a user's
/// patterns added, replacing or disabling some.
pub struct RuleSet {
    rules: Vec<(&'static dyn Rule, Origin)>,
    /// IDs of the built-in rules the user's files disabled.
    disabled: Vec<&'static str>,
    /// The patterns of the user's files, in file order.
    patterns: Vec<&'static PatternRule>,
}

impl std::fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RuleSet")
            .field(
                "rules",
                &self.rules.iter().map(|(r, _)| r.id()).collect::<Vec<_>>(),
            )
            .field("disabled", &self.disabled)
            .finish()
    }
}

impl RuleSet {
    /// The built-in rules.
    pub fn builtin() -> &'static RuleSet {
        static SET: LazyLock<RuleSet> = LazyLock::new(|| RuleSet {
            rules: RULES.iter().map(|&r| (r, Origin::Builtin)).collect(),
            disabled: Vec::new(),
            patterns: Vec::new(),
        });
        &SET
    }

    /// The built-in rules with the patterns of `files` (each a name for messages and the
    /// file's text): a `pattern` is added after the built-in rules of its phase, a `replace`
    /// takes the place of the rule with its ID, a `disable` line takes rules out. The same
    /// files give the same set, compiled once for the life of the process.
    pub fn with_files(files: &[(String, String)]) -> Result<&'static RuleSet, PatternError> {
        static SETS: LazyLock<Mutex<HashMap<Files, &'static RuleSet>>> =
            LazyLock::new(|| Mutex::new(HashMap::new()));
        if let Some(&set) = SETS.lock().unwrap_or_else(|e| e.into_inner()).get(files) {
            return Ok(set);
        }
        let set: &'static RuleSet = Box::leak(Box::new(RuleSet::build(files)?));
        SETS.lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(files.to_vec(), set);
        Ok(set)
    }

    fn build(files: &[(String, String)]) -> Result<RuleSet, PatternError> {
        let mut rules: Vec<(&'static dyn Rule, Origin)> =
            RULES.iter().map(|&r| (r, Origin::Builtin)).collect();
        let mut disabled = Vec::new();
        let mut patterns = Vec::new();
        for (name, source) in files {
            let file = parse_file(source, name)?;
            let err = |pos: patterns::Pos, message: String| PatternError {
                file: name.clone(),
                line: pos.line,
                column: pos.column,
                message,
            };
            for def in file.patterns {
                let pos = def.pos;
                let existing = rules
                    .iter()
                    .position(|(r, _)| r.id().eq_ignore_ascii_case(&def.id));
                let rule: &'static PatternRule = Box::leak(Box::new(PatternRule::new(def, name)));
                patterns.push(rule);
                match (rule.def.replaces, existing) {
                    (false, Some(i)) => {
                        return Err(err(
                            pos,
                            format!(
                                "{} is already a rule ({}); write `replace {}` to take its place, or choose another ID",
                                rule.id(),
                                rules[i].0.name(),
                                rule.id()
                            ),
                        ))
                    }
                    (true, None) => {
                        return Err(err(
                            pos,
                            format!("no rule {} to replace; `whosaid rules` lists them", rule.id()),
                        ))
                    }
                    (true, Some(i)) => rules[i] = (rule, Origin::Replaced(name.clone())),
                    (false, None) => {
                        insert_after_phase(
                            &mut rules,
                            (rule, Origin::Added(name.clone())),
                            |(r, _)| r.phase(),
                        );
                    }
                }
            }
            for (id, pos) in file.disabled {
                let Some(i) = rules
                    .iter()
                    .position(|(r, _)| r.id().eq_ignore_ascii_case(&id))
                else {
                    return Err(err(
                        pos,
                        format!("no rule {id} to disable; `whosaid rules` lists them"),
                    ));
                };
                disabled.push(rules.remove(i).0.id());
            }
        }
        Ok(RuleSet {
            rules,
            disabled,
            patterns,
        })
    }

    /// The rules, in the order they are tried.
    pub fn rules(&self) -> impl Iterator<Item = &'static dyn Rule> + '_ {
        self.rules.iter().map(|(r, _)| *r)
    }

    /// The patterns of the user's files, in file order (a disabled one included).
    pub fn patterns(&self) -> impl Iterator<Item = &'static PatternRule> + '_ {
        self.patterns.iter().copied()
    }

    /// The rules with where each comes from.
    pub fn entries(&self) -> &[(&'static dyn Rule, Origin)] {
        &self.rules
    }

    /// IDs of the rules the user's files disabled.
    pub fn disabled(&self) -> &[&'static str] {
        &self.disabled
    }

    /// The rule with this ID (any case).
    pub fn rule(&self, id: &str) -> Option<&'static dyn Rule> {
        self.rules().find(|r| r.id().eq_ignore_ascii_case(id))
    }

    /// Checks rule IDs as [`check_rule_ids`] does, against this set.
    pub fn check_ids(&self, ids: &[String]) -> Result<(), String> {
        check_ids_in(self, ids)
    }
}

/// Checks the rule IDs that [`crate::Config::only_rules`] will hold (case-insensitive): an
/// error message when the list is empty, holds an empty ID or an ID no rule has, naming the
/// valid IDs.
pub fn check_rule_ids(ids: &[String]) -> Result<(), String> {
    check_ids_in(RuleSet::builtin(), ids)
}

fn check_ids_in(set: &RuleSet, ids: &[String]) -> Result<(), String> {
    let valid = || {
        let mut all: Vec<&str> = set.rules().map(|r| r.id()).collect();
        all.sort_unstable();
        all.join(", ")
    };
    if ids.iter().all(|id| id.trim().is_empty()) {
        return Err(format!("no rule ID given; the rules are {}", valid()));
    }
    let unknown: Vec<&str> = ids
        .iter()
        .map(|id| id.trim())
        .filter(|id| set.rule(id).is_none())
        .map(|id| if id.is_empty() { "''" } else { id })
        .collect();
    match unknown.as_slice() {
        [] => Ok(()),
        [one] => Err(format!("unknown rule ID {one}; the rules are {}", valid())),
        many => Err(format!(
            "unknown rule IDs {}; the rules are {}",
            many.join(", "),
            valid()
        )),
    }
}
