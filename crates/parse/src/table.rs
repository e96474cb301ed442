//! Run-time weight table: open addressing over one flat `u64` array in which
//! each slot holds the feature key followed by its quantised i16 weights, so
//! a lookup usually touches a single cache line (the parser does ~250 per
//! token). Built straight from the model file's quantised tables.

use crate::ParseError;
use crosscheck_learn::ModelHeader;

/// One quantised weight table.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    classes: usize,
    /// u64 words per slot: the key, then the weights packed four to a word.
    stride: usize,
    mask: usize,
    scale: f32,
    data: Vec<u64>,
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ParseError> {
        let end = self.pos.checked_add(n).ok_or_else(truncated)?;
        let s = self.bytes.get(self.pos..end).ok_or_else(truncated)?;
        self.pos = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ParseError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

fn truncated() -> ParseError {
    ParseError::BadModel("weight tables are truncated".into())
}

/// Reads a `CCMODEL1` file (layout documented in `crosscheck_learn::model_file`)
/// into its header and run-time tables, without building hash maps twice.
pub(crate) fn read_model(bytes: &[u8]) -> Result<(ModelHeader, Vec<Table>), ParseError> {
    let mut c = Cursor { bytes, pos: 0 };
    if c.take(8)? != b"CCMODEL1" {
        return Err(ParseError::BadModel("not a crosscheck model file".into()));
    }
    let hlen = c.u32()? as usize;
    let header: ModelHeader = serde_json::from_slice(c.take(hlen)?)
        .map_err(|e| ParseError::BadModel(format!("header: {e}")))?;
    let n = c.u32()? as usize;
    let mut out = Vec::with_capacity(n.min(8));
    for _ in 0..n {
        let classes = c.u32()? as usize;
        let n_keys = c.u32()? as usize;
        let sb = c.take(4)?;
        let scale = f32::from_le_bytes([sb[0], sb[1], sb[2], sb[3]]);
        let keys = c.take(n_keys.checked_mul(8).ok_or_else(truncated)?)?;
        let wlen = n_keys
            .checked_mul(classes)
            .and_then(|x| x.checked_mul(2))
            .ok_or_else(truncated)?;
        let weights = c.take(wlen)?;
        out.push(Table::build(classes, scale, keys, weights)?);
    }
    Ok((header, out))
}

impl Table {
    fn build(classes: usize, scale: f32, keys: &[u8], weights: &[u8]) -> Result<Table, ParseError> {
        if classes == 0 || classes > 1024 {
            return Err(ParseError::BadModel(format!(
                "table with {classes} classes"
            )));
        }
        let n_keys = keys.len() / 8;
        let stride = 1 + classes.div_ceil(4);
        // Load factor at most 2/3.
        let cap = (n_keys * 3 / 2 + 1).next_power_of_two().max(16);
        let mask = cap - 1;
        let mut data = vec![0u64; cap * stride];
        for (k, row) in keys.chunks_exact(8).zip(weights.chunks_exact(classes * 2)) {
            let key = u64::from_le_bytes([k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]]);
            if key == 0 {
                continue; // 0 marks an empty slot; such a key is astronomically rare
            }
            let mut i = (key as usize) & mask;
            loop {
                let base = i * stride;
                if data[base] == 0 {
                    data[base] = key;
                    for (c, w) in row.chunks_exact(2).enumerate() {
                        let v = u16::from_le_bytes([w[0], w[1]]) as u64;
                        data[base + 1 + c / 4] |= v << (16 * (c % 4));
                    }
                    break;
                }
                if data[base] == key {
                    break; // duplicate key: keep the first
                }
                i = (i + 1) & mask;
            }
        }
        Ok(Table {
            classes,
            stride,
            mask,
            scale,
            data,
        })
    }

    pub(crate) fn classes(&self) -> usize {
        self.classes
    }

    /// Sums the weights of `keys` into `out` (zeroed first; `out.len()` must
    /// be at least `classes`, extra entries stay zero).
    pub(crate) fn scores(&self, keys: &[u64], out: &mut [f32]) {
        let mut acc = [0i32; 64];
        let mut big = Vec::new();
        let acc: &mut [i32] = if self.classes <= 64 {
            &mut acc[..self.classes]
        } else {
            big.resize(self.classes, 0);
            &mut big
        };
        for &key in keys {
            if key == 0 {
                continue;
            }
            let mut i = (key as usize) & self.mask;
            loop {
                let base = i * self.stride;
                let Some(&k) = self.data.get(base) else { break };
                if k == key {
                    if let Some(words) = self.data.get(base + 1..base + self.stride) {
                        for (c, a) in acc.iter_mut().enumerate() {
                            let w = words.get(c / 4).copied().unwrap_or(0);
                            *a += ((w >> (16 * (c % 4))) as u16 as i16) as i32;
                        }
                    }
                    break;
                }
                if k == 0 {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        out.iter_mut().for_each(|o| *o = 0.0);
        for (o, a) in out.iter_mut().zip(acc.iter()) {
            *o = *a as f32 * self.scale;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_learn::{model_file, ModelHeader, Perceptron};

    #[test]
    fn matches_the_reference_model() {
        for classes in [3usize, 7, 51] {
            let mut p = Perceptron::new(classes);
            for i in 0..500u64 {
                p.tick();
                let keys = [
                    (i + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15),
                    i % 17 + 1,
                    i % 5 + 100,
                ];
                p.update(
                    &keys,
                    (i as usize) % classes,
                    (i as usize * 7 + 1) % classes,
                );
            }
            let m = p.finish(0.0);
            let bytes = model_file::write(&ModelHeader::default(), &[&m]).unwrap();
            let (_, reference) = model_file::read(&bytes).unwrap();
            let (_, t) = read_model(&bytes).unwrap();
            assert_eq!(t[0].classes(), classes);
            let mut a = vec![0f32; classes];
            let mut b = vec![0f32; classes];
            for probe in [
                vec![1u64, 2, 3],
                vec![105, 4, 0],
                vec![7u64.wrapping_mul(0x9e37_79b9_7f4a_7c15), 999],
            ] {
                reference[0].scores(&probe, &mut a);
                t[0].scores(&probe, &mut b);
                for (x, y) in a.iter().zip(&b) {
                    assert!((x - y).abs() <= 1e-3 * x.abs().max(1.0), "{x} vs {y}");
                }
            }
        }
    }

    #[test]
    fn truncated_tables_are_errors() {
        let m = Perceptron::new(3).finish(0.0);
        let bytes = model_file::write(&ModelHeader::default(), &[&m]).unwrap();
        assert!(read_model(&bytes).is_ok());
        assert!(read_model(&bytes[..bytes.len() - 1]).is_err());
        assert!(read_model(&bytes[..10]).is_err());
        assert!(read_model(b"CCMODEL2\0\0\0\0").is_err());
    }
}
