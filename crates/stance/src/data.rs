//! Readers for FNC-1 (bodies + stances CSV) and Emergent (claim/headline CSV).

use crate::{StanceError, StanceLabel};
use std::collections::BTreeMap;
use std::io::Read;

/// One FNC-1 headline/body pair.
#[derive(Debug, Clone)]
pub struct Pair {
    pub headline: String,
    pub body_id: u32,
    pub label: StanceLabel,
}

/// FNC-1 data: bodies by id and the labelled pairs.
#[derive(Debug, Clone, Default)]
pub struct FncData {
    pub bodies: BTreeMap<u32, String>,
    pub pairs: Vec<Pair>,
}

fn csv_err(e: csv::Error) -> StanceError {
    StanceError::Data(e.to_string())
}

fn col(headers: &csv::StringRecord, name: &str) -> Result<usize, StanceError> {
    headers
        .iter()
        .position(|h| h.trim() == name)
        .ok_or_else(|| StanceError::Data(format!("missing column {name:?}")))
}

impl FncData {
    /// Reads `train_bodies.csv`-style and `train_stances.csv`-style readers.
    pub fn read(bodies: impl Read, stances: impl Read) -> Result<FncData, StanceError> {
        let mut out = FncData::default();
        let mut r = csv::Reader::from_reader(bodies);
        let h = r.headers().map_err(csv_err)?.clone();
        let (ci, cb) = (col(&h, "Body ID")?, col(&h, "articleBody")?);
        for rec in r.records() {
            let rec = rec.map_err(csv_err)?;
            let id = parse_id(rec.get(ci))?;
            out.bodies.insert(id, rec.get(cb).unwrap_or("").to_string());
        }
        let mut r = csv::Reader::from_reader(stances);
        let h = r.headers().map_err(csv_err)?.clone();
        let (ch, ci, cs) = (
            col(&h, "Headline")?,
            col(&h, "Body ID")?,
            col(&h, "Stance")?,
        );
        for rec in r.records() {
            let rec = rec.map_err(csv_err)?;
            let body_id = parse_id(rec.get(ci))?;
            let s = rec.get(cs).unwrap_or("");
            let label = StanceLabel::parse(s)
                .ok_or_else(|| StanceError::Data(format!("unknown stance {s:?}")))?;
            if !out.bodies.contains_key(&body_id) {
                return Err(StanceError::Data(format!(
                    "stance refers to unknown body {body_id}"
                )));
            }
            out.pairs.push(Pair {
                headline: rec.get(ch).unwrap_or("").to_string(),
                body_id,
                label,
            });
        }
        Ok(out)
    }

    /// Reads the two files from disk.
    pub fn load(
        bodies: &std::path::Path,
        stances: &std::path::Path,
    ) -> Result<FncData, StanceError> {
        let open = |p: &std::path::Path| {
            std::fs::File::open(p).map_err(|e| StanceError::Data(format!("{}: {e}", p.display())))
        };
        FncData::read(open(bodies)?, open(stances)?)
    }

    /// Splits body ids into (train, dev) the fnc-1-baseline way: shuffle the
    /// sorted ids with a fixed seed and hold out a fraction of them.
    pub fn split_bodies(&self, seed: u64, holdout: f64) -> (Vec<u32>, Vec<u32>) {
        let mut ids: Vec<u32> = self.bodies.keys().copied().collect();
        crosscheck_learn::Rng::new(seed).shuffle(&mut ids);
        let n_dev = ((ids.len() as f64) * holdout.clamp(0.0, 1.0)).round() as usize;
        let n_train = ids.len() - n_dev;
        let dev = ids.split_off(n_train);
        ids.sort_unstable();
        let mut dev = dev;
        dev.sort_unstable();
        (ids, dev)
    }

    /// A harder split, closer to the FNC-1 test (new claims): topics are the
    /// connected components of headlines and bodies linked by related pairs;
    /// a fraction of topics is held out, and dev keeps only pairs whose body
    /// and headline never occur in train. Returns pair indices (train, dev).
    pub fn split_topics(&self, seed: u64, holdout: f64) -> (Vec<usize>, Vec<usize>) {
        // Union-find over nodes: bodies first, then distinct headlines.
        let body_ix: BTreeMap<u32, usize> = self
            .bodies
            .keys()
            .enumerate()
            .map(|(i, &id)| (id, i))
            .collect();
        let mut head_ix: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &self.pairs {
            let n = body_ix.len() + head_ix.len();
            head_ix.entry(p.headline.as_str()).or_insert(n);
        }
        let mut parent: Vec<usize> = (0..body_ix.len() + head_ix.len()).collect();
        fn find(parent: &mut [usize], mut x: usize) -> usize {
            while parent[x] != x {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            x
        }
        for p in &self.pairs {
            if p.label != StanceLabel::Unrelated {
                let (Some(&a), Some(&b)) =
                    (body_ix.get(&p.body_id), head_ix.get(p.headline.as_str()))
                else {
                    continue;
                };
                let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
                if ra != rb {
                    parent[ra.max(rb)] = ra.min(rb);
                }
            }
        }
        let mut roots: Vec<usize> = (0..parent.len()).map(|i| find(&mut parent, i)).collect();
        let mut topics = roots.clone();
        topics.sort_unstable();
        topics.dedup();
        crosscheck_learn::Rng::new(seed).shuffle(&mut topics);
        let n_dev = ((topics.len() as f64) * holdout.clamp(0.0, 1.0)).round() as usize;
        let dev_topics: std::collections::BTreeSet<usize> =
            topics.into_iter().take(n_dev).collect();
        let is_dev: Vec<bool> = roots.drain(..).map(|r| dev_topics.contains(&r)).collect();
        let (mut train, mut dev) = (Vec::new(), Vec::new());
        for (i, p) in self.pairs.iter().enumerate() {
            let node = |i: Option<&usize>| i.and_then(|&i| is_dev.get(i)).copied();
            let (Some(b), Some(h)) = (
                node(body_ix.get(&p.body_id)),
                node(head_ix.get(p.headline.as_str())),
            ) else {
                continue;
            };
            if b && h {
                dev.push(i);
            } else if !b && !h {
                train.push(i);
            }
        }
        (train, dev)
    }
}

fn parse_id(s: Option<&str>) -> Result<u32, StanceError> {
    let s = s.unwrap_or("").trim();
    s.parse()
        .map_err(|_| StanceError::Data(format!("bad body id {s:?}")))
}

/// One Emergent row: claim, article headline and stance mapped to FNC labels.
#[derive(Debug, Clone)]
pub struct EmergentRow {
    pub claim: String,
    pub headline: String,
    pub label: StanceLabel,
    pub claim_id: String,
}

/// Reads the Emergent CSV (`claimHeadline`, `articleHeadline`, `articleHeadlineStance`).
pub fn read_emergent(rd: impl Read) -> Result<Vec<EmergentRow>, StanceError> {
    let mut r = csv::Reader::from_reader(rd);
    let h = r.headers().map_err(csv_err)?.clone();
    let (cc, ch, cs) = (
        col(&h, "claimHeadline")?,
        col(&h, "articleHeadline")?,
        col(&h, "articleHeadlineStance")?,
    );
    let cid = col(&h, "claimId").ok();
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(csv_err)?;
        let s = rec.get(cs).unwrap_or("");
        let label = match s {
            "for" => StanceLabel::Agree,
            "against" => StanceLabel::Disagree,
            "observing" => StanceLabel::Discuss,
            _ => return Err(StanceError::Data(format!("unknown Emergent stance {s:?}"))),
        };
        out.push(EmergentRow {
            claim: rec.get(cc).unwrap_or("").to_string(),
            headline: rec.get(ch).unwrap_or("").to_string(),
            label,
            claim_id: cid.and_then(|c| rec.get(c)).unwrap_or("").to_string(),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_csv_and_splits_by_body() {
        let bodies = "Body ID,articleBody\n1,\"A body, with \"\"quotes\"\"\nand lines\"\n2,Other\n3,Third\n4,Four\n5,Five\n";
        let stances = "Headline,Body ID,Stance\nSome head,1,agree\n\"Other, head\",2,unrelated\n";
        let d = FncData::read(bodies.as_bytes(), stances.as_bytes()).unwrap();
        assert_eq!(d.bodies.len(), 5);
        assert!(d.bodies[&1].contains("\"quotes\"\nand"));
        assert_eq!(d.pairs[1].headline, "Other, head");
        assert_eq!(d.pairs[0].label, StanceLabel::Agree);
        let (tr, dev) = d.split_bodies(7, 0.4);
        assert_eq!(tr.len(), 3);
        assert_eq!(dev.len(), 2);
        assert!(tr.iter().all(|i| !dev.contains(i)));
        assert_eq!(d.split_bodies(7, 0.4), (tr, dev));
    }

    #[test]
    fn topic_split_keeps_topics_apart() {
        let bodies = "Body ID,articleBody\n1,a\n2,b\n3,c\n4,d\n";
        let stances = "Headline,Body ID,Stance\nH1,1,agree\nH1,2,discuss\nH2,3,agree\nH3,4,agree\nH2,1,unrelated\n";
        let d = FncData::read(bodies.as_bytes(), stances.as_bytes()).unwrap();
        for seed in 0..5 {
            let (tr, dev) = d.split_topics(seed, 0.5);
            assert!(!dev.is_empty() || !tr.is_empty());
            for &i in &dev {
                for &j in &tr {
                    assert_ne!(d.pairs[i].body_id, d.pairs[j].body_id);
                    assert_ne!(d.pairs[i].headline, d.pairs[j].headline);
                }
            }
        }
    }

    #[test]
    fn bad_rows_are_errors() {
        let bodies = "Body ID,articleBody\n1,x\n";
        assert!(FncData::read(
            bodies.as_bytes(),
            "Headline,Body ID,Stance\nh,9,agree\n".as_bytes()
        )
        .is_err());
        assert!(FncData::read(
            bodies.as_bytes(),
            "Headline,Body ID,Stance\nh,1,maybe\n".as_bytes()
        )
        .is_err());
        assert!(FncData::read("nope\n1\n".as_bytes(), "".as_bytes()).is_err());
    }

    #[test]
    fn reads_emergent() {
        let csv = ",claimHeadline,articleHeadline,articleHeadlineStance,articleId,claimId\n0,C,H,against,a,c1\n";
        let rows = read_emergent(csv.as_bytes()).unwrap();
        assert_eq!(rows[0].label, StanceLabel::Disagree);
        assert_eq!(rows[0].claim_id, "c1");
    }
}
