//! `GET /`: a page to paste or drop a text and see its quotes highlighted per speaker, and
//! `POST /v1/report`, the review report's rendering of one document, which the page shows.
//! The page carries the report's own stylesheet and script (the highlighting, the colours
//! per speaker, the panel with rule, cue and confidence), so it shows a document exactly as
//! `whosaid report` does; it needs no build step and loads nothing from elsewhere.

use std::sync::Arc;

use aide::transform::TransformOperation;
use axum::extract::State;
use axum::http::{header, HeaderMap};
use axum::response::{Html, IntoResponse, Response};

use super::api::{parse_one, DocBody, DocId, ExtractRequest, DEFAULT_ID};
use super::error::{ApiError, ErrorBody};
use super::App;

/// The page's own script: sends the text, shows the result.
const PAGE_SCRIPT: &str = include_str!("page.js");

/// What the page adds to the report's stylesheet.
const PAGE_STYLE: &str = "\
#try textarea { width: 100%; min-height: 12rem; font: inherit; padding: 0.5rem; }
#try .row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 0.5rem 0; }
#try button { font: inherit; padding: 0.3rem 1.2rem; }
#status.error { color: #b00020; }
#non-speech q { color: var(--muted); }
";

/// `GET /`.
pub async fn page() -> Html<String> {
    use whosaid::report::{ERROR_CATCHER, SCRIPT, STYLE};
    Html(format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'\">\n\
         <title>whosaid</title>\n<script>{ERROR_CATCHER}</script>\n\
         <style>{STYLE}{PAGE_STYLE}</style>\n</head>\n<body>\n<div id=\"page\">\n<main>\n\
         <h1>whosaid</h1>\n\
         <form id=\"try\"><label for=\"text\">Paste an article, or drop a text file on the \
         box:</label>\n<textarea id=\"text\" name=\"text\" spellcheck=\"false\"></textarea>\n\
         <div class=\"row\"><button type=\"submit\">Find quotes</button>\
         <label><input type=\"checkbox\" id=\"explain\"> also show the quoted passages that \
         are not speech, and why</label>\
         <label>or open a file <input type=\"file\" id=\"file\" accept=\".txt,text/plain\"></label>\
         </div></form>\n<p id=\"status\" role=\"status\"></p>\n\
         <section class=\"doc current\" id=\"d1\" hidden></section>\n\
         <section id=\"non-speech\" hidden><h3></h3><ul></ul></section>\n\
         <input id=\"filter\" type=\"hidden\">\n\
         <p class=\"totals\">The API: <a href=\"openapi.json\">openapi.json</a>.</p>\n\
         </main>\n</div>\n\
         <aside id=\"info\" hidden><button type=\"button\" id=\"info-close\" \
         aria-label=\"close\">×</button><dl></dl></aside>\n\
         <script>{SCRIPT}</script>\n<script>{PAGE_SCRIPT}</script>\n</body>\n</html>\n"
    ))
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
