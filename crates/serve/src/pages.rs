//! Server-rendered pages besides the brief: search, the document list and
//! one document. No script; one stylesheet allowed by hash. Everything from
//! the store is escaped with the report's `escape_html`.

use base64::Engine;
use crosscheck_doc::Document;
use crosscheck_report::escape_html as esc;
use crosscheck_store::{Hit, Listed};
use sha2::{Digest, Sha256};
use std::fmt::Write;
use std::sync::OnceLock;

const CSS: &str = "body{font:15px/1.5 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;color:#1d232b;margin:0 auto;max-width:60rem;padding:0 1rem 3rem}\
header{border-bottom:2px solid #2f5d8a;padding:.8rem 0}nav a{margin-right:.8rem;color:#2f5d8a}\
h1{font-size:1.5rem;margin:.4rem 0}mark{background:#ffe58a}.muted{color:#5a6470;font-size:.85rem}\
ol.hits li{margin:.6rem 0}.seg{border-left:3px solid #d8dde3;padding:.2rem .8rem;margin:.8rem 0}\
.seg h2{font-size:.8rem;text-transform:uppercase;color:#5a6470;margin:0}.seg p{white-space:pre-wrap;margin:.2rem 0}\
.seg-boilerplate,.seg-comment{background:#f6f7f9}input[type=search]{font:inherit;width:24rem;max-width:100%}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d8dde3;padding:.25rem .4rem;text-align:left;vertical-align:top}\
.error{color:#b23b3b}";

/// Content-Security-Policy of these pages: our stylesheet only, no script,
/// forms may only submit here, and no framing.
pub fn page_csp() -> String {
    static CSP: OnceLock<String> = OnceLock::new();
    CSP.get_or_init(|| {
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(CSS.as_bytes()));
        format!(
            "default-src 'none'; style-src 'sha256-{hash}'; img-src data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        )
    })
    .clone()
}

/// A whole page around `body` (already safe HTML).
pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<title>{} · crosscheck</title><style>{CSS}</style></head><body>\n\
<header><nav><a href=\"/\">Brief</a> <a href=\"/search\">Search</a> <a href=\"/documents\">Documents</a></nav>\
<h1>{}</h1></header>\n<main>\n{body}\n</main>\n</body></html>\n",
        esc(title),
        esc(title)
    )
}

/// Percent-encodes a path segment (everything but unreserved characters).
pub(crate) fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn doc_link(id: &str, label: &str) -> String {
    format!(
        "<a href=\"/documents/{}\">{}</a>",
        esc(&encode_segment(id)),
        esc(label)
    )
}

/// A store snippet as HTML: text escaped, the \u{2}…\u{3} marks as `<mark>`.
pub(crate) fn snippet_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut open = false;
    for piece in s.split_inclusive(['\u{2}', '\u{3}']) {
        let (text, marker) = match piece.strip_suffix('\u{2}') {
            Some(t) => (t, Some(true)),
            None => match piece.strip_suffix('\u{3}') {
                Some(t) => (t, Some(false)),
                None => (piece, None),
            },
        };
        out.push_str(&esc(text));
        match marker {
            Some(true) if !open => {
                out.push_str("<mark>");
                open = true;
            }
            Some(false) if open => {
                out.push_str("</mark>");
                open = false;
            }
            _ => {}
        }
    }
    if open {
        out.push_str("</mark>");
    }
    out
}

pub(crate) fn search_body(q: &str, hits: &[Hit], error: Option<&str>) -> String {
    let mut o = format!(
        "<form method=\"get\" action=\"/search\" role=\"search\"><input type=\"search\" name=\"q\" maxlength=\"256\" value=\"{}\" aria-label=\"Search words\"> <button type=\"submit\">Search</button></form>\n",
        esc(q)
    );
    if let Some(e) = error {
        let _ = write!(o, "<p class=\"error\">{}</p>", esc(e));
        return o;
    }
    if q.trim().is_empty() {
        return o;
    }
    if hits.is_empty() {
        let _ = write!(o, "<p>No document matches <strong>{}</strong>.</p>", esc(q));
        return o;
    }
    let _ = write!(
        o,
        "<p class=\"muted\">{} matching documents</p><ol class=\"hits\">",
        hits.len()
    );
    for h in hits {
        let _ = write!(
            o,
            "<li>{} <span class=\"muted\">{}</span><br>{}</li>",
            doc_link(&h.id, h.title.as_deref().unwrap_or(&h.id)),
            esc(&h.id),
            snippet_html(&h.snippet)
        );
    }
    o.push_str("</ol>");
    o
}

pub(crate) fn documents_body(list: &[Listed]) -> String {
    let mut o = format!(
        "<p class=\"muted\">{} documents</p><table><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Published</th><th scope=\"col\">Status</th><th scope=\"col\">Added</th></tr></thead><tbody>",
        list.len()
    );
    for l in list {
        let _ = write!(
            o,
            "<tr><td>{}<br><span class=\"muted\">{}</span></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            doc_link(&l.id, l.title.as_deref().unwrap_or(&l.id)),
            esc(&l.id),
            esc(l.published.as_deref().unwrap_or("unknown")),
            esc(&l.status),
            esc(&l.added_at)
        );
    }
    o.push_str("</tbody></table>");
    o
}

pub(crate) fn document_body(d: &Document) -> String {
    let m = &d.meta;
    let mut o = String::from("<dl class=\"muted\">");
    let mut row = |k: &str, v: Option<&str>| {
        if let Some(v) = v {
            let _ = write!(o, "<dt>{k}</dt><dd>{}</dd>", esc(v));
        }
    };
    row("Id", Some(&d.id));
    row("Outlet", m.outlet.as_deref());
    row("Author", m.author.as_deref());
    // Shown as text, never as a link: it came from the document.
    row("URL", m.url.as_deref());
    let published = m.published.map(|p| p.format("%Y-%m-%d").to_string());
    row("Published", published.as_deref());
    row("Skipped", d.skip_reason.as_deref());
    row("Duplicate of", d.duplicate_of.as_deref());
    o.push_str("</dl>\n");
    for w in &d.warnings {
        let _ = write!(o, "<p class=\"muted\">Warning: {}</p>", esc(w));
    }
    let text = d.text();
    let mut segs: Vec<_> = d
        .segments
        .iter()
        .filter(|s| s.span.get(text).is_some())
        .collect();
    segs.sort_by_key(|s| (s.span.start, s.span.end));
    if segs.is_empty() {
        let _ = write!(
            o,
            "<section class=\"seg seg-body\"><h2>text</h2><p>{}</p></section>",
            esc(text)
        );
        return o;
    }
    for s in segs {
        let body = s.span.get(text).unwrap_or("");
        let _ = writeln!(
            o,
            "<section class=\"seg seg-{kind}\"><h2>{kind}{author} <span class=\"muted\">bytes {}–{}</span></h2><p>{}</p></section>",
            s.span.start,
            s.span.end,
            esc(body),
            kind = s.kind.as_str(),
            author = s.author.as_deref().map(|a| format!(" by {}", esc(a))).unwrap_or_default(),
        );
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_escape_then_mark() {
        assert_eq!(
            snippet_html("a <script> \u{2}b&c\u{3} d"),
            "a &lt;script&gt; <mark>b&amp;c</mark> d"
        );
        // Unbalanced markers never leave an open tag.
        assert_eq!(snippet_html("\u{2}x"), "<mark>x</mark>");
        assert_eq!(snippet_html("x\u{3}y"), "xy");
    }

    #[test]
    fn path_segments_are_encoded() {
        assert_eq!(encode_segment("a b/../\"x\""), "a%20b%2F..%2F%22x%22");
        assert_eq!(encode_segment("doc~2"), "doc~2");
    }

    #[test]
    fn document_text_is_inert() {
        let mut d = Document::new("x\"><script>", "<img src=x onerror=alert(1)> \u{202E}evil");
        d.meta.url = Some("javascript:alert(1)".into());
        let html = document_body(&d);
        assert!(!html.contains("<img"));
        assert!(!html.contains("<script"));
        assert!(!html.contains("href=\"javascript"));
        assert!(!html.contains('\u{202E}'));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    }
}
