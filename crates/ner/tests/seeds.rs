//! The seed pages (if present beside the repository): the key names of the
//! story must come out with the right types. This test may name them; the
//! library may not.
use crosscheck_doc::Document;
use crosscheck_ner::{EntityType, Recognizer};
use std::collections::BTreeMap;
use std::path::Path;

/// surface -> (type -> count) over every seed document.
fn seed_mentions() -> Option<BTreeMap<String, BTreeMap<EntityType, usize>>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let entries = std::fs::read_dir(&dir).ok()?;
    let rec = Recognizer::builtin().unwrap();
    let mut out: BTreeMap<String, BTreeMap<EntityType, usize>> = BTreeMap::new();
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let doc = Document::new(p.display().to_string(), text);
        let (tokens, sentences) = crosscheck_tokenize::tokenize_document(&doc);
        let ms = rec.recognize(doc.text(), &tokens, &sentences);
        for m in ms {
            let s = doc.slice(m.span).to_string();
            assert!(m.span.check(doc.text()).is_ok());
            *out.entry(s).or_default().entry(m.label).or_default() += 1;
        }
    }
    Some(out)
}

fn share(
    found: &BTreeMap<String, BTreeMap<EntityType, usize>>,
    surface: &str,
    t: EntityType,
) -> (usize, usize) {
    let Some(by) = found.get(surface) else {
        return (0, 0);
    };
    (by.get(&t).copied().unwrap_or(0), by.values().sum())
}

#[test]
fn seed_names_are_typed() {
    let Some(found) = seed_mentions() else {
        eprintln!("seeds not present; skipping");
        return;
    };
    let checks = [
        ("Tokayev", EntityType::Person, 20),
        ("Nazarbayev", EntityType::Person, 4),
        ("Nazarbaev", EntityType::Person, 2),
        ("CSTO", EntityType::Org, 15),
        ("BRI", EntityType::Org, 4),
        ("Kazakh", EntityType::Norp, 8),
        ("Kazakhstan", EntityType::Gpe, 80),
        ("Russia", EntityType::Gpe, 30),
    ];
    let mut bad = Vec::new();
    for (s, t, min) in checks {
        let (right, all) = share(&found, s, t);
        eprintln!("{s}: {right}/{all} as {t}");
        if right < min || right * 10 < all * 9 {
            bad.push(format!(
                "{s}: {right} of {all} mentions typed {t} (want >= {min}, >= 90%)"
            ));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
