//! The seed pages (if present beside the repository): the key names of the
//! story must come out with the right types. This test may name them; the
//! library may not.
use crosscheck_doc::Document;
use crosscheck_ner::{EntityType, Recognizer};
use std::collections::BTreeMap;
use std::path::Path;

/// For every token of the seeds: its text and the type of the mention
/// covering it (if any).
fn seed_tokens() -> Option<Vec<(String, Option<EntityType>)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/seeds");
    let entries = std::fs::read_dir(&dir).ok()?;
    let rec = Recognizer::builtin().unwrap();
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let doc = Document::new(p.display().to_string(), text);
        let (tokens, sentences) = crosscheck_tokenize::tokenize_document(&doc);
        let ms = rec.recognize(doc.text(), &tokens, &sentences);
        let mut label = vec![None; tokens.len()];
        for m in &ms {
            assert!(m.span.check(doc.text()).is_ok());
            for i in m.tokens.clone() {
                label[i] = Some(m.label);
            }
        }
        for (t, l) in tokens.iter().zip(label) {
            out.push((doc.slice(t.span).to_string(), l));
        }
    }
    Some(out)
}

#[test]
fn seed_names_are_typed() {
    let Some(toks) = seed_tokens() else {
        eprintln!("seeds not present; skipping");
        return;
    };
    let checks = [
        ("Tokayev", EntityType::Person),
        ("Tokaev", EntityType::Person),
        ("Nazarbayev", EntityType::Person),
        ("Nazarbaev", EntityType::Person),
        ("CSTO", EntityType::Org),
        ("BRI", EntityType::Org),
        ("Kazakh", EntityType::Norp),
        ("Kazakhs", EntityType::Norp),
        ("Kazakhstan", EntityType::Gpe),
        ("Russia", EntityType::Gpe),
    ];
    let mut bad = Vec::new();
    for (word, want) in checks {
        let mut got: BTreeMap<String, usize> = BTreeMap::new();
        let mut all = 0;
        for (t, l) in &toks {
            if t == word {
                all += 1;
                *got.entry(l.map_or("none".into(), |x| x.to_string()))
                    .or_default() += 1;
            }
        }
        let right = got.get(want.as_str()).copied().unwrap_or(0);
        let missed = got.get("none").copied().unwrap_or(0);
        eprintln!("{word}: {right}/{all} as {want} {got:?}");
        // Every mention found has the right type (one stray allowed among
        // many), and at least 80% of occurrences are found.
        let wrong = all - right - missed;
        if all == 0 || wrong * 50 > all || right * 10 < all * 8 {
            bad.push(format!(
                "{word}: {right} of {all} occurrences typed {want}: {got:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}
