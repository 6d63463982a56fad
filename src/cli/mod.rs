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
