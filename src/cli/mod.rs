//! The subcommands of the `whosaid` binary.

pub mod diff;
pub mod eval;
