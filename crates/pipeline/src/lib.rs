//! The pipeline: documents in, brief out.
//!
//! 1. [`analyze`]: per-document stages (tokens, sentences, tags, entities,
//!    parse, dates, quotes/claims/numbers), run in parallel with rayon.
//!    Only what the later stages need is kept, so memory grows with the
//!    findings, not with the token count.
//! 2. [`assemble`]: cross-document stages (entity resolution, timeline,
//!    cross-check) over those results, into a `crosscheck.brief/1`.

pub mod analyze;
pub mod assemble;
pub mod timeline;

pub use analyze::{
    analyze_document, local_mention_id, tag_and_parse, Findings, Models, Syntax, FINDINGS_VERSION,
};
pub use assemble::{assemble, AssembleOptions};

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("cannot load the {stage} model: {message}")]
    Model {
        stage: &'static str,
        message: String,
    },
}
