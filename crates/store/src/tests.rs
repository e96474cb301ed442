use super::*;
use crosscheck_doc::Document;

fn findings(id: &str, text: &str) -> Findings {
    Findings::empty(Document::new(id, text))
}

#[test]
fn adding_twice_is_idempotent() {
    let mut s = Store::in_memory().unwrap();
    let a = findings("a.txt", "The strike closed the port of Vell.");
    let r = s.add(std::slice::from_ref(&a)).unwrap();
    assert_eq!(r.added, vec!["a.txt"]);
    let r = s.add(&[a]).unwrap();
    assert!(r.added.is_empty());
    assert_eq!(r.already_stored, vec!["a.txt"]);
    assert_eq!(s.count().unwrap(), 1);
}

#[test]
fn same_id_new_text_gets_a_suffix() {
    let mut s = Store::in_memory().unwrap();
    s.add(&[findings("a.txt", "one")]).unwrap();
    let r = s.add(&[findings("a.txt", "two")]).unwrap();
    assert_eq!(r.added, vec!["a.txt~2"]);
    let all = s.load_all().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].doc.id, "a.txt~2");
    assert_eq!(all[1].doc.text(), "two");
}

#[test]
fn search_finds_words_and_ignores_syntax() {
    let mut s = Store::in_memory().unwrap();
    s.add(&[
        findings("a.txt", "Dockworkers walked out in Port Vell on Tuesday."),
        findings("b.txt", "The ministry denied any deaths."),
    ])
    .unwrap();
    let hits = s.search("dockworkers", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, "a.txt");
    assert!(hits[0].snippet.contains('\u{2}'));
    // FTS operators and quotes are just words here.
    assert!(s.search("\" OR * NEAR(", 10).unwrap().is_empty());
    assert_eq!(s.search("ministry AND", 10).unwrap().len(), 0);
}

#[test]
fn reopening_keeps_data_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.add(&[findings("a.txt", "x")]).unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.count().unwrap(), 1);
    assert_eq!(s.integrity_check().unwrap(), "ok");
    assert!(s.stale().unwrap().is_empty());
}
