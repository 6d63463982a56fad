//! Error responses: JSON `{"id"?, "error": {"kind", "message"}}`, the shape of the command
//! line's error records, with the same kinds where they apply (`malformed_json`,
//! `invalid_utf8`, `too_large`, `missing_text`, `text_not_string`, `internal`) and a few of
//! the server's own (`unsupported_media_type`, `bad_request`, `unknown_rule`, `not_found`,
//! `overloaded`, `timeout`).

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use schemars::JsonSchema;
use serde::Serialize;
use whosaid::input::{Error, ErrorKind};

/// The body of an error response.
#[derive(Serialize, JsonSchema)]
pub struct ErrorBody {
    /// The document, when the error is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// What went wrong.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, JsonSchema)]
pub struct ErrorDetail {
    /// The kind, in snake case: the command line's kinds (malformed_json, invalid_utf8,
    /// too_large, missing_text, text_not_string, internal) or the server's
    /// (unsupported_media_type, bad_request, unknown_rule, not_found, overloaded, timeout).
    pub kind: String,
    /// A message for people.
    pub message: String,
}

/// An error response.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    id: Option<String>,
    kind: &'static str,
    message: String,
    retry_after: Option<u64>,
}

impl ApiError {
    /// An error with this status, kind and message.
    pub fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            id: None,
            kind,
            message: message.into(),
            retry_after: None,
        }
    }

    /// A document that cannot be read, as the command line reports it (kind and message);
    /// `too_large` is 413, the others 400.
    pub fn document(id: Option<&str>, error: &Error) -> Self {
        let status = match error.kind {
            ErrorKind::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::BAD_REQUEST,
        };
        ApiError {
            id: id.map(str::to_string),
            ..ApiError::new(status, error.kind.as_str(), error.message.clone())
        }
    }

    /// A mistake in the request other than its document (an option, a parameter).
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    /// A bug inside whosaid.
    pub fn internal(message: impl Into<String>) -> Self {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorKind::Internal.as_str(),
            message,
        )
    }

    /// Every worker busy and the queue full: come back in `seconds`.
    pub fn overloaded(seconds: u64) -> Self {
        ApiError {
            retry_after: Some(seconds),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "overloaded",
                "every worker is busy and the queue is full; retry later",
            )
        }
    }

    /// The request's time limit passed: 503 while it waited for a worker, 504 while it ran.
    pub fn timeout(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError::new(status, "timeout", message)
    }

    /// The body of this error.
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            id: self.id.clone(),
            error: ErrorDetail {
                kind: self.kind.to_string(),
                message: self.message.clone(),
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_string(&self.body()).unwrap_or_default();
        let mut response = (
            self.status,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            )],
            body,
        )
            .into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl aide::OperationOutput for ApiError {
    type Inner = ErrorBody;
}
