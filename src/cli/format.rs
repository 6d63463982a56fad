//! `whosaid extract --format`: the output formats other than JSON (CSV, TSV, Web
//! Annotation, the terminal view), streamed like JSON Lines: in batches, in input order.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::ValueEnum;
use whosaid::output::formats::{annotation, pretty, table};

use super::run::{error_value, run_with, RunOptions, Sink, StdoutSink};
use super::source::Item;

/// What `extract` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON record per document, one line each (one line out per document in).
    Jsonl,
    /// One indented JSON value: the record of a single document (one file or stdin), else
    /// an array of the records (what --pretty gives).
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
        Format::Json => {
            let mut sink = JsonArraySink::new(stdout.lock());
            let code = run_with(
                items,
                opts,
                |id, text, meta| indented(&extract(id, text, meta)),
                |id, error| indented(&error_value(id, error)),
                &mut sink,
            )?;
            sink.finish().or_else(super::ignore_broken_pipe)?;
            Ok(code)
        }
        Format::Jsonl => {
            anyhow::bail!("JSON Lines output is written by `extract` itself, not by cli::format")
        }
    }
}

/// A value as indented JSON, indented once more to sit inside an array (a JSON string holds
/// no raw line break, so every line break is between tokens).
fn indented<T: serde::Serialize + ?Sized>(value: &T) -> String {
    let json = serde_json::to_string_pretty(value).unwrap_or_else(|e| {
        format!(
            "{{\"error\": {{\"kind\": \"serialize\", \"message\": {:?}}}}}",
            e.to_string()
        )
    });
    format!("  {}", json.replace('\n', "\n  "))
}

/// Writes the records of several documents as one JSON array, streamed: the opening bracket
/// with the first record, a comma before each next one, the closing bracket at the end.
struct JsonArraySink<'a> {
    out: io::BufWriter<io::StdoutLock<'a>>,
    started: bool,
}

impl<'a> JsonArraySink<'a> {
    fn new(stdout: io::StdoutLock<'a>) -> Self {
        JsonArraySink {
            out: io::BufWriter::with_capacity(1 << 16, stdout),
            started: false,
        }
    }

    /// Closes the array (an empty one when no document came).
    fn finish(mut self) -> io::Result<()> {
        let end: &[u8] = if self.started { b"\n]\n" } else { b"[]\n" };
        self.out.write_all(end)?;
        self.out.flush()
    }
}

impl Sink<String> for JsonArraySink<'_> {
    fn write(&mut self, record: String) -> io::Result<()> {
        let before: &[u8] = if self.started { b",\n" } else { b"[\n" };
        self.started = true;
        self.out.write_all(before)?;
        self.out.write_all(record.as_bytes())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}
