//! `crosscheck-extract`: main-content, reader-comment and metadata extraction from HTML.
//!
//! The body comes from `rs-trafilatura` (the strongest Rust extractor on the article
//! benchmark, see `metric`), re-rendered into blocks and cleaned by generic block
//! filters (link lists, boilerplate lines). Metadata comes from `<title>`, meta tags,
//! JSON-LD and `<html lang>`. Input is size- and depth-capped first, and the
//! extractor runs under `catch_unwind`, so no input makes this crash.

mod blocks;
mod comments;
mod filter;
pub mod guard;
mod meta;
pub mod metric;

use std::panic::{catch_unwind, AssertUnwindSafe};

use chrono::NaiveDate;
use serde::Serialize;

pub use metric::{eval_dir, score, Scores};

/// Errors of extraction and benchmark loading.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The input has no markup and no text.
    #[error("empty input")]
    Empty,
    /// Reading a file failed.
    #[error("io: {0}")]
    Io(String),
    /// A benchmark directory is malformed.
    #[error("benchmark data: {0}")]
    Bench(String),
}

/// A reader comment found on the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractedComment {
    /// Commenter name when the markup gives one.
    pub author: Option<String>,
    /// Byte range of the comment in `Extracted::text`.
    pub span: (usize, usize),
}

/// The result of extracting one HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extracted {
    /// Body text, blocks separated by "\n\n"; comments (if any) follow the body.
    pub text: String,
    /// Page title.
    pub title: Option<String>,
    /// Author (byline / meta / JSON-LD).
    pub author: Option<String>,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Site or outlet name.
    pub site_name: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Language from `<html lang>` (else meta tags).
    pub language: Option<String>,
    /// Byte ranges of the body blocks in `text` (comments not included).
    pub paragraphs: Vec<(usize, usize)>,
    /// Reader comments, appended after the body in `text`.
    pub comments: Vec<ExtractedComment>,
}

impl Extracted {
    /// The article body alone (text before the first comment).
    pub fn body(&self) -> &str {
        let end = self.paragraphs.last().map_or(0, |p| p.1);
        self.text.get(..end).unwrap_or("")
    }
}

/// Extraction settings.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Page URL if known (helps metadata).
    pub url: Option<String>,
    /// Do not look for reader comments.
    pub no_comments: bool,
}

/// Extracts body, comments and metadata from an HTML page with default options.
pub fn extract(html: &str) -> Result<Extracted, ExtractError> {
    extract_with(html, &ExtractOptions::default())
}

/// Extracts body, comments and metadata from an HTML page.
pub fn extract_with(html: &str, opts: &ExtractOptions) -> Result<Extracted, ExtractError> {
    if html.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    let html = guard::cap_size(html);
    let html = guard::limit_depth(html, guard::MAX_DEPTH);
    let html: &str = &html;
    // The JSON-LD articleBody is weighed below against the visible text, so the
    // extractor is made to read the DOM (the key is renamed inside the markup only).
    let dom_html = meta::hide_jsonld_body(html);
    let topts = rs_trafilatura::Options {
        url: opts.url.clone(),
        include_comments: !opts.no_comments,
        ..rs_trafilatura::Options::default()
    };
    let res = catch_unwind(AssertUnwindSafe(|| {
        rs_trafilatura::extract_with_options(&dom_html, &topts)
    }))
    .ok()
    .and_then(Result::ok);
    let m = meta::page_meta(html, res.as_ref().map(|r| &r.metadata));

    let mut out = Extracted::default();
    let dom_blocks = match res.as_ref() {
        Some(r) if !r.content_text.trim().is_empty() => {
            blocks::text_blocks(&r.content_text, r.content_html.as_deref())
        }
        _ => fallback_blocks(html),
    };
    let body_blocks = filter::clean(choose_body(dom_blocks, m.article_body.as_deref()));
    for b in &body_blocks {
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(&b.text);
        out.paragraphs.push((start, out.text.len()));
    }
    if let Some(ch) = res.as_ref().and_then(|r| r.comments_html.as_deref()) {
        for (author, text) in comments::comments(ch) {
            if !out.text.is_empty() {
                out.text.push_str("\n\n");
            }
            let start = out.text.len();
            out.text.push_str(&text);
            out.comments.push(ExtractedComment {
                author,
                span: (start, out.text.len()),
            });
        }
    }
    out.title = m.title;
    out.author = m.author;
    out.published = m
        .published
        .or_else(|| opts.url.as_deref().and_then(meta::url_date));
    out.site_name = m.site_name;
    out.url = m.url.or_else(|| opts.url.clone());
    out.language = m.language;
    Ok(out)
}

/// Uses the JSON-LD `articleBody` instead of the DOM text when the DOM gave almost
/// nothing, or when both have similar length (the structured copy is cleaner). A much
/// longer structured body holds text the page does not show, so the DOM wins then.
fn choose_body(dom: Vec<blocks::Block>, ld: Option<&str>) -> Vec<blocks::Block> {
    let Some(ld) = ld else { return dom };
    let ld_blocks = if ld.contains("<p") || ld.contains("<br") || ld.contains("<div") {
        blocks::html_blocks(ld)
    } else {
        blocks::text_blocks(ld, None)
    };
    let dom_len: usize = dom.iter().map(|b| b.text.len()).sum();
    let ld_len: usize = ld_blocks.iter().map(|b| b.text.len()).sum();
    let similar = ld_len * 2 >= dom_len && ld_len <= dom_len * 2;
    if ld_len > 0 && (dom_len < DOM_MIN_BODY_BYTES || similar) {
        ld_blocks
    } else {
        dom
    }
}

/// A DOM body shorter than this is replaced by a structured body when there is one.
const DOM_MIN_BODY_BYTES: usize = 200;

/// Paragraph-ish blocks of the whole page, used when the main extractor gives nothing.
fn fallback_blocks(html: &str) -> Vec<blocks::Block> {
    catch_unwind(|| {
        let all = blocks::html_blocks(html);
        let ps: Vec<blocks::Block> = all
            .iter()
            .filter(|b| b.tag == "p" && b.text.len() >= 40)
            .cloned()
            .collect();
        if ps.is_empty() {
            all
        } else {
            ps
        }
    })
    .unwrap_or_default()
}

/// Body blocks before filtering, as (text, link chars, tag, in list, in caption); for tuning tools.
#[doc(hidden)]
pub fn debug_blocks(html: &str) -> Vec<(String, usize, String, bool, bool)> {
    let html = guard::limit_depth(guard::cap_size(html), guard::MAX_DEPTH);
    let topts = rs_trafilatura::Options {
        include_comments: false,
        ..rs_trafilatura::Options::default()
    };
    let res = catch_unwind(AssertUnwindSafe(|| {
        rs_trafilatura::extract_with_options(&html, &topts)
    }))
    .ok()
    .and_then(Result::ok);
    res.map(|r| blocks::text_blocks(&r.content_text, r.content_html.as_deref()))
        .unwrap_or_default()
        .into_iter()
        .map(|b| (b.text, b.link_chars, b.tag, b.in_list, b.in_caption))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head><title>Storm hits coast | Daily Example</title>
<meta property="og:site_name" content="Daily Example">
<meta name="author" content="Jane Writer">
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Storm hits coast</h1>
<p>A powerful storm struck the northern coast on Tuesday, cutting power to thousands of homes and closing several roads.</p>
<p>Officials said repair crews were working through the night and that most services should be restored by the weekend.</p>
<p>Residents described winds strong enough to topple trees and damage roofs across the region, the worst in a decade.</p>
</article><footer>Copyright Daily Example. All rights reserved.</footer></body></html>"#;

    #[test]
    fn extracts_body_and_metadata() {
        let e = extract(PAGE).unwrap();
        assert!(e.text.contains("A powerful storm struck"), "{}", e.text);
        assert!(e.text.contains("worst in a decade"));
        assert!(!e.text.contains("All rights reserved"));
        assert_eq!(e.language.as_deref(), Some("en-GB"));
        assert_eq!(e.author.as_deref(), Some("Jane Writer"));
        assert_eq!(e.published, NaiveDate::from_ymd_opt(2021, 3, 4));
        assert_eq!(e.site_name.as_deref(), Some("Daily Example"));
        assert!(e
            .title
            .as_deref()
            .unwrap_or("")
            .contains("Storm hits coast"));
        for &(s, t) in &e.paragraphs {
            assert!(e.text.get(s..t).is_some());
        }
        assert_eq!(e.body(), e.text);
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(matches!(extract("  \n"), Err(ExtractError::Empty)));
    }

    #[test]
    fn deeply_nested_input_does_not_crash() {
        let h = format!(
            "<html><body>{}<p>inside</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        assert!(extract(&h).is_ok());
        let h = "<b><i>".repeat(50_000);
        assert!(extract(&h).is_ok());
    }
}
