//! Error analysis: where predicted tags cost attachment accuracy.
//! `cargo run --release -p crosscheck-parse --example parse_analysis -- MODEL DEV`
use crosscheck_parse::{conllu, Parser};
use std::collections::BTreeMap;

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let p = Parser::from_bytes(&std::fs::read(&a[1]).unwrap()).unwrap();
    let dev = conllu::read(&std::fs::read_to_string(&a[2]).unwrap());
    let tagger = crosscheck_pos::Tagger::builtin().unwrap();
    // rel -> [n, uas_g, las_g, uas_p, las_p]
    let mut by_rel: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    // bucket -> [n, las_g, las_p]
    let mut by_bucket: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    let mut conf: BTreeMap<(String, String), [usize; 3]> = BTreeMap::new();
    let (mut n, mut uok, mut xok) = (0, 0, 0);
    for s in &dev {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let tags = tagger.tag(&words);
        let pu: Vec<&str> = tags.iter().map(|t| t.upos.as_str()).collect();
        let px: Vec<&str> = tags.iter().map(|t| t.xpos.as_str()).collect();
        let gu: Vec<&str> = s.upos.iter().map(String::as_str).collect();
        let gx: Vec<&str> = s.xpos.iter().map(String::as_str).collect();
        let pg = p.parse(&words, &gu, &gx);
        let pp = p.parse(&words, &pu, &px);
        for i in 0..words.len() {
            n += 1;
            uok += (pu[i] == gu[i]) as usize;
            xok += (px[i] == gx[i]) as usize;
            let gh = s.heads[i];
            let gl = &s.deprels[i];
            let ok = |pr: &crosscheck_parse::Parse| {
                let h = pr.head(i).map(|h| h + 1).unwrap_or(0);
                let u = h == gh;
                let l = u && pr.deprel(i).map(|d| d.as_str() == gl).unwrap_or(false);
                (u as usize, l as usize)
            };
            let (ug, lg) = ok(&pg);
            let (up, lp) = ok(&pp);
            let e = by_rel.entry(gl.clone()).or_default();
            e[0] += 1;
            e[1] += ug;
            e[2] += lg;
            e[3] += up;
            e[4] += lp;
            let own_bad = pu[i] != gu[i] || px[i] != gx[i];
            let head_bad = gh > 0 && (pu[gh - 1] != gu[gh - 1] || px[gh - 1] != gx[gh - 1]);
            let sent_bad = (0..words.len()).any(|j| pu[j] != gu[j] || px[j] != gx[j]);
            let b = if own_bad {
                "own tag wrong"
            } else if head_bad {
                "head tag wrong"
            } else if sent_bad {
                "other tag in sentence wrong"
            } else {
                "sentence all tags right"
            };
            let e = by_bucket.entry(b).or_default();
            e[0] += 1;
            e[1] += lg;
            e[2] += lp;
            if pu[i] != gu[i] {
                let e = conf
                    .entry((gu[i].to_string(), pu[i].to_string()))
                    .or_default();
                e[0] += 1;
                e[1] += lg;
                e[2] += lp;
            }
        }
    }
    println!(
        "tokens {n} upos acc {:.4} xpos acc {:.4}",
        uok as f64 / n as f64,
        xok as f64 / n as f64
    );
    println!("\nbucket: n, LAS gold-tags, LAS pred-tags, lost tokens");
    for (b, e) in &by_bucket {
        println!(
            "{b:30} {:6} {:6.2} {:6.2} {:5}",
            e[0],
            100.0 * e[1] as f64 / e[0] as f64,
            100.0 * e[2] as f64 / e[0] as f64,
            e[1] as i64 - e[2] as i64
        );
    }
    println!("\nrel: n, UAS g/p, LAS g/p, LAS tokens lost to tags, LAS errors with pred tags");
    let mut rels: Vec<_> = by_rel.iter().collect();
    rels.sort_by_key(|(_, e)| std::cmp::Reverse(e[0] - e[4]));
    for (r, e) in rels.iter().take(30) {
        let pc = |x: usize| 100.0 * x as f64 / e[0] as f64;
        println!(
            "{r:14} {:6} {:6.2} {:6.2} {:6.2} {:6.2} {:5} {:5}",
            e[0],
            pc(e[1]),
            pc(e[3]),
            pc(e[2]),
            pc(e[4]),
            e[2] as i64 - e[4] as i64,
            e[0] - e[4]
        );
    }
    println!("\nupos confusion gold->pred: n, LAS g, LAS p");
    let mut c: Vec<_> = conf.iter().collect();
    c.sort_by_key(|(_, e)| std::cmp::Reverse(e[0]));
    for ((g, pr), e) in c.iter().take(25) {
        println!("{g:6} -> {pr:6} {:5} {:5} {:5}", e[0], e[1], e[2]);
    }
}
