//! The HTML brief in a real browser: headless Debian chromium driven over
//! WebDriver (a few JSON calls to chromedriver, no client crate). Checks that
//! the page loads without console errors (a CSP hash mismatch would show up
//! here), that every section exists and that choosing a source filters items.
//! Runs against `crosscheck serve` and against a file from `brief --format html`.
//! Skips when chromium or chromedriver is missing (scripts/browser-deps.sh
//! installs them).

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SECTIONS: [&str; 9] = [
    "agreed", "disputed", "single", "matrix", "numbers", "whos-who", "timeline", "quotes",
    "sources",
];

fn find(cands: &[&str]) -> Option<PathBuf> {
    cands.iter().map(PathBuf::from).find(|p| p.is_file())
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Kills the child process when dropped.
struct Kill(Child);
impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 request with a JSON body; returns the JSON answer.
fn http(addr: SocketAddr, method: &str, path: &str, body: Option<&Value>) -> Value {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).unwrap();
    // chromedriver keeps connections open, so read by Content-Length.
    let mut r = BufReader::new(s);
    let mut len = None;
    let mut chunked = false;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let l = line.trim().to_ascii_lowercase();
        if l.is_empty() {
            break;
        }
        if let Some(v) = l.strip_prefix("content-length:") {
            len = v.trim().parse::<usize>().ok();
        }
        if l.starts_with("transfer-encoding:") && l.contains("chunked") {
            chunked = true;
        }
    }
    let mut raw = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            if r.read_line(&mut size).unwrap_or(0) == 0 {
                break;
            }
            let n =
                usize::from_str_radix(size.trim().split(';').next().unwrap_or(""), 16).unwrap_or(0);
            if n == 0 {
                break;
            }
            let mut chunk = vec![0; n + 2];
            r.read_exact(&mut chunk).unwrap();
            raw.extend_from_slice(&chunk[..n]);
        }
    } else if let Some(n) = len {
        raw = vec![0; n];
        r.read_exact(&mut raw).unwrap();
    } else {
        let _ = r.read_to_end(&mut raw);
    }
    serde_json::from_slice(&raw).unwrap_or(Value::Null)
}

struct Driver {
    addr: SocketAddr,
    session: String,
    _proc: Kill,
    _profile: tempfile::TempDir,
}

impl Driver {
    fn start(chromium: &Path, chromedriver: &Path) -> Driver {
        let port = free_port();
        let proc = Kill(
            Command::new(chromedriver)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start chromedriver"),
        );
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let t = Instant::now();
        while TcpStream::connect(addr).is_err() {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium.to_string_lossy(),
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--window-size=1280,1000",
                         format!("--user-data-dir={}", profile.path().display())]
            },
            "goog:loggingPrefs": {"browser": "ALL"}
        }}});
        let v = http(addr, "POST", "/session", Some(&caps));
        let session = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        Driver {
            addr,
            session,
            _proc: proc,
            _profile: profile,
        }
    }

    fn call(&self, method: &str, what: &str, body: Option<Value>) -> Value {
        let v = http(
            self.addr,
            method,
            &format!("/session/{}{what}", self.session),
            body.as_ref(),
        );
        assert!(v["value"].get("error").is_none(), "{what}: {v}");
        v["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn js(&self, script: &str) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": [] })),
        )
    }

    /// Browser console entries at level SEVERE since the last call.
    fn severe_logs(&self) -> Vec<String> {
        let v = http(
            self.addr,
            "POST",
            &format!("/session/{}/se/log", self.session),
            Some(&json!({"type": "browser"})),
        );
        v["value"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn click(&self, css: &str) {
        let el = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        let id = el
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(|v| v.as_str())
            .unwrap_or_else(|| panic!("no element {css}"))
            .to_string();
        self.call("POST", &format!("/element/{id}/click"), Some(json!({})));
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = http(
            self.addr,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
    }
}

const VISIBLE: &str = "return Array.from(document.querySelectorAll('.item')).filter(function (e) { return !e.classList.contains('hidden') && getComputedStyle(e).display !== 'none'; }).length;";

/// The checks shared by the served page and the file.
fn check_page(d: &Driver, url: &str) {
    d.go(url);
    let errors = d.severe_logs();
    assert!(errors.is_empty(), "{url}: console errors: {errors:?}");
    let missing = d.js(&format!(
        "return {:?}.filter(function (id) {{ return !document.getElementById(id); }});",
        SECTIONS
    ));
    assert_eq!(missing, json!([]), "{url}: missing sections");
    let total = d
        .js("return document.querySelectorAll('.item').length;")
        .as_u64()
        .unwrap();
    let before = d.js(VISIBLE).as_u64().unwrap();
    assert!(
        total > 0 && before == total,
        "{url}: {before} of {total} items visible before filtering"
    );
    let options = d
        .js("return document.querySelectorAll('#filter-doc option').length;")
        .as_u64()
        .unwrap();
    assert!(options >= 3, "{url}: too few sources to filter");
    d.click("#filter-doc option:nth-child(2)");
    let after = d.js(VISIBLE).as_u64().unwrap();
    assert!(
        after < before,
        "{url}: filtering by a source left {after} of {before} items"
    );
    let status = d.js("return document.getElementById('filter-count').textContent;");
    assert!(
        status
            .as_str()
            .unwrap_or("")
            .contains(&format!("{after} of {total}")),
        "{url}: {status}"
    );
    d.click("#filter-doc option:nth-child(1)");
    assert_eq!(
        d.js(VISIBLE).as_u64().unwrap(),
        before,
        "{url}: 'All sources' restores every item"
    );
    let errors = d.severe_logs();
    assert!(
        errors.is_empty(),
        "{url}: console errors after filtering: {errors:?}"
    );
}

#[test]
fn brief_works_in_chromium() {
    let (Some(chromium), Some(chromedriver)) = (
        find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]),
        find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]),
    ) else {
        eprintln!(
            "SKIP browser test: chromium/chromedriver not installed (run scripts/browser-deps.sh)"
        );
        return;
    };
    let corpus = root().join("examples/kestrel-bay");
    if !corpus.is_dir() {
        eprintln!("SKIP browser test: examples/kestrel-bay missing");
        return;
    }
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kb.db");
    let out = Command::new(bin)
        .arg("add")
        .arg(&corpus)
        .arg("--db")
        .arg(&db)
        .arg("--quiet")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "add: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = dir.path().join("brief.html");
    let out = Command::new(bin)
        .args(["brief", "--quiet", "--format", "html", "-o"])
        .arg(&html)
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "brief: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    let mut server = Kill(
        Command::new(bin)
            .arg("serve")
            .arg("--db")
            .arg(&db)
            .args(["--addr", "127.0.0.1:0"])
            .stderr(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut lines = BufReader::new(server.0.stderr.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("serve exited").unwrap();
        if let Some(i) = line.find("http://") {
            break line[i..].trim().to_string();
        }
    };
    // Keep draining stderr so the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});

    let d = Driver::start(&chromium, &chromedriver);
    // The console capture works (so an empty log means no errors).
    d.go(&url);
    d.js("console.error('probe-1234');");
    assert!(
        d.severe_logs().iter().any(|m| m.contains("probe-1234")),
        "browser log capture is not working"
    );
    check_page(&d, &url);
    check_page(&d, &format!("file://{}", html.display()));

    // The other served pages load without errors too.
    for path in ["search?q=strike", "documents"] {
        d.go(&format!("{url}{path}"));
        let errors = d.severe_logs();
        assert!(errors.is_empty(), "{path}: console errors: {errors:?}");
        let h1 = d.js("return document.querySelector('h1').textContent;");
        assert!(h1.as_str().is_some_and(|s| !s.is_empty()));
    }
    let marks = d.js("return document.querySelectorAll('mark').length;");
    assert!(
        marks.as_u64().unwrap_or(0) == 0,
        "documents page has no marks"
    );
    d.go(&format!("{url}search?q=strike"));
    assert!(
        d.js("return document.querySelectorAll('ol.hits mark').length;")
            .as_u64()
            .unwrap()
            > 0
    );
}
