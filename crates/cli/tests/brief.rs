//! End-to-end: the binary on the example corpus and on the seeds.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seeds() -> Option<PathBuf> {
    let p = root().join("../shared/corpus/seeds");
    p.is_dir().then_some(p)
}

fn brief(args: &[&str]) -> (Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("brief")
        .args(args)
        .args(["--quiet", "--include-text"])
        .output()
        .expect("run crosscheck");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "crosscheck failed: {stderr}");
    (
        serde_json::from_slice(&out.stdout).expect("JSON brief"),
        stderr,
    )
}

/// Every span in the brief slices valid UTF-8 of its document and, where
/// the item repeats its text, the slice is that text.
fn check_spans(b: &Value) {
    let texts: std::collections::HashMap<&str, &str> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| Some((d["id"].as_str()?, d["text"].as_str()?)))
        .collect();
    let mut n = 0;
    let mut check = |item: &Value, text_field: Option<&str>| {
        let doc = item["doc"].as_str().unwrap();
        let (s, e) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        let text = texts[doc];
        let slice = text
            .get(s..e)
            .unwrap_or_else(|| panic!("bad span {s}..{e} in {doc}"));
        if let Some(f) = text_field {
            assert_eq!(
                slice,
                item[f].as_str().unwrap(),
                "span text differs in {doc}"
            );
        }
        n += 1;
    };
    for k in ["claims", "quantities", "time_expressions"] {
        for item in b[k].as_array().unwrap() {
            check(item, Some("text"));
        }
    }
    for q in b["quotes"].as_array().unwrap() {
        check(q, None);
    }
    for e in b["entities"].as_array().unwrap() {
        for m in e["mentions"].as_array().unwrap() {
            check(m, Some("text"));
        }
    }
    for d in b["documents"].as_array().unwrap() {
        let text = texts[d["id"].as_str().unwrap()];
        for s in d["segments"].as_array().unwrap() {
            let (a, z) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            assert!(text.get(a..z).is_some(), "bad segment {a}..{z}");
        }
    }
    assert!(n > 0);
}

#[test]
fn example_corpus_brief_is_complete_and_deterministic() {
    let ex = root().join("examples/kestrel-bay");
    let (b, _) = brief(&[ex.to_str().unwrap()]);
    assert_eq!(b["schema"], "crosscheck.brief/1");
    let docs = b["documents"].as_array().unwrap();
    assert!(docs.len() >= 5, "{} documents", docs.len());
    for k in [
        "claims",
        "quotes",
        "quantities",
        "time_expressions",
        "propositions",
        "sources",
    ] {
        assert!(!b[k].as_array().unwrap().is_empty(), "{k} is empty");
    }
    check_spans(&b);
    let (again, _) = brief(&[ex.to_str().unwrap()]);
    assert_eq!(b, again, "output is not deterministic");
}

#[test]
fn markdown_and_html_render() {
    let ex = root().join("examples/kestrel-bay");
    for (fmt, needle) in [
        ("md", "## Who's who"),
        ("html", "<section id=\"whos-who\">"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["brief", ex.to_str().unwrap(), "--quiet", "--format", fmt])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(needle),
            "{fmt}"
        );
    }
}

#[test]
fn seeds_brief_has_the_expected_shape() {
    let Some(seeds) = seeds() else {
        eprintln!("seeds absent; skipping");
        return;
    };
    let (b, _) = brief(&[seeds.to_str().unwrap()]);
    let docs = b["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for d in docs {
        assert_eq!(d["status"], "analyzed", "{d}");
        assert_eq!(d["language"], "en");
    }
    check_spans(&b);
    // The blog with a comment thread: comments are separate segments with authors.
    let blog = docs
        .iter()
        .find(|d| d["id"].as_str().unwrap().starts_with("002"))
        .unwrap();
    let comments: Vec<&Value> = blog["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == "comment")
        .collect();
    assert!(comments.len() >= 5, "{} comments", comments.len());
    assert!(comments.iter().any(|c| c["author"].as_str().is_some()));
    // The fuel-price trigger is agreed by several sources.
    let claims: std::collections::HashMap<&str, &Value> = b["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c))
        .collect();
    let fuel = b["propositions"].as_array().unwrap().iter().find(|p| {
        p["status"] == "consensus"
            && p["claims"].as_array().unwrap().iter().any(|c| {
                claims[c.as_str().unwrap()]["text"]
                    .as_str()
                    .unwrap()
                    .to_lowercase()
                    .contains("fuel")
            })
    });
    let fuel = fuel.expect("a consensus proposition about fuel prices");
    assert!(fuel["stances"].as_array().unwrap().len() >= 2);
    // Foreign instigation: asserted by one source, disputed by another.
    let contested = b["propositions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["status"] == "contested")
        .count();
    assert!(contested >= 1, "no contested proposition");
    // Every status is backed by article stances (not comments) from different
    // documents: consensus by two supporters, contest by a supporter and a
    // disputer.
    let article_docs = |p: &Value, stance: &str| -> std::collections::BTreeSet<String> {
        p["stances"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["stance"] == stance && s["comment"] != true)
            .map(|s| s["doc"].as_str().unwrap().to_string())
            .collect()
    };
    for p in b["propositions"].as_array().unwrap() {
        let sup = article_docs(p, "supports");
        let dis = article_docs(p, "disputes");
        match p["status"].as_str().unwrap() {
            "consensus" => assert!(sup.len() >= 2 && dis.is_empty(), "{p}"),
            "contested" => assert!(
                !sup.is_empty() && !dis.is_empty() && sup.union(&dis).count() >= 2,
                "{p}"
            ),
            _ => {}
        }
    }
    // The contested claim mentions foreign involvement in some form.
    assert!(
        b["propositions"].as_array().unwrap().iter().any(|p| {
            p["status"] == "contested"
                && p["claims"].as_array().unwrap().iter().any(|c| {
                    let t = claims[c.as_str().unwrap()]["text"]
                        .as_str()
                        .unwrap()
                        .to_lowercase();
                    ["foreign", "abroad", "western", "external"]
                        .iter()
                        .any(|w| t.contains(w))
                })
        }),
        "no contested proposition about foreign involvement"
    );
    // Names resolved across spellings, and the city kept apart from the man.
    let ents = b["entities"].as_array().unwrap();
    let has = |e: &Value, s: &str| {
        e["name"] == s || e["aliases"].as_array().unwrap().iter().any(|a| a == s)
    };
    let tok = ents.iter().find(|e| has(e, "Tokayev")).expect("Tokayev");
    assert!(has(tok, "Tokaev"), "{tok}");
    assert_eq!(tok["type"], "PERSON");
    let naz = ents
        .iter()
        .find(|e| has(e, "Nazarbayev"))
        .expect("Nazarbayev");
    assert!(has(naz, "Nazarbaev"), "{naz}");
    let csto = ents.iter().find(|e| has(e, "CSTO")).expect("CSTO");
    assert_eq!(csto["type"], "ORG");
    assert!(csto["aliases"].as_array().unwrap().len() + 1 >= 2, "{csto}");
    if let Some(city) = ents.iter().find(|e| has(e, "Nur-Sultan")) {
        assert_ne!(city["id"], naz["id"]);
    }
    // Some claims are hedged, and one notes missing evidence.
    let all: Vec<&Value> = b["claims"].as_array().unwrap().iter().collect();
    assert!(all.iter().any(|c| c["modality"] == "hedged"));
    assert!(all.iter().any(|c| c["evidence"] == "noted-missing"));
    // Counts with their qualifiers.
    let q = b["quantities"].as_array().unwrap();
    assert!(
        q.iter()
            .any(|x| x["qualifier"] == "vague" && x["measure"] == "detained"),
        "several thousand people arrested"
    );
}

#[test]
fn bad_inputs_are_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("good.txt"),
        "Officials said on Tuesday that 12 people died when police cleared the port.\n",
    )
    .unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(
        d.join("binary.bin"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0],
    )
    .unwrap();
    std::fs::write(
        d.join("latin1.txt"),
        b"Caf\xe9 owners said the strike hurt trade in the old town.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("bad.jsonl"),
        "{\"id\": \"x\", \"text\": \"The union said the strike would go on.\"}\n{not json\n",
    )
    .unwrap();
    std::fs::write(d.join("french.txt"), "Les dockers ont déclaré mardi que la grève continuerait jusqu'à nouvel ordre, malgré les menaces du gouvernement.\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["brief", d.to_str().unwrap(), "--quiet"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let b: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"good.txt"), "{ids:?}");
    assert!(ids.contains(&"x"), "{ids:?}");
    assert!(stderr.contains("bad.jsonl"), "{stderr}");
    let fr = b["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "french.txt")
        .expect("french listed");
    assert_eq!(fr["status"], "skipped");
    assert!(fr["skip_reason"]
        .as_str()
        .unwrap()
        .starts_with("unsupported language"));
    // Nothing analysable at all: non-zero exit, still a message.
    let only_bad = tempfile::tempdir().unwrap();
    std::fs::write(only_bad.path().join("empty.txt"), "").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["brief", only_bad.path().to_str().unwrap(), "--quiet"])
        .output()
        .unwrap();
    assert!(!out.status.success());
}
