//! Tag accuracy of a tagger trained on EWT train, on EWT dev, with top confusions.
use crosscheck_pos::conllu::read_conllu;
use std::collections::HashMap;
fn main() {
    let d = "/work/shared/datasets/ud-english-ewt/";
    let train =
        read_conllu(&std::fs::read_to_string(format!("{d}en_ewt-ud-train.conllu")).unwrap());
    let dev = read_conllu(&std::fs::read_to_string(format!("{d}en_ewt-ud-dev.conllu")).unwrap());
    let ex = crosscheck_pos::train::examples(&train);
    let dex = crosscheck_pos::train::examples(&dev);
    let cfg = crosscheck_pos::train::TrainConfig::default();
    let (bytes, s) =
        crosscheck_pos::train::train(&ex, &dex, &cfg, Vec::new(), String::new()).unwrap();
    println!(
        "pos dev: upos {:.4} xpos {:.4}",
        s.upos_accuracy(),
        s.xpos_accuracy()
    );
    let t = crosscheck_pos::Tagger::from_bytes(&bytes).unwrap();
    let mut conf: HashMap<(String, String), usize> = HashMap::new();
    let (mut n, mut cu, mut cx) = (0, 0, 0);
    for s in &dev {
        let w: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
        for (g, p) in s.words.iter().zip(t.tag(&w)) {
            n += 1;
            cu += (g.upos == p.upos.as_str()) as usize;
            cx += (g.xpos == p.xpos.as_str()) as usize;
            if g.xpos != p.xpos.as_str() {
                *conf
                    .entry((g.xpos.clone(), p.xpos.as_str().to_string()))
                    .or_default() += 1;
            }
        }
    }
    println!(
        "direct: upos {:.4} xpos {:.4}",
        cu as f64 / n as f64,
        cx as f64 / n as f64
    );
    let mut v: Vec<_> = conf.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1));
    for ((g, p), c) in v.iter().take(15) {
        println!("{g} -> {p}: {c}");
    }
}
