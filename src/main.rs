//! The `whosaid` command line. Arguments, I/O and exit codes only; no extraction logic.

mod cli;
#[cfg(feature = "serve")]
mod serve;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use cli::input::InputArgs;
use cli::run::run;

// mimalloc: extraction allocates and frees many small vectors and strings per document, and
// glibc's malloc spent about a tenth of all instructions on them (see bench/HISTORY.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Finds quotes in English prose and who said them.
#[derive(Parser)]
#[command(name = "whosaid", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract quotes and speakers as JSON Lines, one record per document (other formats:
    /// --format).
    #[command(
        after_help = "Examples:\n  whosaid extract corpus/\n  whosaid extract article.txt --pretty\n  cat docs.jsonl | whosaid extract --jsonl - > quotes.jsonl\n  whosaid extract corpus/ --format csv > quotes.csv\n  whosaid extract article.txt --format pretty"
    )]
    Extract(ExtractArgs),
    /// Write one self-contained HTML page to review the quotes of each document by eye.
    #[command(
        after_help = "Examples:\n  whosaid report corpus/ --out report.html\n  whosaid report --jsonl docs.jsonl --out report.html"
    )]
    Report(cli::report::ReportArgs),
    /// Print the sentences of each document with their spans.
    #[command(
        after_help = "Examples:\n  whosaid sentences article.txt\n  whosaid sentences --jsonl docs.jsonl"
    )]
    Sentences(SentencesArgs),
    /// Measure extraction accuracy against gold annotations.
    #[command(
        after_help = "Examples:\n  whosaid eval --gold corpus/seeds/gold.jsonl\n  whosaid eval --gold gold.jsonl --kinds direct,partial --errors\n  whosaid eval --gold gold.jsonl predictions.jsonl --json --min-f1 0.9\n\nThe gold format (JSON Lines, code-point offsets, kinds, accepted speakers) and how\npredictions are matched: docs/gold-format.md in the source repository."
    )]
    Eval(cli::eval::EvalArgs),
    /// Build and query a quote database (SQLite): deduplicated quotations and their speakers.
    #[command(
        after_help = "Examples:\n  whosaid db build --db quotes.sqlite corpus/\n  whosaid db search --db quotes.sqlite \"customers happy\"\n  whosaid db export --db quotes.sqlite > quotations.jsonl"
    )]
    Db(cli::db::DbArgs),
    /// Compare two extraction runs over the same documents.
    #[command(after_help = "Example:\n  whosaid diff old.jsonl new.jsonl")]
    Diff(cli::diff::DiffArgs),
    /// Serve the extractor over HTTP: a JSON API and a page to try it (loopback by default).
    #[cfg(feature = "serve")]
    #[command(
        after_help = "Examples:\n  whosaid serve\n  whosaid serve --addr 0.0.0.0:8080 --concurrency 4 --timeout 10\n  curl -s localhost:8080/v1/extract -H 'Content-Type: application/json' \\\n       -d '{\"text\": \"\\u201cIt works,\\u201d she said.\"}'\n\nThe endpoints: GET /openapi.json; a page to paste text into: GET /."
    )]
    Serve(serve::ServeArgs),
    /// List the attribution rules in the order they are tried, then the sentence rules.
    #[command(after_help = "Examples:\n  whosaid rules\n  whosaid rules --patterns house.pat")]
    Rules {
        #[command(flatten)]
        patterns: cli::PatternArgs,
    },
    /// Print the documentation of one rule.
    #[command(
        after_help = "Examples:\n  whosaid rule ATT001\n  whosaid rule HOUSE01 --patterns house.pat"
    )]
    Rule {
        /// The rule ID, e.g. ATT001 or SEN005.
        id: String,
        #[command(flatten)]
        patterns: cli::PatternArgs,
    },
    /// Run the examples of attribution patterns, which are their tests: each example must be
    /// attributed as it says, each counter-example not at all. Exit status 1 when one fails.
    #[command(
        after_help = "Examples:\n  whosaid test-patterns house.pat\n  whosaid test-patterns          # the built-in patterns\n\nThe pattern language: docs/patterns.md in the source repository."
    )]
    TestPatterns {
        /// Pattern files; none: the built-in patterns.
        files: Vec<std::path::PathBuf>,
    },
}

/// Arguments of `whosaid sentences`.
#[derive(Args)]
struct SentencesArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Indented JSON instead of one line per record.
    #[arg(long)]
    pretty: bool,
}

#[derive(Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Indented JSON instead of one line per record.
    #[arg(long)]
    pretty: bool,
    /// Also list quoted passages judged not to be speech, with the reason (`non_speech`).
    #[arg(long)]
    explain: bool,
    /// Run only these attribution rules (comma-separated IDs).
    #[arg(long, value_delimiter = ',')]
    rules: Option<Vec<String>>,
    #[command(flatten)]
    patterns: cli::PatternArgs,
    #[command(flatten)]
    include: cli::input::IncludeArgs,
    /// Output format: jsonl (default), json (= --pretty), csv, tsv, annotation (W3C Web
    /// Annotation JSON-LD, one per quote), pretty (for reading at a terminal).
    #[arg(long, value_enum)]
    format: Option<cli::format::Format>,
    /// Colours of --format pretty: auto (when stdout is a terminal and NO_COLOR is unset).
    #[arg(long, value_enum, default_value = "auto")]
    color: cli::format::ColorWhen,
    /// With --format csv or tsv, write every cell as it is. By default a cell that starts
    /// with =, +, -, @, a tab or a carriage return gets a leading ' so that a spreadsheet
    /// does not run it as a formula.
    #[arg(long)]
    csv_raw: bool,
}

fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> String {
    let s = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    s.unwrap_or_else(|e| format!("{{\"error\":{{\"kind\":\"serialize\",\"message\":\"{e}\"}}}}"))
}

/// Writes `text` to stdout: a closed stdout is no error (`whosaid rules | head -1`), any other
/// write error is.
fn print_out(text: &str) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .or_else(cli::ignore_broken_pipe)
        .map_err(|e| anyhow::anyhow!("cannot write to stdout: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let printed = e.print().or_else(cli::ignore_broken_pipe);
            return if e.use_stderr() {
                ExitCode::from(2)
            } else if let Err(error) = printed {
                eprintln!("whosaid: cannot write to stdout: {error}");
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match cli.command {
        Command::Extract(args) => extract(args),
        Command::Report(args) => cli::report::run(&args),
        Command::Sentences(args) => args
            .input
            .documents()
            .map_err(Into::into)
            .and_then(|items| {
                let pretty = args.pretty;
                run(items, args.input.run_options(), |id, text, _meta| {
                    to_json(&whosaid::sentences(id, text), pretty)
                })
            }),
        Command::Eval(args) => cli::eval::run(&args),
        Command::Diff(args) => cli::diff::run(&args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve::run(&args),
        Command::Db(args) => cli::db::run(args),
        Command::Rules { patterns } => list_rules(&patterns),
        Command::TestPatterns { files } => test_patterns(&files),
        Command::Rule { id, patterns } => show_rule(&id, &patterns),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("whosaid: {e:#}");
            // A user's mistake carries its own status; anything else is 2.
            ExitCode::from(e.downcast_ref::<cli::Failure>().map_or(2, |f| f.code))
        }
    }
}

/// Runs `whosaid rules`.
fn list_rules(patterns: &cli::PatternArgs) -> anyhow::Result<ExitCode> {
    use whosaid::attribution::Origin;
    let set = patterns
        .rule_set()?
        .unwrap_or_else(whosaid::attribution::RuleSet::builtin);
    let attribution = set.entries().iter().map(|(r, origin)| {
        let from = match origin {
            Origin::Builtin => String::new(),
            Origin::Added(file) => format!("  (added by {file})"),
            Origin::Replaced(file) => format!("  (replaced by {file})"),
        };
        (r.id(), r.name(), format!("{:?}{from}", r.phase()))
    });
    let sentences = whosaid::sentences::RULES
        .iter()
        .map(|r| (r.id, r.name, "Sentence".to_string()));
    let rows: Vec<_> = attribution.chain(sentences).collect();
    let width = rows
        .iter()
        .map(|(_, name, _)| name.len())
        .max()
        .unwrap_or(0);
    let mut list: String = rows
        .iter()
        .map(|(id, name, phase)| format!("{id}  {name:<width$} {phase}\n"))
        .collect();
    for id in set.disabled() {
        list.push_str(&format!("{id}  disabled by --patterns\n"));
    }
    print_out(&list)
}

/// Runs `whosaid rule ID`.
fn show_rule(id: &str, patterns: &cli::PatternArgs) -> anyhow::Result<ExitCode> {
    let set = patterns
        .rule_set()?
        .unwrap_or_else(whosaid::attribution::RuleSet::builtin);
    let sentence_rule = whosaid::sentences::RULES
        .iter()
        .find(|r| r.id.eq_ignore_ascii_case(id));
    match (set.rule(id), sentence_rule) {
        (Some(r), _) => print_out(r.doc()),
        (None, Some(r)) => print_out(&format!(
            "{} {}: a correction of the sentence splitter.\n\n{}\n",
            r.id, r.name, r.summary
        )),
        (None, None) => {
            Err(cli::Failure::new(2, format!("no rule {id}; `whosaid rules` lists them")).into())
        }
    }
}

/// Runs `whosaid test-patterns`.
fn test_patterns(files: &[std::path::PathBuf]) -> anyhow::Result<ExitCode> {
    use whosaid::attribution::patterns::builtin;
    use whosaid::pattern_examples as examples;
    let set = if files.is_empty() {
        whosaid::attribution::RuleSet::builtin()
    } else {
        let read = cli::read_pattern_files(files)?;
        whosaid::attribution::RuleSet::with_files(&read)
            .map_err(|e| cli::Failure::new(2, e.to_string()))?
    };
    let names: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let patterns: Vec<&whosaid::attribution::patterns::PatternRule> = if files.is_empty() {
        builtin().iter().collect()
    } else {
        set.patterns().filter(|p| names.contains(&p.file)).collect()
    };
    if patterns.is_empty() {
        return Err(cli::Failure::new(1, format!("no pattern in {}", names.join(", "))).into());
    }
    let outcomes: Vec<_> = patterns
        .iter()
        .flat_map(|p| examples::run(set, p))
        .collect();
    print_out(&examples::render(&outcomes))?;
    Ok(if outcomes.iter().all(|o| o.passed()) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs `whosaid extract`.
fn extract(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let set = args.patterns.rule_set()?;
    cli::check_rules(args.rules.as_deref(), set)?;
    let config = whosaid::Config {
        explain: args.explain,
        only_rules: args.rules.clone(),
        rules: set,
        include: args.include.include,
    };
    if let Some(other) = args
        .format
        .filter(|f| args.pretty && *f != cli::format::Format::Json)
    {
        let name = other
            .to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_string());
        return Err(cli::Failure::new(
            2,
            format!("--pretty means --format json; it cannot go with --format {name}"),
        )
        .into());
    }
    let format = args.format.unwrap_or(if args.pretty {
        cli::format::Format::Json
    } else {
        cli::format::Format::Jsonl
    });
    let table = matches!(format, cli::format::Format::Csv | cli::format::Format::Tsv);
    if args.csv_raw && !table {
        return Err(
            cli::Failure::new(2, "--csv-raw goes with --format csv or --format tsv").into(),
        );
    }
    let cells = if args.csv_raw {
        whosaid::output::formats::table::Cells::Raw
    } else {
        whosaid::output::formats::table::Cells::Neutralised
    };
    let items = args.input.documents()?;
    match format {
        cli::format::Format::Jsonl => run(items, args.input.run_options(), |id, text, meta| {
            let mut doc = whosaid::extract(id, text, &config);
            doc.meta = meta;
            whosaid::output::json::to_json_line(&doc)
        }),
        // One document in, its record out; several, one array of them.
        cli::format::Format::Json if args.input.one_document() => {
            run(items, args.input.run_options(), |id, text, meta| {
                let mut doc = whosaid::extract(id, text, &config);
                doc.meta = meta;
                to_json(&doc, true)
            })
        }
        other => cli::format::extract(
            items,
            args.input.run_options(),
            &config,
            other,
            args.color,
            cells,
        ),
    }
}
