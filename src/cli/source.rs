//! Where documents come from: files, directories (walked lazily, `.txt` files or those of
//! `--ext`, in sorted order), standard input, and JSON Lines. Each document arrives as an
//! [`Item`]: its text, or the error that stands in its place.

use std::collections::HashSet;
use std::fs::File;
use std::hash::BuildHasher;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use whosaid::input::{decode, parse_jsonl, DecodeOptions, Error, ErrorKind, JsonDoc};

/// One input document, or the error in its place.
pub enum Item {
    /// A readable document.
    Doc {
        id: String,
        text: String,
        meta: Option<serde_json::Map<String, serde_json::Value>>,
    },
    /// A document that could not be read.
    Failed { id: String, error: Error },
}

impl Item {
    /// Size of the item's text, for batching and progress.
    pub fn len(&self) -> usize {
        match self {
            Item::Doc { text, .. } => text.len(),
            Item::Failed { .. } => 0,
        }
    }
}

/// How to read the inputs.
#[derive(Clone, Copy)]
pub struct SourceOptions {
    pub jsonl: bool,
    pub decode: DecodeOptions,
    /// Name a file by its canonical path (absolute, links resolved) rather than as typed,
    /// so that `corpus/a.txt` and `/home/me/corpus/a.txt` are one document.
    pub canonical_ids: bool,
}

fn io_error(id: &str, e: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io, format!("{id}: {e}"))
}

fn read_file(id: &str, path: &Path, opts: &SourceOptions) -> Item {
    let canonical = opts
        .canonical_ids
        .then(|| std::fs::canonicalize(path).ok())
        .flatten()
        .map(|p| p.display().to_string());
    let id = canonical.as_deref().unwrap_or(id);
    match File::open(path) {
        Ok(f) => {
            // A regular file knows its size; anything else is counted as it is read.
            let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
            read_item(id, f, size, opts)
        }
        Err(e) => Item::Failed {
            id: id.to_string(),
            error: io_error(id, &e),
        },
    }
}

/// Reads one document from `reader`, keeping no more than one byte past `--max-bytes` in
/// memory; a document over the limit is reported with its whole size (`size` when known,
/// else counted by reading on).
fn read_item(id: &str, mut reader: impl Read, size: Option<u64>, opts: &SourceOptions) -> Item {
    let max = opts.decode.max_bytes;
    let mut bytes = Vec::new();
    // One byte past the limit tells that the document is too large.
    let read = (&mut reader)
        .take(u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .and_then(|_| {
            if bytes.len() <= max {
                return Ok(None);
            }
            match size {
                Some(size) => Ok(Some(size.max(bytes.len() as u64))),
                None => {
                    let rest = std::io::copy(&mut reader, &mut std::io::sink())?;
                    Ok(Some(bytes.len() as u64 + rest))
                }
            }
        });
    match read {
        Ok(None) => bytes_item(id, &bytes, opts),
        Ok(Some(size)) => Item::Failed {
            id: id.to_string(),
            error: Error::new(
                ErrorKind::TooLarge,
                format!("{id}: {size} bytes is over the limit of {max} bytes (--max-bytes)"),
            ),
        },
        Err(e) => Item::Failed {
            id: id.to_string(),
            error: io_error(id, &e),
        },
    }
}

fn bytes_item(id: &str, bytes: &[u8], opts: &SourceOptions) -> Item {
    match decode(id, bytes, &opts.decode) {
        Ok(text) => Item::Doc {
            id: id.to_string(),
            text: text.into_owned(),
            meta: None,
        },
        Err(error) => Item::Failed {
            id: id.to_string(),
            error,
        },
    }
}

/// Reads JSON Lines records one at a time: each line's document, parsed where the line was
/// read (one line buffer for the whole file, no copy of the line), or the item that stands
/// for the line (an error, an empty document for a blank line).
struct JsonlReader {
    name: String,
    reader: Box<dyn BufRead>,
    line: usize,
    opts: SourceOptions,
    buf: Vec<u8>,
    done: bool,
}

impl Iterator for JsonlReader {
    type Item = (usize, Result<JsonDoc, Item>);

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.buf.clear();
        self.line += 1;
        match self.reader.read_until(b'\n', &mut self.buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                self.done = true;
                let id = format!("{}:{}", self.name, self.line);
                let error = io_error(&id, &e);
                return Some((self.line, Err(Item::Failed { id, error })));
            }
        }
        let record = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
        let record = record.strip_suffix(b"\r").unwrap_or(record);
        let id = format!("{}:{}", self.name, self.line);
        // One line out for every line in: a blank line is an empty document, named by
        // its place as a record without an id is.
        if record.iter().all(|b| b.is_ascii_whitespace()) {
            let blank = Item::Doc {
                id,
                text: String::new(),
                meta: None,
            };
            return Some((self.line, Err(blank)));
        }
        if record.len() > self.opts.decode.max_bytes {
            let error = Error::new(
                ErrorKind::TooLarge,
                format!(
                    "{} line {}: {} bytes is over the limit of {} bytes (--max-bytes)",
                    self.name,
                    self.line,
                    record.len(),
                    self.opts.decode.max_bytes
                ),
            );
            return Some((self.line, Err(Item::Failed { id, error })));
        }
        let parsed = decode(&id, record, &self.opts.decode)
            .map_err(|error| (id, error))
            .and_then(|record| parse_jsonl(&self.name, self.line, &record));
        Some((
            self.line,
            parsed.map_err(|(id, error)| Item::Failed { id, error }),
        ))
    }
}

/// Tracks ids already seen, by 64-bit hash, so memory stays small on huge corpora.
#[derive(Default)]
pub struct SeenIds {
    hashes: HashSet<u64>,
    state: std::collections::hash_map::RandomState,
}

impl SeenIds {
    fn insert(&mut self, id: &str) -> bool {
        self.hashes.insert(self.state.hash_one(id))
    }
}

/// The documents of one JSON Lines stream named `name`, read as `--jsonl` reads a file
/// (blank lines, size limit, duplicate ids), for `whosaid serve`'s batches.
#[cfg_attr(not(feature = "serve"), allow(dead_code))]
pub fn jsonl_documents(
    name: String,
    reader: Box<dyn BufRead>,
    opts: SourceOptions,
) -> impl Iterator<Item = Item> {
    jsonl_items(name, reader, opts, Default::default())
}

fn jsonl_items(
    name: String,
    reader: Box<dyn BufRead>,
    opts: SourceOptions,
    seen: std::rc::Rc<std::cell::RefCell<SeenIds>>,
) -> impl Iterator<Item = Item> {
    let source = name.clone();
    JsonlReader {
        name,
        reader,
        line: 0,
        opts,
        buf: Vec::new(),
        done: false,
    }
    .map(move |(line, record)| match record {
        Err(item) => item,
        Ok(doc) => {
            if !seen.borrow_mut().insert(&doc.id) {
                let error = Error::new(
                    ErrorKind::DuplicateId,
                    format!(
                        "{source} line {line}: id {:?} was already used by an earlier record",
                        doc.id
                    ),
                );
                return Item::Failed { id: doc.id, error };
            }
            Item::Doc {
                id: doc.id,
                text: doc.text,
                meta: Some(doc.meta),
            }
        }
    })
}

/// Whether `path` names a file with one of `extensions` (without their dot, compared
/// ignoring case).
fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Most other extensions named when a directory holds no file to read.
const MAX_OTHER_EXTENSIONS: usize = 5;

/// Checks that every directory in `paths` holds at least one file with one of `extensions`:
/// a directory that holds none is a mistake (a wrong folder, or files of another kind),
/// and the message names it, the extensions looked for and those it holds. A directory
/// that cannot be walked is left to [`documents`], which reports the error per entry.
pub fn check_directories(paths: &[String], extensions: &[String]) -> Result<(), String> {
    for p in paths.iter().filter(|p| *p != "-") {
        let path = Path::new(p);
        if !path.is_dir() {
            continue;
        }
        let mut others: Vec<String> = Vec::new();
        let mut found = false;
        for entry in walkdir::WalkDir::new(path).follow_links(true) {
            let Ok(entry) = entry else {
                found = true;
                break;
            };
            if !entry.file_type().is_file() {
                continue;
            }
            if has_extension(entry.path(), extensions) {
                found = true;
                break;
            }
            if let Some(e) = entry.path().extension().and_then(|e| e.to_str()) {
                let e = format!(".{}", e.to_ascii_lowercase());
                if others.len() < MAX_OTHER_EXTENSIONS && !others.contains(&e) {
                    others.push(e);
                }
            }
        }
        if found {
            continue;
        }
        let wanted: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
        let held = if others.is_empty() {
            String::new()
        } else {
            others.sort();
            format!(" (it holds {} files)", others.join(", "))
        };
        return Err(format!(
            "{p}: no {} files in this directory{held}; choose the extensions to read with \
             --ext, e.g. --ext txt,md",
            wanted.join(" or ")
        ));
    }
    Ok(())
}

/// All documents named by `paths`, lazily, in order; in directories, the files with one of
/// `extensions` (without their dot).
pub fn documents(
    paths: Vec<String>,
    opts: SourceOptions,
    extensions: Vec<String>,
) -> impl Iterator<Item = Item> {
    let seen = std::rc::Rc::new(std::cell::RefCell::new(SeenIds::default()));
    let extensions = std::rc::Rc::new(extensions);
    paths
        .into_iter()
        .flat_map(move |p| -> Box<dyn Iterator<Item = Item>> {
            if p == "-" {
                if opts.jsonl {
                    let reader = Box::new(BufReader::new(std::io::stdin()));
                    return Box::new(jsonl_items(p, reader, opts, seen.clone()));
                }
                return Box::new(std::iter::once(read_item(
                    "-",
                    std::io::stdin(),
                    None,
                    &opts,
                )));
            }
            let path = Path::new(&p);
            if path.is_dir() {
                let seen = seen.clone();
                let extensions = extensions.clone();
                let walk = walkdir::WalkDir::new(path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_map(move |entry| -> Option<Box<dyn Iterator<Item = Item>>> {
                        match entry {
                            Err(e) => {
                                let id = e
                                    .path()
                                    .map_or_else(|| p.clone(), |q| q.display().to_string());
                                let error = Error::new(ErrorKind::Io, format!("{id}: {e}"));
                                Some(Box::new(std::iter::once(Item::Failed { id, error })))
                            }
                            Ok(entry) => {
                                let q = entry.path();
                                if !has_extension(q, &extensions) {
                                    return None;
                                }
                                let kind = entry.file_type();
                                if !kind.is_file() {
                                    // A FIFO or device would block or never end; say so.
                                    if !kind.is_dir() {
                                        eprintln!(
                                            "whosaid: skipped {}: not a regular file",
                                            q.display()
                                        );
                                    }
                                    return None;
                                }
                                let id = q.display().to_string();
                                if opts.jsonl {
                                    match File::open(q) {
                                        Ok(f) => Some(Box::new(jsonl_items(
                                            id,
                                            Box::new(BufReader::new(f)),
                                            opts,
                                            seen.clone(),
                                        ))),
                                        Err(e) => {
                                            let error = io_error(&id, &e);
                                            Some(Box::new(std::iter::once(Item::Failed {
                                                id,
                                                error,
                                            })))
                                        }
                                    }
                                } else {
                                    Some(Box::new(std::iter::once(read_file(&id, q, &opts))))
                                }
                            }
                        }
                    })
                    .flatten();
                return Box::new(walk);
            }
            if opts.jsonl {
                return match File::open(path) {
                    Ok(f) => Box::new(jsonl_items(
                        p,
                        Box::new(BufReader::with_capacity(1 << 16, f)),
                        opts,
                        seen.clone(),
                    )),
                    Err(e) => {
                        let error = io_error(&p, &e);
                        Box::new(std::iter::once(Item::Failed { id: p, error }))
                    }
                };
            }
            Box::new(std::iter::once(read_file(&p, path, &opts)))
        })
}
