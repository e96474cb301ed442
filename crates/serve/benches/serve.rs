//! Latency of the hot routes through the router (no socket), on a store of
//! 1,000 short synthetic documents (findings left empty: this measures the
//! server, not the analysis).

use criterion::{criterion_group, criterion_main, Criterion};
use crosscheck_doc::Document;
use crosscheck_pipeline::Findings;
use crosscheck_serve::{router, AppState};
use std::time::Duration;
use tower::ServiceExt;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    let docs: Vec<Findings> = (0..1000)
        .map(|i| {
            Findings::empty(Document::new(
                format!("d{i}"),
                format!(
                    "Report {i}: officials said {i} people left the harbour district on Tuesday."
                ),
            ))
        })
        .collect();
    crosscheck_store::Store::open(&db)
        .unwrap()
        .add(&docs)
        .unwrap();
    let state = AppState::open(&db, Duration::from_secs(3600)).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for path in [
        "/api/brief",
        "/",
        "/api/search?q=harbour+tuesday",
        "/documents/d500",
    ] {
        c.bench_function(path, |b| {
            b.iter(|| {
                rt.block_on(async {
                    let req = axum::http::Request::get(path)
                        .header("accept-encoding", "gzip")
                        .body(axum::body::Body::empty())
                        .unwrap();
                    let r = router(state.clone()).oneshot(req).await.unwrap();
                    assert!(r.status().is_success());
                    axum::body::to_bytes(r.into_body(), 1 << 30).await.unwrap()
                })
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
