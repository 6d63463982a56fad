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

/// Checks `--rules`: exit status 2, and the valid IDs, for an unknown or empty ID.
pub fn check_rules(rules: Option<&[String]>) -> Result<(), Failure> {
    match rules {
        Some(ids) => whosaid::attribution::check_rule_ids(ids)
            .map_err(|message| Failure::new(2, format!("--rules: {message}"))),
        None => Ok(()),
    }
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
