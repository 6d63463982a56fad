//! The input arguments shared by the subcommands that extract (`extract`, `sentences`,
//! `report`, `db build`): which documents, how to read them, and how to run.

use clap::Args;
use whosaid::input::{DecodeOptions, DEFAULT_MAX_BYTES};

use super::run::RunOptions;
use super::source::{check_directories, documents, Item, SourceOptions};
use super::Failure;

/// Paths, `--ext`, `--jsonl`, `--lossy`, `--max-bytes`, `--threads` and `--quiet`. A
/// subcommand that words one of them differently overrides its help with `mut_arg` (see
/// `cli::report`).
#[derive(Args, Clone)]
pub struct InputArgs {
    /// Files, directories (their .txt files, or those of --ext, recursively, in sorted
    /// order) or - for stdin.
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Which files to read in directories, by extension (comma-separated, e.g. txt,md);
    /// default txt, or jsonl with --jsonl. Files named on the command line are always read.
    #[arg(long, value_name = "EXTS", value_delimiter = ',', value_parser = parse_extension)]
    pub ext: Option<Vec<String>>,
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

/// Reads one extension of `--ext`, with or without its dot.
fn parse_extension(ext: &str) -> Result<String, String> {
    let ext = ext.trim().trim_start_matches('.');
    if ext.is_empty() {
        return Err("an extension is empty (write e.g. --ext txt,md)".to_string());
    }
    Ok(ext.to_string())
}

impl InputArgs {
    /// The extensions of the files read in directories.
    pub fn extensions(&self) -> Vec<String> {
        match &self.ext {
            Some(ext) => ext.clone(),
            None if self.jsonl => vec!["jsonl".to_string()],
            None => vec!["txt".to_string()],
        }
    }

    /// Whether the input is one document whatever it holds: one file or standard input,
    /// not JSON Lines.
    pub fn one_document(&self) -> bool {
        !self.jsonl && self.paths.len() == 1 && !std::path::Path::new(&self.paths[0]).is_dir()
    }

    /// The documents to read; exit status 1 when a directory holds no file to read.
    pub fn documents(&self) -> Result<impl Iterator<Item = Item>, Failure> {
        self.documents_from(self.source())
    }

    /// [`Self::documents`], read with `source`.
    pub fn documents_from(
        &self,
        source: SourceOptions,
    ) -> Result<impl Iterator<Item = Item>, Failure> {
        let extensions = self.extensions();
        check_directories(&self.paths, &extensions).map_err(|m| Failure::new(1, m))?;
        Ok(documents(self.paths.clone(), source, extensions))
    }

    pub fn source(&self) -> SourceOptions {
        SourceOptions {
            jsonl: self.jsonl,
            decode: DecodeOptions {
                lossy: self.lossy,
                max_bytes: self.max_bytes,
            },
            canonical_ids: false,
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
