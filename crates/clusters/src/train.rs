//! Learning a cluster model from text files.

use crate::corpus::{read_text_file, CorpusError};
use crate::exchange::{exchange, Graph};
use crate::{normalise, Clusters, Payload, FORMAT_VERSION, MAX_LEVELS, MODEL_KIND};
use crosscheck_doc::Span;
use crosscheck_learn::{model_file, ModelHeader};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Classes at the finest level; each coarser level has a quarter as many.
    pub classes: usize,
    /// Number of levels (at most [`MAX_LEVELS`]).
    pub levels: usize,
    /// Words seen fewer times are not clustered.
    pub min_count: usize,
    /// At most this many (most frequent) words are clustered.
    pub max_words: usize,
    /// Passes of the exchange algorithm per level.
    pub iters: usize,
    pub seed: u64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            classes: 1024,
            levels: 4,
            min_count: 2,
            max_words: 50_000,
            iters: 12,
            seed: 1,
        }
    }
}

/// Errors of [`train_files`].
#[derive(Debug, thiserror::Error)]
pub enum TrainError {
    #[error(transparent)]
    Corpus(#[from] CorpusError),
    #[error("cannot list {0}")]
    Io(String),
    #[error("bad settings: {0}")]
    Config(String),
    #[error(transparent)]
    Model(#[from] crosscheck_learn::ModelError),
    #[error(transparent)]
    Clusters(#[from] crate::ClustersError),
}

/// Corpus statistics of a training run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    pub tokens: usize,
    pub sentences: usize,
    pub types: usize,
    pub clustered: usize,
}

/// Files under `p` (itself if a file), sorted.
fn expand(p: &Path, out: &mut Vec<PathBuf>) -> Result<(), TrainError> {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .map_err(|e| TrainError::Io(format!("{}: {e}", p.display())))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            expand(&e, out)?;
        }
    } else {
        out.push(p.to_path_buf());
    }
    Ok(())
}

/// Sentences of normalised tokens of one text chunk.
fn sentences_of(text: &str, out: &mut Vec<Vec<String>>) {
    let toks = crosscheck_tokenize::tokenize(text, Span::new(0, text.len()));
    for s in crosscheck_tokenize::sentences(text, &toks) {
        let words: Vec<String> = toks
            .get(s.tokens.clone())
            .unwrap_or(&[])
            .iter()
            .filter_map(|t| text.get(t.span.start..t.span.end))
            .map(normalise)
            .collect();
        if !words.is_empty() {
            out.push(words);
        }
    }
}

/// Reads the text of `inputs` (files or directories), clusters its words
/// and returns the model file bytes. The header records the data (with
/// sizes), the command and the seed; progress goes to stderr.
pub fn train_files(
    inputs: &[PathBuf],
    cfg: &TrainConfig,
) -> Result<(Vec<u8>, Summary), TrainError> {
    if cfg.levels == 0 || cfg.levels > MAX_LEVELS || cfg.classes < 2 || cfg.classes > 16_000 {
        return Err(TrainError::Config(format!(
            "need 1..={MAX_LEVELS} levels and 2..=16000 classes"
        )));
    }
    let mut data = Vec::new();
    let mut sents: Vec<Vec<String>> = Vec::new();
    for input in inputs {
        let mut files = Vec::new();
        expand(input, &mut files)?;
        let mut bytes = 0u64;
        let before = sents.len();
        for f in &files {
            bytes += std::fs::metadata(f).map(|m| m.len()).unwrap_or(0);
            for chunk in read_text_file(f)? {
                sentences_of(&chunk, &mut sents);
            }
        }
        let desc =
            if files.len() == 1 && files.first().map(PathBuf::as_path) == Some(input.as_path()) {
                format!(
                    "{} ({bytes} bytes, {} sentences)",
                    input.display(),
                    sents.len() - before
                )
            } else {
                format!(
                    "{}/ ({} files, {bytes} bytes, {} sentences)",
                    input.display().to_string().trim_end_matches('/'),
                    files.len(),
                    sents.len() - before
                )
            };
        eprintln!("{desc}");
        data.push(desc);
    }
    let (bytes, summary) = train_sentences(&sents, cfg, data, command(inputs, cfg))?;
    Ok((bytes, summary))
}

/// The command line that reproduces a model.
pub fn command(inputs: &[PathBuf], cfg: &TrainConfig) -> String {
    format!(
        "crosscheck train clusters --text {} --out models/clusters.ccm --seed {} --classes {} --levels {} --min-count {} --max-words {} --iters {}",
        inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" "),
        cfg.seed,
        cfg.classes,
        cfg.levels,
        cfg.min_count,
        cfg.max_words,
        cfg.iters
    )
}

/// Clusters the words of already normalised sentences.
pub fn train_sentences(
    sents: &[Vec<String>],
    cfg: &TrainConfig,
    data: Vec<String>,
    command: String,
) -> Result<(Vec<u8>, Summary), TrainError> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    let mut tokens = 0usize;
    for s in sents {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
            tokens += 1;
        }
    }
    let types = counts.len();
    let mut vocab: Vec<(&str, usize)> = counts
        .into_iter()
        .filter(|&(_, c)| c >= cfg.min_count)
        .collect();
    // Most frequent first, ties by form: the order is fixed by the data alone.
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.truncate(cfg.max_words);
    let v = vocab.len();
    eprintln!("{tokens} tokens, {types} types, clustering {v} words");
    let index: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let (boundary, unk) = (v as u32, v as u32 + 1);
    let mut pairs: Vec<(u32, u32, u64)> = Vec::with_capacity(tokens + sents.len());
    let mut prev = boundary;
    for s in sents {
        for w in s {
            let id = index.get(w.as_str()).copied().unwrap_or(unk);
            pairs.push((prev, id, 1));
            prev = id;
        }
        pairs.push((prev, boundary, 1));
        prev = boundary;
    }
    let g = Graph::from_bigrams(v + 2, pairs);
    let mut fixed = vec![None; v + 2];
    fixed[v] = Some(0);
    fixed[v + 1] = Some(1);
    let k = cfg.classes.min(v.max(2));
    let t0 = std::time::Instant::now();
    let fine = exchange(&g, k, &fixed, cfg.seed, cfg.iters, &format!("{k} classes"));
    eprintln!("  {:.1}s", t0.elapsed().as_secs_f64());
    // Coarser levels: cluster the classes of the level below.
    let mut sizes = vec![k];
    let mut parents: Vec<Vec<u16>> = Vec::new();
    let mut below = fine.clone();
    let mut kb = k;
    let mut graph_below = g;
    for lvl in 1..cfg.levels {
        let ku = (k >> (2 * lvl)).max(2);
        if ku >= kb {
            break;
        }
        // Items: classes of the level below (+2 pinned), most frequent first.
        let kk = kb + 2;
        let m = graph_below.class_bigrams(&below, kk);
        let mut order: Vec<usize> = (0..kb).collect();
        let row_sum = |c: usize| {
            m.get(c * kk..(c + 1) * kk)
                .map_or(0, |r| r.iter().sum::<u64>())
        };
        order.sort_by(|&a, &b| row_sum(b).cmp(&row_sum(a)).then(a.cmp(&b)));
        order.push(kb);
        order.push(kb + 1);
        let mut pos = vec![0u32; kk];
        for (i, &c) in order.iter().enumerate() {
            pos[c] = i as u32;
        }
        let mut cp = Vec::new();
        for a in 0..kk {
            for b in 0..kk {
                let c = m[a * kk + b];
                if c > 0 {
                    cp.push((pos[a], pos[b], c));
                }
            }
        }
        let cg = Graph::from_bigrams(kk, cp);
        let mut cfixed = vec![None; kk];
        cfixed[kb] = Some(0);
        cfixed[kb + 1] = Some(1);
        let up = exchange(
            &cg,
            ku,
            &cfixed,
            cfg.seed.wrapping_add(lvl as u64),
            cfg.iters * 2,
            &format!("{ku} classes"),
        );
        // parent[c] for the level-below class c.
        let parent: Vec<u16> = (0..kb).map(|c| up[pos[c] as usize]).collect();
        // Re-express the graph at this level for the next one up.
        let lifted: Vec<u16> = (0..kk)
            .map(|c| {
                if c < kb {
                    parent[c]
                } else {
                    (ku + c - kb) as u16
                }
            })
            .collect();
        below = lifted;
        graph_below = graph_from_matrix(&m, kk);
        parents.push(parent);
        sizes.push(ku);
        kb = ku;
    }
    sizes.reverse();
    parents.reverse();
    let payload = Payload {
        levels: sizes.iter().map(|&s| s as u32).collect(),
        words: vocab.iter().map(|(w, _)| w.to_string()).collect(),
        classes: fine.iter().take(v).copied().collect(),
        parents,
    };
    let summary = Summary {
        tokens,
        sentences: sents.len(),
        types,
        clustered: v,
    };
    let header = ModelHeader {
        kind: MODEL_KIND.into(),
        version: FORMAT_VERSION,
        data,
        command,
        seed: cfg.seed,
        scores: serde_json::json!({
            "tokens": tokens,
            "sentences": sents.len(),
            "types": types,
            "clustered_words": v,
            "levels": sizes,
        }),
        extra: serde_json::to_value(&payload)
            .map_err(|e| crate::ClustersError::Malformed(e.to_string()))?,
    };
    let bytes = model_file::write(&header, &[])?;
    // Refuse to write what cannot be read back.
    Clusters::from_bytes(&bytes)?;
    Ok((bytes, summary))
}

fn graph_from_matrix(m: &[u64], kk: usize) -> Graph {
    let mut cp = Vec::new();
    for a in 0..kk {
        for b in 0..kk {
            if let Some(&c) = m.get(a * kk + b) {
                if c > 0 {
                    cp.push((a as u32, b as u32, c));
                }
            }
        }
    }
    Graph::from_bigrams(kk, cp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_corpus_groups_words_by_context() {
        let dets = ["the", "a", "this"];
        let nouns = ["cat", "dog", "bird", "horse"];
        let verbs = ["sleeps", "runs", "eats"];
        let advs = ["today", "again"];
        let mut sents = Vec::new();
        for d in dets {
            for n in nouns {
                for v in verbs {
                    for a in advs {
                        sents.push(vec![
                            d.to_string(),
                            n.into(),
                            v.into(),
                            a.into(),
                            ".".into(),
                        ]);
                    }
                }
            }
        }
        let cfg = TrainConfig {
            classes: 5,
            levels: 2,
            min_count: 1,
            ..TrainConfig::default()
        };
        let (bytes, s) = train_sentences(&sents, &cfg, vec![], "test".into()).unwrap();
        assert_eq!(s.clustered, 13);
        let c = Clusters::from_bytes(&bytes).unwrap();
        assert_eq!(c.levels(), 2);
        let fine = |w: &str| c.path(w).unwrap().level(1).unwrap();
        assert_eq!(fine("cat"), fine("Dog"));
        assert_eq!(fine("bird"), fine("horse"));
        assert_eq!(fine("the"), fine("this"));
        assert_eq!(fine("runs"), fine("eats"));
        assert_ne!(fine("cat"), fine("runs"));
        assert_ne!(fine("the"), fine("cat"));
        assert!(c.path("unicorn").is_none());
        // Deterministic.
        let (again, _) = train_sentences(&sents, &cfg, vec![], "test".into()).unwrap();
        assert_eq!(bytes, again);
    }
}
