//! Splits a comment-section fragment into single comments with their authors.
//! Comment markup repeats one item structure per comment, so the parent with the
//! most text-bearing children of one tag holds the comments.

use dom_query::{Document, NodeRef};

use crate::blocks::{node_blocks, Block};

/// Deepest level searched for the repeated comment items.
const MAX_SEARCH_DEPTH: usize = 64;
/// Item children need this much text to count as comments.
const MIN_ITEM_CHARS: usize = 40;
/// An author line has at most this many words and characters.
const AUTHOR_MAX_WORDS: usize = 5;
const AUTHOR_MAX_CHARS: usize = 60;
/// Short lines with digits ("2 days ago at 07:52", "Rating: 36 Votes") are comment metadata.
const META_LINE_MAX_WORDS: usize = 6;

fn tag(n: &NodeRef) -> String {
    n.node_name()
        .map(|t| t.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The parent whose same-tag, text-bearing element children are most numerous.
fn best_parent<'a>(root: &NodeRef<'a>) -> Option<(NodeRef<'a>, String)> {
    let mut best: Option<(NodeRef<'a>, String, usize, usize)> = None;
    let mut stack: Vec<(NodeRef<'a>, usize)> = vec![(*root, 0)];
    while let Some((node, depth)) = stack.pop() {
        let kids: Vec<NodeRef<'a>> = node.children_it(false).filter(|c| c.is_element()).collect();
        let mut counts: Vec<(String, usize)> = Vec::new();
        for k in &kids {
            if k.text().trim().chars().count() < MIN_ITEM_CHARS {
                continue;
            }
            let t = tag(k);
            match counts.iter_mut().find(|(n, _)| *n == t) {
                Some(c) => c.1 += 1,
                None => counts.push((t, 1)),
            }
        }
        if let Some((t, n)) = counts.into_iter().max_by_key(|(_, n)| *n) {
            if n >= 2 && best.as_ref().is_none_or(|b| (n, depth) > (b.2, b.3)) {
                best = Some((node, t, n, depth));
            }
        }
        if depth < MAX_SEARCH_DEPTH {
            stack.extend(kids.into_iter().map(|k| (k, depth + 1)));
        }
    }
    best.map(|(n, t, _, _)| (n, t))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn is_meta_line(s: &str) -> bool {
    let w = words(s);
    let lower = s.to_lowercase();
    let digits = s.chars().any(|c| c.is_ascii_digit());
    // a one-word line with letters may be a user name ("bob_77")
    (w <= META_LINE_MAX_WORDS && digits && (w >= 2 || !s.chars().any(char::is_alphabetic)))
        || (w <= 5 && (lower.contains("comment") || lower.contains("reply")))
        || (w <= 2
            && matches!(
                lower.trim(),
                "reply"
                    | "report"
                    | "like"
                    | "share"
                    | "flag"
                    | "permalink"
                    | "edit"
                    | "delete"
                    | "quote"
                    | "says:"
                    | "said:"
            ))
}

fn is_month(w: &str) -> bool {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    w.len() >= 3
        && [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
        .iter()
        .any(|m| m.starts_with(&w))
}

/// Splits a leading short name off a line that then continues with a date.
fn split_name_date(line: &str) -> Option<(String, String)> {
    let ws: Vec<&str> = line.split_whitespace().collect();
    if ws.len() > 12 {
        return None;
    }
    let cut = ws
        .iter()
        .position(|w| w.starts_with(|c: char| c.is_ascii_digit()) || is_month(w))?;
    if cut == 0 || cut > AUTHOR_MAX_WORDS {
        return None;
    }
    let rest_is_date = ws.get(cut..)?.iter().all(|w| w.len() <= 10);
    if !rest_is_date {
        return None;
    }
    Some((ws.get(..cut)?.join(" "), String::new()))
}

fn one_comment(blocks: Vec<Block>) -> Option<(Option<String>, String)> {
    let mut lines: Vec<String> = blocks
        .into_iter()
        .map(|b| b.text)
        .filter(|t| !is_meta_line(t))
        .collect();
    if lines.is_empty() {
        return None;
    }
    let mut author = None;
    // "Jane Doe August 17, 2019 - 2:19 pm": the name before the date
    if let Some(first) = lines.first_mut() {
        if let Some((name, rest)) = split_name_date(first) {
            author = Some(name);
            *first = rest;
            if first.is_empty() || is_meta_line(first) {
                lines.remove(0);
            }
        }
    }
    if author.is_none() && lines.len() >= 2 {
        let first = lines.first().map(String::as_str).unwrap_or("");
        if words(first) <= AUTHOR_MAX_WORDS
            && first.chars().count() <= AUTHOR_MAX_CHARS
            && !first.ends_with(['.', '!', '?'])
        {
            let a = first
                .trim_end_matches(':')
                .trim_end_matches(" says")
                .trim()
                .to_string();
            if !a.is_empty() {
                author = Some(a);
            }
            lines.remove(0);
        }
    }
    let text = lines.join("\n");
    if text.trim().is_empty() {
        None
    } else {
        Some((author, text))
    }
}

/// Reader comments as (author, text) from the comment-section HTML.
pub(crate) fn comments(html: &str) -> Vec<(Option<String>, String)> {
    let doc = Document::from(html);
    let root = doc.root();
    match best_parent(&root) {
        Some((parent, item_tag)) => parent
            .children_it(false)
            .filter(|c| c.is_element() && tag(c) == item_tag)
            .filter_map(|c| one_comment(node_blocks(&c)))
            .collect(),
        None => node_blocks(&root)
            .into_iter()
            .filter(|b| !is_meta_line(&b.text))
            .map(|b| (None, b.text))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_repeated_items_and_finds_authors() {
        let h = "<h2>Comments</h2><div>\
            <div><div><a>Alice Smith</a></div><div>2 days ago at 07:52 am</div><div>I think the report misses the point entirely.</div><div>Reply</div></div>\
            <div><div><a>bob_77</a></div><div>3 days ago</div><div>Good analysis, thanks.</div><div>Second paragraph here.</div></div>\
            </div>";
        let c = comments(h);
        assert_eq!(c.len(), 2, "{c:?}");
        assert_eq!(c[0].0.as_deref(), Some("Alice Smith"));
        assert_eq!(c[0].1, "I think the report misses the point entirely.");
        assert_eq!(c[1].0.as_deref(), Some("bob_77"), "{c:?}");
        assert_eq!(c[1].1, "Good analysis, thanks.\nSecond paragraph here.");
    }

    #[test]
    fn unstructured_comments_fall_back_to_blocks() {
        let c = comments("<p>Only one remark about the piece here.</p>");
        assert_eq!(
            c,
            vec![(None, "Only one remark about the piece here.".to_string())]
        );
    }
}
