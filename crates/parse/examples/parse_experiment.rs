//! Development runner: train on files, report dev scores, optionally save.
//! `cargo run --release -p crosscheck-parse --example parse_experiment -- \
//!   EPOCHS PRUNE_T PRUNE_L OUT DEV TRAIN...`
use crosscheck_parse::{conllu, evaluate, train::train, Parser, TrainConfig};
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let epochs: usize = a[1].parse().unwrap();
    let pt: f32 = a[2].parse().unwrap();
    let pl: f32 = a[3].parse().unwrap();
    let out = &a[4];
    let mut dev = conllu::read(&std::fs::read_to_string(&a[5]).unwrap());
    let mut data = Vec::new();
    for f in &a[6..] {
        data.extend(
            conllu::read(&std::fs::read_to_string(f).unwrap())
                .into_iter()
                .filter(conllu::is_open_license),
        );
    }
    let cfg = TrainConfig {
        epochs,
        prune_trans: pt,
        prune_label: pl,
        feature_version: std::env::var("FV")
            .map(|v| v.parse().unwrap())
            .unwrap_or(crosscheck_parse::FEATURE_VERSION),
        ..Default::default()
    };
    if std::env::var("PRED").is_ok() {
        // A tagger trained on all training data (the shipped one may be a placeholder).
        let tagger = train_tagger(&data, usize::MAX, 0);
        retag(&tagger, &mut dev);
        eprintln!("dev retagged");
    }
    if let Ok(k) = std::env::var("JK") {
        let k: usize = k.parse().unwrap();
        jackknife(&mut data, k);
    }
    let t = Instant::now();
    let p = train(&data, &cfg, |m| {
        eprintln!("{:.0}s {m}", t.elapsed().as_secs_f64())
    })
    .unwrap();
    let bytes = p.to_bytes(Default::default()).unwrap();
    drop(p);
    std::fs::write(out, &bytes).unwrap();
    let t0 = Instant::now();
    let p = Parser::from_bytes(&bytes).unwrap();
    let load = t0.elapsed();
    let t0 = Instant::now();
    let s = evaluate(&p, &dev);
    let el = t0.elapsed().as_secs_f64();
    println!(
        "{{\"epochs\":{epochs},\"bytes\":{},\"load_ms\":{:.0},\"tok_per_s\":{:.0},\"scores\":{}}}",
        bytes.len(),
        load.as_secs_f64() * 1000.0,
        s.tokens as f64 / el,
        serde_json::to_string(&s).unwrap()
    );
}

fn retag(tagger: &crosscheck_pos::Tagger, data: &mut [conllu::GoldSentence]) {
    for s in data {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let tags = tagger.tag(&words);
        s.upos = tags.iter().map(|t| t.upos.as_str().to_string()).collect();
        s.xpos = tags.iter().map(|t| t.xpos.as_str().to_string()).collect();
    }
}

fn train_tagger(data: &[conllu::GoldSentence], k: usize, fold: usize) -> crosscheck_pos::Tagger {
    use crosscheck_pos::conllu::{ConlluSentence, ConlluWord};
    let train: Vec<ConlluSentence> = data
        .iter()
        .enumerate()
        .filter(|(i, _)| k == usize::MAX || i % k != fold)
        .map(|(_, s)| ConlluSentence {
            words: s
                .words
                .iter()
                .zip(&s.upos)
                .zip(&s.xpos)
                .map(|((w, u), x)| ConlluWord {
                    form: w.clone(),
                    upos: u.clone(),
                    xpos: x.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    let cfg = crosscheck_pos::train::TrainConfig::default();
    let ex = crosscheck_pos::train::examples(&train);
    let (bytes, _) =
        crosscheck_pos::train::train(&ex, &[], &cfg, Vec::new(), String::new()).unwrap();
    crosscheck_pos::Tagger::from_bytes(&bytes).unwrap()
}

fn jackknife(data: &mut [conllu::GoldSentence], k: usize) {
    use crosscheck_pos::conllu::{ConlluSentence, ConlluWord};
    let all: Vec<ConlluSentence> = data
        .iter()
        .map(|s| ConlluSentence {
            words: s
                .words
                .iter()
                .zip(&s.upos)
                .zip(&s.xpos)
                .map(|((w, u), x)| ConlluWord {
                    form: w.clone(),
                    upos: u.clone(),
                    xpos: x.clone(),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    let _ = all;
    for fold in 0..k {
        let tagger = train_tagger(data, k, fold);
        let mut fold_sents: Vec<conllu::GoldSentence> = data
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k == fold)
            .map(|(_, s)| s.clone())
            .collect();
        retag(&tagger, &mut fold_sents);
        let mut it = fold_sents.into_iter();
        for (i, s) in data.iter_mut().enumerate() {
            if i % k == fold {
                *s = it.next().unwrap();
            }
        }
        eprintln!("jackknife fold {} done", fold + 1);
    }
}
