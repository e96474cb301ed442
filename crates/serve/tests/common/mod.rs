//! Shared test helpers: a store with hostile documents and a raw HTTP client
//! (raw, so request targets like `/../etc/passwd` reach the server unchanged).

#![allow(dead_code)]

use crosscheck_doc::{Document, Segment, SegmentKind, Span};
use crosscheck_pipeline::{analyze_document, Findings, Models};
use crosscheck_store::Store;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const HOSTILE_TEXT: &str = "Harbour officials said on Tuesday that 40 people were evacuated. \
<script>alert('xss')</script> <img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">click</a> \
\u{202E}gnp.exe\u{202C} The mayor, Ana Duarte, said the port would reopen.";

pub fn hostile_doc() -> Document {
    let mut d = Document::new("evil<script>", HOSTILE_TEXT);
    d.meta.title = Some("<b onmouseover=alert(3)>Breaking</b>".into());
    d.meta.outlet = Some("\"><svg onload=alert(4)>".into());
    d.meta.url = Some("javascript:alert(5)".into());
    d.meta.author = Some("{\"html\":\"<iframe src=//x>\"}".into());
    d.segments = vec![Segment {
        kind: SegmentKind::Body,
        span: Span::new(0, HOSTILE_TEXT.len()),
        author: None,
    }];
    d
}

pub fn plain_docs() -> Vec<Document> {
    let a = "The mayor, Ana Duarte, said on Tuesday that 40 people were evacuated from Port Selby after the storm. \
Police said the harbour road was closed.";
    let b = "Port Selby officials said 55 people were evacuated on Tuesday. Ana Duarte said the harbour would reopen on Friday.";
    let mut da = Document::new("selby-gazette", a);
    da.meta.title = Some("Storm hits Port Selby".into());
    let mut db = Document::new("coast-wire", b);
    db.meta.title = Some("Evacuations in Port Selby".into());
    vec![da, db]
}

pub fn analyze(docs: Vec<Document>) -> Vec<Findings> {
    let models = Models::builtin().expect("models");
    docs.into_iter()
        .map(|d| analyze_document(d, models))
        .collect()
}

/// A temporary store holding the plain and the hostile documents.
pub fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let mut docs = plain_docs();
    docs.push(hostile_doc());
    let mut store = Store::open(&db).unwrap();
    store.add(&analyze(docs)).unwrap();
    (dir, db)
}

pub struct RawResponse {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_string())
        })
    }
}

/// Sends `request_line_and_headers` (without the final blank line) and reads
/// the whole response (the connection is closed by the server).
pub fn raw(addr: SocketAddr, method: &str, target: &str, extra: &str) -> RawResponse {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let req =
        format!("{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{extra}\r\n");
    s.write_all(req.as_bytes()).unwrap();
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    parse(&buf)
}

pub fn parse(buf: &[u8]) -> RawResponse {
    let split = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or(buf.len());
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let raw_body = buf.get(split + 4..).unwrap_or(&[]);
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let chunked = head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked");
    let body = if chunked {
        dechunk(raw_body)
    } else {
        raw_body.to_vec()
    };
    RawResponse {
        status,
        head,
        body: String::from_utf8_lossy(&body).to_string(),
    }
}

fn dechunk(mut rest: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(i) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = String::from_utf8_lossy(&rest[..i]).to_string();
        let n = usize::from_str_radix(size.split(';').next().unwrap_or("").trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        let after = &rest[i + 2..];
        out.extend_from_slice(&after[..n.min(after.len())]);
        rest = after.get(n + 2..).unwrap_or(&[]);
    }
    out
}

pub fn db_exists(p: &Path) -> bool {
    p.exists()
}
