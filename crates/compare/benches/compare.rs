//! Cross-check throughput over synthetic claims.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck_brief::{Brief, Claim, DocumentOut};
use crosscheck_compare::{cross_check, CompareOptions};

fn synthetic(n: usize) -> Brief {
    let words = [
        "port", "strike", "fuel", "price", "ferry", "union", "ministry", "police", "harbour",
        "curfew", "tariff", "convoy", "arrests", "troops", "airport", "protest", "deaths",
        "minister", "governor", "election",
    ];
    let mut b = Brief::default();
    for d in 0..200 {
        b.documents.push(DocumentOut {
            id: format!("d{d}"),
            status: "analyzed".into(),
            ..Default::default()
        });
    }
    for i in 0..n {
        let text = format!(
            "The {} {} {} near the {} {} {}",
            words[i % 20],
            words[(i / 20) % 20],
            words[(i / 400) % 20],
            words[(i * 7) % 20],
            words[(i * 13) % 20],
            i % 997
        );
        b.claims.push(Claim {
            id: format!("c{i}"),
            doc: format!("d{}", i % 200),
            start: 0,
            end: text.len(),
            text,
            voice: "author".into(),
            speaker: None,
            modality: "asserted".into(),
            evidence: "unstated".into(),
            entities: vec![],
            date: None,
            loaded_terms: vec![],
        });
    }
    b
}

fn bench(c: &mut Criterion) {
    let b = synthetic(20_000);
    let mut g = c.benchmark_group("compare");
    g.sample_size(10);
    g.throughput(Throughput::Elements(b.claims.len() as u64));
    g.bench_function("cross_check_20k_claims", |x| {
        x.iter(|| cross_check(&b, &CompareOptions::default()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
