//! Model file format:
//!
//! ```text
//! b"CCMODEL1" | u32 LE header length | header JSON | for each weight table:
//!   u32 n_classes | u32 n_keys | f32 scale | n_keys × u64 keys | n_keys×n_classes × i16 weights
//! ```
//! Weights are quantised to i16 against the table's largest magnitude: a
//! model is about 10 bytes per feature-class pair, and loads with one pass.
//! The JSON header records how the model was made (data, command, seed,
//! scores) plus any stage-specific data (label names, tag dictionaries).

use crate::Model;
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 8] = b"CCMODEL1";

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a crosscheck model file (bad magic)")]
    BadMagic,
    #[error("model file is truncated")]
    Truncated,
    #[error("model header is not valid JSON: {0}")]
    Header(#[from] serde_json::Error),
    #[error("model file has {found} weight tables, expected {expected}")]
    TableCount { expected: usize, found: usize },
    #[error("model was trained for another stage: {0}")]
    WrongKind(String),
}

/// Provenance and stage data stored at the head of a model file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ModelHeader {
    /// Which stage the model is for, e.g. "pos", "ner".
    pub kind: String,
    /// Format version of the stage's features.
    pub version: u32,
    /// Training data files (paths relative to the repository, with sizes/hashes).
    pub data: Vec<String>,
    /// The command that reproduces the model.
    pub command: String,
    pub seed: u64,
    /// Scores on the dev data, e.g. {"upos_accuracy": 0.97}.
    pub scores: serde_json::Value,
    /// Stage-specific payload (label names, dictionaries…).
    pub extra: serde_json::Value,
}

impl ModelHeader {
    /// Errors unless the header's kind is `kind`.
    pub fn expect_kind(&self, kind: &str) -> Result<(), ModelError> {
        if self.kind == kind {
            Ok(())
        } else {
            Err(ModelError::WrongKind(self.kind.clone()))
        }
    }
}

/// Serialises a header and weight tables.
pub fn write(header: &ModelHeader, tables: &[&Model]) -> Result<Vec<u8>, ModelError> {
    let head = serde_json::to_vec(header)?;
    let mut out = Vec::with_capacity(16 + head.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(head.len() as u32).to_le_bytes());
    out.extend_from_slice(&head);
    out.extend_from_slice(&(tables.len() as u32).to_le_bytes());
    for m in tables {
        let max = m.weights.iter().fold(0f32, |a, w| a.max(w.abs()));
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        out.extend_from_slice(&(m.n_classes() as u32).to_le_bytes());
        out.extend_from_slice(&(m.keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for k in &m.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for w in &m.weights {
            let q = (w / scale).round().clamp(i16::MIN as f32, i16::MAX as f32) as i16;
            out.extend_from_slice(&q.to_le_bytes());
        }
    }
    Ok(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// Reads a model file written by [`write`].
pub fn read(bytes: &[u8]) -> Result<(ModelHeader, Vec<Model>), ModelError> {
    let mut r = Reader { bytes, pos: 0 };
    if r.take(8)? != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let hlen = r.u32()? as usize;
    let header: ModelHeader = serde_json::from_slice(r.take(hlen)?)?;
    let n_tables = r.u32()? as usize;
    let mut tables = Vec::with_capacity(n_tables.min(16));
    for _ in 0..n_tables {
        let n_classes = r.u32()? as usize;
        let n_keys = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| ModelError::Truncated)?);
        let kb = r.take(n_keys.checked_mul(8).ok_or(ModelError::Truncated)?)?;
        let keys: Vec<u64> = kb
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect();
        let n_w = n_keys.checked_mul(n_classes).ok_or(ModelError::Truncated)?;
        let wb = r.take(n_w.checked_mul(2).ok_or(ModelError::Truncated)?)?;
        let weights: Vec<f32> = wb
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale)
            .collect();
        tables.push(Model::from_parts(n_classes, keys, weights));
    }
    Ok((header, tables))
}

/// Reads a model file that must hold exactly `n` tables of kind `kind`.
pub fn read_expect(
    bytes: &[u8],
    kind: &str,
    n: usize,
) -> Result<(ModelHeader, Vec<Model>), ModelError> {
    let (h, t) = read(bytes)?;
    h.expect_kind(kind)?;
    if t.len() != n {
        return Err(ModelError::TableCount {
            expected: n,
            found: t.len(),
        });
    }
    Ok((h, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Perceptron;

    #[test]
    fn round_trips_within_quantisation() {
        let mut p = Perceptron::new(3);
        for i in 0..50u64 {
            p.tick();
            p.update(&[i, i + 1000], (i % 3) as usize, ((i + 1) % 3) as usize);
        }
        let m = p.finish(0.0);
        let header = ModelHeader {
            kind: "test".into(),
            version: 1,
            command: "crosscheck train test".into(),
            ..Default::default()
        };
        let bytes = write(&header, &[&m]).unwrap();
        let (h, t) = read_expect(&bytes, "test", 1).unwrap();
        assert_eq!(h, header);
        let mut a = vec![0.0; 3];
        let mut b = vec![0.0; 3];
        for k in [0u64, 5, 1007, 99999] {
            m.scores(&[k], &mut a);
            t[0].scores(&[k], &mut b);
            for (x, y) in a.iter().zip(&b) {
                assert!((x - y).abs() < 1e-3, "{x} vs {y}");
            }
        }
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(matches!(read(b"nope"), Err(ModelError::Truncated)));
        assert!(matches!(
            read(b"XXXXXXXXXXXXXXXX"),
            Err(ModelError::BadMagic)
        ));
        let mut b = MAGIC.to_vec();
        b.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(read(&b).is_err());
    }

    #[test]
    fn wrong_kind_is_rejected() {
        let m = Perceptron::new(2).finish(0.0);
        let bytes = write(
            &ModelHeader {
                kind: "pos".into(),
                ..Default::default()
            },
            &[&m],
        )
        .unwrap();
        assert!(matches!(
            read_expect(&bytes, "ner", 1),
            Err(ModelError::WrongKind(_))
        ));
    }
}
