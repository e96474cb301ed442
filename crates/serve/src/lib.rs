//! `crosscheck serve`: the brief of the whole store as a web page and a JSON
//! API, plus search and a document viewer.
//!
//! Requests never touch the filesystem: every page comes from the store or
//! from memory, so there is nothing to traverse. The brief is built once and
//! kept in memory (serialised JSON and rendered HTML); a watcher thread
//! rebuilds it off the request path when the store changes, and requests keep
//! getting the previous version meanwhile.

mod pages;

use axum::body::Body;
use axum::extract::{Path as UrlPath, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use crosscheck_brief::Brief;
use crosscheck_compare::CompareOptions;
use crosscheck_pipeline::{assemble, AssembleOptions};
use crosscheck_store::{Store, StoreError};
use serde::Deserialize;
use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock, Weak};
use std::time::Duration;

pub use pages::page_csp;

/// Longest accepted search query, in characters.
pub const MAX_QUERY_CHARS: usize = 256;
/// Longest accepted request target (path and query), in bytes.
pub const MAX_URI_BYTES: usize = 2048;
/// Largest accepted request body, in bytes (no route takes a body).
pub const MAX_BODY_BYTES: u64 = 4096;
/// Most search hits returned.
pub const SEARCH_LIMIT: usize = 50;

/// Errors starting the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(
        "refusing to listen on {0}: it is not a loopback address and the server has no authentication; \
pass --public to expose the store to the network anyway"
    )]
    NotLoopback(SocketAddr),
    #[error("i/o error: {0}")]
    Io(#[from] std::io::Error),
}

/// Fails unless `addr` is a loopback address or `public` is set.
pub fn check_addr(addr: SocketAddr, public: bool) -> Result<(), ServeError> {
    if addr.ip().is_loopback() || public {
        Ok(())
    } else {
        Err(ServeError::NotLoopback(addr))
    }
}

/// One built version of the brief.
struct Built {
    fingerprint: (i64, i64, i64),
    /// Strong validator of this version (changes with every rebuild).
    etag: HeaderValue,
    json: Encoded,
    html: Encoded,
    csp: HeaderValue,
    brief: Brief,
    entity_index: HashMap<String, usize>,
}

struct Inner {
    /// Connection for request-time queries (documents, search).
    store: Mutex<Store>,
    current: RwLock<Arc<Built>>,
}

/// Shared server state: a store connection and the cached brief.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

/// The brief page's policy plus `frame-ancestors 'none'` (which only works as a
/// header). Taken from the page's own meta tag so header and meta agree.
fn csp_of(html: &str) -> String {
    const META: &str = "http-equiv=\"Content-Security-Policy\" content=\"";
    let from_meta = html
        .find(META)
        .and_then(|i| html.get(i + META.len()..))
        .and_then(|rest| rest.find('"').and_then(|j| rest.get(..j)))
        .map(|p| p.replace("&#39;", "'").replace("&quot;", "\""));
    // Without a meta policy (never expected), forbid everything.
    let base = from_meta
        .unwrap_or_else(|| "default-src 'none'; base-uri 'none'; form-action 'none'".into());
    format!("{base}; frame-ancestors 'none'")
}

/// A link to search, added to the top of the brief page (plain markup: the
/// page's policy allows no inline style or script).
const BRIEF_NAV: &str =
    "<p class=\"serve-nav\"><a href=\"/search\">Search the store</a> · <a href=\"/documents\">Documents</a> · <a href=\"/api/brief\">JSON</a></p>\n";

/// A body kept both plain and gzip-compressed (compressed once per build:
/// the brief of a large store is tens of MB of JSON).
struct Encoded {
    plain: axum::body::Bytes,
    gzip: Option<axum::body::Bytes>,
}

impl Encoded {
    fn new(plain: Vec<u8>) -> Encoded {
        use std::io::Write as _;
        let mut z = flate2::write::GzEncoder::new(
            Vec::with_capacity(plain.len() / 6),
            flate2::Compression::fast(),
        );
        let gzip = z
            .write_all(&plain)
            .and_then(|_| z.finish())
            .ok()
            .map(Into::into);
        Encoded {
            plain: plain.into(),
            gzip,
        }
    }
}

static BUILDS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn build(store: &Store, compare: &CompareOptions) -> Result<Built, StoreError> {
    let fingerprint = store.fingerprint()?;
    let findings = store.load_all()?;
    let brief = assemble(
        &findings,
        &AssembleOptions {
            include_text: true,
            compare: compare.clone(),
        },
    );
    drop(findings);
    let json = serde_json::to_vec(&brief)
        .unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}").into_bytes());
    let mut html = crosscheck_report::render_html(&brief);
    let csp = csp_of(&html);
    if let Some(i) = html.find("<body>\n") {
        html.insert_str(i + "<body>\n".len(), BRIEF_NAV);
    }
    let csp = HeaderValue::from_str(&csp)
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"));
    let entity_index = brief
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let seq = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let etag = format!(
        "\"b{}-{}-{}-{}-{seq}\"",
        std::process::id(),
        fingerprint.0,
        fingerprint.1,
        fingerprint.2
    );
    Ok(Built {
        fingerprint,
        etag: HeaderValue::from_str(&etag).unwrap_or_else(|_| HeaderValue::from_static("\"b\"")),
        json: Encoded::new(json),
        html: Encoded::new(html.into_bytes()),
        csp,
        brief,
        entity_index,
    })
}

impl AppState {
    /// Opens the store at `db`, builds the brief (blocking) and starts a
    /// watcher that checks the store every `poll` and rebuilds on change.
    /// The watcher stops when the last clone of the state is dropped.
    pub fn open(db: &Path, poll: Duration) -> Result<AppState, ServeError> {
        AppState::open_with(db, poll, CompareOptions::default())
    }

    /// [`AppState::open`] with cross-check options (e.g. a sentence encoder),
    /// used for every build of the brief.
    pub fn open_with(
        db: &Path,
        poll: Duration,
        compare: CompareOptions,
    ) -> Result<AppState, ServeError> {
        let store = Store::open(db)?;
        let watcher_store = Store::open(db)?;
        let built = build(&watcher_store, &compare)?;
        let inner = Arc::new(Inner {
            store: Mutex::new(store),
            current: RwLock::new(Arc::new(built)),
        });
        let weak = Arc::downgrade(&inner);
        let db: PathBuf = db.to_path_buf();
        std::thread::Builder::new()
            .name("crosscheck-watch".into())
            .spawn(move || watch(weak, watcher_store, poll, db, compare))?;
        Ok(AppState { inner })
    }

    /// Number of documents in the cached brief.
    pub fn documents_in_brief(&self) -> usize {
        self.current().brief.documents.len()
    }

    fn current(&self) -> Arc<Built> {
        let g = self.inner.current.read().unwrap_or_else(|p| p.into_inner());
        Arc::clone(&g)
    }

    /// Runs `f` with the request-time store connection on the blocking pool.
    async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Store) -> Result<T, StoreError> + Send + 'static,
    ) -> Result<T, Response> {
        let inner = Arc::clone(&self.inner);
        let r = tokio::task::spawn_blocking(move || {
            let s = inner.store.lock().unwrap_or_else(|p| p.into_inner());
            f(&s)
        })
        .await;
        match r {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => {
                eprintln!("crosscheck serve: store error: {e}");
                Err(json_error(StatusCode::INTERNAL_SERVER_ERROR, "store error"))
            }
            Err(_) => Err(json_error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal error",
            )),
        }
    }
}

fn watch(weak: Weak<Inner>, store: Store, poll: Duration, db: PathBuf, compare: CompareOptions) {
    loop {
        std::thread::sleep(poll);
        let Some(inner) = weak.upgrade() else { return };
        let last = inner
            .current
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .fingerprint;
        match store.fingerprint() {
            Ok(fp) if fp != last => match build(&store, &compare) {
                Ok(b) => {
                    *inner.current.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(b);
                }
                Err(e) => eprintln!(
                    "crosscheck serve: cannot rebuild the brief from {}: {e}",
                    db.display()
                ),
            },
            Ok(_) => {}
            Err(e) => eprintln!("crosscheck serve: cannot read {}: {e}", db.display()),
        }
    }
}

/// The application: every route, the size limits and the security headers.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(index))
        .route("/search", get(search_page))
        .route("/documents", get(documents_page))
        .route("/documents/{id}", get(document_page))
        .route("/api/brief", get(api_brief))
        .route("/api/documents", get(api_documents))
        .route("/api/documents/{id}", get(api_document))
        .route("/api/entities/{id}", get(api_entity))
        .route("/api/search", get(api_search))
        .fallback(not_found)
        .layer(axum::extract::DefaultBodyLimit::max(
            MAX_BODY_BYTES as usize,
        ))
        .layer(middleware::from_fn(guard))
        .with_state(state)
}

/// Serves until the listener fails.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    axum::serve(listener, router(state)).await
}

/// Serves until `shutdown` resolves, then finishes the requests in flight.
pub async fn serve_with_shutdown(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown)
        .await
}

/// Rejects oversized requests before routing and adds the security headers
/// to every response.
async fn guard(req: Request, next: Next) -> Response {
    let uri_len = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().len())
        .unwrap_or(0);
    let mut resp = if uri_len > MAX_URI_BYTES {
        json_error(StatusCode::URI_TOO_LONG, "request target too long")
    } else if body_too_large(req.headers()) {
        json_error(StatusCode::PAYLOAD_TOO_LARGE, "request body too large")
    } else {
        next.run(req).await
    };
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            ),
        );
    }
    resp
}

fn body_too_large(h: &HeaderMap) -> bool {
    if h.contains_key(header::TRANSFER_ENCODING) {
        return true;
    }
    match h.get(header::CONTENT_LENGTH) {
        None => false,
        Some(v) => v
            .to_str()
            .ok()
            .and_then(|s| s.trim().parse::<u64>().ok())
            .is_none_or(|n| n > MAX_BODY_BYTES),
    }
}

fn json_error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "error": message, "status": status.as_u16() });
    (status, axum::Json(body)).into_response()
}

fn json_bytes(bytes: impl Into<Body>) -> Response {
    let mut r = Response::new(bytes.into());
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

fn html_response(status: StatusCode, body: impl Into<Body>, csp: HeaderValue) -> Response {
    let mut r = Response::new(body.into());
    *r.status_mut() = status;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CONTENT_SECURITY_POLICY, csp);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    html_response(status, pages::page(title, body), page_csp_header())
}

fn page_csp_header() -> HeaderValue {
    HeaderValue::from_str(&page_csp())
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
}

async fn not_found(req: Request) -> Response {
    if req.uri().path().starts_with("/api/") {
        json_error(StatusCode::NOT_FOUND, "not found")
    } else {
        page(
            StatusCode::NOT_FOUND,
            "Not found",
            "<p>There is no such page.</p><p><a href=\"/\">Back to the brief</a></p>",
        )
    }
}

/// The cached body, gzip-compressed when the client accepts it, or 304 when
/// the client already has this version.
fn cached(req: &HeaderMap, b: &Built, body: &Encoded, mut resp: Response) -> Response {
    let h = resp.headers_mut();
    h.insert(header::ETAG, b.etag.clone());
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    let fresh = req
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == b.etag.to_str().unwrap_or(""))
        });
    if fresh {
        *resp.status_mut() = StatusCode::NOT_MODIFIED;
        return resp;
    }
    let gzip_ok = req
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|e| e.split(';').next().is_some_and(|e| e.trim() == "gzip"))
        });
    match (&body.gzip, gzip_ok) {
        (Some(z), true) => {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
            *resp.body_mut() = Body::from(z.clone());
        }
        _ => *resp.body_mut() = Body::from(body.plain.clone()),
    }
    resp
}

async fn index(State(st): State<AppState>, headers: HeaderMap) -> Response {
    let b = st.current();
    let resp = html_response(StatusCode::OK, Body::empty(), b.csp.clone());
    let mut resp = cached(&headers, &b, &b.html, resp);
    // The page changes when the store does; let the browser revalidate.
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    resp
}

async fn api_brief(State(st): State<AppState>, headers: HeaderMap) -> Response {
    let b = st.current();
    cached(&headers, &b, &b.json, json_bytes(Body::empty()))
}

async fn api_entity(State(st): State<AppState>, UrlPath(id): UrlPath<String>) -> Response {
    let b = st.current();
    match b
        .entity_index
        .get(&id)
        .and_then(|&i| b.brief.entities.get(i))
    {
        Some(e) => axum::Json(e).into_response(),
        None => json_error(StatusCode::NOT_FOUND, "no such entity"),
    }
}

#[derive(Deserialize)]
struct SearchParams {
    q: Option<String>,
}

/// The query, or an error when it is too long.
fn query_of(
    p: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> Result<String, &'static str> {
    let q = match p {
        Ok(Query(p)) => p.q.unwrap_or_default(),
        Err(_) => return Err("malformed query string"),
    };
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err("query too long (at most 256 characters)");
    }
    Ok(q)
}

#[derive(serde::Serialize)]
struct HitOut {
    id: String,
    title: Option<String>,
    /// Plain text; the `matches` are byte ranges into it.
    snippet: String,
    matches: Vec<[usize; 2]>,
}

fn hit_out(h: crosscheck_store::Hit) -> HitOut {
    let mut snippet = String::with_capacity(h.snippet.len());
    let mut matches = Vec::new();
    let mut open = None;
    for c in h.snippet.chars() {
        match c {
            '\u{2}' => open = Some(snippet.len()),
            '\u{3}' => {
                if let Some(s) = open.take() {
                    matches.push([s, snippet.len()]);
                }
            }
            _ => snippet.push(c),
        }
    }
    HitOut {
        id: h.id,
        title: h.title,
        snippet,
        matches,
    }
}

async fn api_search(
    State(st): State<AppState>,
    p: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let q = match query_of(p) {
        Ok(q) => q,
        Err(m) => return json_error(StatusCode::BAD_REQUEST, m),
    };
    match st.with_store(move |s| s.search(&q, SEARCH_LIMIT)).await {
        Ok(hits) => axum::Json(hits.into_iter().map(hit_out).collect::<Vec<_>>()).into_response(),
        Err(r) => r,
    }
}

async fn search_page(
    State(st): State<AppState>,
    p: Result<Query<SearchParams>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let q = match query_of(p) {
        Ok(q) => q,
        Err(m) => {
            return page(
                StatusCode::BAD_REQUEST,
                "Search",
                &pages::search_body("", &[], Some(m)),
            )
        }
    };
    let q2 = q.clone();
    match st.with_store(move |s| s.search(&q2, SEARCH_LIMIT)).await {
        Ok(hits) => page(
            StatusCode::OK,
            "Search",
            &pages::search_body(&q, &hits, None),
        ),
        Err(_) => page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Error",
            "<p>The store could not be read.</p>",
        ),
    }
}

#[derive(serde::Serialize)]
struct ListedOut {
    id: String,
    title: Option<String>,
    published: Option<String>,
    status: String,
    added_at: String,
    hash: String,
}

async fn api_documents(State(st): State<AppState>) -> Response {
    match st.with_store(|s| s.list()).await {
        Ok(list) => {
            let out: Vec<ListedOut> = list
                .into_iter()
                .map(|l| ListedOut {
                    id: l.id,
                    title: l.title,
                    published: l.published,
                    status: l.status,
                    added_at: l.added_at,
                    hash: l.hash,
                })
                .collect();
            axum::Json(out).into_response()
        }
        Err(r) => r,
    }
}

async fn documents_page(State(st): State<AppState>) -> Response {
    match st.with_store(|s| s.list()).await {
        Ok(list) => page(StatusCode::OK, "Documents", &pages::documents_body(&list)),
        Err(_) => page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Error",
            "<p>The store could not be read.</p>",
        ),
    }
}

async fn api_document(State(st): State<AppState>, UrlPath(id): UrlPath<String>) -> Response {
    match st.with_store(move |s| s.get(&id)).await {
        Ok(Some(f)) => axum::Json(f).into_response(),
        Ok(None) => json_error(StatusCode::NOT_FOUND, "no such document"),
        Err(r) => r,
    }
}

async fn document_page(State(st): State<AppState>, UrlPath(id): UrlPath<String>) -> Response {
    match st.with_store(move |s| s.get(&id)).await {
        Ok(Some(f)) => {
            let title = f.doc.meta.title.clone().unwrap_or_else(|| f.doc.id.clone());
            page(StatusCode::OK, &title, &pages::document_body(&f.doc))
        }
        Ok(None) => page(
            StatusCode::NOT_FOUND,
            "Not found",
            "<p>There is no such document.</p><p><a href=\"/documents\">All documents</a></p>",
        ),
        Err(_) => page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Error",
            "<p>The store could not be read.</p>",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_only_unless_public() {
        assert!(check_addr("127.0.0.1:8080".parse().unwrap(), false).is_ok());
        assert!(check_addr("[::1]:8080".parse().unwrap(), false).is_ok());
        let e = check_addr("0.0.0.0:8080".parse().unwrap(), false).unwrap_err();
        assert!(e.to_string().contains("--public"));
        assert!(check_addr("0.0.0.0:8080".parse().unwrap(), true).is_ok());
    }

    #[test]
    fn csp_comes_from_the_meta_tag() {
        let html = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;sha256-x&#39;\">";
        assert_eq!(
            csp_of(html),
            "default-src 'none'; script-src 'sha256-x'; frame-ancestors 'none'"
        );
        assert!(csp_of("<html>").starts_with("default-src 'none'"));
    }

    #[test]
    fn hits_keep_match_ranges() {
        let h = hit_out(crosscheck_store::Hit {
            id: "a".into(),
            title: None,
            snippet: "x \u{2}<b>\u{3} y".into(),
        });
        assert_eq!(h.snippet, "x <b> y");
        assert_eq!(h.matches, vec![[2, 5]]);
    }

    #[test]
    fn body_limits() {
        let mut h = HeaderMap::new();
        assert!(!body_too_large(&h));
        h.insert(header::CONTENT_LENGTH, HeaderValue::from_static("10"));
        assert!(!body_too_large(&h));
        h.insert(header::CONTENT_LENGTH, HeaderValue::from_static("100000"));
        assert!(body_too_large(&h));
        h.insert(header::CONTENT_LENGTH, HeaderValue::from_static("junk"));
        assert!(body_too_large(&h));
    }
}
