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

/// Number of analysed documents and the first and last report dates.
pub(crate) fn coverage(b: &crosscheck_brief::Brief) -> (usize, Option<(&str, &str)>) {
    let analysed = b
        .documents
        .iter()
        .filter(|d| d.status == "analyzed")
        .count();
    let dates: std::collections::BTreeSet<&str> = b
        .documents
        .iter()
        .filter_map(|d| d.published.as_deref())
        .collect();
    let range = dates.first().copied().zip(dates.last().copied());
    (analysed, range)
}
