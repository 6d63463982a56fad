//! `whosaid extract --format`: the output formats other than JSON (CSV, TSV, Web
//! Annotation, the terminal view), streamed like JSON Lines: in batches, in input order.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::ValueEnum;
use whosaid::output::formats::{annotation, pretty, table};

use super::run::{run_with, RunOptions, StdoutSink};
use super::source::Item;

/// What `extract` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON record per document, one line each (one line out per document in).
    Jsonl,
    /// One indented JSON record per document (what --pretty gives).
    Json,
    /// A header row, then one row per quote (RFC 4180).
    Csv,
    /// As csv, with tabs between the fields.
    Tsv,
    /// W3C Web Annotation JSON-LD, one annotation per quote, one a line.
    Annotation,
    /// For reading at a terminal: each quote with its speaker and rule.
    Pretty,
}

/// When the terminal view is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// When standard output is a terminal and NO_COLOR is not set (CLICOLOR_FORCE forces it).
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorWhen {
    fn enabled(self) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => {
                anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
            }
        }
    }
}

/// Writes the CSV or TSV header. `false` when stdout is closed: the reader wants no more.
fn write_header(delimiter: u8) -> io::Result<bool> {
    let mut out = io::stdout().lock();
    match out
        .write_all(table::header(delimiter).as_bytes())
        .and_then(|_| out.flush())
    {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e),
    }
}

/// Extracts every document and prints it in `format`, which is not JSON (see [`Format`]).
pub fn extract(
    items: impl Iterator<Item = Item>,
    opts: RunOptions,
    config: &whosaid::Config,
    format: Format,
    color: ColorWhen,
    cells: table::Cells,
) -> anyhow::Result<ExitCode> {
    let extract = |id: &str, text: &str, meta| {
        let mut doc = whosaid::extract(id, text, config);
        doc.meta = meta;
        doc
    };
    let stdout = io::stdout();
    match format {
        Format::Csv | Format::Tsv => {
            let delimiter = if format == Format::Csv {
                table::CSV
            } else {
                table::TSV
            };
            if !write_header(delimiter)? {
                return Ok(ExitCode::SUCCESS);
            }
            run_with(
                items,
                opts,
                |id, text, meta| table::rows(&extract(id, text, meta), delimiter, cells),
                |id, error| table::error_row(id, error, delimiter, cells),
                &mut StdoutSink::new(stdout.lock(), false),
            )
        }
        Format::Annotation => run_with(
            items,
            opts,
            |id, text, meta| annotation::lines(&extract(id, text, meta), text),
            // An annotation stream has no place for an error: the error goes to stderr,
            // named by document, and the exit status says some failed.
            |_id, error| {
                eprintln!("whosaid: {}", error.message);
                String::new()
            },
            &mut StdoutSink::new(stdout.lock(), false),
        ),
        Format::Pretty => {
            let colour = color.enabled();
            run_with(
                items,
                opts,
                |id, text, meta| pretty::render(&extract(id, text, meta), colour),
                |id, error| pretty::render_error(id, error, colour),
                // Each document's lines, then an empty line.
                &mut StdoutSink::new(stdout.lock(), true),
            )
        }
        Format::Jsonl | Format::Json => {
            anyhow::bail!("JSON output is written by `extract` itself, not by cli::format")
        }
    }
}
