//! Page metadata (title, author, date, site, URL, language) from `<title>`, meta tags,
//! JSON-LD and `<html lang>`, merged with what the body extractor found.

use std::sync::OnceLock;

use chrono::{DateTime, Datelike, NaiveDate};
use regex::Regex;

/// Only this much of the page is scanned for head metadata.
const HEAD_SCAN_BYTES: usize = 512 * 1024;
/// JSON-LD blocks larger than this are skipped.
const MAX_JSONLD_BYTES: usize = 256 * 1024;

#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<NaiveDate>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    /// `articleBody` of a JSON-LD article, if any.
    pub article_body: Option<String>,
}

struct Res {
    html_lang: Regex,
    meta: Regex,
    attr: Regex,
    title: Regex,
    jsonld: Regex,
    canonical: Regex,
    ymd: Regex,
    ld_body_key: Regex,
    url_ymd: Regex,
    mdy: Regex,
    dmy: Regex,
    time_tag: Regex,
}

fn res() -> Option<&'static Res> {
    static R: OnceLock<Option<Res>> = OnceLock::new();
    R.get_or_init(|| {
        Some(Res {
            html_lang: Regex::new(r#"(?is)<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)"#).ok()?,
            meta: Regex::new(r"(?is)<meta\b[^>]*>").ok()?,
            attr: Regex::new(r#"(?is)([a-z:_-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"#).ok()?,
            title: Regex::new(r"(?is)<title\b[^>]*>(.*?)</title>").ok()?,
            jsonld: Regex::new(r#"(?is)<script\b[^>]*application/ld\+json[^>]*>(.*?)</script>"#).ok()?,
            canonical: Regex::new(r#"(?is)<link\b[^>]*\brel\s*=\s*["']?canonical[^>]*>"#).ok()?,
            ymd: Regex::new(r"(\d{4})-(\d{1,2})-(\d{1,2})").ok()?,
            mdy: Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b").ok()?,
            dmy: Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b").ok()?,
            url_ymd: Regex::new(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^\d])").ok()?,
            time_tag: Regex::new(r#"(?is)<(?:time|span|div|abbr|p)\b[^>]*(?:itemprop\s*=\s*["']?datePublished|\bpubdate\b)[^>]*>|<time\b[^>]*\bdatetime\s*=[^>]*>"#).ok()?,
            ld_body_key: Regex::new(r#""articleBody"\s*:"#).ok()?,
        })
    })
    .as_ref()
}

/// Renames the JSON `articleBody` key (not the `itemprop="articleBody"` attribute)
/// so that the body extractor reads the DOM.
pub(crate) fn hide_jsonld_body(html: &str) -> std::borrow::Cow<'_, str> {
    match res() {
        Some(r) if html.contains("\"articleBody\"") => {
            r.ld_body_key.replace_all(html, "\"articleBody_\":")
        }
        _ => std::borrow::Cow::Borrowed(html),
    }
}

/// Decodes the common HTML character references.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(rest.get(..p).unwrap_or(""));
        let tail = rest.get(p..).unwrap_or("");
        let semi = tail.get(..tail.len().min(12)).and_then(|t| t.find(';'));
        let decoded = semi.and_then(|e| {
            let ent = tail.get(1..e)?;
            let c = match ent {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                "nbsp" => ' ',
                "rsquo" => '\u{2019}',
                "lsquo" => '\u{2018}',
                "rdquo" => '\u{201D}',
                "ldquo" => '\u{201C}',
                "ndash" => '\u{2013}',
                "mdash" => '\u{2014}',
                _ => {
                    let num = ent.strip_prefix('#')?;
                    let v = match num.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(v)?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn clean(s: &str) -> Option<String> {
    let t = decode_entities(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if t.is_empty() || t.len() > 1000 {
        None
    } else {
        Some(t)
    }
}

/// A date at the start of an ISO-like string ("2021-03-04T10:00:00Z", "2021-3-4").
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive()).filter(plausible);
    }
    let r = res()?;
    let head = s.get(..s.len().min(60))?;
    if let Some(c) = r.ymd.captures(head) {
        let y: i32 = c.get(1)?.as_str().parse().ok()?;
        let m: u32 = c.get(2)?.as_str().parse().ok()?;
        let d: u32 = c.get(3)?.as_str().parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d).filter(plausible);
    }
    // "Nov 19, 2019", "Tue Nov 19 2019 05:44", "19 November 2019"
    let (m, d, y) = if let Some(c) = r.mdy.captures(head) {
        (c.get(1)?.as_str(), c.get(2)?.as_str(), c.get(3)?.as_str())
    } else {
        let c = r.dmy.captures(head)?;
        (c.get(2)?.as_str(), c.get(1)?.as_str(), c.get(3)?.as_str())
    };
    let m = month_number(m)?;
    NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?).filter(plausible)
}

/// Month number of an English month name or its abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| n.starts_with(m))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Publication dates outside this range are placeholders ("0001-01-01") or typos.
fn plausible(d: &NaiveDate) -> bool {
    (1990..=2100).contains(&d.year())
}

/// A date written as path segments of a URL ("/2019/11/18/").
pub(crate) fn url_date(url: &str) -> Option<NaiveDate> {
    let c = res()?.url_ymd.captures(url)?;
    let y: i32 = c.get(1)?.as_str().parse().ok()?;
    let m: u32 = c.get(2)?.as_str().parse().ok()?;
    let d: u32 = c.get(3)?.as_str().parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d).filter(plausible)
}

/// Drops a leading "By " from a byline.
fn strip_by(a: String) -> String {
    let t = a.trim();
    match t.get(..3) {
        Some(p) if p.eq_ignore_ascii_case("by ") => t.get(3..).unwrap_or("").trim().to_string(),
        _ => t.to_string(),
    }
}

/// Attributes of one tag, names lower-cased.
fn attrs(tag: &str) -> Vec<(String, String)> {
    let Some(r) = res() else { return Vec::new() };
    r.attr
        .captures_iter(tag)
        .filter_map(|c| {
            let k = c.get(1)?.as_str().to_ascii_lowercase();
            let v = c.get(2).or(c.get(3)).or(c.get(4))?.as_str().to_string();
            Some((k, v))
        })
        .collect()
}

fn json_name(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => clean(s),
        serde_json::Value::Object(o) => o.get("name").and_then(json_name),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(json_name).collect();
            if names.is_empty() {
                None
            } else {
                Some(names.join(", "))
            }
        }
        _ => None,
    }
}

#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    author: Option<String>,
    published: Option<NaiveDate>,
    publisher: Option<String>,
    body: Option<String>,
}

fn is_article_type(t: &serde_json::Value) -> bool {
    let check = |s: &str| {
        s.ends_with("Article")
            || s.ends_with("Posting")
            || s == "Report"
            || s == "WebPage"
            || s == "Review"
    };
    match t {
        serde_json::Value::String(s) => check(s),
        serde_json::Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(check)),
        _ => false,
    }
}

fn walk_jsonld(v: &serde_json::Value, depth: usize, out: &mut JsonLd) {
    if depth > 8 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| walk_jsonld(x, depth + 1, out)),
        serde_json::Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                walk_jsonld(g, depth + 1, out);
            }
            if o.get("@type").is_some_and(is_article_type) {
                let webpage = o.get("@type").and_then(|t| t.as_str()) == Some("WebPage");
                if out.headline.is_none() && !webpage {
                    out.headline = o.get("headline").and_then(json_name);
                }
                if out.author.is_none() {
                    out.author = o.get("author").or(o.get("creator")).and_then(json_name);
                }
                if out.published.is_none() {
                    out.published = o
                        .get("datePublished")
                        .or(o.get("dateCreated"))
                        .and_then(|d| d.as_str())
                        .and_then(parse_date);
                }
                if out.body.is_none() && !webpage {
                    out.body = o
                        .get("articleBody")
                        .and_then(|b| b.as_str())
                        .map(decode_entities)
                        .filter(|b| !b.trim().is_empty());
                }
                if out.publisher.is_none() {
                    out.publisher = o.get("publisher").and_then(json_name);
                }
            }
        }
        _ => {}
    }
}

fn head_part(html: &str) -> &str {
    let mut end = html.len().min(HEAD_SCAN_BYTES);
    while end > 0 && !html.is_char_boundary(end) {
        end -= 1;
    }
    html.get(..end).unwrap_or("")
}

/// Metadata of a page: own scans first where they are the most reliable, then the body extractor's.
pub(crate) fn page_meta(html: &str, traf: Option<&rs_trafilatura::Metadata>) -> PageMeta {
    let Some(r) = res() else {
        return PageMeta::default();
    };
    let head = head_part(html);
    let mut m: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for tag in r.meta.find_iter(head) {
        let a = attrs(tag.as_str());
        let key = a
            .iter()
            .find(|(k, _)| k == "property" || k == "name" || k == "itemprop")
            .map(|(_, v)| v.to_ascii_lowercase());
        let content = a
            .iter()
            .find(|(k, _)| k == "content")
            .map(|(_, v)| v.clone());
        if let (Some(k), Some(c)) = (key, content) {
            m.entry(k).or_insert(c);
        }
    }
    let get = |keys: &[&str]| keys.iter().find_map(|k| m.get(*k).and_then(|v| clean(v)));

    let mut ld = JsonLd::default();
    for c in r.jsonld.captures_iter(html).take(20) {
        let Some(body) = c.get(1) else { continue };
        if body.as_str().len() > MAX_JSONLD_BYTES {
            continue;
        }
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(body.as_str().trim()) {
            walk_jsonld(&v, 0, &mut ld);
        }
    }

    let html_title = r
        .title
        .captures(head)
        .and_then(|c| c.get(1))
        .and_then(|t| clean(t.as_str()));
    let lang = r
        .html_lang
        .captures(head)
        .and_then(|c| c.get(1))
        .map(|l| l.as_str().to_string());
    let canonical = r
        .canonical
        .find(head)
        .and_then(|t| {
            attrs(t.as_str())
                .into_iter()
                .find(|(k, _)| k == "href")
                .map(|(_, v)| v)
        })
        .filter(|u| u.starts_with("http"));

    let meta_date = get(&[
        "article:published_time",
        "datepublished",
        "og:published_time",
        "pubdate",
        "publishdate",
        "publish-date",
        "parsely-pub-date",
        "sailthru.date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "date",
    ])
    .and_then(|d| parse_date(&d))
    .or_else(|| {
        // <time datetime=...> / itemprop=datePublished in the page
        r.time_tag.find_iter(html).take(20).find_map(|t| {
            attrs(t.as_str())
                .into_iter()
                .find(|(k, _)| k == "datetime" || k == "content")
                .and_then(|(_, v)| parse_date(&v))
        })
    });
    let meta_author = get(&[
        "author",
        "article:author",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
    ])
    .filter(|a| !a.starts_with("http"));

    let t = traf;
    let url = get(&["og:url"])
        .filter(|u| u.starts_with("http"))
        .or(canonical)
        .or_else(|| t.and_then(|t| t.url.clone()));
    PageMeta {
        title: t
            .and_then(|t| t.title.clone())
            .and_then(|s| clean(&s))
            .or(ld.headline)
            .or_else(|| get(&["og:title", "twitter:title"]))
            .or(html_title),
        author: meta_author
            .or(ld.author)
            .or_else(|| t.and_then(|t| t.author.clone()).and_then(|s| clean(&s)))
            .map(strip_by)
            .filter(|a| !a.is_empty()),
        published: ld
            .published
            .or(meta_date)
            .or_else(|| t.and_then(|t| t.date).map(|d| d.date_naive()))
            .filter(plausible)
            .or_else(|| url.as_deref().and_then(url_date)),
        site_name: get(&["og:site_name", "application-name"])
            .or(ld.publisher)
            .or_else(|| t.and_then(|t| t.sitename.clone()).and_then(|s| clean(&s))),
        url,
        article_body: ld.body,
        language: lang
            .or_else(|| get(&["og:locale", "language", "content-language"]))
            .or_else(|| t.and_then(|t| t.language.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("A &amp; B &#39;x&#x27; &bogus; &"),
            "A & B 'x' &bogus; &"
        );
    }

    #[test]
    fn dates_parse() {
        assert_eq!(
            parse_date("2022-01-13T08:00:00+06:00"),
            NaiveDate::from_ymd_opt(2022, 1, 13)
        );
        assert_eq!(
            parse_date("2019-11-5 10:00"),
            NaiveDate::from_ymd_opt(2019, 11, 5)
        );
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(
            parse_date("Tue Nov 19 2019 05:44:06 GMT+0000"),
            NaiveDate::from_ymd_opt(2019, 11, 19)
        );
        assert_eq!(
            parse_date("19 November 2019"),
            NaiveDate::from_ymd_opt(2019, 11, 19)
        );
        assert_eq!(parse_date("0001-01-01T00:00:00Z"), None);
        assert_eq!(
            url_date("https://x.org/2019/11/18/story.html"),
            NaiveDate::from_ymd_opt(2019, 11, 18)
        );
    }

    #[test]
    fn jsonld_article_fields() {
        let h = r#"<html lang="pt-BR"><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Bridge opens","datePublished":"2020-05-06T07:00:00Z","author":[{"@type":"Person","name":"Ana Silva"}],"publisher":{"@type":"Organization","name":"Example News"}}]}</script></head><body></body></html>"#;
        let m = page_meta(h, None);
        assert_eq!(m.title.as_deref(), Some("Bridge opens"));
        assert_eq!(m.author.as_deref(), Some("Ana Silva"));
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2020, 5, 6));
        assert_eq!(m.site_name.as_deref(), Some("Example News"));
        assert_eq!(m.language.as_deref(), Some("pt-BR"));
    }
}
