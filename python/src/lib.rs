//! The native half of the `whosaid` Python package (`whosaid._native`).
//!
//! Every function returns JSON text exactly as `whosaid extract` prints it (serialised by the
//! same serde types), and the Python half turns it into dicts with `json.loads`: the values
//! are then those of the CLI by construction. A document that cannot be processed comes back
//! as the CLI's error record, `{"id": ..., "error": {"kind": ..., "message": ...}}`; the
//! Python half raises it (`extract`) or yields it in place (`extract_many`).
//!
//! The GIL is released while Rust works; `Extractor.run` spreads a chunk of documents over
//! its own rayon pool and returns the results in input order.
#![forbid(unsafe_code)]

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyString};
use rayon::prelude::*;
use whosaid::input::{decode, DecodeOptions, Error, ErrorKind};

/// The id `extract` gives a text when the caller names none: the CLI's id for standard input.
const DEFAULT_ID: &str = "-";

/// One item of `extract_many`, read while holding the GIL: a document, or the error in its
/// place.
enum Input {
    Doc { id: String, text: String },
    Failed { id: String, error: Error },
}

/// The CLI's error record for a failed document.
fn error_record(id: &str, error: &Error) -> String {
    serde_json::json!({
        "id": id,
        "error": {"kind": error.kind.as_str(), "message": error.message},
    })
    .to_string()
}

/// Serialises a result the way the CLI does (`serde_json::to_string` of the same types).
fn to_json<T: serde::Serialize>(id: &str, value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| {
        let error = Error::new(ErrorKind::Internal, format!("{id}: cannot serialise: {e}"));
        error_record(id, &error)
    })
}

/// Runs `work` on one document; a panic (a bug in whosaid) becomes the document's `internal`
/// error record, as in the CLI, instead of stopping the caller.
fn guarded(id: &str, work: impl FnOnce() -> String) -> String {
    catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|_| {
        let error = Error::new(
            ErrorKind::Internal,
            format!("{id}: internal error while extracting; please report it with this document"),
        );
        error_record(id, &error)
    })
}

/// The text of a document given as `str` (taken as is) or `bytes` (decoded as the CLI
/// decodes a file: UTF-8 with an optional BOM, or UTF-16 with a BOM; NUL bytes are refused).
fn text_of(id: &str, what: &str, text: &Bound<'_, PyAny>) -> Result<String, Error> {
    if let Ok(s) = text.downcast::<PyString>() {
        // Fails only for a str holding lone surrogates, which no UTF-8 text can hold.
        let text = s.extract::<String>().map_err(|_| {
            Error::new(
                ErrorKind::InvalidUtf8,
                format!("{id}: {what} holds a lone surrogate and cannot be encoded as UTF-8"),
            )
        })?;
        // A str is taken as is, but no larger than the largest document whosaid reads (its
        // token offsets are 32-bit): as bytes are, through `decode`.
        whosaid::input::check_size(id, text.len(), usize::MAX)?;
        return Ok(text);
    }
    if let Ok(b) = text.downcast::<PyBytes>() {
        return decode(id, b.as_bytes(), &DecodeOptions::default()).map(|t| t.into_owned());
    }
    let type_name = text
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string());
    Err(Error::new(
        ErrorKind::TextNotString,
        format!("{id}: {what} is of type {type_name}, not str or bytes"),
    ))
}

/// The id of a dict item, read as the CLI reads the `id` of a JSON Lines record: a string as
/// is, a number in its decimal form, anything else (or nothing) gives `fallback`.
fn id_of(item: &Bound<'_, PyDict>, fallback: String) -> PyResult<String> {
    let Some(id) = item.get_item("id")? else {
        return Ok(fallback);
    };
    if let Ok(s) = id.downcast::<PyString>() {
        return Ok(s.to_cow().map(|c| c.into_owned()).unwrap_or(fallback));
    }
    if id.is_instance_of::<PyBool>() {
        return Ok(fallback);
    }
    if id.is_instance_of::<PyInt>() {
        return Ok(id.str()?.to_cow()?.into_owned());
    }
    if let Ok(f) = id.downcast::<PyFloat>() {
        // serde_json's decimal form of a float, as the CLI prints a JSON number id.
        return Ok(serde_json::Number::from_f64(f.value()).map_or(fallback, |n| n.to_string()));
    }
    Ok(fallback)
}

/// Extracts the quotes of one text: the CLI's JSON record, or its error record.
#[pyfunction]
#[pyo3(signature = (text, id=None, explain=false, rules=None, include=None, patterns=None))]
fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    id: Option<String>,
    explain: bool,
    rules: Option<Vec<String>>,
    include: Option<String>,
    patterns: Option<Vec<String>>,
) -> PyResult<String> {
    let set = rule_set(patterns)?;
    let config = whosaid::Config {
        explain,
        only_rules: checked_rules(rules, set)?,
        include: classes(include.as_deref())?,
        rules: set,
    };
    let id = id.unwrap_or_else(|| DEFAULT_ID.to_string());
    let text = match text_of(&id, "the text", text) {
        Ok(text) => text,
        Err(error) => return Ok(error_record(&id, &error)),
    };
    Ok(py.allow_threads(|| guarded(&id, || to_json(&id, &whosaid::extract(&id, &text, &config)))))
}

/// The classes of findings to report: speech alone when `include` is `None`, else the
/// comma-separated classes it names (speech always among them) or `all`.
fn classes(include: Option<&str>) -> PyResult<whosaid::output::Classes> {
    include.map_or(Ok(whosaid::output::Classes::SPEECH), |list| {
        whosaid::output::Classes::parse(list).map_err(PyValueError::new_err)
    })
}

/// The rule IDs of `rules=`, checked against the rules that will run: a `ValueError`
/// naming the valid IDs for an unknown or empty one, or an empty list.
fn checked_rules(
    rules: Option<Vec<String>>,
    set: Option<&'static whosaid::attribution::RuleSet>,
) -> PyResult<Option<Vec<String>>> {
    if let Some(ids) = &rules {
        set.unwrap_or_else(whosaid::attribution::RuleSet::builtin)
            .check_ids(ids)
            .map_err(PyValueError::new_err)?;
    }
    Ok(rules)
}

/// The rules with the pattern files of `patterns=` (paths): `None` without any; an
/// `OSError` for a file that cannot be read, a `ValueError` naming file:line:column for a
/// mistake in one.
fn rule_set(
    patterns: Option<Vec<String>>,
) -> PyResult<Option<&'static whosaid::attribution::RuleSet>> {
    let Some(paths) = patterns.filter(|p| !p.is_empty()) else {
        return Ok(None);
    };
    let files = paths
        .into_iter()
        .map(|path| {
            std::fs::read_to_string(&path)
                .map(|text| (path.clone(), text))
                .map_err(|e| {
                    pyo3::exceptions::PyOSError::new_err(format!(
                        "cannot read the pattern file {path}: {e}"
                    ))
                })
        })
        .collect::<PyResult<Vec<_>>>()?;
    whosaid::attribution::RuleSet::with_files(&files)
        .map(Some)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The sentences of one text: the JSON record of `whosaid sentences`, or an error record.
#[pyfunction]
#[pyo3(signature = (text, id=None))]
fn sentences(py: Python<'_>, text: &Bound<'_, PyAny>, id: Option<String>) -> String {
    let id = id.unwrap_or_else(|| DEFAULT_ID.to_string());
    let text = match text_of(&id, "the text", text) {
        Ok(text) => text,
        Err(error) => return error_record(&id, &error),
    };
    py.allow_threads(|| guarded(&id, || to_json(&id, &whosaid::sentences(&id, &text))))
}

/// Extracts the quotes of a stream of documents, one chunk at a time, on its own thread pool.
///
/// Ids are checked for repeats across all chunks of one `Extractor`, as the CLI checks them
/// across one run. An item without an id is named by its 1-based position, `-:N`, as the CLI
/// names a JSON Lines record without an id read from standard input.
#[pyclass(module = "whosaid._native")]
struct Extractor {
    pool: rayon::ThreadPool,
    config: whosaid::Config,
    /// Hashes of the ids seen so far: memory stays small on long streams.
    seen: HashSet<u64>,
    hasher: std::collections::hash_map::RandomState,
    /// Items handed to `run` so far.
    position: usize,
}

#[pymethods]
impl Extractor {
    /// A new extractor with `threads` worker threads (default: one per core).
    #[new]
    #[pyo3(signature = (threads=None, explain=false, rules=None, include=None, patterns=None))]
    fn new(
        threads: Option<usize>,
        explain: bool,
        rules: Option<Vec<String>>,
        include: Option<String>,
        patterns: Option<Vec<String>>,
    ) -> PyResult<Self> {
        let include = classes(include.as_deref())?;
        let set = rule_set(patterns)?;
        let rules = checked_rules(rules, set)?;
        let mut builder = rayon::ThreadPoolBuilder::new();
        if let Some(n) = threads {
            builder = builder.num_threads(n.max(1));
        }
        let pool = builder
            .build()
            .map_err(|e| PyValueError::new_err(format!("cannot start worker threads: {e}")))?;
        Ok(Extractor {
            pool,
            config: whosaid::Config {
                explain,
                only_rules: rules,
                include,
                rules: set,
            },
            seen: HashSet::new(),
            hasher: Default::default(),
            position: 0,
        })
    }

    /// Processes one chunk of items (`str`, `bytes` or dicts with `id` and `text`) and
    /// returns one JSON record per item, in order.
    fn run(&mut self, py: Python<'_>, items: Vec<Bound<'_, PyAny>>) -> PyResult<Vec<String>> {
        let mut inputs = Vec::with_capacity(items.len());
        for item in &items {
            self.position += 1;
            let input = self.read_item(item)?;
            inputs.push(input);
        }
        let config = &self.config;
        Ok(py.allow_threads(|| {
            self.pool.install(|| {
                inputs
                    .into_par_iter()
                    .map(|input| match input {
                        Input::Doc { id, text } => {
                            guarded(&id, || to_json(&id, &whosaid::extract(&id, &text, config)))
                        }
                        Input::Failed { id, error } => error_record(&id, &error),
                    })
                    .collect()
            })
        }))
    }
}

impl Extractor {
    /// Reads one item while holding the GIL.
    fn read_item(&mut self, item: &Bound<'_, PyAny>) -> PyResult<Input> {
        let n = self.position;
        let fallback = format!("{DEFAULT_ID}:{n}");
        let (id, text) = if let Ok(dict) = item.downcast::<PyDict>() {
            let id = id_of(dict, fallback)?;
            match dict.get_item("text")? {
                Some(text) => (id, text),
                None => {
                    let error = Error::new(
                        ErrorKind::MissingText,
                        format!("item {n} (id {id}): no `text` field"),
                    );
                    return Ok(Input::Failed { id, error });
                }
            }
        } else if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() {
            (fallback, item.clone())
        } else {
            let type_name = item.get_type().name()?.to_string();
            let error = Error::new(
                ErrorKind::TextNotString,
                format!("item {n} is of type {type_name}, not str, bytes or dict"),
            );
            return Ok(Input::Failed {
                id: fallback,
                error,
            });
        };
        let what = format!("item {n}'s text");
        let text = match text_of(&id, &what, &text) {
            Ok(text) => text,
            Err(error) => return Ok(Input::Failed { id, error }),
        };
        // As in the CLI, only a readable document claims its id.
        if !self.seen.insert(self.hasher.hash_one(&id)) {
            let error = Error::new(
                ErrorKind::DuplicateId,
                format!("item {n}: id {id:?} was already used by an earlier item"),
            );
            return Ok(Input::Failed { id, error });
        }
        Ok(Input::Doc { id, text })
    }
}

/// The native module: `extract`, `sentences` and `Extractor`, all returning JSON text.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_class::<Extractor>()?;
    m.add("SCHEMA_VERSION", whosaid::output::SCHEMA_VERSION)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
