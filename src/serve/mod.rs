//! `whosaid serve`: the extractor as an HTTP service (axum on tokio). Arguments, limits,
//! the router and its OpenAPI description, and graceful shutdown; the handlers are in
//! [`api`], the error responses in [`error`], the page at `/` in [`page`].
//!
//! Production habits: loopback by default; a body limit (413); a time limit per request
//! (503 while queued, 504 while extracting); at most `--concurrency` documents extracted at
//! once, on tokio's blocking pool so the runtime never blocks, with up to `--queue` requests
//! waiting (503 and `Retry-After` beyond); one access-log line per request on stderr; errors
//! as JSON with the CLI's error kinds; no panic reaches a client; CORS only with `--cors`.

mod api;
mod error;
mod page;

use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

use aide::axum::routing::{get_with, post_with};
use aide::axum::ApiRouter;
use aide::openapi::{Info, OpenApi};
use axum::extract::{ConnectInfo, Request};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use clap::Args;
use tokio::sync::Semaphore;
use whosaid::input::DEFAULT_MAX_BYTES;

use crate::cli::input::parse_size;
use crate::cli::Failure;
use error::ApiError;

/// Arguments of `whosaid serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Address and port to listen on. The default listens on this machine only; give
    /// 0.0.0.0:8080 to listen on every interface, or port 0 for any free port.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Let web pages from this origin call the API from a browser (CORS), e.g.
    /// https://newsroom.example; * allows any origin. Off by default.
    #[arg(long, value_name = "ORIGIN")]
    cors: Option<String>,
    /// Largest request body, in bytes or with a unit: 64K, 64M, 1G (powers of 1024). Larger
    /// requests get 413.
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value_t = DEFAULT_MAX_BYTES)]
    max_body: usize,
    /// Longest a request may take, in seconds (fractions allowed): 503 when it waited that
    /// long for a worker, 504 when its extraction ran that long.
    #[arg(long, value_name = "SECS", default_value_t = 30.0, value_parser = parse_seconds)]
    timeout: f64,
    /// Requests extracted at once (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    concurrency: Option<u32>,
    /// Requests that may wait for a worker; beyond them a request gets 503 with
    /// Retry-After at once.
    #[arg(long, value_name = "N", default_value_t = 64, value_parser = clap::value_parser!(u32).range(0..=1_000_000))]
    queue: u32,
    #[command(flatten)]
    patterns: crate::cli::PatternArgs,
}

/// Reads `--timeout`: a positive number of seconds.
fn parse_seconds(value: &str) -> Result<f64, String> {
    match value.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!(
            "{value:?} is no time limit: give a number of seconds above 0 and at most 86400"
        )),
    }
}

/// What every handler shares: the limits and the two gates of the extraction work.
pub struct App {
    /// Largest request body in bytes.
    max_body: usize,
    /// Time limit of one request.
    timeout: Duration,
    /// Requests admitted: working or waiting (`--concurrency` + `--queue` permits).
    admitted: Arc<Semaphore>,
    /// Requests working (`--concurrency` permits).
    workers: Arc<Semaphore>,
    /// The seconds a client told to come back later waits (`Retry-After`).
    retry_after: u64,
    /// The rules every request runs: the built-in ones with the `--patterns` files.
    rules: &'static whosaid::attribution::RuleSet,
}

/// Runs `whosaid serve` until SIGTERM or Ctrl-C, then finishes the requests in flight.
pub fn run(args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let concurrency = args.concurrency.map_or(cores, |n| n as usize);
    let queue = args.queue as usize;
    let rules = args
        .patterns
        .rule_set()?
        .unwrap_or_else(whosaid::attribution::RuleSet::builtin);
    let app = Arc::new(App {
        rules,
        max_body: args.max_body,
        timeout: Duration::from_secs_f64(args.timeout),
        admitted: Arc::new(Semaphore::new(concurrency + queue)),
        workers: Arc::new(Semaphore::new(concurrency)),
        retry_after: 1,
    });
    let cors = args.cors.as_deref().map(cors_layer).transpose()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores.min(4))
        // Extraction holds a worker permit, so at most `concurrency` blocking threads
        // extract; a few more serve requests that timed out while their work finishes.
        .max_blocking_threads(concurrency * 2 + 4)
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .map_err(|e| Failure::new(1, format!("cannot listen on {}: {e}", args.addr)))?;
        let local = listener.local_addr()?;
        eprintln!("whosaid: listening on http://{local} (Ctrl-C to stop)");
        let mut router = router(app);
        if let Some(cors) = cors {
            router = router.layer(cors);
        }
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await?;
        eprintln!("whosaid: stopped");
        Ok(ExitCode::SUCCESS)
    })
}

/// The CORS layer of `--cors ORIGIN`.
fn cors_layer(origin: &str) -> Result<tower_http::cors::CorsLayer, Failure> {
    use tower_http::cors::{AllowOrigin, Any, CorsLayer};
    let allow = if origin == "*" {
        AllowOrigin::from(Any)
    } else {
        let value = axum::http::HeaderValue::from_str(origin)
            .ok()
            .filter(|_| origin.contains("://") && !origin.ends_with('/'))
            .ok_or_else(|| {
                Failure::new(
                    2,
                    format!(
                        "--cors {origin:?} is no origin: give scheme, host and port if any, \
                         without a path, e.g. https://newsroom.example, or *"
                    ),
                )
            })?;
        AllowOrigin::exact(value)
    };
    Ok(CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
        .allow_headers([axum::http::header::CONTENT_TYPE]))
}

/// Resolves on SIGTERM or Ctrl-C (SIGINT).
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    eprintln!("whosaid: stopping; finishing the requests in flight");
}

/// The service: every route, documented in the OpenAPI description it serves at
/// `/openapi.json`, with the access log and the panic catcher around it.
pub fn router(app: Arc<App>) -> axum::Router {
    let mut api = OpenApi {
        info: Info {
            title: "whosaid".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
            description: Some(
                "Finds quotes in English prose and who said them. Errors are JSON: \
                 {\"error\": {\"kind\", \"message\"}}, with the kinds of the command line's \
                 error records."
                    .to_string(),
            ),
            ..Info::default()
        },
        ..OpenApi::default()
    };
    let router = ApiRouter::new()
        .api_route("/", get_with(page::page, page::describe))
        .api_route(
            "/v1/extract",
            post_with(api::extract, api::describe_extract),
        )
        .api_route(
            "/v1/sentences",
            post_with(api::sentences, api::describe_sentences),
        )
        .api_route("/v1/report", post_with(page::report, page::describe_report))
        .api_route("/v1/rules", get_with(api::rules, api::describe_rules))
        .api_route("/v1/rules/{id}", get_with(api::rule, api::describe_rule))
        .api_route("/healthz", get_with(api::health, api::describe_health))
        .api_route(
            "/openapi.json",
            get_with(openapi, |op| {
                op.summary("This description of the API (OpenAPI 3.1).")
            }),
        )
        .fallback(not_found)
        .with_state(app)
        .finish_api(&mut api);
    let described = Arc::new(serde_json::to_string(&api).unwrap_or_default());
    router
        .layer(Extension(described))
        .layer(axum::middleware::from_fn(access_log))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send>| {
                ApiError::internal("internal error while serving the request; please report it")
                    .into_response()
            },
        ))
}

/// `GET /openapi.json`.
async fn openapi(Extension(described): Extension<Arc<String>>) -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        described.as_str().to_owned(),
    )
        .into_response()
}

/// Any other path.
async fn not_found(request: Request) -> ApiError {
    ApiError::new(
        axum::http::StatusCode::NOT_FOUND,
        "not_found",
        format!(
            "no route {} {}; GET /openapi.json lists them",
            request.method(),
            request.uri().path()
        ),
    )
}

/// Writes one line per request on stderr: client, method, path, status, time taken.
async fn access_log(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let client = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "-".to_string(), |c| c.0.to_string());
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    eprintln!(
        "{client} \"{method} {path}\" {} {:.1}ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1e3
    );
    response
}
