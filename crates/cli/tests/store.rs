//! The embedded store through the CLI: idempotent adds, and an add killed
//! midway leaves the store as it was.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
}

fn write_corpus(dir: &Path, n: usize) {
    for i in 0..n {
        let text = format!(
            "Dock workers in Port Vell stayed away for a {i}th day on Tuesday, the union said.\n\n\
             Police said {} people had been detained since the strike began, and the ministry denied \
             that anyone had been killed. Reportedly, talks may resume next week.\n",
            40 + i
        );
        std::fs::write(dir.join(format!("report-{i:04}.txt")), text.repeat(30)).unwrap();
    }
}

fn count(db: &Path) -> usize {
    let out = bin()
        .args(["list", "--db", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).lines().count()
}

#[test]
fn adding_twice_stores_once_and_briefs_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("in");
    std::fs::create_dir(&corpus).unwrap();
    write_corpus(&corpus, 3);
    let db = dir.path().join("c.db");
    for _ in 0..2 {
        let out = bin()
            .args([
                "add",
                corpus.to_str().unwrap(),
                "--db",
                db.to_str().unwrap(),
                "--quiet",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(count(&db), 3);
    let out = bin()
        .args(["brief", "--db", db.to_str().unwrap(), "--quiet"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let b: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(b["documents"].as_array().unwrap().len(), 3);
}

#[test]
fn killing_an_add_midway_keeps_the_store_intact() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first");
    let big = dir.path().join("big");
    std::fs::create_dir(&first).unwrap();
    std::fs::create_dir(&big).unwrap();
    write_corpus(&first, 2);
    write_corpus(&big, 400);
    let db = dir.path().join("c.db");
    let ok = bin()
        .args([
            "add",
            first.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--quiet",
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    assert_eq!(count(&db), 2);

    let mut child = bin()
        .args([
            "add",
            big.to_str().unwrap(),
            "--db",
            db.to_str().unwrap(),
            "--quiet",
            "--jobs",
            "1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    std::thread::sleep(Duration::from_millis(700));
    let finished_early = child.try_wait().unwrap().is_some();
    let _ = child.kill();
    let _ = child.wait();
    let n = count(&db);
    if finished_early {
        // A very fast machine: the add completed; all or nothing still holds.
        assert_eq!(n, 402);
    } else {
        assert_eq!(
            n,
            2,
            "a killed add left partial data after {:?}",
            start.elapsed()
        );
    }
    let store = crosscheck_store::Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
}
