//! `GET /`: a page to paste or drop a text and see its quotes highlighted per speaker, and
//! `POST /v1/report`, the review report's rendering of one document, which the page shows.
//! The page carries the report's own stylesheet and script (the highlighting, the colours
//! per speaker, the panel with rule, cue and confidence), so it shows a document exactly as
//! `whosaid report` does; it needs no build step and loads nothing from elsewhere.

use std::sync::Arc;

use aide::transform::TransformOperation;
use askama::Template;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};

use super::api::{parse_one, DocBody, DocId, ExtractRequest, DEFAULT_ID};
use super::error::{ApiError, ErrorBody};
use super::App;

/// `GET /` (`templates/serve/page.html`).
#[derive(Template)]
#[template(path = "serve/page.html")]
struct Page {
    error_catcher: &'static str,
    report_style: &'static str,
    report_script: &'static str,
    /// The page's own script: sends the text, shows the result.
    page_script: &'static str,
}

/// `GET /`.
pub async fn page() -> Html<String> {
    let page = Page {
        error_catcher: whosaid::report::ERROR_CATCHER,
        report_style: whosaid::report::STYLE,
        report_script: whosaid::report::SCRIPT,
        page_script: include_str!("page.js"),
    };
    Html(
        page.render()
            .expect("the page has no values that fail to display"),
    )
}

/// The OpenAPI description of `GET /`.
pub fn describe(op: TransformOperation) -> TransformOperation {
    op.summary("A page to paste or drop a text and see its quotes highlighted per speaker.")
}

/// `POST /v1/report`.
pub async fn report(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    DocBody(body, _): DocBody<ExtractRequest>,
) -> Result<Response, ApiError> {
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|m| m.trim().eq_ignore_ascii_case("application/json"));
    if !json {
        return Err(ApiError::new(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            "send one document as application/json",
        ));
    }
    let request: ExtractRequest = parse_one(&body)?;
    let config = super::api::config(
        app.rules,
        request.explain.unwrap_or(false),
        request.rules,
        request.include.as_deref(),
    )?;
    let id = request
        .id
        .map_or_else(|| DEFAULT_ID.to_string(), DocId::into_string);
    let (text, meta) = (request.text, request.meta);
    let html = app
        .work(move || {
            let mut doc = whosaid::extract(&id, &text, &config);
            doc.meta = meta;
            whosaid::report::document_section(&doc, &text)
                .body()
                .to_string()
        })
        .await?;
    Ok(Html(html).into_response())
}

/// The OpenAPI description of `POST /v1/report`.
pub fn describe_report(op: TransformOperation) -> TransformOperation {
    op.summary("One document rendered as the review report shows it (an HTML fragment).")
        .description(
            "The body is one document as for /v1/extract (application/json). The answer is \
             the HTML of the document's section in `whosaid report`: the text, each quote a \
             <mark> coloured per speaker with its rule, cue and confidence in data- \
             attributes, the passages that are not speech (with `explain`) greyed out with \
             the reason as their title. Everything from the text is escaped.",
        )
        .response_with::<200, Html<String>, _>(|r| r.description("The HTML fragment."))
        .response_with::<400, axum::Json<ErrorBody>, _>(|r| r.description("A bad request."))
}
