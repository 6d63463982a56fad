//! Throughput of `sentences::split` next to the raw UAX #29 pass it corrects.
//!
//! The text is built at run time by repeating `corpus/seeds/*.txt` to a few megabytes.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use unicode_segmentation::UnicodeSegmentation;

/// Size of the benchmark text, in bytes (at least).
const TARGET_BYTES: usize = 4 << 20;

fn corpus() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus/seeds")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    paths.sort();
    let seeds: Vec<String> = paths
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("readable seed"))
        .collect();
    assert!(!seeds.is_empty(), "no seeds in {}", dir.display());
    let mut text = String::with_capacity(TARGET_BYTES + 64 * 1024);
    while text.len() < TARGET_BYTES {
        for seed in &seeds {
            text.push_str(seed);
            text.push_str("\n\n");
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut group = c.benchmark_group("sentences");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("split", |b| {
        b.iter(|| whosaid::sentences::split(black_box(&text)).len())
    });
    group.bench_function("uax29_raw", |b| {
        b.iter(|| black_box(&text).split_sentence_bound_indices().count())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
