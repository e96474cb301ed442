//! The BERT encoder proper (feature `bert`): candle forward pass, pooling,
//! normalisation.

use crate::{EmbedError, EmbedOptions};
use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use std::path::{Path, PathBuf};
use tokenizers::{Tokenizer, TruncationParams};

/// Fallback input length when neither the model nor its tokenizer says.
const DEFAULT_MAX_LENGTH: usize = 256;

/// How token vectors become one sentence vector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pooling {
    Mean,
    Cls,
}

pub(crate) struct Bert {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
    dim: usize,
    max_length: usize,
    batch_size: usize,
    pooling: Pooling,
    tokenizer_path: PathBuf,
}

fn inference(e: impl std::fmt::Display) -> EmbedError {
    EmbedError::Inference(e.to_string())
}

fn read_json(path: &Path) -> Result<serde_json::Value, EmbedError> {
    let raw = std::fs::read(path).map_err(|source| EmbedError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&raw).map_err(|e| EmbedError::Config {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

fn load_config(path: &Path) -> Result<Config, EmbedError> {
    let bad = |message: String| EmbedError::Config {
        path: path.to_path_buf(),
        message,
    };
    let value = read_json(path)?;
    if let Some(t) = value.get("model_type").and_then(|v| v.as_str()) {
        if t != "bert" {
            return Err(bad(format!(
                "model_type {t:?} is not supported (only BERT-style models)"
            )));
        }
    }
    let config: Config = serde_json::from_value(value).map_err(|e| bad(e.to_string()))?;
    if config.hidden_size == 0
        || config.num_attention_heads == 0
        || !config
            .hidden_size
            .is_multiple_of(config.num_attention_heads)
    {
        return Err(bad(format!(
            "hidden_size {} is not a positive multiple of num_attention_heads {}",
            config.hidden_size, config.num_attention_heads
        )));
    }
    if config.vocab_size == 0 || config.max_position_embeddings < 2 || config.type_vocab_size == 0 {
        return Err(bad(format!(
            "vocab_size {}, max_position_embeddings {} and type_vocab_size {} must be positive",
            config.vocab_size, config.max_position_embeddings, config.type_vocab_size
        )));
    }
    Ok(config)
}

/// `max_seq_length` from `sentence_bert_config.json`, when present.
fn sentence_bert_max_length(dir: &Path) -> Result<Option<usize>, EmbedError> {
    let path = dir.join("sentence_bert_config.json");
    if !path.is_file() {
        return Ok(None);
    }
    let v = read_json(&path)?;
    Ok(v.get("max_seq_length")
        .and_then(|m| m.as_u64())
        .and_then(|m| usize::try_from(m).ok()))
}

/// Pooling from `1_Pooling/config.json`; mean when absent.
fn pooling(dir: &Path) -> Result<Pooling, EmbedError> {
    let path = dir.join("1_Pooling").join("config.json");
    if !path.is_file() {
        return Ok(Pooling::Mean);
    }
    let v = read_json(&path)?;
    let flag = |k: &str| v.get(k).and_then(|b| b.as_bool()).unwrap_or(false);
    let others = [
        "pooling_mode_max_tokens",
        "pooling_mode_mean_sqrt_len_tokens",
        "pooling_mode_weightedmean_tokens",
        "pooling_mode_lasttoken",
    ];
    if let Some(k) = others.iter().find(|k| flag(k)) {
        return Err(EmbedError::Config {
            path,
            message: format!("{k} is not supported (only mean or CLS pooling)"),
        });
    }
    match (
        flag("pooling_mode_mean_tokens"),
        flag("pooling_mode_cls_token"),
    ) {
        (_, false) => Ok(Pooling::Mean),
        (false, true) => Ok(Pooling::Cls),
        (true, true) => Err(EmbedError::Config {
            path,
            message: "combined mean and CLS pooling is not supported".into(),
        }),
    }
}

impl Bert {
    pub(crate) fn load(dir: &Path, opts: &EmbedOptions) -> Result<Bert, EmbedError> {
        let config_path = dir.join("config.json");
        let weights_path = dir.join("model.safetensors");
        let tokenizer_path = dir.join("tokenizer.json");
        let config = load_config(&config_path)?;
        let pooling = pooling(dir)?;

        let tok_err = |message: String| EmbedError::Tokenizer {
            path: tokenizer_path.clone(),
            message,
        };
        let mut tokenizer =
            Tokenizer::from_file(&tokenizer_path).map_err(|e| tok_err(e.to_string()))?;
        let tokenizer_max = tokenizer.get_truncation().map(|t| t.max_length);
        let wanted = match opts.max_length {
            Some(m) => m,
            None => sentence_bert_max_length(dir)?
                .or(tokenizer_max)
                .unwrap_or(DEFAULT_MAX_LENGTH),
        };
        // Position embeddings bound the input length.
        let max_length = wanted.clamp(2, config.max_position_embeddings);
        tokenizer
            .with_truncation(Some(TruncationParams {
                max_length,
                ..Default::default()
            }))
            .map_err(|e| tok_err(e.to_string()))?;
        // Padding is done per batch, to the batch's longest text.
        tokenizer.with_padding(None);
        let tokenizer_vocab = tokenizer.get_vocab_size(true);
        if tokenizer_vocab > config.vocab_size {
            return Err(EmbedError::Dims {
                path: dir.to_path_buf(),
                message: format!(
                    "tokenizer.json has {tokenizer_vocab} tokens but config.json's vocab_size is {}",
                    config.vocab_size
                ),
            });
        }

        let device = Device::Cpu;
        let bytes = std::fs::read(&weights_path).map_err(|source| EmbedError::Io {
            path: weights_path.clone(),
            source,
        })?;
        let weights_err = |e: candle_core::Error| EmbedError::Weights {
            path: weights_path.clone(),
            message: e.to_string(),
        };
        let vb = VarBuilder::from_buffered_safetensors(bytes, DType::F32, &device)
            .map_err(weights_err)?;
        let model = BertModel::load(vb, &config).map_err(weights_err)?;
        Ok(Bert {
            model,
            tokenizer,
            device,
            dim: config.hidden_size,
            max_length,
            batch_size: opts.batch_size.max(1),
            pooling,
            tokenizer_path,
        })
    }

    pub(crate) fn dim(&self) -> usize {
        self.dim
    }

    pub(crate) fn max_length(&self) -> usize {
        self.max_length
    }

    /// Vectors in input order, and the number of batches run.
    pub(crate) fn encode(&self, texts: &[&str]) -> Result<(Vec<Vec<f32>>, usize), EmbedError> {
        if texts.is_empty() {
            return Ok((Vec::new(), 0));
        }
        let encodings = self
            .tokenizer
            .encode_batch(texts.to_vec(), true)
            .map_err(|e| EmbedError::Tokenizer {
                path: self.tokenizer_path.clone(),
                message: e.to_string(),
            })?;
        // Batch texts of similar length together (less padding); a stable
        // sort keeps this deterministic.
        let mut order: Vec<usize> = (0..encodings.len()).collect();
        order.sort_by_key(|&i| encodings.get(i).map_or(0, |e| e.get_ids().len()));
        let mut out: Vec<Vec<f32>> = vec![Vec::new(); texts.len()];
        let mut batches = 0;
        for chunk in order.chunks(self.batch_size) {
            let batch: Vec<&tokenizers::Encoding> =
                chunk.iter().filter_map(|&i| encodings.get(i)).collect();
            let vectors = self.encode_batch(&batch)?;
            if vectors.len() != chunk.len() {
                return Err(inference(format!(
                    "{} vectors for {} texts",
                    vectors.len(),
                    chunk.len()
                )));
            }
            for (&i, v) in chunk.iter().zip(vectors) {
                if let Some(slot) = out.get_mut(i) {
                    *slot = v;
                }
            }
            batches += 1;
        }
        Ok((out, batches))
    }

    fn encode_batch(&self, batch: &[&tokenizers::Encoding]) -> Result<Vec<Vec<f32>>, EmbedError> {
        let n = batch.len();
        let len = batch
            .iter()
            .map(|e| e.get_ids().len())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut ids = vec![0u32; n * len];
        let mut mask = vec![0u32; n * len];
        for (row, e) in batch.iter().enumerate() {
            let base = row * len;
            for (j, (&id, &m)) in e
                .get_ids()
                .iter()
                .zip(e.get_attention_mask())
                .take(len)
                .enumerate()
            {
                if let (Some(slot), Some(mslot)) = (ids.get_mut(base + j), mask.get_mut(base + j)) {
                    *slot = id;
                    *mslot = m;
                }
            }
        }
        let ids = Tensor::from_vec(ids, (n, len), &self.device).map_err(inference)?;
        let mask = Tensor::from_vec(mask, (n, len), &self.device).map_err(inference)?;
        let types = ids.zeros_like().map_err(inference)?;
        let hidden = self
            .model
            .forward(&ids, &types, Some(&mask))
            .map_err(inference)?;
        let pooled = match self.pooling {
            Pooling::Mean => {
                let m = mask
                    .to_dtype(DType::F32)
                    .and_then(|m| m.unsqueeze(2))
                    .map_err(inference)?;
                let sum = hidden
                    .broadcast_mul(&m)
                    .and_then(|h| h.sum(1))
                    .map_err(inference)?;
                // Every encoding has at least [CLS] and [SEP]; the clamp
                // only guards against a degenerate tokenizer.
                let count = m.sum(1).and_then(|c| c.clamp(1e-9f32, f32::MAX));
                let count = count.map_err(inference)?;
                sum.broadcast_div(&count).map_err(inference)?
            }
            Pooling::Cls => hidden
                .narrow(1, 0, 1)
                .and_then(|h| h.squeeze(1))
                .map_err(inference)?,
        };
        let norm = pooled
            .sqr()
            .and_then(|s| s.sum_keepdim(1))
            .and_then(|s| s.sqrt())
            .and_then(|s| s.clamp(1e-12f32, f32::MAX))
            .map_err(inference)?;
        let unit = pooled.broadcast_div(&norm).map_err(inference)?;
        let rows: Vec<Vec<f32>> = unit.to_vec2().map_err(inference)?;
        if rows.iter().any(|r| r.len() != self.dim) {
            return Err(inference(format!(
                "model output is not {}-dimensional",
                self.dim
            )));
        }
        Ok(rows)
    }
}
