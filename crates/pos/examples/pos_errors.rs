//! Error analysis of a model on a CoNLL-U file: known vs unknown words and top confusions.
//! `cargo run --release -p crosscheck-pos --example pos_errors -- MODEL DEV TRAIN...`
use crosscheck_pos::conllu::read_conllu;
use crosscheck_pos::train::examples;
use crosscheck_pos::{Tagger, Upos};
use std::collections::{BTreeMap, HashSet};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, dev, train @ ..] = args.as_slice() else {
        return Err("usage: MODEL DEV TRAIN...".into());
    };
    let clusters = match std::env::var("CLUSTERS") {
        Ok(p) if p != "none" => Some(std::sync::Arc::new(
            crosscheck_clusters::Clusters::from_bytes(&std::fs::read(p)?)?,
        )),
        _ => None,
    };
    let mut tagger = Tagger::from_bytes_with_clusters(&std::fs::read(model)?, clusters)?;
    if let Ok(g) = std::env::var("GATE") {
        tagger.set_second_pass_gate(g.parse()?);
    }
    let mut vocab = HashSet::new();
    for f in train {
        for ex in examples(&read_conllu(&std::fs::read_to_string(f)?)) {
            vocab.extend(ex.words);
        }
    }
    let dev_sents = read_conllu(&std::fs::read_to_string(dev)?);
    let dev = if std::env::var("JOINED").is_ok() {
        crosscheck_pos::train::hyphen_joined(&dev_sents)
    } else {
        examples(&dev_sents)
    };
    let (mut kn, mut kc, mut un, mut uc) = (0, 0, 0, 0);
    let mut conf = BTreeMap::new();
    for ex in &dev {
        let w: Vec<&str> = ex.words.iter().map(String::as_str).collect();
        for (i, t) in tagger.tag(&w).iter().enumerate() {
            let ok = t.upos.index() == ex.upos[i] as usize;
            if vocab.contains(&ex.words[i]) {
                kn += 1;
                kc += ok as usize;
            } else {
                un += 1;
                uc += ok as usize;
            }
            if !ok {
                let g = Upos::from_index(ex.upos[i] as usize).unwrap();
                *conf.entry(format!("{} -> {}", g, t.upos)).or_insert(0) += 1;
            }
        }
    }
    println!(
        "known {kc}/{kn} = {:.4}; unknown {uc}/{un} = {:.4}",
        kc as f64 / kn as f64,
        uc as f64 / un as f64
    );
    let mut v: Vec<_> = conf.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (k, n) in v.iter().take(15) {
        println!("{k}: {n}");
    }
    Ok(())
}
