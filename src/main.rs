//! The `whosaid` command line. Arguments, I/O and exit codes only; no extraction logic.

fn main() {
    let text = std::io::read_to_string(std::io::stdin()).unwrap_or_default();
    let doc = whosaid::extract("-", &text, &whosaid::Config::default());
    println!("{}", serde_json::to_string(&doc).unwrap_or_default());
}
