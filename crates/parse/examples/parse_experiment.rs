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
    let dev = conllu::read(&std::fs::read_to_string(&a[5]).unwrap());
    let mut data = Vec::new();
    for f in &a[6..] {
        data.extend(conllu::read(&std::fs::read_to_string(f).unwrap()));
    }
    let cfg = TrainConfig {
        epochs,
        prune_trans: pt,
        prune_label: pl,
        ..Default::default()
    };
    let t = Instant::now();
    let p = train(&data, &cfg, |m| eprintln!("{:.0}s {m}", t.elapsed().as_secs_f64())).unwrap();
    let bytes = p.to_bytes(Default::default()).unwrap();
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
