//! Development helper mirroring `crosscheck train ner` / `eval ner`:
//! `ner_tool train OUT SEED EPOCHS TRAIN... -- DEV...` or `ner_tool eval MODEL FILE`.
use crosscheck_ner::data::{load_path, Format};
use crosscheck_ner::training::{run, TrainJob};
use crosscheck_ner::{eval, Recognizer};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("train") => {
            let out = PathBuf::from(&args[1]);
            let seed = args[2].parse()?;
            let epochs = args[3].parse()?;
            let rest = &args[4..];
            let split = rest.iter().position(|a| a == "--").unwrap_or(rest.len());
            let job = TrainJob {
                train: rest[..split].iter().map(PathBuf::from).collect(),
                dev: rest
                    .get(split + 1..)
                    .unwrap_or(&[])
                    .iter()
                    .map(PathBuf::from)
                    .collect(),
                text: std::env::var("TEXT")
                    .map(|t| t.split(',').map(PathBuf::from).collect())
                    .unwrap_or_default(),
                out,
                seed,
                epochs,
                config: crosscheck_ner::TrainConfig {
                    upper_rate: std::env::var("UPPER")
                        .ok()
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0.08),
                    lower_rate: std::env::var("LOWER")
                        .ok()
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0.08),
                    prune: std::env::var("PRUNE")
                        .ok()
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0.0),
                    word_dropout: std::env::var("WDROP")
                        .ok()
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0.0),
                    clusters: std::env::var("CLUSTERS").is_ok(),
                    ..Default::default()
                },
            };
            run(&job, |l| eprintln!("{l}"))?;
        }
        Some("eval") => {
            let bytes = std::fs::read(&args[1])?;
            let rec = Recognizer::from_bytes(&bytes)?;
            let p = PathBuf::from(&args[2]);
            let mut docs = load_path(&p, Format::of_path(&p), false)?;
            let case = std::env::var("CASE").unwrap_or_default();
            for d in docs.iter_mut() {
                for st in d.sentences.iter_mut() {
                    for w in st.words.iter_mut() {
                        match case.as_str() {
                            "upper" => *w = w.to_uppercase(),
                            "lower" => *w = w.to_lowercase(),
                            _ => {}
                        }
                    }
                }
            }
            println!("{}", eval::evaluate(&rec, &docs));
        }
        Some("errors") => {
            let bytes = std::fs::read(&args[1])?;
            let rec = Recognizer::from_bytes(&bytes)?;
            let p = PathBuf::from(&args[2]);
            let docs = load_path(&p, Format::of_path(&p), false)?;
            for d in &docs {
                let words: Vec<Vec<&str>> = d
                    .sentences
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str).collect())
                    .collect();
                let found = rec.tag_document(&words);
                for (s, ms) in d.sentences.iter().zip(found) {
                    let pred = crosscheck_ner::mentions_to_bio(s.words.len(), &ms);
                    let g = crosscheck_ner::data::bio_spans(&s.labels);
                    let pr = crosscheck_ner::data::bio_spans(&pred);
                    let fmt = |v: &[(usize, usize, String)]| {
                        v.iter()
                            .map(|(a, b, t)| format!("[{} {}]", s.words[*a..*b].join(" "), t))
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    let gs = fmt(&g);
                    let ps = fmt(&pr);
                    if gs != ps {
                        println!("S: {}\n  G: {}\n  P: {}", s.words.join(" "), gs, ps);
                    }
                }
            }
        }
        Some("text") => {
            let bytes = std::fs::read(&args[1])?;
            let rec = Recognizer::from_bytes(&bytes)?;
            for f in &args[2..] {
                let doc = crosscheck_doc::Document::new(f.clone(), std::fs::read_to_string(f)?);
                let (toks, sents) = crosscheck_tokenize::tokenize_document(&doc);
                for m in rec.recognize(doc.text(), &toks, &sents) {
                    println!("{}\t{}\t{:.2}", doc.slice(m.span), m.label, m.score);
                }
            }
        }
        _ => eprintln!("usage: ner_tool train|eval …"),
    }
    Ok(())
}
