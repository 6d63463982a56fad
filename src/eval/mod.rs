//! Accuracy measurement: compares extracted quotes with hand-annotated gold.
//!
//! [`gold`] reads the gold JSONL format (`docs/gold-format.md`), [`matching`] pairs predicted quotes
//! with gold quotes, [`score`] turns the pairs into metrics and an error list, [`report`] renders
//! them, and [`diff`] compares two extraction runs with each other.
//!
//! Decisions the annotation format leaves open, made here once so every consumer agrees:
//! - A gold quote without any accepted name and without speaker spans has its speaker *not
//!   judged*: it is left out of attribution accuracy, and detecting it counts as an end-to-end hit.
//! - An unmatched indirect prediction is a false positive only when the gold document has at least
//!   one non-optional indirect quote (a sign that indirect speech was annotated exhaustively there)
//!   or when [`EvalOptions::exhaustive`] is set; otherwise it is counted as *unjudged* and left out
//!   of precision.
//! - [`EvalOptions::kinds`] filters gold and predictions before matching, so under `direct` a gold
//!   direct quote predicted as partial is a miss, and the partial prediction is not counted at all.
//!   `none` passages are kept whatever the filter: reporting one is always wrong.
//! - A prediction is tested against `none` passages only if it matched no speech quote, with the
//!   strict overlap test; it then counts once as non-speech reported and once as a false positive.
//! - Gold documents without a prediction record are scored as if nothing was found; prediction
//!   records whose id is not in the gold are ignored and counted. Repeated ids are an error.
//! - Gold spans of `direct` and `partial` quotes are trimmed of outer quote marks, because PolNeAR
//!   includes them while the extractor's spans do not.

use std::fmt;
use std::path::PathBuf;

pub mod diff;
pub mod gold;
pub mod matching;
pub mod report;
pub mod score;

pub use gold::{GoldDoc, GoldKind, GoldQuote};
pub use score::{evaluate, EvalOptions, Evaluation};

/// Why reading gold or prediction files failed.
#[derive(Debug)]
pub enum Error {
    /// The file could not be opened or read.
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line is not a valid record.
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// Two records of the same file share an id, so matching by id would be ambiguous.
    DuplicateId {
        /// The file.
        path: PathBuf,
        /// 1-based line number of the second occurrence.
        line: usize,
        /// The repeated id.
        id: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, .. } => write!(f, "cannot read {}", path.display()),
            Error::Parse {
                path,
                line,
                message,
            } => write!(f, "{}:{}: {}", path.display(), line, message),
            Error::DuplicateId { path, line, id } => {
                write!(
                    f,
                    "{}:{}: duplicate document id {:?}",
                    path.display(),
                    line,
                    id
                )
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
