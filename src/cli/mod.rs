//! The subcommands. Arguments, I/O and exit codes only; no extraction logic.

pub mod db;
pub mod diff;
pub mod eval;
pub mod format;
pub mod input;
pub mod report;
pub mod run;
pub mod source;

/// Treats a closed stdout (`whosaid eval | head`) as success: the reader has all it wanted.
pub(crate) fn ignore_broken_pipe(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}

/// A mistake of the user's, or an outcome the user must hear of, that ends a command with an
/// exit status of its own (other errors exit with 2). `main` prints its message.
#[derive(Debug)]
pub struct Failure {
    /// What went wrong, for stderr.
    pub message: String,
    /// The exit status.
    pub code: u8,
}

impl Failure {
    /// A failure with exit status `code`.
    pub fn new(code: u8, message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code,
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// Checks `--rules` against the rules that will run: exit status 2, and the valid IDs, for
/// an unknown or empty ID.
pub fn check_rules(
    rules: Option<&[String]>,
    set: Option<&'static whosaid::attribution::RuleSet>,
) -> Result<(), Failure> {
    let set = set.unwrap_or_else(whosaid::attribution::RuleSet::builtin);
    match rules {
        Some(ids) => set
            .check_ids(ids)
            .map_err(|message| Failure::new(2, format!("--rules: {message}"))),
        None => Ok(()),
    }
}

/// The rules of a run with a user's pattern files, and the files (each its name and text).
pub type PatternSet = (
    &'static whosaid::attribution::RuleSet,
    Vec<(String, String)>,
);

/// `--patterns FILE`: attribution patterns of the user's, added to the built-in rules.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct PatternArgs {
    /// A file of attribution patterns (see docs/patterns.md) that adds rules to the built-in
    /// ones, replaces some by ID, or disables some; may be given several times.
    #[arg(long = "patterns", value_name = "FILE")]
    pub patterns: Vec<std::path::PathBuf>,
}

impl PatternArgs {
    /// The rule set with the files' patterns, `None` without `--patterns`; a file that
    /// cannot be read or holds a mistake is exit status 2, the mistake named by
    /// file:line:column.
    pub fn rule_set(&self) -> Result<Option<&'static whosaid::attribution::RuleSet>, Failure> {
        Ok(self.rule_set_and_files()?.map(|(set, _)| set))
    }

    /// [`PatternArgs::rule_set`], with the files it was made from (each its name and text).
    pub fn rule_set_and_files(&self) -> Result<Option<PatternSet>, Failure> {
        if self.patterns.is_empty() {
            return Ok(None);
        }
        let files = read_pattern_files(&self.patterns)?;
        let set = whosaid::attribution::RuleSet::with_files(&files)
            .map_err(|e| Failure::new(2, e.to_string()))?;
        Ok(Some((set, files)))
    }
}

/// Reads pattern files: each file's name as given and its text.
pub fn read_pattern_files(paths: &[std::path::PathBuf]) -> Result<Vec<(String, String)>, Failure> {
    paths
        .iter()
        .map(|p| {
            let name = p.display().to_string();
            std::fs::read_to_string(p)
                .map(|text| (name.clone(), text))
                .map_err(|e| Failure::new(2, format!("cannot read the pattern file {name}: {e}")))
        })
        .collect()
}

/// `1 document`, `2 documents`.
pub(crate) fn counted<N>(n: N, noun: &str) -> String
where
    N: std::fmt::Display + PartialEq + From<u8>,
{
    if n == N::from(1) {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
