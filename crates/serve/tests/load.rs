//! Bounded load test (ignored by default): a 10k-document store, 50
//! concurrent loopback clients, 2,000 `/api/brief` requests, p50/p95 latency.
//!
//! cargo test --release -p crosscheck-serve --test load -- --ignored --nocapture
//! Env: LOAD_DOCS (10000), LOAD_REQUESTS (2000), LOAD_CLIENTS (50),
//! LOAD_GZIP (1: clients accept gzip, as browsers do), LOAD_P95_MS (fail above it; unset: report only).

mod common;

use common::*;
use crosscheck_doc::Document;
use crosscheck_store::Store;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn env_usize(k: &str, d: usize) -> usize {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

/// Short synthetic reports: a few analysed templates, each copied with a
/// distinct suffix (so every text hashes differently; the store renames the
/// copies' ids and the ids inside their findings).
fn templates() -> Vec<Document> {
    let places = [
        "Port Selby",
        "Marrow Point",
        "Eastwick",
        "Lanford",
        "Cape Arden",
    ];
    let people = ["Ana Duarte", "Tomas Reyes", "Ilse Berg", "Omar Said"];
    let mut out = Vec::new();
    for i in 0..20 {
        let place = places[i % places.len()];
        let who = people[i % people.len()];
        let text = format!(
            "{who}, the mayor of {place}, said on Tuesday that {} people were evacuated after the storm. \
Police said {} homes were damaged and the harbour road was closed. \"We are doing all we can,\" {who} said.",
            20 + i * 7,
            100 + i * 13
        );
        let mut d = Document::new(format!("t{i}"), text);
        d.meta.title = Some(format!("Storm report {i} from {place}"));
        d.meta.published = chrono::NaiveDate::from_ymd_opt(2024, 3, 1 + (i % 20) as u32);
        out.push(d);
    }
    out
}

async fn fetch(addr: std::net::SocketAddr, gzip: bool) -> (u16, usize) {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let enc = if gzip {
        "Accept-Encoding: gzip\r\n"
    } else {
        ""
    };
    let req = format!("GET /api/brief HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{enc}\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::with_capacity(1 << 20);
    s.read_to_end(&mut buf).await.unwrap();
    // Only the status line: the body may be gzip.
    let head = String::from_utf8_lossy(buf.get(..64.min(buf.len())).unwrap_or(&[])).to_string();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, buf.len())
}

#[test]
#[ignore]
fn api_brief_under_load() {
    let n_docs = env_usize("LOAD_DOCS", 10_000);
    let n_req = env_usize("LOAD_REQUESTS", 2_000);
    let n_clients = env_usize("LOAD_CLIENTS", 50);
    let gzip = env_usize("LOAD_GZIP", 1) == 1;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("load.db");

    let t = Instant::now();
    let analysed = analyze(templates());
    let mut batch = Vec::with_capacity(n_docs);
    for i in 0..n_docs {
        let Some(f) = analysed.get(i % analysed.len()) else {
            break;
        };
        let mut f = f.clone();
        let mut d = Document::new(f.doc.id.clone(), format!("{} Ref {i}.", f.doc.text()));
        d.meta = f.doc.meta.clone();
        d.segments = f.doc.segments.clone();
        d.status = f.doc.status;
        f.doc = d;
        batch.push(f);
    }
    Store::open(&db).unwrap().add(&batch).unwrap();
    drop(batch);
    eprintln!("store: {n_docs} documents in {:.1?}", t.elapsed());

    let t = Instant::now();
    let state = crosscheck_serve::AppState::open(&db, Duration::from_secs(1)).unwrap();
    eprintln!("first brief build: {:.1?}", t.elapsed());

    // Server on its own runtime (2 workers, like the machine), clients on another.
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(l.local_addr().unwrap()).unwrap();
            crosscheck_serve::serve(l, state).await.unwrap();
        });
    });
    let addr = rx.recv().unwrap();

    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (mut lat, bytes, wall) = rt.block_on(async move {
        let per = n_req.div_ceil(n_clients);
        let start = Instant::now();
        let mut tasks = Vec::new();
        for _ in 0..n_clients {
            tasks.push(tokio::spawn(async move {
                let mut out = Vec::with_capacity(per);
                let mut size = 0;
                for _ in 0..per {
                    let t = Instant::now();
                    let (status, n) = fetch(addr, gzip).await;
                    assert_eq!(status, 200);
                    size = n;
                    out.push(t.elapsed());
                }
                (out, size)
            }));
        }
        let all = tokio::time::timeout(Duration::from_secs(300), async {
            let mut lat = Vec::new();
            let mut size = 0;
            for t in tasks {
                let (l, s) = t.await.unwrap();
                lat.extend(l);
                size = s;
            }
            (lat, size)
        })
        .await
        .expect("load test exceeded its 300 s limit");
        (all.0, all.1, start.elapsed())
    });
    lat.sort();
    let pct = |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)];
    eprintln!(
        "{} requests, {n_clients} clients, gzip {gzip}, response {:.1} MB: p50 {:.1?}, p95 {:.1?}, max {:.1?}; {:.0} req/s",
        lat.len(),
        bytes as f64 / 1e6,
        pct(0.5),
        pct(0.95),
        lat[lat.len() - 1],
        lat.len() as f64 / wall.as_secs_f64()
    );
    if let Ok(ms) = std::env::var("LOAD_P95_MS") {
        let ms: u64 = ms.parse().unwrap();
        assert!(
            pct(0.95) < Duration::from_millis(ms),
            "p95 {:?} over {ms} ms",
            pct(0.95)
        );
    }
}
