//! Input guards: cap the size and the element nesting depth of untrusted HTML
//! before it reaches the tree builder and the recursive extraction passes.

use std::borrow::Cow;

/// Largest HTML input handled (bytes); longer input is cut at a char boundary.
pub const MAX_HTML_BYTES: usize = 8 * 1024 * 1024;
/// Deepest element nesting kept; tags opened deeper are dropped (their text stays).
pub const MAX_DEPTH: usize = 180;
/// Most tags kept (real article pages have a few thousand); later tags are dropped,
/// since tree passes downstream slow down sharply on millions of elements.
pub const MAX_TAGS: usize = 30_000;

/// Cuts `html` to at most `MAX_HTML_BYTES` bytes on a char boundary.
pub fn cap_size(html: &str) -> &str {
    if html.len() <= MAX_HTML_BYTES {
        return html;
    }
    let mut end = MAX_HTML_BYTES;
    while end > 0 && !html.is_char_boundary(end) {
        end -= 1;
    }
    html.get(..end).unwrap_or("")
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "command"
    )
}

/// Elements whose start tag implicitly closes an open element of the same name.
fn is_self_closing_peer(name: &str) -> bool {
    matches!(
        name,
        "p" | "li" | "dt" | "dd" | "tr" | "td" | "th" | "option" | "a"
    )
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| p + from)
}

/// Drops start/end tags nested deeper than `max_depth`, and all tags after the first
/// `MAX_TAGS` (by a tolerant tag scan). Returns the input unchanged (borrowed) when
/// nothing had to go.
pub fn limit_depth(html: &str, max_depth: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    // byte ranges of tags to drop
    let mut drops: Vec<(usize, usize)> = Vec::new();
    let mut i = 0usize;
    let mut tags = 0usize;
    while let Some(off) = b.get(i..).and_then(|s| s.iter().position(|&c| c == b'<')) {
        let lt = i + off;
        let rest = b.get(lt + 1..).unwrap_or(&[]);
        if rest.starts_with(b"!--") {
            i = find_ci(b, lt + 4, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = b
            .get(name_start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
            i = lt + 1;
            continue;
        }
        let name = String::from_utf8_lossy(b.get(name_start..name_start + name_len).unwrap_or(&[]))
            .to_ascii_lowercase();
        let gt = b
            .get(name_start + name_len..)
            .and_then(|s| s.iter().position(|&c| c == b'>'))
            .map(|p| p + name_start + name_len);
        let Some(gt) = gt else { break };
        let self_closed = b.get(gt.wrapping_sub(1)) == Some(&b'/');
        i = gt + 1;
        tags += 1;
        if tags > MAX_TAGS {
            drops.push((lt, gt + 1));
            continue;
        }
        if closing {
            if let Some(pos) = stack.iter().rposition(|n| *n == name) {
                stack.truncate(pos);
            } else if stack.len() >= max_depth {
                drops.push((lt, gt + 1));
            }
            continue;
        }
        if matches!(
            name.as_str(),
            "script" | "style" | "textarea" | "title" | "xmp"
        ) {
            // raw text: skip to its end tag
            let end = format!("</{name}");
            i = find_ci(b, i, end.as_bytes()).unwrap_or(b.len());
            continue;
        }
        if is_void(&name) || self_closed {
            continue;
        }
        if is_self_closing_peer(&name) && stack.last().is_some_and(|n| *n == name) {
            stack.pop();
        }
        if stack.len() >= max_depth {
            drops.push((lt, gt + 1));
        } else {
            stack.push(name);
        }
    }
    if drops.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0usize;
    for (s, e) in drops {
        out.push_str(html.get(last..s).unwrap_or(""));
        last = e;
    }
    out.push_str(html.get(last..).unwrap_or(""));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_html_is_untouched() {
        let h = "<html><body><p>a<p>b<ul><li>x<li>y</ul><br><img src=x></body></html>";
        assert!(matches!(limit_depth(h, 5), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_flattened_keeping_text() {
        let h = format!("{}deep text{}", "<div>".repeat(1000), "</div>".repeat(1000));
        let out = limit_depth(&h, 50);
        assert_eq!(out.matches("<div>").count(), 50);
        assert!(out.contains("deep text"));
    }

    #[test]
    fn tag_count_is_capped() {
        let h = "<a>x".repeat(MAX_TAGS + 10);
        let out = limit_depth(&h, MAX_DEPTH);
        assert_eq!(out.matches("<a>").count(), MAX_TAGS);
        assert_eq!(out.matches('x').count(), MAX_TAGS + 10);
    }

    #[test]
    fn script_content_is_not_counted() {
        let h = format!("<script>{}</script><p>x</p>", "<div>".repeat(100));
        assert!(matches!(limit_depth(&h, 10), Cow::Borrowed(_)));
    }

    #[test]
    fn size_cap_respects_char_boundaries() {
        let s = "é".repeat(MAX_HTML_BYTES);
        let c = cap_size(&s);
        assert!(c.len() <= MAX_HTML_BYTES && c.len() + 2 > MAX_HTML_BYTES);
    }
}
