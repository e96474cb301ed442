//! Human-readable renderings of a brief.
//!
//! Everything taken from documents is untrusted: [`escape`] makes it inert in
//! HTML and Markdown (including bidi-override characters that could make a
//! line read backwards).

mod escape;
mod html;
mod markdown;
mod snippet;

pub use escape::{escape_html, escape_markdown, neutralise_controls};
pub use html::render_html;
pub use markdown::render_markdown;
pub use snippet::{sentence_around, Snippet};
