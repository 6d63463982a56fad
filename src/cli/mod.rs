//! The subcommands of the `whosaid` binary.

pub mod diff;
pub mod eval;

/// Treats a closed stdout (`whosaid eval | head`) as success: the reader has all it wanted.
pub(crate) fn ignore_broken_pipe(e: std::io::Error) -> std::io::Result<()> {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}
