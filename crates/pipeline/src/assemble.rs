//! Cross-document stages and the brief.

use crate::analyze::Findings;
use crosscheck_brief::{Brief, DocumentOut, SegmentOut};
use crosscheck_doc::{DateSource, DocStatus};
use crosscheck_entities::{DocMentions, Resolution};

#[derive(Debug, Clone, Default)]
pub struct AssembleOptions {
    /// Add each document's text to the brief (needed by the HTML report).
    pub include_text: bool,
    /// Options of the cross-check (e.g. a sentence encoder).
    pub compare: crosscheck_compare::CompareOptions,
}

fn date_source(d: DateSource) -> &'static str {
    match d {
        DateSource::Input => "input",
        DateSource::Metadata => "metadata",
        DateSource::Text => "text",
        DateSource::None => "none",
    }
}

fn document_out(f: &Findings, include_text: bool) -> DocumentOut {
    let d = &f.doc;
    DocumentOut {
        id: d.id.clone(),
        title: d.meta.title.clone(),
        author: d.meta.author.clone(),
        outlet: d.meta.outlet.clone(),
        url: d.meta.url.clone(),
        published: d.meta.published.map(|p| p.format("%Y-%m-%d").to_string()),
        date_source: date_source(d.meta.date_source).to_string(),
        language: d.meta.language.clone(),
        status: match d.status {
            DocStatus::Analyzed => "analyzed",
            DocStatus::Skipped => "skipped",
        }
        .to_string(),
        skip_reason: d.skip_reason.clone(),
        duplicate_of: d.duplicate_of.clone(),
        segments: d
            .segments
            .iter()
            .map(|s| SegmentOut {
                kind: s.kind.as_str().to_string(),
                start: s.span.start,
                end: s.span.end,
                author: s.author.clone(),
            })
            .collect(),
        warnings: d.warnings.clone(),
        text: include_text.then(|| d.text().to_string()),
    }
}

/// Maps a document-local mention id ("m3") to its resolved entity id.
fn global_id(res: &Resolution, f: &Findings, di: usize, local: &str) -> Option<String> {
    let i: usize = local.strip_prefix('m')?.parse().ok()?;
    let m = f.mentions.get(i)?;
    let e = res.entity_at(di, m.span)?;
    res.entities.get(e).map(|e| e.id.clone())
}

/// Builds the brief from per-document findings (in input order).
pub fn assemble(findings: &[Findings], opts: &AssembleOptions) -> Brief {
    let mut brief = Brief::default();
    // Who's who first: claims and quotes refer to its ids.
    let inputs: Vec<DocMentions> = findings
        .iter()
        .map(|f| DocMentions {
            doc: &f.doc.id,
            text: f.doc.text(),
            mentions: if f.doc.duplicate_of.is_some() {
                &[]
            } else {
                &f.mentions
            },
            sentences: &f.sentences,
        })
        .collect();
    let res = crosscheck_entities::resolve(&inputs);
    let ids: Vec<&str> = findings.iter().map(|f| f.doc.id.as_str()).collect();
    let texts: Vec<&str> = findings.iter().map(|f| f.doc.text()).collect();
    brief.entities = res.to_brief(&ids, &texts);

    for (di, f) in findings.iter().enumerate() {
        brief.documents.push(document_out(f, opts.include_text));
        brief
            .time_expressions
            .extend(f.time_expressions.iter().cloned());
        let map_speaker = |s: &mut Option<crosscheck_brief::Speaker>| {
            if let Some(sp) = s {
                sp.entity = sp.entity.as_deref().and_then(|l| global_id(&res, f, di, l));
            }
        };
        for q in &f.quotes {
            let mut q = q.clone();
            map_speaker(&mut q.speaker);
            brief.quotes.push(q);
        }
        for c in &f.claims {
            let mut c = c.clone();
            map_speaker(&mut c.speaker);
            let mut ents: Vec<String> = c
                .entities
                .iter()
                .filter_map(|l| global_id(&res, f, di, l))
                .collect();
            ents.sort();
            ents.dedup();
            c.entities = ents;
            brief.claims.push(c);
        }
        brief.quantities.extend(f.quantities.iter().cloned());
    }
    let entity_of = |di: usize, span: crosscheck_doc::Span| -> Vec<String> {
        let mut out: Vec<String> = res
            .doc_mentions(di)
            .iter()
            .filter(|(s, _)| span.contains(s))
            .filter_map(|(_, e)| res.entities.get(*e).map(|e| e.id.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    };
    brief.timeline = crate::timeline::build_timeline(findings, &entity_of);
    let cc = crosscheck_compare::cross_check(&brief, &opts.compare);
    brief.propositions = cc.propositions;
    brief.discrepancies = cc.discrepancies;
    brief.sources = cc.sources;
    brief
}
