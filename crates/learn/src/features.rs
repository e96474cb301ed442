//! Features are hashed strings: a template id mixed with one or more values.
//! Collisions are rare at 64 bits and cost nothing at run time.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes, finished with a mixer so nearby inputs spread out.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(FNV_PRIME);
    }
    mix(h)
}

pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// The 64-bit finaliser (MurmurHash3 fmix64) every feature hash goes through.
/// Its constants are part of every model's format.
#[inline]
pub fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Collects the feature keys of one decision. Reuse it across decisions
/// (`clear`) to avoid allocating.
#[derive(Debug, Default, Clone)]
pub struct FeatureSet {
    keys: Vec<u64>,
}

impl FeatureSet {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn clear(&mut self) {
        self.keys.clear();
    }

    /// Adds feature `template` = `value`.
    pub fn add(&mut self, template: u8, value: &str) {
        self.add_parts(template, &[value]);
    }

    /// Adds a conjunction feature `template` = `parts[0] ^ parts[1] ^ …`.
    pub fn add_parts(&mut self, template: u8, parts: &[&str]) {
        let mut h = FNV_OFFSET ^ (template as u64);
        h = h.wrapping_mul(FNV_PRIME);
        for (i, p) in parts.iter().enumerate() {
            if i > 0 {
                h ^= 0x1f;
                h = h.wrapping_mul(FNV_PRIME);
            }
            for &b in p.as_bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(FNV_PRIME);
            }
        }
        self.keys.push(mix(h));
    }

    /// Adds an already hashed key.
    pub fn add_key(&mut self, key: u64) {
        self.keys.push(key);
    }

    pub fn keys(&self) -> &[u64] {
        &self.keys
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_separate_equal_values() {
        let mut f = FeatureSet::new();
        f.add(1, "the");
        f.add(2, "the");
        f.add_parts(3, &["a", "bc"]);
        f.add_parts(3, &["ab", "c"]);
        let k = f.keys();
        assert_ne!(k[0], k[1]);
        assert_ne!(k[2], k[3]);
    }

    #[test]
    fn hashing_is_stable() {
        // Model files depend on these values never changing.
        assert_eq!(hash_str("crosscheck"), hash_str("crosscheck"));
        let mut f = FeatureSet::new();
        f.add(7, "x");
        let mut g = FeatureSet::new();
        g.add_parts(7, &["x"]);
        assert_eq!(f.keys(), g.keys());
    }
}
