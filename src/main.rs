//! The `whosaid` command line. Arguments, I/O and exit codes only; no extraction logic.
//! (Minimal dispatcher for the eval branch; replaced at merge.)

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cli;

#[derive(Parser)]
#[command(name = "whosaid", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Measure extraction accuracy against gold annotations.
    Eval(cli::eval::EvalArgs),
    /// Compare two extraction runs.
    Diff(cli::diff::DiffArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Eval(a) => cli::eval::run(a),
        Command::Diff(a) => cli::diff::run(a),
    };
    result.unwrap_or_else(|e| {
        eprintln!("whosaid: {e:#}");
        ExitCode::from(2)
    })
}
