//! Markdown brief: readable in a terminal and on GitHub.

use crate::escape::escape_markdown as esc;
use crosscheck_brief::{Brief, Claim};
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

/// Renders the brief as Markdown. All document-derived text is escaped.
pub fn render_markdown(b: &Brief) -> String {
    let mut o = String::new();
    let claims: HashMap<&str, &Claim> = b.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let _ = writeln!(o, "# Cross-checked brief\n");
    summary(&mut o, b);
    agreed_disputed(&mut o, b, &claims);
    discrepancies(&mut o, b);
    whos_who(&mut o, b);
    timeline(&mut o, b);
    quotes(&mut o, b);
    numbers(&mut o, b);
    sources(&mut o, b);
    o
}

fn summary(o: &mut String, b: &Brief) {
    let (analysed, dates) = crate::coverage(b);
    let range = match dates {
        Some((a, z)) if a != z => format!("{a} to {z}"),
        Some((a, _)) => a.to_string(),
        None => "unknown".to_string(),
    };
    let _ = writeln!(
        o,
        "{} documents ({} analysed), reports dated {}. {} entities, {} claims, {} propositions, {} number discrepancies.\n",
        b.documents.len(),
        analysed,
        range,
        b.entities.len(),
        b.claims.len(),
        b.propositions.len(),
        b.discrepancies.len()
    );
}

fn claim_line(c: &Claim) -> String {
    let who = match &c.speaker {
        Some(s) => format!("{} ({})", esc(&s.text), c.voice),
        None => c.voice.clone(),
    };
    format!(
        "{} — *{}*, {}, {} \\[{}:{}–{}\\]",
        esc(&c.text),
        who,
        c.modality,
        c.evidence,
        esc(&c.doc),
        c.start,
        c.end
    )
}

fn agreed_disputed(o: &mut String, b: &Brief, claims: &HashMap<&str, &Claim>) {
    for (status, title) in [
        ("consensus", "Agreed"),
        ("contested", "Disputed"),
        ("single-source", "Only one source says"),
    ] {
        let props: Vec<_> = b
            .propositions
            .iter()
            .filter(|p| p.status == status)
            .collect();
        let _ = writeln!(o, "## {title}\n");
        if props.is_empty() {
            let _ = writeln!(o, "_None._\n");
            continue;
        }
        for p in props {
            let stances: Vec<String> = p
                .stances
                .iter()
                .map(|s| {
                    let who = if s.comment {
                        format!("{} (comments)", s.doc)
                    } else {
                        s.doc.clone()
                    };
                    let hedged = if s.hedged { ", hedged" } else { "" };
                    format!("{}: {}{}", esc(&who), s.stance, hedged)
                })
                .collect();
            let _ = writeln!(o, "- **{}** ({})", esc(&p.summary), stances.join("; "));
            for id in &p.claims {
                if let Some(c) = claims.get(id.as_str()) {
                    let _ = writeln!(o, "  - {}", claim_line(c));
                }
            }
        }
        o.push('\n');
    }
}

fn discrepancies(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## Numbers that don't match\n");
    if b.discrepancies.is_empty() {
        let _ = writeln!(o, "_None found._\n");
        return;
    }
    for d in &b.discrepancies {
        let vals: Vec<String> = d
            .values
            .iter()
            .map(|v| {
                let docs: Vec<String> = v.docs.iter().map(|x| esc(x)).collect();
                match &v.reported {
                    Some(r) => format!("{} ({}, reported {})", esc(&v.value), docs.join(", "), r),
                    None => format!("{} ({})", esc(&v.value), docs.join(", ")),
                }
            })
            .collect();
        let _ = writeln!(
            o,
            "- **{}** ({}): {}",
            esc(&d.measure),
            d.kind,
            vals.join(" · ")
        );
    }
    o.push('\n');
}

fn whos_who(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## Who's who\n");
    if b.entities.is_empty() {
        let _ = writeln!(o, "_No entities._\n");
        return;
    }
    let _ = writeln!(
        o,
        "| Name | Type | Also written | Mentions | Sources | Possibly the same as |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|");
    let names: HashMap<&str, &str> = b
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    for e in &b.entities {
        let docs: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
        let aliases: Vec<String> = e.aliases.iter().map(|a| esc(a)).collect();
        let maybe: Vec<String> = e
            .possible_same_as
            .iter()
            .map(|p| {
                let n = names
                    .get(p.entity.as_str())
                    .copied()
                    .unwrap_or(p.entity.as_str());
                format!("{} ({:.2}: {})", esc(n), p.score, esc(&p.reason))
            })
            .collect();
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |",
            esc(&e.name),
            e.kind,
            aliases.join(", "),
            e.mentions.len(),
            docs.len(),
            maybe.join("; ")
        );
    }
    o.push('\n');
}

fn timeline(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## Timeline\n");
    if b.timeline.is_empty() {
        let _ = writeln!(o, "_No dated events._\n");
        return;
    }
    for t in &b.timeline {
        let docs: BTreeSet<&str> = t.mentions.iter().map(|m| m.doc.as_str()).collect();
        let docs: Vec<String> = docs.into_iter().map(esc).collect();
        let _ = writeln!(
            o,
            "- **{}** — {} ({})",
            esc(&t.date),
            esc(&t.summary),
            docs.join(", ")
        );
    }
    o.push('\n');
}

fn quotes(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## Who said what\n");
    if b.quotes.is_empty() {
        let _ = writeln!(o, "_No quotes._\n");
        return;
    }
    for q in &b.quotes {
        let who = q
            .speaker
            .as_ref()
            .map(|s| esc(&s.text))
            .unwrap_or_else(|| "unknown speaker".into());
        let cue = q.cue.as_deref().map(esc).unwrap_or_default();
        let kind = if q.direct { "quote" } else { "reported" };
        let _ = writeln!(
            o,
            "- **{}** {} ({}): “{}” \\[{}\\]",
            who,
            cue,
            kind,
            esc(&q.content),
            esc(&q.doc)
        );
    }
    o.push('\n');
}

fn numbers(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## Numbers\n");
    if b.quantities.is_empty() {
        let _ = writeln!(o, "_No numbers._\n");
        return;
    }
    let _ = writeln!(o, "| Text | Value | Qualifier | Measure | Source |");
    let _ = writeln!(o, "|---|---|---|---|---|");
    for q in &b.quantities {
        let value = match (q.value, q.low, q.high) {
            (Some(v), _, _) => format!("{v}"),
            (None, Some(l), Some(h)) => format!("{l}–{h}"),
            (None, Some(l), None) => format!("≥{l}"),
            _ => "?".into(),
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} |",
            esc(&q.text),
            value,
            q.qualifier,
            q.measure.as_deref().map(esc).unwrap_or_default(),
            esc(&q.doc)
        );
    }
    o.push('\n');
}

fn sources(o: &mut String, b: &Brief) {
    let _ = writeln!(o, "## Sources\n");
    let _ = writeln!(
        o,
        "| Document | Title | Outlet | Published | Language | Status | Segments |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|---|");
    for d in &b.documents {
        let mut kinds: Vec<(&str, usize)> = Vec::new();
        for s in &d.segments {
            match kinds.iter_mut().find(|(k, _)| *k == s.kind) {
                Some((_, n)) => *n += 1,
                None => kinds.push((s.kind.as_str(), 1)),
            }
        }
        let segs: Vec<String> = kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let status = match (&d.skip_reason, &d.duplicate_of) {
            (Some(r), _) => format!("skipped: {}", esc(r)),
            (None, Some(dup)) => format!("duplicate of {}", esc(dup)),
            _ => d.status.clone(),
        };
        let published = match &d.published {
            Some(p) => format!("{p} ({})", d.date_source),
            None => "unknown".into(),
        };
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} |",
            esc(&d.id),
            d.title.as_deref().map(esc).unwrap_or_default(),
            d.outlet.as_deref().map(esc).unwrap_or_default(),
            published,
            d.language.as_deref().unwrap_or("?"),
            status,
            segs.join(", ")
        );
    }
    o.push('\n');
    if !b.sources.is_empty() {
        let _ = writeln!(o, "### How each source frames the story\n");
        let _ = writeln!(o, "| Source | Claims | Hedged | Attributed | Loaded terms (own voice) | Only this source |");
        let _ = writeln!(o, "|---|---|---|---|---|---|");
        for s in &b.sources {
            let terms: Vec<String> = s
                .loaded_terms
                .iter()
                .map(|t| format!("{} ×{}", esc(&t.term), t.count))
                .collect();
            let _ = writeln!(
                o,
                "| {} | {} | {:.0}% | {:.0}% | {} | {} |",
                esc(&s.doc),
                s.claims,
                s.hedged_share * 100.0,
                s.attributed_share * 100.0,
                terms.join(", "),
                s.exclusive_claims.len()
            );
        }
        o.push('\n');
    }
}
