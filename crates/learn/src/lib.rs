//! Learning machinery shared by the trained stages (POS, NER, parser, stance).
//!
//! - [`features`]: hashing feature strings to `u64` keys without allocating.
//! - [`Perceptron`]: multi-class averaged perceptron trainer (lazy averaging).
//! - [`Model`]: the averaged, pruned, quantised weights used at run time.
//! - [`model_file`]: the on-disk format — a JSON header recording data, command
//!   and scores, then the weights — so every shipped model says how it was made.
//! - [`Rng`]: a tiny seeded generator so training is reproducible bit for bit.

pub mod features;
pub mod model_file;
mod perceptron;
mod rng;

pub use features::{hash_bytes, hash_str, mix, FeatureSet};
pub use model_file::{ModelError, ModelHeader};
pub use perceptron::{argmax, IdentityBuild, IdentityHasher, Model, Perceptron};
pub use rng::Rng;
