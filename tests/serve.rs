//! `whosaid serve`, run as the binary on an ephemeral loopback port and spoken to over
//! plain HTTP/1.1: records equal the command line's byte for byte on every corpus file, one
//! by one and as a streamed batch; bad requests get JSON errors of the right status and
//! kind; the limits (body size, time, queue) hold; SIGTERM lets the request in flight
//! finish; every route is in `/openapi.json`.
#![cfg(feature = "serve")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[path = "support/process.rs"]
mod support;

use support::{chromium, headless, root_attribute, whosaid, BIN};

/// A running server, killed on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `whosaid serve --addr 127.0.0.1:0 ARGS…` and waits for its address.
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run whosaid serve");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (found, address) = std::sync::mpsc::channel();
        let lines = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.strip_prefix("whosaid: listening on http://") {
                    let addr: SocketAddr = rest.split_whitespace().next().unwrap().parse().unwrap();
                    let _ = found.send(addr);
                }
                lines.lock().unwrap().push(line);
            }
        });
        let addr = address
            .recv_timeout(Duration::from_secs(60))
            .expect("the server says where it listens");
        Server { child, addr, log }
    }

    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    fn get(&self, path: &str) -> Reply {
        request(self.addr, "GET", path, &[], b"")
    }

    fn post(&self, path: &str, content_type: &str, body: impl AsRef<[u8]>) -> Reply {
        request(
            self.addr,
            "POST",
            path,
            &[("Content-Type", content_type)],
            body.as_ref(),
        )
    }

    fn json(&self, path: &str, body: &serde_json::Value) -> Reply {
        self.post(path, "application/json", body.to_string())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An HTTP response.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("the body is UTF-8")
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    /// The `error.kind` of an error response, checking it is JSON with a message.
    fn error_kind(&self) -> String {
        let v = self.json();
        assert!(v["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()));
        assert_eq!(self.header("content-type"), Some("application/json"));
        v["error"]["kind"].as_str().unwrap().to_string()
    }
}

/// One HTTP/1.1 request on its own connection, read to its end (chunked bodies decoded).
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    // A server that answers before reading the whole body (413) may close early.
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(body));
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let mut parsed_headers = [httparse::EMPTY_HEADER; 32];
    let mut response = httparse::Response::new(&mut parsed_headers);
    let httparse::Status::Complete(at) = response.parse(&raw).expect("an HTTP response") else {
        panic!("incomplete response: {}", String::from_utf8_lossy(&raw));
    };
    let status = response.code.unwrap();
    let headers: Vec<(String, String)> = response
        .headers
        .iter()
        .map(|h| {
            (
                h.name.to_string(),
                String::from_utf8_lossy(h.value).into_owned(),
            )
        })
        .collect();
    let rest = &raw[at..];
    let chunked = headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Reply {
        status,
        headers,
        body,
    }
}

/// Decodes a chunked body.
fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    loop {
        let line_end = raw
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size line");
        let size = std::str::from_utf8(&raw[..line_end]).unwrap();
        let size = usize::from_str_radix(size.split(';').next().unwrap().trim(), 16).unwrap();
        raw = &raw[line_end + 2..];
        if size == 0 {
            return body;
        }
        body.extend_from_slice(&raw[..size]);
        raw = &raw[size + 2..];
    }
}

/// The corpus files, sorted, with their text.
fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut dirs = vec![PathBuf::from("corpus")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p.display().to_string(), text)
        })
        .collect()
}

/// What `whosaid extract ARGS… PATH` writes for one file.
fn cli_record(path: &str, args: &[&str]) -> String {
    let mut all = vec!["extract", "-q"];
    all.extend_from_slice(args);
    all.push(path);
    let out = whosaid(&all, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn every_corpus_record_equals_the_cli_byte_for_byte_alone_and_in_a_batch() {
    let server = Server::start(&[]);
    let docs = corpus();
    assert!(docs.len() > 10, "the corpus is there");
    let out = whosaid(&["extract", "-q", "corpus/"], None);
    assert!(out.status.success());
    let cli = String::from_utf8(out.stdout).unwrap();
    let cli_lines: Vec<&str> = cli.lines().collect();
    assert_eq!(cli_lines.len(), docs.len());
    let mut batch = String::new();
    for ((id, text), line) in docs.iter().zip(&cli_lines) {
        let body = serde_json::json!({"id": id, "text": text});
        let reply = server.json("/v1/extract", &body);
        assert_eq!(reply.status, 200, "{id}: {}", reply.text());
        assert_eq!(reply.text(), format!("{line}\n"), "{id}");
        batch.push_str(&body.to_string());
        batch.push('\n');
    }
    let reply = server.post("/v1/extract", "application/x-ndjson", &batch);
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("application/x-ndjson"));
    assert_eq!(
        reply.header("transfer-encoding"),
        Some("chunked"),
        "streamed"
    );
    // A batch record carries `meta`, its other fields (none here), as `--jsonl` gives it.
    let out = whosaid(&["extract", "-q", "--jsonl", "-"], Some(batch.as_bytes()));
    assert!(out.status.success());
    assert_eq!(reply.body, out.stdout);
    assert_eq!(reply.text().lines().count(), docs.len());

    // The options, as the command line's flags.
    let (id, text) = &docs[0];
    let reply = server.json(
        "/v1/extract",
        &serde_json::json!({"id": id, "text": text, "explain": true, "include": "all"}),
    );
    assert_eq!(
        reply.text(),
        cli_record(id, &["--explain", "--include", "all"])
    );
    let reply = server.post(
        "/v1/extract?explain=true&rules=ATT001,ATT002",
        "application/json",
        serde_json::json!({"id": id, "text": text}).to_string(),
    );
    assert_eq!(
        reply.text(),
        cli_record(id, &["--explain", "--rules", "ATT001,ATT002"])
    );

    // Sentences too.
    let out = whosaid(&["sentences", "-q", id], None);
    let reply = server.json(
        "/v1/sentences",
        &serde_json::json!({"id": id, "text": text}),
    );
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body, out.stdout);

    // One access-log line per request.
    let log = server.log();
    let extracts = log
        .iter()
        .filter(|l| l.contains("\"POST /v1/extract\" 200"))
        .count();
    assert_eq!(extracts, docs.len() + 3, "{log:#?}");
}

#[test]
fn a_batch_keeps_one_line_per_input_line_with_error_records_in_place() {
    let server = Server::start(&[]);
    let batch = concat!(
        "{\"id\": \"a\", \"text\": \"\\u201cWe are ready,\\u201d the mayor said.\"}\n",
        "{oops\n",
        "{\"id\": \"c\"}\n",
        "\n",
        "{\"id\": 7, \"text\": \"No quotes here.\", \"source\": \"wire\"}\n",
        "{\"id\": \"a\", \"text\": \"again\"}\n",
    );
    let reply = server.post("/v1/extract", "application/jsonl", batch);
    assert_eq!(reply.status, 200);
    let lines: Vec<serde_json::Value> = reply
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 6, "{}", reply.text());
    assert_eq!(lines[0]["quotes"][0]["speaker"]["name"], "the mayor");
    assert_eq!(lines[1]["id"], "request:2");
    assert_eq!(lines[1]["error"]["kind"], "malformed_json");
    assert_eq!(lines[2]["error"]["kind"], "missing_text");
    assert_eq!(lines[3]["id"], "request:4");
    assert_eq!(lines[3]["quotes"], serde_json::json!([]));
    assert_eq!(lines[4]["id"], "7");
    assert_eq!(lines[4]["meta"], serde_json::json!({"source": "wire"}));
    assert_eq!(lines[5]["error"]["kind"], "duplicate_id");
    // As the command line reads the same lines.
    let out = whosaid(&["extract", "-q", "--jsonl", "-"], Some(batch.as_bytes()));
    let cli = String::from_utf8(out.stdout)
        .unwrap()
        .replace("\"-:", "\"request:")
        .replace("- line ", "request line ");
    assert_eq!(reply.text(), cli);
}

#[test]
fn bad_requests_get_json_errors_with_the_cli_kinds() {
    let mut server = Server::start(&["--max-body", "1K"]);
    let cases: Vec<(Reply, u16, &str)> = vec![
        (
            server.post("/v1/extract", "application/json", "{\"text\": \"a\""),
            400,
            "malformed_json",
        ),
        (
            server.post("/v1/extract", "application/json", "[1, 2]"),
            400,
            "malformed_json",
        ),
        (
            server.post("/v1/extract", "application/json", b"{\"text\": \"a\xFF\"}"),
            400,
            "invalid_utf8",
        ),
        (
            server.post("/v1/extract", "application/json", "{\"id\": \"x\"}"),
            400,
            "missing_text",
        ),
        (
            server.post("/v1/extract", "application/json", "{\"text\": 5}"),
            400,
            "text_not_string",
        ),
        (
            server.post(
                "/v1/extract",
                "application/json",
                "{\"text\": \"a\", \"explian\": true}",
            ),
            400,
            "bad_request",
        ),
        (
            server.post("/v1/extract", "text/plain", "{\"text\": \"a\"}"),
            415,
            "unsupported_media_type",
        ),
        (
            request(
                server.addr,
                "POST",
                "/v1/extract",
                &[],
                b"{\"text\": \"a\"}",
            ),
            415,
            "unsupported_media_type",
        ),
        (
            server.post(
                "/v1/extract",
                "application/json",
                format!("{{\"text\": \"{}\"}}", "a".repeat(2000)),
            ),
            413,
            "too_large",
        ),
        (
            server.post(
                "/v1/extract",
                "application/json",
                "{\"text\": \"a\", \"rules\": [\"ATT999\"]}",
            ),
            400,
            "unknown_rule",
        ),
        (
            server.post(
                "/v1/extract?rules=NOPE",
                "application/x-ndjson",
                "{\"text\": \"a\"}\n",
            ),
            400,
            "unknown_rule",
        ),
        (
            server.post(
                "/v1/extract?include=feelings",
                "application/json",
                "{\"text\": \"a\"}",
            ),
            400,
            "bad_request",
        ),
        (
            server.post(
                "/v1/extract?verbose=1",
                "application/json",
                "{\"text\": \"a\"}",
            ),
            400,
            "bad_request",
        ),
        (
            server.post("/v1/sentences", "application/json", "{\"txt\": \"a\"}"),
            400,
            "missing_text",
        ),
        (server.get("/v1/rules/ATT999"), 404, "unknown_rule"),
        (server.get("/v2/extract"), 404, "not_found"),
    ];
    for (i, (reply, status, kind)) in cases.iter().enumerate() {
        assert_eq!(reply.status, *status, "case {i}: {}", reply.text());
        assert_eq!(reply.error_kind(), *kind, "case {i}: {}", reply.text());
    }
    // A batch line over the limit is its own error record... but the whole body is over
    // the limit first, so it is the request that is refused.
    let big = format!("{{\"text\": \"{}\"}}\n", "a".repeat(2000));
    let reply = server.post("/v1/extract", "application/x-ndjson", big);
    assert_eq!(reply.status, 413);
    assert!(server.child.try_wait().unwrap().is_none(), "still serving");
    assert_eq!(server.get("/healthz").status, 200);
}

#[test]
fn rules_health_and_every_route_in_the_openapi_description() {
    let server = Server::start(&[]);
    let rules = server.get("/v1/rules").json();
    let rules = rules.as_array().unwrap();
    let out = whosaid(&["rules"], None);
    assert_eq!(
        rules.len(),
        String::from_utf8(out.stdout).unwrap().lines().count()
    );
    assert_eq!(rules[0]["kind"], "attribution");
    let id = rules[0]["id"].as_str().unwrap();
    let rule = server
        .get(&format!("/v1/rules/{}", id.to_lowercase()))
        .json();
    let cli = whosaid(&["rule", id], None);
    assert_eq!(rule["doc"].as_str().unwrap().as_bytes(), cli.stdout);
    let health = server.get("/healthz").json();
    assert_eq!(health["status"], "ok");

    let api = server.get("/openapi.json").json();
    assert!(api["openapi"].as_str().unwrap().starts_with("3."));
    let routes = [
        ("get", "/"),
        ("post", "/v1/extract"),
        ("post", "/v1/report"),
        ("post", "/v1/sentences"),
        ("get", "/v1/rules"),
        ("get", "/v1/rules/{id}"),
        ("get", "/healthz"),
        ("get", "/openapi.json"),
    ];
    let paths = api["paths"].as_object().unwrap();
    assert_eq!(paths.len(), routes.len(), "{:?}", paths.keys());
    for (method, path) in routes {
        assert!(
            paths[path][method].is_object(),
            "{method} {path} is described"
        );
        // ...and served.
        let real = path.replace("{id}", id);
        let reply = request(
            server.addr,
            &method.to_uppercase(),
            &real,
            &[("Content-Type", "application/json")],
            b"{\"text\": \"\"}",
        );
        assert_eq!(reply.status, 200, "{method} {path}: {}", reply.text());
    }
    let body = &paths["/v1/extract"]["post"]["requestBody"]["content"];
    assert!(body["application/json"].is_object() && body["application/x-ndjson"].is_object());
    assert!(api["components"]["schemas"]["Document"].is_object());
}

/// A document that takes the extractor a good while.
fn long_document() -> String {
    "\u{201c}We will keep the line open until the last bus is home,\u{201d} said the night \
     manager of the depot, Ana Ruiz. The council disagreed. "
        .repeat(8000)
}

#[test]
fn time_limit_queue_limit_and_cors() {
    let slow = serde_json::json!({"text": long_document()});
    let server = Server::start(&["--timeout", "0.05"]);
    let reply = server.json("/v1/extract", &slow);
    assert_eq!(reply.status, 504, "{}", reply.text());
    assert_eq!(reply.error_kind(), "timeout");
    assert!(server
        .get("/")
        .header("access-control-allow-origin")
        .is_none());

    let server = Server::start(&[
        "--concurrency",
        "1",
        "--queue",
        "0",
        "--cors",
        "https://newsroom.example",
    ]);
    let addr = server.addr;
    let body = slow.to_string();
    // The first request may itself be turned away while one of the probes below holds the
    // only place: it tries again.
    let first = std::thread::spawn(move || loop {
        let reply = request(
            addr,
            "POST",
            "/v1/extract",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        );
        if reply.status != 503 {
            return reply;
        }
    });
    // Ask again and again while the first request holds the only worker.
    let mut turned_away = None;
    while !first.is_finished() {
        std::thread::sleep(Duration::from_millis(10));
        let reply = server.json("/v1/extract", &serde_json::json!({"text": "Hi."}));
        if reply.status == 503 {
            turned_away = Some(reply);
            break;
        }
    }
    let reply = turned_away.expect("a second request is turned away while the first works");
    assert_eq!(reply.error_kind(), "overloaded");
    assert_eq!(reply.header("retry-after"), Some("1"));
    assert_eq!(first.join().unwrap().status, 200);
    let reply = request(
        server.addr,
        "GET",
        "/healthz",
        &[("Origin", "https://newsroom.example")],
        b"",
    );
    assert_eq!(
        reply.header("access-control-allow-origin"),
        Some("https://newsroom.example")
    );
}

#[test]
fn sigterm_finishes_the_request_in_flight() {
    let mut server = Server::start(&[]);
    let addr = server.addr;
    let body = serde_json::json!({"text": long_document()}).to_string();
    let in_flight = std::thread::spawn(move || {
        request(
            addr,
            "POST",
            "/v1/extract",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
    });
    std::thread::sleep(Duration::from_millis(300));
    let pid = i32::try_from(server.child.id()).unwrap();
    // SAFETY: kill only sends a signal to our own child process.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let reply = in_flight.join().unwrap();
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(reply.json()["quotes"].as_array().unwrap().len() > 1000);
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(server.log().iter().any(|l| l.contains("stopping")));
}

#[test]
fn patterns_given_to_the_server_run_on_every_request() {
    let dir = support::TempDir::new("serve-patterns");
    let pat = dir.write(
        "house.pat",
        "pattern HOUSE01 name-speaking-to-colon-quote\n  kind direct\n  match $SPEAKER{name|desc} , $CUE{speaking} (to|at|with) _{1,6} : $QUOTE\n  example Maria Lopez, speaking to reporters on Monday: “We are out of money.”\n",
    );
    let server = Server::start(&["--patterns", pat.to_str().unwrap()]);
    let text = "Maria Lopez, speaking to reporters on Monday: “We are out of money.”";
    let record = server
        .json("/v1/extract", &serde_json::json!({ "text": text }))
        .json();
    assert_eq!(record["quotes"][0]["rule"], "HOUSE01");
    assert_eq!(record["quotes"][0]["speaker"]["name"], "Maria Lopez");
    let only = server
        .json(
            "/v1/extract",
            &serde_json::json!({ "text": text, "rules": ["HOUSE01"] }),
        )
        .json();
    assert_eq!(only["quotes"][0]["rule"], "HOUSE01");
    let rules = server.get("/v1/rules").json();
    assert!(rules
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["id"] == "HOUSE01"));
    assert_eq!(
        server.get("/v1/rules/house01").json()["name"],
        "name-speaking-to-colon-quote"
    );
    // A mistake in the file stops the server before it listens.
    let bad = dir.write("bad.pat", "pattern HOUSE01 x\n  kind sideways\n");
    let out = whosaid(
        &[
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--patterns",
            bad.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("bad.pat:2:8: expected `direct` or `indirect`"));
}

#[test]
fn wrong_arguments_are_refused_with_a_message() {
    for args in [
        &["serve", "--timeout", "0"][..],
        &["serve", "--cors", "newsroom.example"],
        &["serve", "--concurrency", "0"],
        &["serve", "--addr", "localhost"],
        &["serve", "--max-body", "lots"],
    ] {
        let out = whosaid(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

#[test]
fn the_page_shows_the_quotes_of_a_text_in_a_real_browser() {
    let Some(browser) = chromium() else {
        if std::env::var("WHOSAID_REQUIRE_BROWSER").as_deref() == Ok("1") {
            panic!("WHOSAID_REQUIRE_BROWSER=1 but there is no /usr/bin/chromium (apt-get install chromium)");
        }
        eprintln!(
            "\n!!! SKIPPED the_page_shows_the_quotes_of_a_text_in_a_real_browser: no \
             /usr/bin/chromium (apt-get install chromium, or set WHOSAID_CHROMIUM); .ci/run \
             requires it !!!\n"
        );
        return;
    };
    let text = "\u{201c}The ferry will run until the new bridge opens,\u{201d} said Mara Quist, \
                the harbour master. Riders can buy a so-called \u{201c}harbour pass\u{201d} at \
                the kiosk. \
                \u{201c}We have the boats <and> the crews,\u{201d} Quist added.";
    let config = whosaid::Config {
        explain: true,
        ..whosaid::Config::default()
    };
    let doc = whosaid::extract("your text", text, &config);
    let non_speech = doc.non_speech.as_deref().unwrap_or_default();
    assert!(doc.quotes.len() >= 2 && !non_speech.is_empty(), "{doc:?}");

    let server = Server::start(&[]);
    let encoded = percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC);
    let url = format!("http://{}/?explain=1&text={encoded}", server.addr);
    let dom = headless(&browser, &url, &["--dump-dom"]);
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert_eq!(root_attribute(&dom, "data-js-errors"), None, "{dom}");
    assert_eq!(
        root_attribute(&dom, "data-ready").as_deref(),
        Some("yes"),
        "{dom}"
    );
    let quotes = doc.quotes.len().to_string();
    assert_eq!(root_attribute(&dom, "data-quotes"), Some(quotes), "{dom}");
    // Highlighted per speaker, as the report does it, with rule and cue on each quote.
    assert_eq!(
        dom.matches("<mark class=\"q ").count(),
        doc.quotes.len(),
        "{dom}"
    );
    let rule = doc.quotes[0]
        .rule
        .as_deref()
        .expect("the first quote is attributed");
    assert!(dom.contains(&format!("data-rule=\"{rule}\"")), "{dom}");
    assert!(dom.contains("Mara Quist"), "{dom}");
    // The text's markup is shown as text, never run.
    assert!(dom.contains("&lt;and&gt;"), "{dom}");
    // The passages that are not speech, each with its reason.
    let listed = dom.split("id=\"non-speech\"").nth(1).unwrap_or_default();
    for passage in non_speech {
        assert!(
            listed.contains(&passage.reason),
            "{}: {dom}",
            passage.reason
        );
    }
    assert!(
        server
            .log()
            .iter()
            .any(|l| l.contains("\"POST /v1/report\" 200")),
        "the page asked the server"
    );
}
