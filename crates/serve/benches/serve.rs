//! Latency of the hot routes through the router (no socket).

use criterion::{criterion_group, criterion_main, Criterion};
use crosscheck_serve::{router, AppState};
use std::time::Duration;
use tower::ServiceExt;

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bench.db");
    crosscheck_store::Store::open(&db).unwrap();
    let state = AppState::open(&db, Duration::from_secs(3600)).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    for path in ["/api/brief", "/", "/api/search?q=harbour"] {
        c.bench_function(path, |b| {
            b.iter(|| {
                rt.block_on(async {
                    let req = axum::http::Request::get(path)
                        .body(axum::body::Body::empty())
                        .unwrap();
                    let r = router(state.clone()).oneshot(req).await.unwrap();
                    assert!(r.status().is_success());
                })
            })
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
