//! Throughput of the quote scanner on prose (the seed articles repeated to a few megabytes).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn prose() -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus/seeds");
    let mut one = String::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seed directory")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    for p in names {
        one.push_str(&std::fs::read_to_string(p).expect("seed"));
        one.push_str("\n\n");
    }
    one.repeat((4 << 20) / one.len() + 1)
}

fn bench(c: &mut Criterion) {
    let text = prose();
    let mut g = c.benchmark_group("quotes");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(20);
    g.bench_function("scan_prose", |b| b.iter(|| whosaid::quotes::scan(&text)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
