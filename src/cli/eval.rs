//! `whosaid eval`: accuracy against gold annotations.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use rayon::prelude::*;

use super::ignore_broken_pipe;
use whosaid::eval::{self, report, EvalOptions};
use whosaid::output::QuoteKind;

/// A quote kind as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// Quoted speech.
    Direct,
    /// Quoted fragment in a reported sentence.
    Partial,
    /// Reported speech without quote marks.
    Indirect,
}

impl From<KindArg> for QuoteKind {
    fn from(k: KindArg) -> QuoteKind {
        match k {
            KindArg::Direct => QuoteKind::Direct,
            KindArg::Partial => QuoteKind::Partial,
            KindArg::Indirect => QuoteKind::Indirect,
        }
    }
}

/// Measure extraction accuracy against gold annotations.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold annotations (JSONL, see docs/gold-format.md); repeat to read several files.
    #[arg(long, value_name = "GOLD.jsonl", required = true)]
    pub gold: Vec<PathBuf>,
    /// Texts of gold records that hold annotations only (JSON Lines {"id", "text", …},
    /// matched by id); repeat to read several files.
    #[arg(long, value_name = "TEXTS.jsonl")]
    pub texts: Vec<PathBuf>,
    /// Predictions (JSONL output of `whosaid extract`); without it, the gold texts are extracted.
    #[arg(value_name = "PRED.jsonl")]
    pub pred: Option<PathBuf>,
    /// Which classes of findings count as predictions (comma-separated: speech, thought,
    /// stance, evidential, or all). The default counts every class, as gold that annotates
    /// every attribution (PolNeAR) needs; `--include speech` scores speech alone, for gold
    /// that annotates speech only.
    #[arg(long, value_name = "CLASSES", value_parser = super::input::parse_classes, default_value = "all")]
    pub include: whosaid::output::Classes,
    /// Score only these kinds, in gold and predictions alike (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub kinds: Option<Vec<KindArg>>,
    /// Count every unmatched indirect prediction as a false positive, even in documents whose
    /// gold has no non-optional indirect quote.
    #[arg(long)]
    pub exhaustive: bool,
    /// Print a machine-readable JSON report instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Also list every miss, false positive, non-speech passage reported and wrong speaker.
    #[arg(long)]
    pub errors: bool,
    /// Exit with status 1 when detection F1 is below this.
    #[arg(long, value_name = "X")]
    pub min_f1: Option<f64>,
    /// Exit with status 1 when attribution accuracy is below this.
    #[arg(long, value_name = "X")]
    pub min_attribution: Option<f64>,
}

/// Runs `whosaid eval`. Exit status 1 when `--min-f1` or `--min-attribution` is not reached;
/// errors mean status 2.
pub fn run(args: &EvalArgs) -> anyhow::Result<ExitCode> {
    let mut texts = eval::gold::Texts::new();
    for path in &args.texts {
        eval::gold::read_texts(path, &mut texts)?;
    }
    let mut gold = Vec::new();
    for path in &args.gold {
        gold.extend(eval::gold::read_gold_with(path, &texts)?);
    }
    let mut predicted = match &args.pred {
        Some(path) => eval::gold::read_documents(path)?,
        None => {
            let config = whosaid::Config {
                include: args.include,
                ..whosaid::Config::default()
            };
            gold.par_iter()
                .map(|d| whosaid::extract(&d.id, &d.text, &config))
                .collect()
        }
    };
    for doc in &mut predicted {
        doc.quotes.retain(|q| args.include.contains(q.class));
    }
    let opts = EvalOptions {
        kinds: args
            .kinds
            .as_ref()
            .map(|ks| ks.iter().map(|&k| k.into()).collect()),
        exhaustive: args.exhaustive,
    };
    let result = eval::evaluate(&gold, &predicted, &opts);

    let mut out = std::io::stdout().lock();
    if args.json {
        let text = if args.errors {
            serde_json::to_string_pretty(&result)
        } else {
            serde_json::to_string_pretty(&result.summary)
        }
        .context("serialising the report")?;
        writeln!(out, "{text}").or_else(ignore_broken_pipe)?;
    } else {
        if args.errors && !result.errors.is_empty() {
            writeln!(out, "{}", report::errors_text(&result.errors)).or_else(ignore_broken_pipe)?;
        }
        write!(out, "{}", report::summary_text(&result.summary)).or_else(ignore_broken_pipe)?;
    }
    out.flush().or_else(ignore_broken_pipe)?;

    if let Some(min) = args.min_f1 {
        // No gold and no predictions leaves F1 undefined; treat it as failing so a broken gold
        // path cannot pass a CI gate.
        let f1 = result.summary.detection.f1.unwrap_or(0.0);
        if f1 < min {
            eprintln!("detection F1 {f1:.3} is below --min-f1 {min}");
            return Ok(ExitCode::from(1));
        }
    }
    if let Some(min) = args.min_attribution {
        let accuracy = result.summary.attribution.accuracy.unwrap_or(0.0);
        if accuracy < min {
            eprintln!("attribution accuracy {accuracy:.3} is below --min-attribution {min}");
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}
