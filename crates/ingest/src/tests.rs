use super::*;
use proptest::prelude::*;

const ARTICLE: &str = "Port strike spreads to second terminal\n\nBy Jane Roe\n\nMarch 4, 2021\n\nDock workers at the western terminal of Port Averne joined the strike on Wednesday, the union said. The ministry called the stoppage illegal and said talks would not resume until the gates reopened.\n\nShare this:\n";

fn opts() -> IngestOptions {
    IngestOptions::default()
}

fn one(name: &str, bytes: &[u8], format: Option<Format>) -> Result<Document, IngestError> {
    let mut r = read_bytes(name, bytes, format, &opts());
    assert_eq!(r.len(), 1);
    r.remove(0)
}

fn tmpdir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cc-ingest-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn text_document_is_prepared() {
    let d = one("a.txt", ARTICLE.as_bytes(), Some(Format::Text)).unwrap();
    assert_eq!(d.id, "a.txt");
    assert_eq!(d.status, DocStatus::Analyzed);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Port strike spreads to second terminal")
    );
    assert_eq!(d.meta.author.as_deref(), Some("Jane Roe"));
    assert_eq!(d.meta.published, NaiveDate::from_ymd_opt(2021, 3, 4));
    assert_eq!(d.meta.date_source, DateSource::Text);
    assert_eq!(d.meta.language.as_deref(), Some("en"));
    assert!(d
        .segments
        .iter()
        .any(|s| s.kind == SegmentKind::Boilerplate));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn date_override_wins() {
    let mut o = opts();
    o.dates
        .insert("a.txt".into(), NaiveDate::from_ymd_opt(2021, 3, 5).unwrap());
    let d = read_bytes("a.txt", ARTICLE.as_bytes(), None, &o)
        .remove(0)
        .unwrap();
    assert_eq!(d.meta.published, NaiveDate::from_ymd_opt(2021, 3, 5));
    assert_eq!(d.meta.date_source, DateSource::Input);
}

#[test]
fn bad_inputs() {
    match one("x.bin", b"\x00\x01\x02abc", None) {
        Err(IngestError::Binary { doc, .. }) => assert_eq!(doc, "x.bin"),
        other => panic!("{other:?}"),
    }
    let noise: Vec<u8> = (0..2000u32).map(|i| (i * 37 % 256) as u8 | 0x80).collect();
    assert!(matches!(
        one("n", &noise, None),
        Err(IngestError::Binary { .. })
    ));
    let d = one("e.txt", b"  \n\n ", Some(Format::Text)).unwrap();
    assert_eq!(d.status, DocStatus::Skipped);
    assert_eq!(d.skip_reason.as_deref(), Some("empty document"));
    let mut bad = ARTICLE.as_bytes().to_vec();
    bad.insert(60, 0xff);
    let d = one("u.txt", &bad, Some(Format::Text)).unwrap();
    assert!(
        d.warnings.iter().any(|w| w.contains("invalid UTF-8")),
        "{:?}",
        d.warnings
    );
    let mut o = opts();
    o.max_bytes = 10;
    let r = read_bytes("big.txt", ARTICLE.as_bytes(), None, &o);
    assert!(matches!(&r[0], Err(IngestError::TooLarge { doc, .. }) if doc == "big.txt"));
}

#[test]
fn jsonl_lines() {
    let jsonl = format!(
        "{}\n{{not json\n\n{}\n{}\n{}\n",
        serde_json::json!({"id": "w1", "text": ARTICLE, "date": "2021-03-06", "outlet": "Example Wire", "url": "https://example.org/a"}),
        serde_json::json!({"id": "w1", "text": "Short note."}),
        serde_json::json!({"id": "w3"}),
        serde_json::json!({"id": "w4", "text": ARTICLE, "lang": "de"}),
    );
    let r = read_bytes("feed.jsonl", jsonl.as_bytes(), Some(Format::Jsonl), &opts());
    assert_eq!(r.len(), 5);
    let d = r[0].as_ref().unwrap();
    assert_eq!(d.meta.published, NaiveDate::from_ymd_opt(2021, 3, 6));
    assert_eq!(d.meta.date_source, DateSource::Input);
    assert_eq!(d.meta.outlet.as_deref(), Some("Example Wire"));
    assert!(
        matches!(&r[1], Err(IngestError::JsonLine { line: 2, doc, .. }) if doc == "feed.jsonl")
    );
    let d2 = r[2].as_ref().unwrap();
    assert_eq!(d2.id, "w1-2");
    assert!(d2.warnings.iter().any(|w| w.contains("assumed English")));
    assert!(matches!(&r[3], Err(IngestError::JsonLine { line: 5, doc, .. }) if doc == "w3"));
    let d4 = r[4].as_ref().unwrap();
    assert_eq!(d4.skip_reason.as_deref(), Some("unsupported language: de"));
}

#[test]
fn jsonl_declared_language() {
    let line = serde_json::json!({"id": "w4", "text": ARTICLE, "lang": "de-DE"}).to_string();
    let d = one("f.jsonl", line.as_bytes(), None).unwrap();
    assert_eq!(d.status, DocStatus::Skipped);
    assert_eq!(d.skip_reason.as_deref(), Some("unsupported language: de"));
}

#[test]
fn sniffing_unknown_extensions() {
    assert_eq!(
        sniff("<!DOCTYPE html><html><body><p>x</p></body></html>"),
        Format::Html
    );
    assert_eq!(sniff("{\"id\": \"a\", \"text\": \"b\"}\n"), Format::Jsonl);
    assert_eq!(sniff("Plain words.\n{not json}"), Format::Text);
    assert_eq!(sniff("<3 is a heart"), Format::Text);
}

#[test]
fn foreign_languages_are_skipped() {
    for (text, code) in [
        ("Grève au port\n\nLes dockers du port d'Averne se sont mis en grève mardi après l'échec des négociations avec le ministère, a déclaré le syndicat. La police a arrêté douze personnes.\n", "fr"),
        ("Streik im Hafen\n\nDie Hafenarbeiter von Averne sind am Dienstag in den Streik getreten, nachdem die Gespräche mit dem Ministerium gescheitert waren. Die Polizei nahm zwölf Menschen fest.\n", "de"),
        ("Забастовка в порту\n\nПортовые рабочие Аверна объявили забастовку во вторник после провала переговоров с министерством, сообщил профсоюз. Полиция задержала двенадцать человек.\n", "ru"),
    ] {
        let d = one("f.txt", text.as_bytes(), Some(Format::Text)).unwrap();
        assert_eq!(d.status, DocStatus::Skipped, "{code}");
        assert_eq!(d.skip_reason, Some(format!("unsupported language: {code}")));
        assert_eq!(d.meta.language.as_deref(), Some(code));
    }
}

#[test]
fn html_document_uses_extractor() {
    let html = "<!doctype html><html lang=\"en\"><head><title>Strike at the port</title>\
        <meta property=\"article:published_time\" content=\"2021-03-04T10:00:00Z\"></head><body><article>\
        <h1>Strike at the port</h1><p>Dock workers at the western terminal of Port Averne joined the strike on Wednesday, the union said.</p>\
        <p>The ministry called the stoppage illegal and said talks would not resume until the gates reopened, according to a statement.</p>\
        </article></body></html>";
    let d = one("p.html", html.as_bytes(), None).unwrap();
    assert_eq!(d.status, DocStatus::Analyzed, "{:?}", d.skip_reason);
    assert!(d.text().contains("Dock workers"));
    assert!(d.segments.iter().any(|s| s.kind == SegmentKind::Body));
    for s in &d.segments {
        assert!(s.span.check(d.text()).is_ok());
    }
}

#[test]
fn collect_walks_directories() {
    let dir = tmpdir("walk");
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::write(dir.join("b.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("a.html"), "<p>x</p>").unwrap();
    std::fs::write(dir.join(".hidden.txt"), "x").unwrap();
    std::fs::write(dir.join(".git").join("c.txt"), "x").unwrap();
    std::fs::write(dir.join("sub").join("c.md"), "x").unwrap();
    std::fs::write(dir.join("photo.png"), "x").unwrap();
    let (srcs, errs) = collect_inputs(&[dir.clone(), dir.join("missing.txt"), PathBuf::from("-")]);
    let names: Vec<String> = srcs.iter().map(|s| s.name()).collect();
    assert_eq!(names, vec!["a.html", "b.txt", "c.md", "stdin"]);
    assert_eq!(errs.len(), 1);
    assert!(errs[0].to_string().contains("missing.txt"));
    // Reading through a path.
    let r = read_input(&InputSource::File(dir.join("b.txt")), &opts());
    assert!(r[0].is_ok());
    let r = read_input(&InputSource::File(dir.join("nope.txt")), &opts());
    assert!(matches!(&r[0], Err(IngestError::Io { doc, .. }) if doc == "nope.txt"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_ids_unique_and_duplicates_marked() {
    let dir = tmpdir("batch");
    std::fs::create_dir_all(dir.join("x")).unwrap();
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("x").join("a.txt"), ARTICLE).unwrap();
    let b = ingest(std::slice::from_ref(&dir), &opts());
    assert_eq!(b.docs.len(), 2);
    assert_eq!(b.docs[0].id, "a.txt");
    assert_eq!(b.docs[1].id, "a.txt-2");
    assert_eq!(b.docs[1].duplicate_of.as_deref(), Some("a.txt"));
    let _ = std::fs::remove_dir_all(&dir);
}

proptest! {
    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), fmt in 0usize..5) {
        let format = [None, Some(Format::Text), Some(Format::Html), Some(Format::Jsonl), Some(Format::Markdown)][fmt];
        for d in read_bytes("p", &bytes, format, &opts()).into_iter().flatten() {
            for s in &d.segments {
                prop_assert!(s.span.check(d.text()).is_ok());
            }
        }
    }
}

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds")
}

#[test]
fn seeds_are_english_dated_and_distinct() {
    let dir = seed_dir();
    if !dir.is_dir() {
        eprintln!("seeds absent: skipped");
        return;
    }
    let b = ingest(std::slice::from_ref(&dir), &opts());
    assert!(b.errors.is_empty(), "{:?}", b.errors);
    assert!(b.docs.len() >= 5);
    for d in &b.docs {
        assert_eq!(
            d.status,
            DocStatus::Analyzed,
            "{}: {:?}",
            d.id,
            d.skip_reason
        );
        assert_eq!(d.meta.language.as_deref(), Some("en"), "{}", d.id);
        assert!(d.meta.title.is_some(), "{}", d.id);
        assert_eq!(d.duplicate_of, None, "{}", d.id);
    }
    let blog = b
        .docs
        .iter()
        .find(|d| d.text().starts_with("Monday, January 24, 2022"));
    if let Some(blog) = blog {
        assert_eq!(blog.meta.published, NaiveDate::from_ymd_opt(2022, 1, 24));
        assert_eq!(blog.meta.date_source, DateSource::Text);
    }
    // The same pages again are all copies of the first batch.
    let mut twice: Vec<Document> = b.docs.iter().chain(b.docs.iter()).cloned().collect();
    unique_ids(&mut twice);
    mark_duplicates(&mut twice);
    let n = b.docs.len();
    for (i, d) in twice.iter().enumerate().skip(n) {
        assert_eq!(d.duplicate_of.as_deref(), Some(twice[i - n].id.as_str()));
    }
}

#[test]
fn example_corpus_reads_cleanly() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/kestrel-bay");
    let b = ingest(std::slice::from_ref(&dir), &opts());
    assert!(b.errors.is_empty(), "{:?}", b.errors);
    assert_eq!(b.docs.len(), 6);
    let skipped: Vec<_> = b
        .docs
        .iter()
        .filter(|d| d.status == DocStatus::Skipped)
        .collect();
    assert_eq!(skipped.len(), 1);
    assert_eq!(
        skipped[0].skip_reason.as_deref(),
        Some("unsupported language: fr")
    );
    let blog = b
        .docs
        .iter()
        .find(|d| d.id == "harbour-watch-blog.txt")
        .unwrap();
    let comments: Vec<_> = blog
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Comment)
        .collect();
    assert_eq!(comments.len(), 5);
    assert_eq!(comments[1].author.as_deref(), Some("Pieter Voss"));
    for d in b.docs.iter().filter(|d| d.status == DocStatus::Analyzed) {
        assert!(d.meta.published.is_some(), "{} has no date", d.id);
    }
}

#[test]
fn jsonl_html_records_are_extracted() {
    let html = "<html><head><title>Page title</title></head><body><article><p>Dock workers at the western terminal of Port Averne joined the strike on Wednesday, the union said in a statement to reporters.</p><p>The ministry called the stoppage illegal and said talks would not resume until the gates reopened.</p></article></body></html>";
    let line =
        serde_json::json!({"id": 7, "html": html, "title": "Record title", "date": "2021-03-04"})
            .to_string();
    let d = one("f.jsonl", line.as_bytes(), None).unwrap();
    assert_eq!(d.id, "7");
    assert!(d.text().contains("western terminal"));
    assert!(!d.text().contains("<p>"));
    assert_eq!(d.meta.title.as_deref(), Some("Record title"));
    assert_eq!(d.meta.date_source, DateSource::Input);
    assert_eq!(d.meta.published, NaiveDate::from_ymd_opt(2021, 3, 4));
}
