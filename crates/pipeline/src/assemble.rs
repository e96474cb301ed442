//! Cross-document stages and the brief.

use crate::analyze::Findings;
use crosscheck_brief::{Brief, DocumentOut, SegmentOut};
use crosscheck_doc::{DateSource, DocStatus};

#[derive(Debug, Clone, Default)]
pub struct AssembleOptions {
    /// Add each document's text to the brief (needed by the HTML report).
    pub include_text: bool,
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

/// Builds the brief from per-document findings (in input order).
pub fn assemble(findings: &[Findings], opts: &AssembleOptions) -> Brief {
    let mut brief = Brief::default();
    for f in findings {
        brief.documents.push(document_out(f, opts.include_text));
        brief.time_expressions.extend(f.time_expressions.iter().cloned());
        brief.quotes.extend(f.quotes.iter().cloned());
        brief.claims.extend(f.claims.iter().cloned());
        brief.quantities.extend(f.quantities.iter().cloned());
    }
    brief.timeline = crate::timeline::build_timeline(findings, &|_, _| Vec::new());
    let cc = crosscheck_compare::cross_check(&brief, &crosscheck_compare::CompareOptions::default());
    brief.propositions = cc.propositions;
    brief.discrepancies = cc.discrepancies;
    brief.sources = cc.sources;
    brief
}
