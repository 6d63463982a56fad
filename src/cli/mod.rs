//! The subcommands. Arguments, I/O and exit codes only; no extraction logic.

pub mod run;
pub mod source;
