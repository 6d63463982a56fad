//! `whosaid db`: build and query a quote database. Arguments, I/O and exit codes only; the
//! database logic is in `whosaid::db`.

use std::collections::HashMap;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use clap::{Args, Subcommand, ValueEnum};
use rayon::prelude::*;

use super::eval::KindArg;
use super::input::{IncludeArgs, InputArgs};
use super::run::{BATCH_BYTES, BATCH_DOCS};
use super::source::Item;
use super::{counted, Failure};
use whosaid::db::build::Stored;
use whosaid::db::export::View;
use whosaid::db::{content_hash, Database, Entry, Settings};

/// Test hook: abort the process (as a kill would) after writing this many documents, inside
/// the open transaction.
const ABORT_AFTER_ENV: &str = "WHOSAID_DB_ABORT_AFTER";

/// Arguments of `whosaid db`.
#[derive(Args)]
pub struct DbArgs {
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(Args, Clone)]
struct DbPath {
    /// The database file (created by `build` when missing).
    #[arg(long, default_value = "quotes.sqlite")]
    db: PathBuf,
}

#[derive(Subcommand)]
enum DbCommand {
    /// Extract documents and store them: occurrences, deduplicated quotations, speakers.
    /// Verbatim quotations only, unless --kinds asks for reports (indirect speech) too.
    #[command(
        after_help = "Examples:\n  whosaid db build --db quotes.sqlite corpus/\n  whosaid db build --db quotes.sqlite --jsonl articles.jsonl\n  whosaid db build --db quotes.sqlite --kinds direct,partial,indirect corpus/"
    )]
    Build(BuildArgs),
    /// Full-text search over quotations, best matches first.
    #[command(after_help = "Example:\n  whosaid db search --db quotes.sqlite \"customers happy\"")]
    Search {
        #[command(flatten)]
        path: DbPath,
        /// Words to look for (all must occur).
        text: String,
        /// Most results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// JSON Lines instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The quotations of one speaker (by name or alias, case-insensitive).
    #[command(after_help = "Example:\n  whosaid db speaker --db quotes.sqlite \"Scott Guthrie\"")]
    Speaker {
        #[command(flatten)]
        path: DbPath,
        /// The speaker's name.
        name: String,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Counts: documents, occurrences, quotations, speakers.
    #[command(after_help = "Example:\n  whosaid db stats --db quotes.sqlite")]
    Stats {
        #[command(flatten)]
        path: DbPath,
        /// JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export as JSON Lines: one line per quotation, or per document.
    #[command(
        after_help = "Examples:\n  whosaid db export --db quotes.sqlite > quotations.jsonl\n  whosaid db export --db quotes.sqlite --view documents"
    )]
    Export {
        #[command(flatten)]
        path: DbPath,
        /// What one line stands for.
        #[arg(long, value_enum, default_value_t = ViewArg::Quotations)]
        view: ViewArg,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ViewArg {
    Quotations,
    Documents,
}

#[derive(Args)]
#[command(
    mut_arg("jsonl", |a| a.help("Read JSON Lines documents {\"id\": ..., \"text\": ...}; other fields are stored as metadata (url, title, date and source get their own columns)")),
    mut_arg("lossy", |a| a.help("Replace invalid UTF-8 with U+FFFD instead of reporting an error")),
    mut_arg("threads", |a| a.help("Worker threads for extraction (default: all cores)")),
    mut_arg("include", |a| a.help("With indirect in --kinds, also store these classes of reports (comma-separated): thought, stance, evidential, or all. Speech is always stored").display_order(6)),
    // Listed after --batch, the last field (display orders: --db 0, the inputs 1-5,
    // --kinds and --include 6, --batch 7; on a tie the help sorts by name, and `batch` comes
    // first).
    mut_arg("quiet", |a| a.help("No summary on stderr").display_order(7))
)]
struct BuildArgs {
    #[command(flatten)]
    path: DbPath,
    #[command(flatten)]
    input: InputArgs,
    /// Which kinds of quotes to store (comma-separated): direct and partial are verbatim
    /// quotations; indirect stores reports, shown without quotation marks.
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "direct,partial",
        display_order = 6
    )]
    kinds: Vec<KindArg>,
    #[command(flatten)]
    include: IncludeArgs,
    #[command(flatten)]
    patterns: super::PatternArgs,
    /// Most documents per transaction.
    #[arg(long, default_value_t = BATCH_DOCS, display_order = 7)]
    batch: usize,
}

/// Runs `whosaid db …`.
pub fn run(args: DbArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        DbCommand::Build(args) => build(args),
        DbCommand::Search {
            path,
            text,
            limit,
            json,
        } => {
            let db = open_finished(&path)?;
            let hits = db.search(&text, limit)?;
            if hits.is_empty() {
                return Err(Failure::new(
                    1,
                    format!("no quotation matches {text:?} in {}", path.db.display()),
                )
                .into());
            }
            let mut out = io::stdout().lock();
            for hit in &hits {
                let written = if json {
                    writeln!(out, "{}", serde_json::to_string(hit)?)
                } else {
                    print_hit(&mut out, hit)
                };
                written.or_else(super::ignore_broken_pipe)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Speaker { path, name, json } => {
            let db = open_existing(&path)?;
            let Some(found) = db.speaker(&name)? else {
                eprintln!(
                    "whosaid: no speaker named {name:?} in {}",
                    path.db.display()
                );
                return Ok(ExitCode::from(1));
            };
            print_json_or(json, &found, |out| {
                writeln!(out, "{}", found.name)?;
                if !found.aliases.is_empty() {
                    writeln!(out, "  also: {}", found.aliases.join(", "))?;
                }
                for hit in &found.quotations {
                    print_hit(out, hit)?;
                }
                Ok(())
            })
        }
        DbCommand::Stats { path, json } => {
            let db = open_existing(&path)?;
            let stats = db.stats()?;
            let size = std::fs::metadata(&path.db).map(|m| m.len()).unwrap_or(0);
            print_json_or(json, &stats, |out| {
                writeln!(out, "documents             {}", stats.documents)?;
                writeln!(out, "failed documents      {}", stats.failed)?;
                writeln!(out, "occurrences           {}", stats.occurrences)?;
                writeln!(out, "quotations            {}", stats.quotations)?;
                writeln!(out, "  in several docs     {}", stats.repeated_quotations)?;
                writeln!(out, "  reports             {}", stats.reports)?;
                writeln!(out, "speakers              {}", stats.speakers)?;
                writeln!(out, "file size             {:.1} MB", size as f64 / 1e6)?;
                for (settings, n) in &stats.settings {
                    let settings = settings
                        .as_deref()
                        .unwrap_or("unknown (stored by an older whosaid)");
                    writeln!(out, "stored with {settings}: {}", counted(*n, "document"))?;
                }
                if stats.dirty {
                    writeln!(
                        out,
                        "(quotations are stale: a build did not finish or the database was \
                         upgraded; run a build again)"
                    )?;
                }
                for (name, n) in &stats.top_speakers {
                    writeln!(out, "  {n:>6}  {name}")?;
                }
                Ok(())
            })
        }
        DbCommand::Export { path, view } => {
            let db = open_finished(&path)?;
            let view = match view {
                ViewArg::Quotations => View::Quotations,
                ViewArg::Documents => View::Documents,
            };
            let mut out = io::BufWriter::new(io::stdout().lock());
            match db.export(view, &mut out) {
                Err(whosaid::db::Error::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => {}
                other => {
                    other?;
                }
            }
            out.flush().or_else(super::ignore_broken_pipe)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The documents stored before a build, and how a file read now is matched with them.
struct Known {
    /// By stored id.
    by_id: HashMap<String, Stored>,
    /// Stored ids that name a file by another spelling than its canonical path (stored by
    /// an older whosaid, or typed relative), by that canonical path.
    by_canonical: HashMap<String, String>,
    /// Stored ids by content hash, to recognise a file that moved.
    by_hash: HashMap<u64, String>,
}

impl Known {
    fn new(by_id: HashMap<String, Stored>) -> Self {
        let mut by_canonical = HashMap::new();
        let mut by_hash = HashMap::new();
        for (id, stored) in &by_id {
            if let Ok(path) = std::fs::canonicalize(id) {
                let path = path.display().to_string();
                if path != *id {
                    by_canonical.insert(path, id.clone());
                }
            }
            by_hash.entry(stored.hash).or_insert_with(|| id.clone());
        }
        Known {
            by_id,
            by_canonical,
            by_hash,
        }
    }
}

/// What a build does with one document read.
struct Step {
    /// Give the stored document this new id first: (stored id, new id).
    rename: Option<(String, String)>,
    /// Store this (`None`: stored already with the same content and settings).
    entry: Option<Entry>,
}

/// Extracts a batch in parallel, skipping documents stored with the same content hash and
/// settings. A file (a document without JSONL metadata) is matched with what is stored by
/// its canonical path, then by another spelling of that path, then by its content: a file
/// whose content is stored under a path that no longer exists has moved, and is renamed; a
/// copy of a stored file is the same document, and is not stored twice.
fn extract_batch(
    batch: Vec<Item>,
    known: &Known,
    settings: &Settings,
    settings_key: &str,
) -> Vec<Step> {
    batch
        .into_par_iter()
        .map(|item| match item {
            Item::Doc { id, text, meta } => {
                let hash = content_hash(&text, meta.as_ref());
                let file = meta.is_none() && id != "-";
                let stored = match known.by_id.get_key_value(&id) {
                    Some((stored_id, stored)) => Some((stored_id, stored)),
                    None if file => known
                        .by_canonical
                        .get(&id)
                        .and_then(|old| known.by_id.get_key_value(old)),
                    None => None,
                };
                let mut rename = stored
                    .filter(|(old, _)| **old != id)
                    .map(|(old, _)| (old.clone(), id.clone()));
                if stored.is_some_and(|(_, s)| s.is_current(hash, settings_key)) {
                    return Step {
                        rename,
                        entry: None,
                    };
                }
                if stored.is_none() && file {
                    let same_content = known
                        .by_hash
                        .get(&hash)
                        .filter(|old| known.by_id[*old].is_current(hash, settings_key));
                    if let Some(old) = same_content {
                        let moved = !std::path::Path::new(old).exists();
                        rename = moved.then(|| (old.clone(), id.clone()));
                        return Step {
                            rename,
                            entry: None,
                        };
                    }
                }
                // A bug must cost one document, not the build.
                let run = std::panic::AssertUnwindSafe(|| {
                    Entry::extract(&id, &text, meta.clone(), settings)
                });
                let entry = std::panic::catch_unwind(run).unwrap_or_else(|_| Entry::Failed {
                    message: format!(
                        "{id}: internal error while extracting; please report it with this document"
                    ),
                    kind: whosaid::input::ErrorKind::Internal.as_str().to_string(),
                    id,
                });
                Step {
                    rename,
                    entry: Some(entry),
                }
            }
            Item::Failed { id, error } => Step {
                rename: None,
                entry: Some(Entry::Failed {
                    id,
                    kind: error.kind.as_str().to_string(),
                    message: error.message,
                }),
            },
        })
        .collect()
}

/// Prints `value` as one line of JSON, or as text by `text`; a closed stdout is not an error.
fn print_json_or<T: serde::Serialize>(
    json: bool,
    value: &T,
    text: impl FnOnce(&mut io::StdoutLock<'static>) -> io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let written = if json {
        writeln!(out, "{}", serde_json::to_string(value)?)
    } else {
        text(&mut out)
    };
    written.or_else(super::ignore_broken_pipe)?;
    Ok(ExitCode::SUCCESS)
}

/// A verbatim quotation inside quotation marks, its speaker below; a report as the speaker,
/// what they did and the content, with no quotation marks: `[4] Ann Lee said: the bridge
/// will reopen in May` (speech), `[5] Ann Lee (thought, reported): …` (another class).
fn print_hit(out: &mut impl Write, hit: &whosaid::db::query::QuotationHit) -> io::Result<()> {
    let counts = format!(
        "{} in {}: {}",
        counted(hit.occurrences, "occurrence"),
        counted(hit.documents, "document"),
        hit.sources.join(", ")
    );
    let text = hit.text.trim();
    if hit.verbatim {
        let speaker = hit.speaker.as_deref().unwrap_or("unknown");
        return writeln!(out, "[{}] “{text}”\n    — {speaker} ({counts})", hit.id);
    }
    let speaker = hit.speaker.as_deref().unwrap_or("(speaker unknown)");
    let reported = match hit.class.as_deref() {
        Some("speech") => format!("{speaker} said"),
        Some(class) => format!("{speaker} ({class}, reported)"),
        None => format!("{speaker} (reported)"),
    };
    writeln!(
        out,
        "[{}] {reported}: {text}\n    (reported, not verbatim; {counts})",
        hit.id
    )
}

/// Opens a database for reading; a missing file is an error rather than a new empty database.
fn open_existing(path: &DbPath) -> anyhow::Result<Database> {
    if !path.db.exists() {
        anyhow::bail!(
            "{}: no such database; create it with `whosaid db build --db {} PATH…`",
            path.db.display(),
            path.db.display()
        );
    }
    Database::open(&path.db).with_context(|| path.db.display().to_string())
}

/// [`open_existing`], refusing a database whose quotation tables are stale (a build that did
/// not finish, or one running now): its answers would be incomplete.
fn open_finished(path: &DbPath) -> anyhow::Result<Database> {
    let db = open_existing(path)?;
    if db.is_dirty()? {
        anyhow::bail!(
            "{}: the quotations are stale: a build did not finish (or is running) or the \
             database was upgraded; run `whosaid db build --db {} PATH…` again",
            path.db.display(),
            path.db.display()
        );
    }
    Ok(db)
}

fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    // A pattern file with a mistake stops the build before the database is touched.
    let mut settings = Settings::new(args.kinds.iter().map(|&k| k.into()), args.include.include);
    if let Some((set, files)) = args.patterns.rule_set_and_files()? {
        settings = settings.with_patterns(set, &files);
    }
    let mut db =
        Database::open(&args.path.db).with_context(|| args.path.db.display().to_string())?;
    let known = Known::new(db.stored_documents()?);
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.input.threads() {
        builder = builder.num_threads(n);
    }
    let pool = builder.build()?;
    let abort_after: Option<usize> = std::env::var(ABORT_AFTER_ENV)
        .ok()
        .and_then(|v| v.parse().ok());

    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let flag = interrupted.clone();
        // Ctrl-C commits the batch in hand and stops; the next build completes the rest.
        let _ = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst));
    }

    let settings_key = settings.key();
    let started = Instant::now();
    let mut source = args.input.source();
    source.canonical_ids = true;
    let mut items = args.input.documents_from(source)?;
    let mut totals = whosaid::db::build::WriteStats::default();
    let mut totals_renamed = 0usize;
    let (mut written, mut bytes) = (0usize, 0usize);
    let batch_docs = args.batch.max(1);
    let (settings, settings_key, known, pool) = (&settings, settings_key.as_str(), &known, &pool);
    // While the pool extracts one batch, this thread reads the next and writes the previous
    // one: reading and writing are serial and would otherwise leave the workers idle.
    let stopped = std::thread::scope(|scope| -> anyhow::Result<bool> {
        let mut in_flight: Option<std::thread::ScopedJoinHandle<'_, Vec<Step>>> = None;
        loop {
            let mut batch = Vec::with_capacity(batch_docs);
            let mut batch_bytes = 0;
            let stop = interrupted.load(Ordering::SeqCst);
            while !stop && batch.len() < batch_docs && batch_bytes < BATCH_BYTES {
                let Some(item) = items.next() else { break };
                batch_bytes += item.len();
                batch.push(item);
            }
            bytes += batch_bytes;
            let done = in_flight.take().map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p))
            });
            if !batch.is_empty() {
                in_flight = Some(scope.spawn(move || {
                    pool.install(|| extract_batch(batch, known, settings, settings_key))
                }));
            }
            let Some(steps) = done else {
                if in_flight.is_some() {
                    continue;
                }
                return Ok(stop);
            };
            let mut entries = Vec::with_capacity(steps.len());
            for step in steps {
                if let Some((from, to)) = &step.rename {
                    if db.rename_document(from, to)? {
                        totals_renamed += 1;
                    }
                }
                match step.entry {
                    Some(entry) => entries.push(entry),
                    None => totals.unchanged += 1,
                }
            }
            let stats = db.write_batch(&entries, |_| {
                written += 1;
                if abort_after == Some(written) {
                    std::process::abort();
                }
            })?;
            totals.added += stats.added;
            totals.updated += stats.updated;
            totals.unchanged += stats.unchanged;
            totals.failed += stats.failed;
        }
    })?;
    if stopped {
        eprintln!(
            "whosaid: interrupted; the documents stored so far are committed, \
             run the build again to complete it"
        );
        return Ok(ExitCode::from(130));
    }
    let extracted = started.elapsed().as_secs_f64();
    let consolidated = if db.is_dirty()? {
        Some(db.consolidate()?)
    } else {
        None
    };
    if !args.input.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        let docs = totals.added + totals.updated + totals.unchanged + totals.failed;
        eprintln!(
            "whosaid: {} ({} added, {} updated, {} unchanged, {} failed) in {secs:.1} s, {:.1} MB/s",
            counted(docs, "document"),
            totals.added,
            totals.updated,
            totals.unchanged,
            totals.failed,
            bytes as f64 / 1e6 / secs
        );
        match consolidated {
            Some(c) => eprintln!(
                "whosaid: {} → {}, {} ({:.1} s)",
                counted(c.occurrences, "occurrence"),
                counted(c.quotations, "quotation"),
                counted(c.speakers, "speaker"),
                secs - extracted
            ),
            None => eprintln!("whosaid: nothing changed"),
        }
        if totals_renamed > 0 {
            eprintln!(
                "whosaid: {} stored under another path now named by its current path",
                counted(totals_renamed, "document")
            );
        }
    }
    Ok(if totals.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
