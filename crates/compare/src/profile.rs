//! How each source frames the story.

use crosscheck_brief::{Brief, LoadedTerm, Proposition, SourceProfile};
use std::collections::{BTreeMap, HashMap, HashSet};

pub(crate) fn profiles(brief: &Brief, props: &[Proposition]) -> Vec<SourceProfile> {
    let exclusive: HashSet<&str> = props
        .iter()
        .filter(|p| p.status == "single-source")
        .flat_map(|p| p.claims.iter().map(|c| c.as_str()))
        .collect();
    // Claims by document, once (not a scan of all claims per document).
    let mut by_doc: HashMap<&str, Vec<&crosscheck_brief::Claim>> = HashMap::new();
    for c in brief.claims.iter().filter(|c| c.voice != "comment") {
        by_doc.entry(c.doc.as_str()).or_default().push(c);
    }
    let mut out = Vec::new();
    for d in brief.documents.iter().filter(|d| d.status == "analyzed") {
        let own: Vec<_> = by_doc.get(d.id.as_str()).cloned().unwrap_or_default();
        let n = own.len();
        let share = |k: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
        let hedged = own.iter().filter(|c| c.modality == "hedged").count();
        let attributed = own
            .iter()
            .filter(|c| c.voice == "quoted" || c.modality == "reported")
            .count();
        let mut terms: BTreeMap<String, usize> = BTreeMap::new();
        for c in own.iter().filter(|c| c.voice == "author") {
            for t in &c.loaded_terms {
                *terms.entry(t.to_lowercase()).or_insert(0) += 1;
            }
        }
        let mut loaded: Vec<LoadedTerm> = terms
            .into_iter()
            .map(|(term, count)| LoadedTerm { term, count })
            .collect();
        loaded.sort_by(|a, b| b.count.cmp(&a.count).then(a.term.cmp(&b.term)));
        out.push(SourceProfile {
            doc: d.id.clone(),
            claims: n,
            hedged_share: share(hedged),
            attributed_share: share(attributed),
            loaded_terms: loaded,
            exclusive_claims: own
                .iter()
                .filter(|c| exclusive.contains(c.id.as_str()))
                .map(|c| c.id.clone())
                .collect(),
        });
    }
    out
}
