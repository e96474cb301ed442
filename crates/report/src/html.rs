//! One self-contained HTML page: no network, no external fonts or scripts.
//! Every source item expands (native `<details>`) to its sentence with the
//! span highlighted; a little script filters items by source and entity.

#![allow(clippy::write_with_newline)] // HTML source lines end where the markup does

use crate::escape::escape_html as esc;
use crate::snippet::sentence_around;
use base64::Engine;
use crosscheck_brief::{Brief, Claim, Discrepancy, TimelineEvent};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;

const CSS: &str = include_str!("brief.css");
const JS: &str = include_str!("brief.js");

fn csp_hash(s: &str) -> String {
    let digest = Sha256::digest(s.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The Content-Security-Policy for the page: nothing loads from anywhere, and
/// only our own style and script (by hash) run.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; style-src {}; script-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        csp_hash(CSS),
        csp_hash(JS)
    )
}

struct Ctx<'a> {
    b: &'a Brief,
    texts: HashMap<&'a str, &'a str>,
    claims: HashMap<&'a str, &'a Claim>,
    entity_names: HashMap<&'a str, &'a str>,
}

impl<'a> Ctx<'a> {
    fn evidence(&self, doc: &str, start: usize, end: usize) -> String {
        let Some(text) = self.texts.get(doc) else {
            return format!(
                "<p class=\"evidence\"><cite>{}</cite> bytes {start}–{end}</p>",
                esc(doc)
            );
        };
        let s = sentence_around(text, start, end);
        format!(
            "<blockquote class=\"evidence\">{}<mark>{}</mark>{} <cite>{} · {start}–{end}</cite></blockquote>",
            esc(s.before),
            esc(s.mark),
            esc(s.after),
            esc(doc)
        )
    }
}

fn json_attr<T: serde::Serialize>(v: &T) -> String {
    esc(&serde_json::to_string(v).unwrap_or_else(|_| "[]".into()))
}

/// Renders the brief as HTML. Document texts (`documents[].text`) are used to
/// show source sentences; without them items show offsets only.
pub fn render_html(b: &Brief) -> String {
    let ctx = Ctx {
        b,
        texts: b
            .documents
            .iter()
            .filter_map(|d| d.text.as_deref().map(|t| (d.id.as_str(), t)))
            .collect(),
        claims: b.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
        entity_names: b
            .entities
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect(),
    };
    let mut o = String::with_capacity(64 * 1024);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\
<meta name=\"referrer\" content=\"no-referrer\">\
<title>Cross-checked brief</title><style>{CSS}</style></head><body>\n",
        content_security_policy()
    );
    header(&mut o, &ctx);
    o.push_str("<main>\n");
    propositions(&mut o, &ctx);
    matrix(&mut o, &ctx);
    numbers(&mut o, &ctx);
    whos_who(&mut o, &ctx);
    timeline(&mut o, &ctx);
    quotes(&mut o, &ctx);
    sources(&mut o, &ctx);
    o.push_str("</main>\n");
    let _ = write!(o, "<script>{JS}</script>\n</body></html>\n");
    o
}

fn header(o: &mut String, c: &Ctx) {
    let b = c.b;
    let (analysed, dates) = crate::coverage(b);
    let range = match dates {
        Some((a, z)) if a != z => format!("{} to {}", esc(a), esc(z)),
        Some((a, _)) => esc(a),
        None => "unknown dates".into(),
    };
    let count = |s: &str| b.propositions.iter().filter(|p| p.status == s).count();
    let _ = write!(
        o,
        "<header><h1>Cross-checked brief</h1>\
<p class=\"summary\"><strong>{}</strong> sources ({} analysed), reports dated {}: \
<strong>{}</strong> agreed, <strong>{}</strong> disputed, <strong>{}</strong> single-source propositions; \
<strong>{}</strong> numbers that don't match; <strong>{}</strong> entities; <strong>{}</strong> quotes.</p>\n",
        b.documents.len(),
        analysed,
        range,
        count("consensus"),
        count("contested"),
        count("single-source"),
        b.discrepancies.len(),
        b.entities.len(),
        b.quotes.len()
    );
    o.push_str(
        "<nav aria-label=\"Sections\"><a href=\"#agreed\">Agreed</a> <a href=\"#disputed\">Disputed</a> \
<a href=\"#single\">Only one source</a> <a href=\"#matrix\">Stances</a> <a href=\"#numbers\">Numbers</a> \
<a href=\"#whos-who\">Who's who</a> <a href=\"#timeline\">Timeline</a> <a href=\"#quotes\">Who said what</a> \
<a href=\"#sources\">Sources</a></nav>\n",
    );
    o.push_str("<form id=\"filters\" class=\"filters\"><label>Source <select id=\"filter-doc\"><option value=\"\">All sources</option>");
    for d in &b.documents {
        let _ = write!(
            o,
            "<option value=\"{}\">{}</option>",
            esc(&d.id),
            esc(d.title.as_deref().unwrap_or(&d.id))
        );
    }
    o.push_str("</select></label> <label>Entity <select id=\"filter-entity\"><option value=\"\">All entities</option>");
    let mut ents: Vec<_> = b.entities.iter().collect();
    ents.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    for e in ents.iter().take(200) {
        let _ = write!(
            o,
            "<option value=\"{}\">{} ({})</option>",
            esc(&e.id),
            esc(&e.name),
            esc(&e.kind)
        );
    }
    o.push_str("</select></label> <output id=\"filter-count\" aria-live=\"polite\"></output></form></header>\n");
}

fn propositions(o: &mut String, c: &Ctx) {
    for (status, id, title) in [
        ("consensus", "agreed", "Agreed"),
        ("contested", "disputed", "Disputed"),
        ("single-source", "single", "Only one source says"),
    ] {
        let _ = write!(o, "<section id=\"{id}\"><h2>{title}</h2>\n");
        let props: Vec<_> =
            c.b.propositions
                .iter()
                .filter(|p| p.status == status)
                .collect();
        if props.is_empty() {
            o.push_str("<p class=\"empty\">None.</p>");
        }
        for p in props {
            let docs: BTreeSet<&str> = p.stances.iter().map(|s| s.doc.as_str()).collect();
            let mut ents = BTreeSet::new();
            for cid in &p.claims {
                if let Some(cl) = c.claims.get(cid.as_str()) {
                    ents.extend(cl.entities.iter().map(|e| e.as_str()));
                }
            }
            let _ = write!(
                o,
                "<article class=\"item\" data-docs=\"{}\" data-entities=\"{}\"><details><summary>{} ",
                json_attr(&docs),
                json_attr(&ents),
                esc(&p.summary)
            );
            for s in &p.stances {
                let who = if s.comment {
                    format!("{} (comments)", s.doc)
                } else {
                    s.doc.clone()
                };
                let mut notes = String::new();
                if s.hedged {
                    notes.push_str(", hedged");
                }
                if s.evidence.as_deref() == Some("noted-missing") {
                    notes.push_str(", no evidence given");
                }
                let _ = write!(
                    o,
                    "<span class=\"stance {}\">{}: {}{}</span> ",
                    esc(&s.stance),
                    esc(&who),
                    esc(&s.stance),
                    esc(&notes)
                );
            }
            o.push_str("</summary>");
            for cid in &p.claims {
                if let Some(cl) = c.claims.get(cid.as_str()) {
                    let who = cl
                        .speaker
                        .as_ref()
                        .map(|s| s.text.as_str())
                        .unwrap_or(cl.voice.as_str());
                    let _ = write!(
                        o,
                        "<p class=\"claim-meta\">{} · {} · evidence {}</p>{}",
                        esc(who),
                        esc(&cl.modality),
                        esc(&cl.evidence),
                        c.evidence(&cl.doc, cl.start, cl.end)
                    );
                }
            }
            o.push_str("</details></article>\n");
        }
        o.push_str("</section>\n");
    }
}

fn matrix(o: &mut String, c: &Ctx) {
    o.push_str("<section id=\"matrix\"><h2>Stance of every source</h2>\n");
    let props: Vec<_> =
        c.b.propositions
            .iter()
            .filter(|p| p.status != "single-source")
            .collect();
    if props.is_empty() {
        o.push_str(
            "<p class=\"empty\">No proposition is covered by more than one source.</p></section>\n",
        );
        return;
    }
    let docs: Vec<&str> =
        c.b.documents
            .iter()
            .filter(|d| d.status == "analyzed")
            .map(|d| d.id.as_str())
            .collect();
    o.push_str("<div class=\"scroll\"><table class=\"matrix\"><caption>Rows: propositions; columns: sources. S supports, D disputes, R reports without endorsing.</caption><thead><tr><th scope=\"col\">Proposition</th>");
    for d in &docs {
        let _ = write!(o, "<th scope=\"col\">{}</th>", esc(d));
    }
    o.push_str("</tr></thead><tbody>");
    for p in props {
        let by_doc: HashMap<&str, &str> = p
            .stances
            .iter()
            .map(|s| (s.doc.as_str(), s.stance.as_str()))
            .collect();
        let ds: BTreeSet<&str> = by_doc.keys().copied().collect();
        let _ = write!(
            o,
            "<tr class=\"item\" data-docs=\"{}\" data-entities=\"[]\"><th scope=\"row\">{}</th>",
            json_attr(&ds),
            esc(&p.summary)
        );
        for d in &docs {
            match by_doc.get(d) {
                Some(s) => {
                    let letter = match *s {
                        "supports" => "S",
                        "disputes" => "D",
                        _ => "R",
                    };
                    let _ = write!(
                        o,
                        "<td class=\"stance {}\" title=\"{}\">{letter}</td>",
                        esc(s),
                        esc(s)
                    );
                }
                None => o.push_str("<td></td>"),
            }
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table></div></section>\n");
}

/// First number in a string like "at least 30" or "2,500".
fn leading_number(s: &str) -> Option<f64> {
    let mut digits = String::new();
    let mut started = false;
    for ch in s.chars() {
        if ch.is_ascii_digit() || (started && (ch == '.' || ch == ',')) {
            started = true;
            if ch != ',' {
                digits.push(ch);
            }
        } else if started {
            break;
        }
    }
    digits.trim_end_matches('.').parse().ok()
}

fn discrepancy_chart(d: &Discrepancy) -> String {
    // Dates are listed, not charted as numbers.
    if d.kind != "quantity" {
        return String::new();
    }
    let vals: Vec<(String, f64)> = d
        .values
        .iter()
        .filter_map(|v| {
            leading_number(&v.value)
                .map(|n| (v.reported.clone().unwrap_or_else(|| "undated".into()), n))
        })
        .collect();
    if vals.len() < 2 {
        return String::new();
    }
    let max = vals.iter().fold(0f64, |a, (_, v)| a.max(*v)).max(1.0);
    let (w, h, bar) = (60 * vals.len() + 20, 120, 40);
    let mut s = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{} by report date\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\">",
        esc(&d.measure)
    );
    for (i, (label, v)) in vals.iter().enumerate() {
        let bh = (v / max * 80.0).max(1.0);
        let x = 10 + i * 60;
        let _ = write!(
            s,
            "<rect x=\"{x}\" y=\"{:.1}\" width=\"{bar}\" height=\"{bh:.1}\" fill=\"#4a6fa5\"></rect>\
<text x=\"{}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"middle\">{}</text>\
<text x=\"{}\" y=\"115\" font-size=\"9\" text-anchor=\"middle\">{}</text>",
            95.0 - bh,
            x + bar / 2,
            92.0 - bh,
            v,
            x + bar / 2,
            esc(label)
        );
    }
    s.push_str("</svg>");
    s
}

fn numbers(o: &mut String, c: &Ctx) {
    o.push_str("<section id=\"numbers\"><h2>Numbers that don't match</h2>\n");
    if c.b.discrepancies.is_empty() {
        o.push_str("<p class=\"empty\">No discrepancies found.</p>");
    }
    for d in &c.b.discrepancies {
        let docs: BTreeSet<&str> = d
            .values
            .iter()
            .flat_map(|v| v.docs.iter().map(|x| x.as_str()))
            .collect();
        let _ = write!(
            o,
            "<article class=\"item\" data-docs=\"{}\" data-entities=\"[]\"><h3>{} <small>({})</small></h3>{}<ul>",
            json_attr(&docs),
            esc(&d.measure),
            esc(&d.kind),
            discrepancy_chart(d)
        );
        for v in &d.values {
            let ds: Vec<String> = v.docs.iter().map(|x| esc(x)).collect();
            let _ = write!(
                o,
                "<li><strong>{}</strong> — {}{}</li>",
                esc(&v.value),
                ds.join(", "),
                v.reported
                    .as_deref()
                    .map(|r| format!(", reported {}", esc(r)))
                    .unwrap_or_default()
            );
        }
        o.push_str("</ul></article>\n");
    }
    if !c.b.quantities.is_empty() {
        o.push_str("<details><summary>All numbers</summary><ul class=\"numbers\">");
        for q in &c.b.quantities {
            let _ = write!(
                o,
                "<li class=\"item\" data-docs=\"{}\" data-entities=\"[]\"><details><summary><strong>{}</strong> {} {} <small>{}</small></summary>{}</details></li>",
                json_attr(&[&q.doc]),
                esc(&q.text),
                esc(&q.qualifier),
                esc(q.measure.as_deref().unwrap_or("")),
                esc(&q.doc),
                c.evidence(&q.doc, q.start, q.end)
            );
        }
        o.push_str("</ul></details>");
    }
    o.push_str("</section>\n");
}

fn whos_who(o: &mut String, c: &Ctx) {
    o.push_str("<section id=\"whos-who\"><h2>Who's who</h2>\n");
    if c.b.entities.is_empty() {
        o.push_str("<p class=\"empty\">No entities.</p>");
    }
    for e in &c.b.entities {
        let docs: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
        let _ = write!(
            o,
            "<article class=\"item entity\" data-docs=\"{}\" data-entities=\"{}\"><details><summary><strong>{}</strong> <span class=\"type\">{}</span> · {} mentions in {} sources",
            json_attr(&docs),
            json_attr(&[&e.id]),
            esc(&e.name),
            esc(&e.kind),
            e.mentions.len(),
            docs.len()
        );
        if !e.aliases.is_empty() {
            let a: Vec<String> = e.aliases.iter().map(|x| esc(x)).collect();
            let _ = write!(o, " · also {}", a.join(", "));
        }
        o.push_str("</summary>");
        for p in &e.possible_same_as {
            let name = c
                .entity_names
                .get(p.entity.as_str())
                .copied()
                .unwrap_or(&p.entity);
            let _ = write!(
                o,
                "<p class=\"maybe\">Possibly the same as <strong>{}</strong> ({:.2}): {}</p>",
                esc(name),
                p.score,
                esc(&p.reason)
            );
        }
        for m in e.mentions.iter().take(5) {
            o.push_str(&c.evidence(&m.doc, m.start, m.end));
        }
        if e.mentions.len() > 5 {
            let _ = write!(
                o,
                "<p class=\"more\">… and {} more mentions</p>",
                e.mentions.len() - 5
            );
        }
        o.push_str("</details></article>\n");
    }
    o.push_str("</section>\n");
}

/// Days since 1970-01-01 for a YYYY[-MM[-DD]] or YYYY-Www value.
fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.get(..4)?.parse().ok()?;
    let (m, d) = match parts.next() {
        Some(w) if w.starts_with('W') => {
            let week: i64 = w.get(1..)?.parse().ok()?;
            return Some(civil_days(y, 1, 4) + (week - 1) * 7);
        }
        Some(m) => (
            m.parse().ok()?,
            parts
                .next()
                .and_then(|d| d.get(..2))
                .and_then(|d| d.parse().ok())
                .unwrap_or(1),
        ),
        None => (1, 1),
    };
    Some(civil_days(y, m, d))
}

/// Howard Hinnant's days_from_civil.
fn civil_days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn timeline_chart(events: &[&TimelineEvent]) -> String {
    let pts: Vec<(i64, &TimelineEvent)> = events
        .iter()
        .filter_map(|e| day_number(&e.date).map(|d| (d, *e)))
        .collect();
    if pts.is_empty() {
        return String::new();
    }
    let lo = pts.iter().map(|p| p.0).min().unwrap_or(0);
    let hi = pts.iter().map(|p| p.0).max().unwrap_or(0).max(lo + 1);
    let (w, h) = (760.0, 90.0);
    let x = |d: i64| 20.0 + (d - lo) as f64 / (hi - lo) as f64 * (w - 40.0);
    let mut s = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"Timeline of dated events\" viewBox=\"0 0 {w} {h}\" width=\"100%\" height=\"{h}\">\
<line x1=\"20\" y1=\"50\" x2=\"{}\" y2=\"50\" stroke=\"#888\"></line>",
        w - 20.0
    );
    let mut per_day: BTreeMap<i64, usize> = BTreeMap::new();
    for (d, e) in &pts {
        let n = per_day.entry(*d).or_insert(0);
        *n += 1;
        let sources: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
        let r = 3.0 + 2.0 * sources.len().min(5) as f64;
        let _ = write!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{}\" r=\"{r:.1}\" fill=\"#c0504d\" fill-opacity=\"0.7\"><title>{} — {}</title></circle>",
            x(*d),
            50 - 12 * (*n as i64 - 1).min(3),
            esc(&e.date),
            esc(&e.summary)
        );
    }
    for d in per_day.keys() {
        let label = pts
            .iter()
            .find(|p| p.0 == *d)
            .map(|p| p.1.date.as_str())
            .unwrap_or("");
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"80\" font-size=\"9\" text-anchor=\"middle\">{}</text>",
            x(*d),
            esc(label)
        );
    }
    s.push_str("</svg>");
    s
}

fn timeline(o: &mut String, c: &Ctx) {
    o.push_str("<section id=\"timeline\"><h2>Timeline</h2>\n");
    let events: Vec<&TimelineEvent> = c.b.timeline.iter().collect();
    if events.is_empty() {
        o.push_str("<p class=\"empty\">No dated events.</p></section>\n");
        return;
    }
    o.push_str(&timeline_chart(&events));
    o.push_str("<ol class=\"timeline\">");
    for e in events {
        let docs: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
        let _ = write!(
            o,
            "<li class=\"item\" data-docs=\"{}\" data-entities=\"{}\"><details><summary><time>{}</time> {} <small>({} sources)</small></summary>",
            json_attr(&docs),
            json_attr(&e.entities),
            esc(&e.date),
            esc(&e.summary),
            docs.len()
        );
        for m in &e.mentions {
            o.push_str(&c.evidence(&m.doc, m.start, m.end));
        }
        o.push_str("</details></li>\n");
    }
    o.push_str("</ol></section>\n");
}

fn quotes(o: &mut String, c: &Ctx) {
    o.push_str("<section id=\"quotes\"><h2>Who said what</h2>\n");
    if c.b.quotes.is_empty() {
        o.push_str("<p class=\"empty\">No quotes.</p>");
    }
    for q in &c.b.quotes {
        let who = q
            .speaker
            .as_ref()
            .map(|s| s.text.as_str())
            .unwrap_or("unknown speaker");
        let ents: Vec<&str> = q
            .speaker
            .as_ref()
            .and_then(|s| s.entity.as_deref())
            .into_iter()
            .collect();
        let _ = write!(
            o,
            "<article class=\"item quote\" data-docs=\"{}\" data-entities=\"{}\"><details><summary><strong>{}</strong> {} <span class=\"kind\">{}</span>: “{}”</summary>{}</details></article>\n",
            json_attr(&[&q.doc]),
            json_attr(&ents),
            esc(who),
            esc(q.cue.as_deref().unwrap_or("")),
            if q.direct { "quote" } else { "reported" },
            esc(&q.content),
            c.evidence(&q.doc, q.start, q.end)
        );
    }
    o.push_str("</section>\n");
}

fn sources(o: &mut String, c: &Ctx) {
    o.push_str("<section id=\"sources\"><h2>Sources</h2><div class=\"scroll\"><table><thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Published</th><th scope=\"col\">Status</th><th scope=\"col\">Claims</th><th scope=\"col\">Hedged</th><th scope=\"col\">Attributed</th><th scope=\"col\">Loaded terms (own voice)</th><th scope=\"col\">Only this source</th></tr></thead><tbody>");
    let profiles: HashMap<&str, _> = c.b.sources.iter().map(|s| (s.doc.as_str(), s)).collect();
    for d in &c.b.documents {
        let status = match (&d.skip_reason, &d.duplicate_of) {
            (Some(r), _) => format!("skipped: {}", esc(r)),
            (None, Some(x)) => format!("duplicate of {}", esc(x)),
            _ => esc(&d.status),
        };
        let _ = write!(
            o,
            "<tr class=\"item\" data-docs=\"{}\" data-entities=\"[]\"><th scope=\"row\">{}<br><small>{}{}</small></th><td>{}</td><td>{}</td>",
            json_attr(&[&d.id]),
            esc(d.title.as_deref().unwrap_or(&d.id)),
            esc(&d.id),
            d.outlet.as_deref().map(|x| format!(" · {}", esc(x))).unwrap_or_default(),
            d.published.as_deref().map(|p| format!("{} ({})", esc(p), esc(&d.date_source))).unwrap_or_else(|| "unknown".into()),
            status
        );
        match profiles.get(d.id.as_str()) {
            Some(p) => {
                let terms: Vec<String> = p
                    .loaded_terms
                    .iter()
                    .map(|t| format!("{} ×{}", esc(&t.term), t.count))
                    .collect();
                let _ = write!(
                    o,
                    "<td>{}</td><td>{:.0}%</td><td>{:.0}%</td><td>{}</td><td>{}</td></tr>",
                    p.claims,
                    p.hedged_share * 100.0,
                    p.attributed_share * 100.0,
                    terms.join(", "),
                    p.exclusive_claims.len()
                );
            }
            None => o.push_str("<td></td><td></td><td></td><td></td><td></td></tr>"),
        }
    }
    o.push_str("</tbody></table></div></section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_order_on_the_axis() {
        assert!(day_number("2022-01-05").unwrap() < day_number("2022-01-06").unwrap());
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert!(day_number("2022-W02").unwrap() > day_number("2022-01-01").unwrap());
        assert!(day_number("2022").is_some());
        assert!(day_number("junk").is_none());
    }

    #[test]
    fn reads_leading_numbers() {
        assert_eq!(leading_number("at least 30"), Some(30.0));
        assert_eq!(leading_number("2,500"), Some(2500.0));
        assert_eq!(leading_number("dozens"), None);
    }
}
