//! Measures the alternative design: XPOS first, then UPOS from XPOS.
//! `cargo run --release -p crosscheck-pos --example pos_xpos_first -- DEV TRAIN...`
use crosscheck_pos::conllu::read_conllu;
use crosscheck_pos::train::{examples, experiment_xpos_first, hyphen_joined, TrainConfig};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dev, train @ ..] = args.as_slice() else {
        return Err("usage: DEV TRAIN...".into());
    };
    let mut data = Vec::new();
    for f in train {
        let s = read_conllu(&std::fs::read_to_string(f)?);
        data.extend(examples(&s));
        data.extend(hyphen_joined(&s));
    }
    let dev = examples(&read_conllu(&std::fs::read_to_string(dev)?));
    let cfg = TrainConfig {
        prune: 1.0,
        ..TrainConfig::default()
    };
    let (u, x) = experiment_xpos_first(&data, &dev, &cfg);
    println!("xpos-first: upos {u:.4} xpos {x:.4}");
    Ok(())
}
