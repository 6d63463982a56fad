//! `whosaid report`: extracts like `extract` and writes one self-contained HTML page to
//! review the result by eye (see [`whosaid::report`]).

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use whosaid::report::{document_section, failed_section, Report, Section};

use super::input::InputArgs;
use super::run::{run_with, Sink};

/// Arguments of `whosaid report`.
#[derive(Args)]
#[command(
    mut_arg("jsonl", |a| a.help("Read JSON Lines documents {\"id\": ..., \"text\": ...}; url, title, date, author and source are shown with each document")),
    mut_arg("lossy", |a| a.help("Replace invalid UTF-8 with U+FFFD instead of reporting an error"))
)]
pub struct ReportArgs {
    /// The HTML file to write.
    #[arg(long, short)]
    out: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    /// Run only these attribution rules (comma-separated IDs).
    #[arg(long, value_delimiter = ',')]
    rules: Option<Vec<String>>,
    #[command(flatten)]
    patterns: super::PatternArgs,
    #[command(flatten)]
    include: super::input::IncludeArgs,
}

impl Sink<Section> for Report<BufWriter<File>> {
    fn write(&mut self, section: Section) -> io::Result<()> {
        self.add(section)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Runs `whosaid report`.
pub fn run(args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let set = args.patterns.rule_set()?;
    super::check_rules(args.rules.as_deref(), set)?;
    let config = whosaid::Config {
        // Non-speech passages are greyed out on the page.
        explain: true,
        only_rules: args.rules.clone(),
        rules: set,
        include: args.include.include,
    };
    let items = args.input.documents()?;
    let file =
        File::create(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let mut report = Report::new(BufWriter::with_capacity(1 << 16, file))
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    let code = run_with(
        items,
        args.input.run_options(),
        |id, text, meta| {
            let mut doc = whosaid::extract(id, text, &config);
            doc.meta = meta;
            document_section(&doc, text)
        },
        failed_section,
        &mut report,
    )?;
    report
        .finish()
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    Ok(code)
}
