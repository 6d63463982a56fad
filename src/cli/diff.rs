//! `whosaid diff`: what changed between two extraction runs.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use super::ignore_broken_pipe;
use whosaid::eval::{self, report};

/// Compare two extraction runs over the same documents.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old run (JSONL output of `whosaid extract`).
    #[arg(value_name = "OLD.jsonl")]
    pub old: PathBuf,
    /// The new run.
    #[arg(value_name = "NEW.jsonl")]
    pub new: PathBuf,
    /// Print a machine-readable JSON report.
    #[arg(long)]
    pub json: bool,
}

/// Runs `whosaid diff`; always exit status 0 unless a file cannot be read.
pub fn run(args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let old = eval::gold::read_documents(&args.old)?;
    let new = eval::gold::read_documents(&args.new)?;
    let d = eval::diff::diff(&old, &new);
    let mut out = std::io::stdout().lock();
    if args.json {
        let text = serde_json::to_string_pretty(&d).context("serialising the diff")?;
        writeln!(out, "{text}").or_else(ignore_broken_pipe)?;
    } else {
        write!(out, "{}", report::diff_text(&d)).or_else(ignore_broken_pipe)?;
    }
    out.flush().or_else(ignore_broken_pipe)?;
    Ok(ExitCode::SUCCESS)
}
