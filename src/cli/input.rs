//! The input arguments shared by the subcommands that extract (`extract`, `sentences`,
//! `report`, `db build`): which documents, how to read them, and how to run.

use clap::Args;
use whosaid::input::{DecodeOptions, DEFAULT_MAX_BYTES};

use super::run::RunOptions;
use super::source::SourceOptions;

/// Paths, `--jsonl`, `--lossy`, `--max-bytes`, `--threads` and `--quiet`. A subcommand that
/// words one of them differently overrides its help with `mut_arg` (see `cli::report`).
#[derive(Args, Clone)]
pub struct InputArgs {
    /// Files, directories (their .txt files, recursively, in sorted order) or - for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Read JSON Lines documents {"id": ..., "text": ...}; other fields pass through as `meta`.
    #[arg(long)]
    pub jsonl: bool,
    /// Replace invalid UTF-8 with U+FFFD instead of reporting an error (spans then refer to
    /// the replaced text).
    #[arg(long)]
    pub lossy: bool,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// `--include`: which classes of findings to report besides speech.
#[derive(Args, Clone, Copy)]
pub struct IncludeArgs {
    /// Also report these classes of findings (comma-separated): thought (what someone
    /// believes or fears), stance (positions, wishes, intentions), evidential (hedges,
    /// expectations, what evidence shows), or all. Speech is always reported.
    #[arg(long, value_name = "CLASSES", value_parser = parse_classes, default_value = "speech")]
    pub include: whosaid::output::Classes,
}

/// Reads the value of `--include`.
pub fn parse_classes(list: &str) -> Result<whosaid::output::Classes, String> {
    whosaid::output::Classes::parse(list)
}

impl InputArgs {
    pub fn source(&self) -> SourceOptions {
        SourceOptions {
            jsonl: self.jsonl,
            decode: DecodeOptions {
                lossy: self.lossy,
                max_bytes: self.max_bytes,
            },
        }
    }

    pub fn run_options(&self) -> RunOptions {
        RunOptions {
            threads: self.threads,
            quiet: self.quiet,
        }
    }
}
