//! Plain text out of the dataset formats: CSV (text-like fields), TimeML
//! (`<TEXT>` content), HTML (optionally gzipped; tags, scripts and styles
//! dropped), CoNLL-U (`# text =` lines; GUM documents of non-commercially
//! licensed genres skipped) and anything else as plain text.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

/// GUM genres whose texts are licensed non-commercially (or have no text);
/// the same list as `crosscheck_pos::train::NC_GUM_GENRES`, kept here so the
/// crates stay independent.
pub const NC_GUM_GENRES: [&str; 6] = ["essay", "fiction", "letter", "podcast", "whow", "reddit"];

/// Errors reading clustering text.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    #[error("cannot read {0}")]
    Io(String),
    #[error("refusing {0}: test splits are never used")]
    TestSplit(String),
}

/// Text chunks (paragraphs or fields) of one file, by its format.
pub fn read_text_file(path: &Path) -> Result<Vec<String>, CorpusError> {
    let name = path
        .file_name()
        .map(|f| f.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if name.contains("test") {
        return Err(CorpusError::TestSplit(path.display().to_string()));
    }
    let io = |e: std::io::Error| CorpusError::Io(format!("{}: {e}", path.display()));
    let raw = std::fs::read(path).map_err(io)?;
    let bytes = if name.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .map_err(io)?;
        out
    } else {
        raw
    };
    let text = String::from_utf8_lossy(&bytes);
    let base = name.trim_end_matches(".gz");
    Ok(if base.ends_with(".csv") {
        csv_text(&bytes)
    } else if base.ends_with(".tml") {
        timeml_text(&text)
    } else if base.ends_with(".html") || base.ends_with(".htm") {
        html_text(&text)
    } else if base.ends_with(".conllu") {
        conllu_text(&text)
    } else {
        paragraphs(&text)
    })
}

/// Text-like CSV fields (with at least three spaces), each distinct field once.
fn csv_text(bytes: &[u8]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    for rec in r.records().map_while(Result::ok) {
        for f in rec.iter() {
            if f.matches(' ').count() >= 3 && seen.insert(crosscheck_learn::hash_str(f)) {
                out.extend(paragraphs(f));
            }
        }
    }
    out
}

fn paragraphs(t: &str) -> Vec<String> {
    t.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// Content of `<TEXT>` elements with tags removed.
fn timeml_text(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(s) = rest.find("<TEXT>") {
        let after = rest.get(s + 6..).unwrap_or("");
        let e = after.find("</TEXT>").unwrap_or(after.len());
        out.extend(paragraphs(&strip_tags(after.get(..e).unwrap_or(""))));
        rest = after.get(e..).unwrap_or("");
    }
    out
}

/// Visible-ish text of an HTML page: tags dropped, script/style content
/// dropped, block tags as paragraph breaks, common entities decoded.
fn html_text(t: &str) -> Vec<String> {
    let mut s = String::with_capacity(t.len() / 2);
    let mut rest = t;
    while let Some(lt) = rest.find('<') {
        s.push_str(rest.get(..lt).unwrap_or(""));
        let tag_part = rest.get(lt..).unwrap_or("");
        let gt = tag_part.find('>').map(|g| g + 1).unwrap_or(tag_part.len());
        let tag = tag_part.get(..gt).unwrap_or("").to_ascii_lowercase();
        rest = tag_part.get(gt..).unwrap_or("");
        let skip_to = |rest: &str, end: &str| -> usize {
            let low = rest.to_ascii_lowercase();
            low.find(end).map(|i| i + end.len()).unwrap_or(rest.len())
        };
        if tag.starts_with("<script") {
            let k = skip_to(rest, "</script>");
            rest = rest.get(k..).unwrap_or("");
        } else if tag.starts_with("<style") {
            let k = skip_to(rest, "</style>");
            rest = rest.get(k..).unwrap_or("");
        } else if tag.starts_with("<!--") {
            let k = rest.find("-->").map(|i| i + 3).unwrap_or(rest.len());
            rest = rest.get(k..).unwrap_or("");
        }
        let block = [
            "<p", "</p", "<div", "</div", "<br", "<li", "<h1", "<h2", "<h3", "<h4", "<tr", "<td",
            "<title", "</title",
        ];
        if block.iter().any(|b| tag.starts_with(b)) {
            s.push_str("\n\n");
        } else {
            s.push(' ');
        }
    }
    s.push_str(rest);
    let s = decode_entities(&s);
    // Collapse runs of whitespace inside paragraphs.
    paragraphs(&s)
        .into_iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| p.split(' ').count() >= 4)
        .collect()
}

fn strip_tags(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    let mut in_tag = false;
    for c in t.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => s.push(c),
            _ => {}
        }
    }
    decode_entities(&s)
}

fn decode_entities(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&rsquo;", "\u{2019}")
        .replace("&lsquo;", "\u{2018}")
        .replace("&ldquo;", "\u{201c}")
        .replace("&rdquo;", "\u{201d}")
        .replace("&mdash;", "\u{2014}")
        .replace("&ndash;", "\u{2013}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `# text =` lines, skipping GUM documents of non-commercial genres.
fn conllu_text(t: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut skip = false;
    for line in t.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            skip = id
                .trim()
                .strip_prefix("GUM_")
                .and_then(|r| r.split('_').next())
                .is_some_and(|g| NC_GUM_GENRES.contains(&g));
        } else if let Some(text) = line.strip_prefix("# text = ") {
            if !skip {
                out.push(text.trim().to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        let h = html_text("<html><head><style>p{x:1}</style><script>var a=1;</script></head><body><p>Rain fell on the town &amp; fields.</p><div>Two three four five</div></body>");
        assert_eq!(
            h,
            ["Rain fell on the town & fields.", "Two three four five"]
        );
        let t = timeml_text(
            "<DCT>x</DCT><TEXT>The <EVENT eid=\"e1\">sale</EVENT> ended.\n\nNext part here.</TEXT>",
        );
        assert_eq!(t, ["The sale ended.", "Next part here."]);
        let c = conllu_text("# newdoc id = GUM_fiction_a\n# text = Secret story.\n1\tx\n\n# newdoc id = GUM_news_b\n# text = Open news.\n");
        assert_eq!(c, ["Open news."]);
        let v = csv_text(b"id,body\n1,\"a b c d e\"\n2,\"a b c d e\"\n3,short\n");
        assert_eq!(v, ["a b c d e"]);
    }

    #[test]
    fn test_files_are_refused() {
        let e = read_text_file(Path::new("/nonexistent/en_ewt-ud-test.conllu"));
        assert!(matches!(e, Err(CorpusError::TestSplit(_))));
    }
}
