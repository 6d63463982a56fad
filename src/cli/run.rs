//! Runs a per-document function over a stream of documents: in batches, in parallel, output
//! in input order, flushed per batch, error records in place of failed documents.

use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use rayon::prelude::*;

use super::source::Item;

/// Most documents in one batch.
pub const BATCH_DOCS: usize = 256;
/// Most text bytes in one batch: bounds memory whatever the documents' sizes.
pub const BATCH_BYTES: usize = 8 * 1024 * 1024;

/// Options common to the commands that stream documents.
#[derive(Clone, Copy, Debug)]
pub struct RunOptions {
    pub threads: Option<usize>,
    pub quiet: bool,
}

/// The JSON error record that stands for a failed document.
pub fn error_record(id: &str, error: &whosaid::input::Error) -> String {
    error_value(id, error).to_string()
}

/// The error record of [`error_record`], as a JSON value.
pub fn error_value(id: &str, error: &whosaid::input::Error) -> serde_json::Value {
    serde_json::json!({
        "id": id,
        "error": {"kind": error.kind.as_str(), "message": error.message},
    })
}

/// Processes every item with `process` (which returns the output text of one document,
/// without its final newline) and writes the results in input order.
pub fn run<F>(
    items: impl Iterator<Item = Item>,
    opts: RunOptions,
    process: F,
) -> anyhow::Result<ExitCode>
where
    F: Fn(&str, &str, Option<serde_json::Map<String, serde_json::Value>>) -> String + Sync,
{
    let stdout = io::stdout();
    let mut sink = StdoutSink::new(stdout.lock(), true);
    run_with(items, opts, process, error_record, &mut sink)
}

/// Where [`run_with`] puts each document's result, in input order.
pub trait Sink<T> {
    /// Writes the result of one document.
    fn write(&mut self, result: T) -> io::Result<()>;
    /// Called after each batch, so output shows up as it is made.
    fn flush(&mut self) -> io::Result<()>;
}

/// Bytes of output gathered before they are handed to stdout.
const OUT_BUFFER_BYTES: usize = 1 << 16;

/// Writes text results to standard output: each followed by a newline (one line per
/// document), or verbatim (formats whose results carry their own line ends, possibly none).
///
/// Results are gathered in a buffer and handed to stdout whole (once the buffer holds
/// [`OUT_BUFFER_BYTES`], and at every flush), so each write stdout's line buffering sees ends
/// with a line end: it then finds that line end at once and writes the bytes through, rather
/// than scanning a long record byte by byte for a newline it does not hold.
pub struct StdoutSink<W: Write = io::StdoutLock<'static>> {
    out: W,
    buffer: Vec<u8>,
    newline: bool,
}

impl<W: Write> StdoutSink<W> {
    /// A sink over locked stdout (or another writer); `newline` ends every result with a
    /// newline.
    pub fn new(stdout: W, newline: bool) -> Self {
        StdoutSink {
            out: stdout,
            buffer: Vec::with_capacity(OUT_BUFFER_BYTES),
            newline,
        }
    }

    /// Hands the buffered results to stdout; a buffer that one large record grew is let go.
    fn write_buffer(&mut self) -> io::Result<()> {
        let written = self.out.write_all(&self.buffer);
        self.buffer.clear();
        if self.buffer.capacity() > 4 * OUT_BUFFER_BYTES {
            self.buffer = Vec::with_capacity(OUT_BUFFER_BYTES);
        }
        written
    }
}

impl<W: Write> Sink<String> for StdoutSink<W> {
    fn write(&mut self, result: String) -> io::Result<()> {
        self.buffer.extend_from_slice(result.as_bytes());
        if self.newline {
            self.buffer.push(b'\n');
        }
        if self.buffer.len() >= OUT_BUFFER_BYTES {
            self.write_buffer()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_buffer()?;
        self.out.flush()
    }
}

/// The engine under [`run`]: `process` turns a document into a result, `failed` stands a
/// result in for a document that could not be read (or whose processing panicked), and
/// `sink` receives the results in input order.
pub fn run_with<T, F, E>(
    items: impl Iterator<Item = Item>,
    opts: RunOptions,
    process: F,
    failed: E,
    sink: &mut dyn Sink<T>,
) -> anyhow::Result<ExitCode>
where
    T: Send,
    F: Fn(&str, &str, Option<serde_json::Map<String, serde_json::Value>>) -> T + Sync,
    E: Fn(&str, &whosaid::input::Error) -> T + Sync,
{
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        builder = builder.num_threads(n.max(1));
    }
    let pool = builder.build()?;

    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let flag = interrupted.clone();
        // Ctrl-C finishes the batch in hand, so the output ends with a complete line.
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    }

    let progress = (!opts.quiet && std::io::IsTerminal::is_terminal(&io::stderr())).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    let started = Instant::now();

    let mut items = items.peekable();
    let (mut docs, mut bytes) = (0usize, 0usize);
    let mut failures: std::collections::BTreeMap<&'static str, usize> = Default::default();
    let process = &process;
    let failed = &failed;
    let pool = &pool;
    let internal = std::sync::atomic::AtomicUsize::new(0);
    let internal = &internal;
    // While the pool works on one batch, this thread reads and parses the next one: reading
    // is serial, and would otherwise leave every worker idle while it runs.
    let outcome = std::thread::scope(|scope| -> anyhow::Result<Option<ExitCode>> {
        let mut in_flight: Option<(std::thread::ScopedJoinHandle<'_, Vec<T>>, usize)> = None;
        loop {
            let mut batch: Vec<Item> = Vec::with_capacity(BATCH_DOCS);
            let mut batch_bytes = 0;
            if !interrupted.load(Ordering::SeqCst) {
                while batch.len() < BATCH_DOCS && batch_bytes < BATCH_BYTES {
                    let Some(item) = items.next() else { break };
                    batch_bytes += item.len();
                    batch.push(item);
                }
            }
            for item in &batch {
                if let Item::Failed { error, .. } = item {
                    *failures.entry(error.kind.as_str()).or_default() += 1;
                }
            }
            if let Some((handle, done_bytes)) = in_flight.take() {
                let results = match handle.join() {
                    Ok(results) => results,
                    Err(panic) => std::panic::resume_unwind(panic),
                };
                docs += results.len();
                bytes += done_bytes;
                let written = results
                    .into_iter()
                    .try_for_each(|r| sink.write(r))
                    .and_then(|_| sink.flush());
                match written {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                        return Ok(Some(ExitCode::SUCCESS))
                    }
                    Err(e) => return Err(anyhow::Error::new(e).context("cannot write to stdout")),
                    Ok(()) => {}
                }
                if let Some(bar) = &progress {
                    let secs = started.elapsed().as_secs_f64().max(1e-9);
                    bar.set_message(format!(
                        "{docs} docs, {:.1} MB, {:.0} docs/s, {:.1} MB/s",
                        bytes as f64 / 1e6,
                        docs as f64 / secs,
                        bytes as f64 / 1e6 / secs
                    ));
                    bar.tick();
                }
            }
            if batch.is_empty() {
                // Ctrl-C finishes the batch in hand (written above) and stops.
                if interrupted.load(Ordering::SeqCst) && items.peek().is_some() {
                    sink.flush().ok();
                    return Ok(Some(ExitCode::from(130)));
                }
                return Ok(None);
            }
            let handle = scope.spawn(move || {
                pool.install(|| {
                    batch
                        .into_par_iter()
                        .map(|item| match item {
                            Item::Doc { id, text, meta } => {
                                // A bug must cost one document, not the run: a panic
                                // becomes the document's error record.
                                let run =
                                    std::panic::AssertUnwindSafe(|| process(&id, &text, meta));
                                std::panic::catch_unwind(run).unwrap_or_else(|_| {
                                    internal.fetch_add(1, Ordering::Relaxed);
                                    let error = whosaid::input::Error::new(
                                        whosaid::input::ErrorKind::Internal,
                                        format!(
                                            "{id}: internal error while extracting; \
                                             please report it with this document"
                                        ),
                                    );
                                    failed(&id, &error)
                                })
                            }
                            Item::Failed { id, error } => failed(&id, &error),
                        })
                        .collect()
                })
            });
            in_flight = Some((handle, batch_bytes));
        }
    })?;
    if let Some(code) = outcome {
        return Ok(code);
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let panicked = internal.load(Ordering::Relaxed);
    if panicked > 0 {
        *failures
            .entry(whosaid::input::ErrorKind::Internal.as_str())
            .or_default() += panicked;
    }
    let failed: usize = failures.values().sum();
    if failed > 0 {
        let kinds: Vec<String> = failures.iter().map(|(k, n)| format!("{n} {k}")).collect();
        eprintln!(
            "whosaid: {failed} of {} failed ({})",
            super::counted(docs, "document"),
            kinds.join(", ")
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that keeps each write it is handed apart.
    #[derive(Default)]
    struct Writes(Vec<Vec<u8>>);

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.push(buf.to_vec());
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn stdout_sink_hands_on_whole_lines_in_order() {
        let long = "x".repeat(3 * OUT_BUFFER_BYTES);
        let results = ["a", long.as_str(), "", "b"];
        let mut sink = StdoutSink::new(Writes::default(), true);
        for (i, r) in results.iter().enumerate() {
            sink.write(r.to_string()).unwrap();
            if i == 2 {
                sink.flush().unwrap();
            }
        }
        sink.flush().unwrap();
        let writes = &sink.out.0;
        // Every write ends at a line end, so stdout's line buffering finds it at once.
        assert!(
            writes.iter().all(|w| w.ends_with(b"\n")),
            "a write ends inside a line"
        );
        // Nothing is written before it fills the buffer or is flushed: a few writes, not
        // one a result.
        assert!(writes.len() <= 3, "{} writes", writes.len());
        let all: Vec<u8> = writes.concat();
        assert_eq!(all, format!("a\n{long}\n\nb\n").into_bytes());
        // The buffer one long record grew is not kept for the rest of the run.
        assert!(sink.buffer.capacity() <= 4 * OUT_BUFFER_BYTES);
    }

    #[test]
    fn stdout_sink_writes_results_verbatim_without_newline() {
        let mut sink = StdoutSink::new(Writes::default(), false);
        for r in ["a,b\n", "", "c,d\n"] {
            sink.write(r.to_string()).unwrap();
        }
        assert!(sink.out.0.is_empty(), "written before a flush");
        sink.flush().unwrap();
        assert_eq!(sink.out.0.concat(), b"a,b\nc,d\n");
    }
}
