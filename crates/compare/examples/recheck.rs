//! Development aid: `recheck gold FILE` scores a gold set (as `crosscheck
//! eval compare`); `recheck brief FILE` re-runs the cross-check on a brief
//! JSON and prints the propositions that are not single-source.
use crosscheck_brief::Brief;
use crosscheck_compare::{cross_check, gold, CompareOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: recheck gold|brief FILE");
        return;
    };
    if mode == "items" {
        for c in crosscheck_compare::terms::clause_items(path) {
            println!("{:?} cond={} {:?}", c.range, c.conditional, c.items);
        }
        return;
    }
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let opts = CompareOptions::default();
    if mode == "gold" {
        let Ok(stories) = gold::parse_jsonl(&text) else {
            eprintln!("bad gold file");
            return;
        };
        let Ok(mut s) = gold::evaluate(&stories, &opts) else {
            return;
        };
        for e in std::mem::take(&mut s.errors) {
            eprintln!("{e}");
        }
        println!(
            "pair P {:.3} R {:.3} F {:.3} | b3 F {:.3} | stance {:.3} {:?} | status {:.3} {:?} | statusP {:.3} {:?}",
            s.pairwise.precision, s.pairwise.recall, s.pairwise.f1, s.bcubed.f1,
            s.stance_accuracy, s.stance_counts, s.status_accuracy, s.status_counts,
            s.status_precision, s.status_precision_counts
        );
        return;
    }
    let Ok(b) = serde_json::from_str::<Brief>(&text) else {
        eprintln!("bad brief");
        return;
    };
    let t = std::time::Instant::now();
    let cc = cross_check(&b, &opts);
    let claims: std::collections::HashMap<&str, &crosscheck_brief::Claim> =
        b.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let count = |s: &str| cc.propositions.iter().filter(|p| p.status == s).count();
    println!(
        "{} claims, {} propositions: {} consensus, {} contested ({:?})",
        b.claims.len(),
        cc.propositions.len(),
        count("consensus"),
        count("contested"),
        t.elapsed()
    );
    for p in cc
        .propositions
        .iter()
        .filter(|p| p.status != "single-source")
    {
        let st: Vec<String> = p
            .stances
            .iter()
            .map(|s| {
                format!(
                    "{}{}:{}",
                    s.doc.get(..3).unwrap_or(&s.doc),
                    if s.comment { "/c" } else { "" },
                    s.stance
                )
            })
            .collect();
        println!("== {} {} {}", p.id, p.status, st.join(" "));
        for c in &p.claims {
            if let Some(c) = claims.get(c.as_str()) {
                let short: String = c.text.chars().take(150).collect();
                println!(
                    "    {} {} {} {}",
                    c.id.get(..3).unwrap_or(""),
                    c.voice,
                    c.modality,
                    short.replace('\n', " ")
                );
            }
        }
    }
}
