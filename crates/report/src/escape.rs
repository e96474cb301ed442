//! Escaping for untrusted text.

/// Replaces bidi controls and other invisible format/control characters
/// with a visible `[U+XXXX]` so they cannot reorder or hide what a reader sees.
pub fn neutralise_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        let bidi = matches!(cp, 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069 | 0x061C);
        let control = c.is_control() && c != '\n' && c != '\t';
        if bidi || control {
            out.push_str(&format!("[U+{cp:04X}]"));
        } else {
            out.push(c);
        }
    }
    out
}

/// HTML-escapes text for element content and quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let s = neutralise_controls(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes Markdown syntax and raw HTML so text renders literally, on one
/// line. Meant for inline positions: callers never start a line with it.
pub fn escape_markdown(s: &str) -> String {
    let s = neutralise_controls(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            // Text is always placed inline (never at a line start), so only
            // inline syntax needs escaping; `[`/`]` escaped means no link can form.
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '>' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_inert() {
        let s = escape_html("<script>alert('x')</script><img src=x onerror=\"y\">");
        assert!(!s.contains('<'));
        assert!(!s.contains('"'));
        assert!(s.contains("&lt;script&gt;"));
    }

    #[test]
    fn bidi_override_is_visible() {
        assert_eq!(neutralise_controls("a\u{202E}b"), "a[U+202E]b");
        assert!(escape_markdown("x\u{2066}").contains("\\[U+2066\\]"));
    }

    #[test]
    fn markdown_links_and_html_are_escaped() {
        let s = escape_markdown("[click](javascript:alert(1)) <b>x</b>\n# title");
        // Every `](` is escaped, so no link can form.
        assert_eq!(s.matches("](").count(), s.matches("\\](").count());
        assert!(!s.contains('<'));
        assert!(!s.contains('\n'));
        assert!(s.contains("\\[click\\](javascript"));
    }
}
