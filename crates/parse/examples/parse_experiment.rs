//! Development runner: train on files, report dev scores with gold and with
//! the built-in tagger's tags, optionally save.
//! `cargo run --release -p crosscheck-parse --example parse_experiment -- \
//!   EPOCHS PRUNE_T PRUNE_L OUT DEV TRAIN...`
//! Env: FV (feature version), JK=FILE (training tags from a jackknife cache,
//! written with JKWRITE=FILE JKFOLDS=K), JKMIX=1 (train on gold and jackknifed copies).
use crosscheck_parse::{conllu, evaluate, train::train, Parser, TrainConfig};
use std::time::Instant;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let epochs: usize = a[1].parse().unwrap();
    let pt: f32 = a[2].parse().unwrap();
    let pl: f32 = a[3].parse().unwrap();
    let out = &a[4];
    let dev = conllu::read(&std::fs::read_to_string(&a[5]).unwrap());
    let mut data = Vec::new();
    for f in &a[6..] {
        data.extend(
            conllu::read(&std::fs::read_to_string(f).unwrap())
                .into_iter()
                .filter(conllu::is_open_license),
        );
    }
    if let Ok(path) = std::env::var("JKWRITE") {
        let k: usize = std::env::var("JKFOLDS")
            .map(|v| v.parse().unwrap())
            .unwrap_or(5);
        let mut tagged = data.clone();
        jackknife(&mut tagged, k);
        let mut s = String::new();
        for t in &tagged {
            s.push_str(&t.upos.join(" "));
            s.push('\t');
            s.push_str(&t.xpos.join(" "));
            s.push('\n');
        }
        std::fs::write(path, s).unwrap();
        return;
    }
    if let Ok(path) = std::env::var("JK") {
        let text = std::fs::read_to_string(path).unwrap();
        let mut jk = data.clone();
        for (s, line) in jk.iter_mut().zip(text.lines()) {
            let (u, x) = line.split_once('\t').unwrap();
            s.upos = u.split(' ').map(String::from).collect();
            s.xpos = x.split(' ').map(String::from).collect();
            assert_eq!(s.upos.len(), s.words.len());
        }
        if std::env::var("JKMIX").is_ok() {
            data.extend(jk);
        } else {
            data = jk;
        }
    }
    let cfg = TrainConfig {
        epochs,
        prune_trans: pt,
        prune_label: pl,
        seed: std::env::var("SEED")
            .map(|v| v.parse().unwrap())
            .unwrap_or(1),
        explore_p: std::env::var("EXPLORE")
            .map(|v| v.parse().unwrap())
            .unwrap_or(0.9),
        feature_version: std::env::var("FV")
            .map(|v| v.parse().unwrap())
            .unwrap_or(crosscheck_parse::FEATURE_VERSION),
        ..Default::default()
    };
    let t = Instant::now();
    let p = train(&data, &cfg, |m| {
        eprintln!("{:.0}s {m}", t.elapsed().as_secs_f64())
    })
    .unwrap();
    let bytes = p.to_bytes(Default::default()).unwrap();
    drop(p);
    std::fs::write(out, &bytes).unwrap();
    let p = Parser::from_bytes(&bytes).unwrap();
    let t0 = Instant::now();
    let g = evaluate(&p, &dev);
    let el = t0.elapsed().as_secs_f64();
    let tagger = crosscheck_pos::Tagger::builtin().unwrap();
    let mut pdev = dev.clone();
    retag(tagger, &mut pdev);
    let s = evaluate(&p, &pdev);
    println!(
        "{{\"out\":\"{out}\",\"epochs\":{epochs},\"bytes\":{},\"parse_tok_per_s\":{:.0},\"gold\":[{:.2},{:.2}],\"pred\":[{:.2},{:.2}]}}",
        bytes.len(),
        g.tokens as f64 / el,
        g.uas,
        g.las,
        s.uas,
        s.las
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
        .filter(|(i, _)| fold_of(*i, data.len(), k) != fold)
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
    // As the shipped tagger is trained (see models/pos.ccm's header).
    let cfg = crosscheck_pos::train::TrainConfig {
        prune: 1.0,
        case_aug: 0.01,
        ..Default::default()
    };
    let ex = crosscheck_pos::train::examples(&train);
    let (bytes, _) =
        crosscheck_pos::train::train(&ex, &[], &cfg, Vec::new(), String::new()).unwrap();
    crosscheck_pos::Tagger::from_bytes(&bytes).unwrap()
}

/// Contiguous folds (whole documents held out, as at test time) unless JKSTRIDE.
fn fold_of(i: usize, n: usize, k: usize) -> usize {
    if std::env::var("JKSTRIDE").is_ok() {
        i % k
    } else {
        i * k / n.max(1)
    }
}

fn jackknife(data: &mut [conllu::GoldSentence], k: usize) {
    let n = data.len();
    for fold in 0..k {
        let tagger = train_tagger(data, k, fold);
        for (i, s) in data.iter_mut().enumerate() {
            if fold_of(i, n, k) == fold {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let tags = tagger.tag(&words);
                s.upos = tags.iter().map(|t| t.upos.as_str().to_string()).collect();
                s.xpos = tags.iter().map(|t| t.xpos.as_str().to_string()).collect();
            }
        }
        eprintln!("jackknife fold {} done", fold + 1);
    }
}
