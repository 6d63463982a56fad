//! Throughput of each pipeline stage and of the whole extraction, per input byte.
//!
//! The input is built at run time: every `corpus/**/*.txt` file is one document, and the
//! list is cycled until it holds a few megabytes. Each stage gets exactly the inputs the
//! pipeline gives it (earlier stages are computed once, outside the timed loop), so the
//! figures add up to roughly the end-to-end one.
//!
//! `attribution` is an approximation of the pipeline's sieve, which is private: it builds
//! the attribution context and tries every rule on every top-level quote (with an empty
//! history) and every indirect rule on every sentence.

use std::ops::Range;
use std::path::{Path, PathBuf};

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use whosaid::attribution::{Context, Phase, RULES};
use whosaid::mentions::Mentions;
use whosaid::quotes::QuotedPassage;
use whosaid::text::tokens::{tokenize, Token};

/// Total size of the benchmark documents, in bytes (at least).
const TARGET_BYTES: usize = 4 << 20;

fn txt_files(dir: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable corpus directory")
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            txt_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path);
        }
    }
}

fn documents() -> Vec<String> {
    let mut paths = Vec::new();
    txt_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"),
        &mut paths,
    );
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("UTF-8 corpus text"))
        .collect();
    assert!(!texts.is_empty(), "no corpus texts");
    let mut docs = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for text in &texts {
            total += text.len();
            docs.push(text.clone());
        }
    }
    docs
}

/// The outer extent of every top-level quote, as the pipeline hands it to `Mentions::find`.
fn quoted(passages: &[QuotedPassage]) -> Vec<Range<usize>> {
    passages
        .iter()
        .filter(|p| p.depth == 0)
        .map(|p| p.open.start..p.close.as_ref().map_or(p.content.end, |c| c.end))
        .collect()
}

/// What the earlier stages produce for one document.
#[derive(Clone)]
struct Stages {
    tokens: Vec<Token>,
    words: Vec<whosaid::lexicon::WordInfo>,
    sentences: Vec<Range<usize>>,
    passages: Vec<QuotedPassage>,
    quoted: Vec<Range<usize>>,
    mentions: Mentions,
}

fn stages(text: &str) -> Stages {
    let tokens = tokenize(text);
    let passages = whosaid::quotes::scan(text);
    let quoted = quoted(&passages);
    let words = whosaid::lexicon::words_of(text, &tokens);
    let mentions = Mentions::find(text, &tokens, &words, &quoted);
    Stages {
        sentences: whosaid::sentences::split(text),
        tokens,
        words,
        passages,
        quoted,
        mentions,
    }
}

/// The attribution rules over one document (see the module documentation).
fn attribute(text: &str, s: Stages) -> usize {
    let ctx = Context::new(
        text,
        s.tokens,
        s.words,
        s.sentences,
        s.passages,
        s.mentions,
        whosaid::attribution::rules::indirect_of,
    );
    let mut found = 0;
    for i in (0..ctx.passages.len()).filter(|&i| ctx.passages[i].depth == 0) {
        let c = ctx.candidate(i);
        for rule in RULES.iter().filter(|r| r.phase() != Phase::Indirect) {
            found += usize::from(rule.attribute(&ctx, &c, &[]).is_some());
        }
    }
    for s in 0..ctx.sentences.len() {
        for rule in RULES.iter().filter(|r| r.phase() == Phase::Indirect) {
            found += usize::from(rule.indirect(&ctx, s).is_some());
        }
    }
    found
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    let bytes: usize = docs.iter().map(String::len).sum();
    let computed: Vec<Stages> = docs.iter().map(|d| stages(d)).collect();
    let config = whosaid::Config::default();
    let results: Vec<whosaid::Document> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| whosaid::extract(&i.to_string(), d, &config))
        .collect();

    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("sentences", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| whosaid::sentences::split(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| whosaid::quotes::scan(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("tokens", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| tokenize(black_box(d)).len())
                .sum::<usize>()
        })
    });
    g.bench_function("mentions", |b| {
        b.iter(|| {
            docs.iter()
                .zip(&computed)
                .map(|(d, s)| {
                    Mentions::find(black_box(d), &s.tokens, &s.words, &s.quoted)
                        .entities
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("attribution", |b| {
        b.iter_batched(
            || computed.clone(),
            |inputs| {
                docs.iter()
                    .zip(inputs)
                    .map(|(d, s)| attribute(black_box(d), s))
                    .sum::<usize>()
            },
            BatchSize::PerIteration,
        )
    });
    g.bench_function("json", |b| {
        b.iter(|| {
            results
                .iter()
                .map(|r| serde_json::to_string(black_box(r)).map_or(0, |s| s.len()))
                .sum::<usize>()
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| whosaid::extract("doc", black_box(d), &config).quotes.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
