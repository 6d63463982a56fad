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
    /// Largest document accepted, in bytes, or with a unit: 64K, 64M, 1G (powers of 1024).
    /// A size beyond what the machine can address (18446744073709551615) means no limit.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Most worker threads per core `--threads` may ask for: extraction keeps every thread busy,
/// so more threads than cores gain nothing, and thousands of them cost the machine.
pub const MAX_THREADS_PER_CORE: usize = 4;

/// Reads the value of `--max-bytes`: a number of bytes with an optional unit K, M or G
/// (powers of 1024). A size too large for `usize` saturates: it means no limit.
pub fn parse_size(value: &str) -> Result<usize, String> {
    let unknown = || {
        format!("{value:?} is no size: give a number of bytes, with K, M or G after it if you like (64K, 64M, 1G)")
    };
    let split = value
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(value.len());
    let (digits, unit) = value.split_at(split);
    let scale: u128 = match unit.to_ascii_uppercase().as_str() {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(unknown()),
    };
    if digits.is_empty() {
        return Err(unknown());
    }
    // Only digits: parsing fails on overflow alone, which saturates like the product.
    let count: u128 = digits.parse().unwrap_or(u128::MAX);
    Ok(usize::try_from(count.saturating_mul(scale)).unwrap_or(usize::MAX))
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
            threads: self.threads(),
            quiet: self.quiet,
        }
    }

    /// `--threads`, at least one and at most [`MAX_THREADS_PER_CORE`] per core, with a
    /// message on stderr when it was more.
    pub fn threads(&self) -> Option<usize> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let most = cores * MAX_THREADS_PER_CORE;
        self.threads.map(|n| {
            if n > most {
                eprintln!(
                    "whosaid: --threads {n} is more than this machine can use; \
                     using {most} ({MAX_THREADS_PER_CORE} per core, {cores} cores)"
                );
            }
            n.clamp(1, most)
        })
    }
}
