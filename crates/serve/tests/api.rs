//! Every route, the security headers, hostile documents, limits and path
//! traversal, through the router (no socket) and over loopback.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::*;
use crosscheck_serve::{router, serve, AppState};
use serde_json::Value;
use std::time::{Duration, Instant};
use tower::ServiceExt;

struct Got {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: String,
}

async fn get(state: &AppState, path: &str) -> Got {
    let req = Request::get(path).body(Body::empty()).unwrap();
    let r = router(state.clone()).oneshot(req).await.unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    let bytes = axum::body::to_bytes(r.into_body(), 64 << 20).await.unwrap();
    Got {
        status,
        headers,
        body: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

fn header<'a>(g: &'a Got, name: &str) -> &'a str {
    g.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

fn assert_security_headers(g: &Got, path: &str) {
    assert_eq!(header(g, "x-content-type-options"), "nosniff", "{path}");
    assert_eq!(header(g, "referrer-policy"), "no-referrer", "{path}");
    let csp = header(g, "content-security-policy");
    assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
}

/// Hostile markup from the documents never appears as markup.
fn assert_inert(html: &str, path: &str) {
    for bad in [
        "<script>alert",
        "<img src=x",
        "<b onmouseover",
        "<svg onload",
        "<iframe",
        "href=\"javascript:",
        "<a href=\"javascript",
        "\u{202E}",
        "\u{202C}",
    ] {
        assert!(!html.contains(bad), "{path} contains {bad:?}");
    }
    // Only the page's own script element, if any.
    assert!(
        html.matches("<script").count() <= 1,
        "{path}: extra script elements"
    );
}

fn state(db: &std::path::Path) -> AppState {
    AppState::open(db, Duration::from_millis(50)).unwrap()
}

#[tokio::test]
async fn every_route_answers_with_safe_headers() {
    let (_dir, db) = fixture();
    let st = state(&db);
    let brief: Value = serde_json::from_str(&get(&st, "/api/brief").await.body).unwrap();
    assert_eq!(brief["documents"].as_array().unwrap().len(), 3);
    let entity = brief["entities"][0]["id"]
        .as_str()
        .expect("an entity")
        .to_string();
    let routes = [
        ("/", "text/html"),
        ("/search?q=evacuated", "text/html"),
        ("/search", "text/html"),
        ("/documents", "text/html"),
        ("/documents/selby-gazette", "text/html"),
        ("/documents/evil%3Cscript%3E", "text/html"),
        ("/api/brief", "application/json"),
        ("/api/documents", "application/json"),
        ("/api/documents/coast-wire", "application/json"),
        ("/api/search?q=harbour", "application/json"),
    ];
    for (path, ct) in routes {
        let g = get(&st, path).await;
        assert_eq!(g.status, StatusCode::OK, "{path}: {}", g.body);
        assert!(header(&g, "content-type").starts_with(ct), "{path}");
        assert_security_headers(&g, path);
        if ct == "text/html" {
            assert_inert(&g.body, path);
        }
    }
    let g = get(&st, &format!("/api/entities/{entity}")).await;
    assert_eq!(g.status, StatusCode::OK);
    let e: Value = serde_json::from_str(&g.body).unwrap();
    assert_eq!(e["id"], entity.as_str());
    assert!(!e["mentions"].as_array().unwrap().is_empty());

    let docs: Value = serde_json::from_str(&get(&st, "/api/documents").await.body).unwrap();
    let ids: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["selby-gazette", "coast-wire", "evil<script>"]);
    let one: Value =
        serde_json::from_str(&get(&st, "/api/documents/evil%3Cscript%3E").await.body).unwrap();
    assert_eq!(one["doc"]["id"], "evil<script>");
}

#[tokio::test]
async fn brief_page_policy_matches_its_meta_tag() {
    let (_dir, db) = fixture();
    let st = state(&db);
    let g = get(&st, "/").await;
    let csp = header(&g, "content-security-policy").to_string();
    assert!(csp.contains("script-src 'sha256-"), "{csp}");
    let meta_policy = csp.trim_end_matches("; frame-ancestors 'none'");
    assert!(g.body.contains(&format!("content=\"{meta_policy}\"")));
    for id in [
        "agreed", "disputed", "single", "matrix", "numbers", "whos-who", "timeline", "quotes",
        "sources",
    ] {
        assert!(g.body.contains(&format!("id=\"{id}\"")), "section {id}");
    }
    // The hostile document is there, escaped.
    assert!(g
        .body
        .contains("&lt;b onmouseover=alert(3)&gt;Breaking&lt;/b&gt;"));
    assert!(g.body.contains("[U+202E]"));
    assert_inert(&g.body, "/");
}

#[tokio::test]
async fn hostile_document_page_and_search_are_inert() {
    let (_dir, db) = fixture();
    let st = state(&db);
    let g = get(&st, "/documents/evil%3Cscript%3E").await;
    assert!(g
        .body
        .contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;"));
    assert!(g.body.contains("javascript:alert(5)"), "URL shown as text");
    assert!(g.body.contains("[U+202E]gnp.exe[U+202C]"));
    assert_inert(&g.body, "document page");

    let g = get(&st, "/search?q=alert+onerror").await;
    assert!(g.body.contains("<mark>"), "{}", g.body);
    assert!(g.body.contains("href=\"/documents/evil%3Cscript%3E\""));
    assert_inert(&g.body, "search page");

    // The query is echoed escaped.
    let g = get(&st, "/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E").await;
    assert_eq!(g.status, StatusCode::OK);
    assert!(g
        .body
        .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
    assert_inert(&g.body, "search echo");

    let hits: Value = serde_json::from_str(&get(&st, "/api/search?q=onerror").await.body).unwrap();
    let h = &hits[0];
    assert_eq!(h["id"], "evil<script>");
    let snippet = h["snippet"].as_str().unwrap();
    let [s, e] = [
        h["matches"][0][0].as_u64().unwrap() as usize,
        h["matches"][0][1].as_u64().unwrap() as usize,
    ];
    assert_eq!(&snippet[s..e], "onerror");
}

#[tokio::test]
async fn unknown_ids_are_json_404s() {
    let (_dir, db) = fixture();
    let st = state(&db);
    for path in [
        "/api/documents/nope",
        "/api/entities/nope",
        "/api/nothing",
        "/api/documents/..%2F..%2Fetc%2Fpasswd",
    ] {
        let g = get(&st, path).await;
        assert_eq!(g.status, StatusCode::NOT_FOUND, "{path}");
        let v: Value = serde_json::from_str(&g.body).unwrap();
        assert!(v["error"].is_string());
    }
    for path in ["/documents/nope", "/nothing", "/static/brief.css"] {
        let g = get(&st, path).await;
        assert_eq!(g.status, StatusCode::NOT_FOUND, "{path}");
        assert!(header(&g, "content-type").starts_with("text/html"));
        assert_security_headers(&g, path);
    }
}

#[tokio::test]
async fn oversized_requests_are_refused() {
    let (_dir, db) = fixture();
    let st = state(&db);
    let long_q = "a".repeat(300);
    assert_eq!(
        get(&st, &format!("/api/search?q={long_q}")).await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        get(&st, &format!("/search?q={long_q}")).await.status,
        StatusCode::BAD_REQUEST
    );
    let ok_q = "a ".repeat(128);
    assert_eq!(
        get(&st, &format!("/api/search?q={}", ok_q.replace(' ', "+")))
            .await
            .status,
        StatusCode::OK
    );
    let huge = format!("/api/search?q=a&pad={}", "b".repeat(5000));
    assert_eq!(get(&st, &huge).await.status, StatusCode::URI_TOO_LONG);
    let req = Request::post("/api/brief")
        .header("content-length", "100000")
        .body(Body::from(vec![b'x'; 100000]))
        .unwrap();
    let r = router(st.clone()).oneshot(req).await.unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let req = Request::post("/api/brief").body(Body::empty()).unwrap();
    let r = router(st.clone()).oneshot(req).await.unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn over_loopback_no_path_reaches_the_filesystem() {
    let (_dir, db) = fixture();
    let st = state(&db);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(serve(listener, st));
    let res = tokio::task::spawn_blocking(move || {
        let ok = raw(addr, "GET", "/api/brief", "");
        assert_eq!(ok.status, 200);
        assert_eq!(
            ok.header("x-content-type-options").as_deref(),
            Some("nosniff")
        );
        for target in [
            "/../../etc/passwd",
            "/../../../../../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/documents/..%2F..%2Fetc%2Fpasswd",
            "/documents/../../etc/passwd",
            "/api/documents/..%2F..%2F..%2Fetc%2Fpasswd",
            "/documents/%2Fetc%2Fpasswd",
            "/search/../../etc/passwd",
            "//etc/passwd",
        ] {
            let r = raw(addr, "GET", target, "");
            assert!(r.status == 404 || r.status == 400, "{target}: {}", r.status);
            assert!(!r.body.contains("root:"), "{target} leaked a file");
        }
        // Bodies beyond the limit are refused before any handler runs.
        let r = raw(addr, "POST", "/api/brief", "Content-Length: 100000\r\n");
        assert_eq!(r.status, 413);
    })
    .await;
    res.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn brief_is_rebuilt_when_the_store_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut store = crosscheck_store::Store::open(&db).unwrap();
    let mut docs = plain_docs();
    let second = docs.pop().unwrap();
    store.add(&analyze(docs)).unwrap();
    let st = state(&db);
    let count = |b: &str| {
        serde_json::from_str::<Value>(b).unwrap()["documents"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&get(&st, "/api/brief").await.body), 1);
    store.add(&analyze(vec![second])).unwrap();
    let t = Instant::now();
    loop {
        if count(&get(&st, "/api/brief").await.body) == 2 {
            break;
        }
        assert!(
            t.elapsed() < Duration::from_secs(20),
            "brief was not rebuilt"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(get(&st, "/")
        .await
        .body
        .contains("Evacuations in Port Selby"));
}

#[tokio::test]
async fn brief_is_compressed_and_revalidated() {
    use std::io::Read;
    let (_dir, db) = fixture();
    let st = state(&db);
    let plain = get(&st, "/api/brief").await;
    let etag = header(&plain, "etag").to_string();
    assert!(etag.starts_with('"'), "{etag}");
    let req = Request::get("/api/brief")
        .header("accept-encoding", "br;q=1, gzip;q=0.8")
        .body(Body::empty())
        .unwrap();
    let r = router(st.clone()).oneshot(req).await.unwrap();
    assert_eq!(r.headers()["content-encoding"], "gzip");
    assert_eq!(r.headers()["content-type"], "application/json");
    let z = axum::body::to_bytes(r.into_body(), 64 << 20).await.unwrap();
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&z[..])
        .read_to_string(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, plain.body);
    for path in ["/api/brief", "/"] {
        let req = Request::get(path)
            .header("if-none-match", &etag)
            .body(Body::empty())
            .unwrap();
        let r = router(st.clone()).oneshot(req).await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_MODIFIED, "{path}");
        let req = Request::get(path)
            .header("if-none-match", "\"other\"")
            .body(Body::empty())
            .unwrap();
        let r = router(st.clone()).oneshot(req).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
    }
}
