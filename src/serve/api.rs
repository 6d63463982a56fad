//! The handlers of `/v1/…` and `/healthz`, and how their work is run: admitted (or turned
//! away with 503 when the queue is full), then on the blocking pool once a worker is free,
//! within the request's time limit.
//!
//! A request body of `Content-Type: application/json` is one document and gets one record
//! back, the bytes `whosaid extract` writes for it; `application/x-ndjson` (or
//! `application/jsonl`) is a batch, JSON Lines in and out, read as `--jsonl` reads a file and
//! streamed back one line per input line as each document is done.

use std::io::Cursor;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Instant;

use aide::openapi::{MediaType, Operation, RequestBody, SchemaObject};
use aide::transform::TransformOperation;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use http_body_util::BodyExt;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use whosaid::input::{DecodeOptions, Error, ErrorKind};

use super::error::{ApiError, ErrorBody};
use super::App;
use crate::cli::run::error_record;
use crate::cli::source::{jsonl_documents, Item, SourceOptions};

/// The id of a document whose request names none (a batch line without one is named
/// `request:LINE`, as `--jsonl` names it after its file).
pub const DEFAULT_ID: &str = "request";

/// A document id: a string, or a number taken in its decimal form.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum DocId {
    /// An id.
    Text(String),
    /// A number, used in its decimal form.
    Number(serde_json::Number),
}

impl DocId {
    pub fn into_string(self) -> String {
        match self {
            DocId::Text(s) => s,
            DocId::Number(n) => n.to_string(),
        }
    }
}

/// One document to extract (`Content-Type: application/json`). A batch
/// (`application/x-ndjson`) holds one record per line as `whosaid extract --jsonl` reads
/// them, `{"id", "text", …}`, its other fields passed through as `meta`, its options in the
/// query string.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtractRequest {
    /// The text.
    pub text: String,
    /// The document id, copied into the result (default `request`).
    pub id: Option<DocId>,
    /// Any fields to pass through, untouched, as the result's `meta`.
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    /// Also list quoted passages judged not to be speech, with the reason (`non_speech`),
    /// as `--explain`.
    pub explain: Option<bool>,
    /// Run only these attribution rules, as `--rules`.
    pub rules: Option<Vec<String>>,
    /// Also report these classes of findings, comma-separated (thought, stance,
    /// evidential, or all), as `--include`.
    pub include: Option<String>,
}

/// Options of `/v1/extract` in the query string (a body's own options win).
#[derive(Deserialize, JsonSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ExtractQuery {
    /// As `--explain`: list the quoted passages that are not speech, with the reason.
    pub explain: Option<bool>,
    /// As `--rules`: only these attribution rules, comma-separated IDs.
    pub rules: Option<String>,
    /// As `--include`: thought, stance, evidential or all, comma-separated.
    pub include: Option<String>,
}

/// One document to split into sentences (a batch: one `{"id", "text"}` per line).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SentencesRequest {
    /// The text.
    pub text: String,
    /// The document id, copied into the result (default `request`).
    pub id: Option<DocId>,
}

/// The raw body of a request that carries documents, read up to `--max-body`; `T` is what
/// one document looks like, for the OpenAPI description.
pub struct DocBody<T>(pub Bytes, pub PhantomData<T>);

impl<T> FromRequest<Arc<App>> for DocBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, app: &Arc<App>) -> Result<Self, ApiError> {
        let limit = app.max_body;
        let too_large = |size: String| {
            ApiError::document(
                None,
                &Error::new(
                    ErrorKind::TooLarge,
                    format!(
                        "the request body ({size}) is over the limit of {limit} bytes (--max-body)"
                    ),
                ),
            )
        };
        let declared = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
        if let Some(size) = declared.filter(|&n| n > limit as u64) {
            return Err(too_large(format!("{size} bytes")));
        }
        let body = http_body_util::Limited::new(request.into_body(), limit);
        match body.collect().await {
            Ok(collected) => Ok(DocBody(collected.to_bytes(), PhantomData)),
            Err(e) if e.is::<http_body_util::LengthLimitError>() => {
                Err(too_large("more bytes".to_string()))
            }
            Err(e) => Err(ApiError::bad_request(format!(
                "cannot read the request body: {e}"
            ))),
        }
    }
}

impl<T: JsonSchema> aide::OperationInput for DocBody<T> {
    fn operation_input(ctx: &mut aide::generate::GenContext, operation: &mut Operation) {
        let schema = ctx.schema.subschema_for::<T>().into_object();
        let media = |schema: schemars::schema::SchemaObject| MediaType {
            schema: Some(SchemaObject {
                json_schema: schema.into(),
                example: None,
                external_docs: None,
            }),
            ..MediaType::default()
        };
        let content = [
            ("application/json".to_string(), media(schema.clone())),
            ("application/x-ndjson".to_string(), media(schema)),
        ];
        aide::operation::set_body(
            ctx,
            operation,
            RequestBody {
                description: Some(
                    "One document (application/json), or a batch of them, one JSON object a \
                     line (application/x-ndjson or application/jsonl)."
                        .to_string(),
                ),
                content: content.into_iter().collect(),
                required: true,
                ..RequestBody::default()
            },
        );
    }
}

/// What a request's body holds, by its `Content-Type`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Shape {
    /// One JSON document.
    One,
    /// JSON Lines, one document a line.
    Lines,
}

fn shape(headers: &HeaderMap) -> Result<Shape, ApiError> {
    let given = headers
        .get(header::CONTENT_TYPE)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned());
    let mime = given
        .as_deref()
        .and_then(|v| v.split(';').next())
        .map(|m| m.trim().to_ascii_lowercase());
    match mime.as_deref() {
        Some("application/json") => Ok(Shape::One),
        Some("application/x-ndjson" | "application/jsonl" | "application/jsonlines") => {
            Ok(Shape::Lines)
        }
        _ => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "Content-Type {} is not one this route reads: send application/json (one \
                 document) or application/x-ndjson (JSON Lines, a batch)",
                given.map_or_else(|| "(none)".to_string(), |g| format!("{g:?}"))
            ),
        )),
    }
}

/// Reads one JSON document, with the command line's error kinds for what `--jsonl` also
/// rejects (invalid UTF-8, malformed JSON, no `text`, a `text` that is no string).
pub fn parse_one<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    let fail = |kind, message: String| ApiError::document(None, &Error::new(kind, message));
    let text = std::str::from_utf8(body).map_err(|e| {
        fail(
            ErrorKind::InvalidUtf8,
            format!(
                "request body: invalid UTF-8 at byte offset {}",
                e.valid_up_to()
            ),
        )
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        fail(
            ErrorKind::MalformedJson,
            format!("request body: not valid JSON: {e}"),
        )
    })?;
    let serde_json::Value::Object(map) = &value else {
        return Err(fail(
            ErrorKind::MalformedJson,
            "request body: a document must be a JSON object".to_string(),
        ));
    };
    match map.get("text") {
        None => {
            return Err(fail(
                ErrorKind::MissingText,
                "request body: no `text` field".to_string(),
            ))
        }
        Some(serde_json::Value::String(_)) => {}
        Some(_) => {
            return Err(fail(
                ErrorKind::TextNotString,
                "request body: `text` is not a string".to_string(),
            ))
        }
    }
    serde_json::from_value(value).map_err(|e| ApiError::bad_request(format!("request body: {e}")))
}

/// The extraction options, checked as the command line checks its flags, with the rules of
/// `set`.
pub fn config(
    set: &'static whosaid::attribution::RuleSet,
    explain: bool,
    rules: Option<Vec<String>>,
    include: Option<&str>,
) -> Result<whosaid::Config, ApiError> {
    if let Some(ids) = &rules {
        set.check_ids(ids).map_err(|message| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "unknown_rule",
                format!("rules: {message}"),
            )
        })?;
    }
    let include = match include {
        Some(list) => whosaid::output::Classes::parse(list)
            .map_err(|message| ApiError::bad_request(format!("include: {message}")))?,
        None => whosaid::output::Classes::default(),
    };
    Ok(whosaid::Config {
        explain,
        only_rules: rules,
        rules: Some(set),
        include,
    })
}

fn split_rules(list: &str) -> Vec<String> {
    list.split(',').map(|id| id.trim().to_string()).collect()
}

/// A record of the command line, one line, as a response.
fn record_response(mut record: String) -> Response {
    record.push('\n');
    ([(header::CONTENT_TYPE, "application/json")], record).into_response()
}

impl App {
    /// Admits a request, or turns it away when every worker is busy and the queue is full.
    fn admit(&self) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
        self.admitted
            .clone()
            .try_acquire_owned()
            .map_err(|_| ApiError::overloaded(self.retry_after))
    }

    /// Waits for a free worker until `deadline`: 503 when none came free in time.
    async fn worker(
        &self,
        deadline: tokio::time::Instant,
    ) -> Result<tokio::sync::OwnedSemaphorePermit, ApiError> {
        match tokio::time::timeout_at(deadline, self.workers.clone().acquire_owned()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) => Err(ApiError::internal("the worker pool is closed")),
            Err(_) => Err(ApiError::timeout(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "no worker came free within the time limit of {:?} (--timeout); retry later",
                    self.timeout
                ),
            )),
        }
    }

    /// Runs `job` on the blocking pool within the request's time limit: 503 when it waited
    /// the whole limit for a worker, 504 when it ran past it (the work then finishes,
    /// holding its worker, and its result is dropped).
    pub async fn work<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let admitted = self.admit()?;
        let deadline = tokio::time::Instant::now() + self.timeout;
        let worker = self.worker(deadline).await?;
        let handle = tokio::task::spawn_blocking(move || {
            let _held = (admitted, worker);
            job()
        });
        match tokio::time::timeout_at(deadline, handle).await {
            Ok(Ok(result)) => Ok(result),
            Ok(Err(_)) => Err(ApiError::internal(
                "internal error while extracting; please report it with this document",
            )),
            Err(_) => Err(ApiError::timeout(
                StatusCode::GATEWAY_TIMEOUT,
                format!(
                    "the document took longer than the time limit of {:?} (--timeout)",
                    self.timeout
                ),
            )),
        }
    }

    /// Runs `process` over the documents of a JSON Lines body, one worker for the whole
    /// batch, and streams one line per input line as each is done. Documents not begun
    /// within the time limit get a `timeout` error record; a closed connection stops it.
    pub async fn stream<F>(&self, body: Bytes, process: F) -> Result<Response, ApiError>
    where
        F: Fn(&str, &str, Option<serde_json::Map<String, serde_json::Value>>) -> String
            + Send
            + 'static,
    {
        let admitted = self.admit()?;
        let deadline = tokio::time::Instant::now() + self.timeout;
        let worker = self.worker(deadline).await?;
        let deadline = deadline.into_std();
        let source = SourceOptions {
            jsonl: true,
            decode: DecodeOptions {
                lossy: false,
                max_bytes: self.max_body,
            },
            canonical_ids: false,
        };
        let limit = self.timeout;
        let (lines, mut received) = tokio::sync::mpsc::channel::<String>(64);
        tokio::task::spawn_blocking(move || {
            let _held = (admitted, worker);
            let reader = Box::new(Cursor::new(body));
            for item in jsonl_documents(DEFAULT_ID.to_string(), reader, source) {
                let mut line = match item {
                    Item::Doc { id, .. } if Instant::now() >= deadline => {
                        timeout_record(&id, limit)
                    }
                    Item::Doc { id, text, meta } => {
                        let run = std::panic::AssertUnwindSafe(|| process(&id, &text, meta));
                        std::panic::catch_unwind(run).unwrap_or_else(|_| {
                            let error = Error::new(
                                ErrorKind::Internal,
                                format!(
                                    "{id}: internal error while extracting; please report it \
                                     with this document"
                                ),
                            );
                            error_record(&id, &error)
                        })
                    }
                    Item::Failed { id, error } => error_record(&id, &error),
                };
                line.push('\n');
                if lines.blocking_send(line).is_err() {
                    // The client went away: stop.
                    break;
                }
            }
        });
        let stream = futures_util::stream::poll_fn(move |cx| {
            received
                .poll_recv(cx)
                .map(|line| line.map(Ok::<_, std::convert::Infallible>))
        });
        Ok((
            [(header::CONTENT_TYPE, "application/x-ndjson")],
            Body::from_stream(stream),
        )
            .into_response())
    }
}

/// The error record of a batch document not begun within the time limit.
fn timeout_record(id: &str, limit: std::time::Duration) -> String {
    serde_json::json!({
        "id": id,
        "error": {
            "kind": "timeout",
            "message": format!("{id}: not begun within the request's time limit of {limit:?} (--timeout)"),
        },
    })
    .to_string()
}

fn query<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    query
        .map(|Query(q)| q)
        .map_err(|e| ApiError::bad_request(format!("query string: {}", e.body_text())))
}

/// `POST /v1/extract`.
pub async fn extract(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    options: Result<Query<ExtractQuery>, QueryRejection>,
    DocBody(body, _): DocBody<ExtractRequest>,
) -> Result<Response, ApiError> {
    let options = query(options)?;
    match shape(&headers)? {
        Shape::One => {
            let request: ExtractRequest = parse_one(&body)?;
            let rules = request
                .rules
                .or_else(|| options.rules.as_deref().map(split_rules));
            let include = request.include.as_deref().or(options.include.as_deref());
            let explain = request.explain.or(options.explain).unwrap_or(false);
            let config = config(app.rules, explain, rules, include)?;
            let id = request
                .id
                .map_or_else(|| DEFAULT_ID.to_string(), DocId::into_string);
            let (text, meta) = (request.text, request.meta);
            let record = app
                .work(move || {
                    let mut doc = whosaid::extract(&id, &text, &config);
                    doc.meta = meta;
                    crate::to_json(&doc, false)
                })
                .await?;
            Ok(record_response(record))
        }
        Shape::Lines => {
            let rules = options.rules.as_deref().map(split_rules);
            let config = config(
                app.rules,
                options.explain.unwrap_or(false),
                rules,
                options.include.as_deref(),
            )?;
            app.stream(body, move |id, text, meta| {
                let mut doc = whosaid::extract(id, text, &config);
                doc.meta = meta;
                crate::to_json(&doc, false)
            })
            .await
        }
    }
}

/// The OpenAPI description of `POST /v1/extract`.
pub fn describe_extract(op: TransformOperation) -> TransformOperation {
    op.summary("Extract the quotes of a document, or of a batch of them.")
        .description(
            "application/json: one document in, its record out, the bytes `whosaid extract` \
             writes for it. application/x-ndjson: JSON Lines in, one record per line out, \
             streamed (a document that cannot be read gets an error record in its place, as \
             on the command line).",
        )
        .response_with::<200, Json<whosaid::Document>, _>(|r| {
            r.description("The document's record (or, for a batch, one per line).")
        })
        .response_with::<400, Json<ErrorBody>, _>(|r| {
            r.description("Malformed JSON, invalid UTF-8, no text, an unknown rule or option.")
        })
        .response_with::<413, Json<ErrorBody>, _>(|r| r.description("Body over --max-body."))
        .response_with::<415, Json<ErrorBody>, _>(|r| {
            r.description("Not application/json nor application/x-ndjson.")
        })
        .response_with::<503, Json<ErrorBody>, _>(|r| {
            r.description("Busy (with Retry-After), or no worker within --timeout.")
        })
        .response_with::<504, Json<ErrorBody>, _>(|r| {
            r.description("The extraction ran past --timeout.")
        })
}

/// `POST /v1/sentences`.
pub async fn sentences(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    DocBody(body, _): DocBody<SentencesRequest>,
) -> Result<Response, ApiError> {
    let process = |id: &str, text: &str| crate::to_json(&whosaid::sentences(id, text), false);
    match shape(&headers)? {
        Shape::One => {
            let request: SentencesRequest = parse_one(&body)?;
            let id = request
                .id
                .map_or_else(|| DEFAULT_ID.to_string(), DocId::into_string);
            let text = request.text;
            let record = app.work(move || process(&id, &text)).await?;
            Ok(record_response(record))
        }
        Shape::Lines => {
            app.stream(body, move |id, text, _meta| process(id, text))
                .await
        }
    }
}

/// The OpenAPI description of `POST /v1/sentences`.
pub fn describe_sentences(op: TransformOperation) -> TransformOperation {
    op.summary("Split a document (or a batch) into sentences, as `whosaid sentences`.")
        .response_with::<200, Json<whosaid::output::SentencesRecord>, _>(|r| {
            r.description("The document's sentences (or, for a batch, one record per line).")
        })
        .response_with::<400, Json<ErrorBody>, _>(|r| r.description("A malformed request."))
}

/// One rule, as `GET /v1/rules` lists it.
#[derive(Serialize, JsonSchema)]
pub struct RuleInfo {
    /// Its stable ID, e.g. ATT001 or SEN005.
    pub id: &'static str,
    /// What it matches, in kebab case.
    pub name: &'static str,
    /// `attribution` or `sentence`.
    pub kind: &'static str,
    /// When an attribution rule runs; `Sentence` for the sentence splitter's corrections.
    pub phase: String,
}

/// One rule and its documentation, as `whosaid rule ID` prints it.
#[derive(Serialize, JsonSchema)]
pub struct RuleDoc {
    /// The rule.
    #[serde(flatten)]
    pub rule: RuleInfo,
    /// Its documentation (Markdown).
    pub doc: String,
}

/// The rules, attribution rules first in the order they are tried, as `whosaid rules`.
fn all_rules(
    set: &'static whosaid::attribution::RuleSet,
) -> impl Iterator<Item = (RuleInfo, String)> {
    let attribution = set.rules().map(|r| {
        let info = RuleInfo {
            id: r.id(),
            name: r.name(),
            kind: "attribution",
            phase: format!("{:?}", r.phase()),
        };
        (info, r.doc().to_string())
    });
    let sentences = whosaid::sentences::RULES.iter().map(|r| {
        let info = RuleInfo {
            id: r.id,
            name: r.name,
            kind: "sentence",
            phase: "Sentence".to_string(),
        };
        let doc = format!(
            "{} {}: a correction of the sentence splitter.\n\n{}\n",
            r.id, r.name, r.summary
        );
        (info, doc)
    });
    attribution.chain(sentences)
}

/// `GET /v1/rules`.
pub async fn rules(State(app): State<Arc<App>>) -> Json<Vec<RuleInfo>> {
    Json(all_rules(app.rules).map(|(info, _)| info).collect())
}

/// The OpenAPI description of `GET /v1/rules`.
pub fn describe_rules(op: TransformOperation) -> TransformOperation {
    op.summary("List the rules, as `whosaid rules`.")
}

/// The `{id}` of `/v1/rules/{id}`.
#[derive(Deserialize, JsonSchema)]
pub struct RuleId {
    /// A rule ID, e.g. ATT001 or SEN005 (any case).
    pub id: String,
}

/// `GET /v1/rules/{id}`.
pub async fn rule(
    State(app): State<Arc<App>>,
    Path(RuleId { id }): Path<RuleId>,
) -> Result<Json<RuleDoc>, ApiError> {
    all_rules(app.rules)
        .find(|(info, _)| info.id.eq_ignore_ascii_case(&id))
        .map(|(rule, doc)| Json(RuleDoc { rule, doc }))
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "unknown_rule",
                format!("no rule {id}; GET /v1/rules lists them"),
            )
        })
}

/// The OpenAPI description of `GET /v1/rules/{id}`.
pub fn describe_rule(op: TransformOperation) -> TransformOperation {
    op.summary("One rule and its documentation, as `whosaid rule ID`.")
        .response_with::<404, Json<ErrorBody>, _>(|r| r.description("No rule has this ID."))
}

/// What `GET /healthz` answers.
#[derive(Serialize, JsonSchema)]
pub struct Health {
    /// `ok`.
    pub status: &'static str,
    /// The version of whosaid.
    pub version: &'static str,
    /// The version of the output schema.
    pub schema_version: u32,
}

/// `GET /healthz`.
pub async fn health() -> Json<Health> {
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        schema_version: whosaid::output::SCHEMA_VERSION,
    })
}

/// The OpenAPI description of `GET /healthz`.
pub fn describe_health(op: TransformOperation) -> TransformOperation {
    op.summary("Whether the server is up.")
}
