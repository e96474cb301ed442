//! Who's who: resolves NER mentions into real-world entities, merged across
//! spellings, transliterations, acronyms, titles and documents, and kept apart
//! where only the surface looks alike.
//!
//! The resolver is rule-based and conservative: uncertain pairs are never
//! merged but reported in [`ResolvedEntity::possible_same_as`] with a score and
//! a reason. Cross-document matching is blocked by normalised keys (no
//! all-pairs comparison), so it scales linearly with the number of mentions.

pub mod eval;
pub mod gazetteer;
pub mod names;
mod resolve;

pub use crosscheck_doc::Span;
pub use crosscheck_ner::{EntityType, Mention};

/// The mentions of one document, as input to [`resolve`].
#[derive(Debug, Clone, Copy)]
pub struct DocMentions<'a> {
    /// Document id.
    pub doc: &'a str,
    pub text: &'a str,
    pub mentions: &'a [Mention],
    /// Sentence byte spans of the content segments (may be empty: the whole
    /// text is then one region).
    pub sentences: &'a [Span],
}

/// One resolved real-world entity.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedEntity {
    /// Stable id ("e1", "e2", … in order of first mention).
    pub id: String,
    /// Canonical name: the most complete, most frequent well-formed variant.
    pub name: String,
    pub kind: EntityType,
    /// Other surface forms (titles, articles and possessives stripped).
    pub aliases: Vec<String>,
    /// (document index, byte span), sorted.
    pub mentions: Vec<(usize, Span)>,
    /// Entities that may be the same but were not merged: (entity index, score, reason).
    pub possible_same_as: Vec<(usize, f64, String)>,
    /// Metonymy: the entity this one stands for ("Moscow said" -> Russia).
    pub refers_to: Option<usize>,
    /// Related entities of another type (a demonym's country).
    pub related: Vec<usize>,
}

/// The result of [`resolve`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Resolution {
    pub entities: Vec<ResolvedEntity>,
    /// Per document: (span, entity index), sorted by span.
    index: Vec<Vec<(Span, usize)>>,
}

impl Resolution {
    /// The entity mentioned at `span` in document `doc`: an exact mention
    /// first, else the first overlapping one.
    pub fn entity_at(&self, doc: usize, span: Span) -> Option<usize> {
        let list = self.index.get(doc)?;
        let i = list.partition_point(|(s, _)| *s < span);
        if let Some((s, e)) = list.get(i) {
            if *s == span {
                return Some(*e);
            }
        }
        // Overlap: look back over the mentions starting before the span's end.
        let hi = list.partition_point(|(s, _)| s.start < span.end.max(span.start + 1));
        list.get(..hi)?
            .iter()
            .rev()
            .take(64)
            .find(|(s, _)| s.start < span.end.max(span.start + 1) && s.end > span.start)
            .map(|(_, e)| *e)
    }

    /// All (span, entity index) pairs of a document, sorted by span.
    pub fn doc_mentions(&self, doc: usize) -> &[(Span, usize)] {
        self.index.get(doc).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// The entities in the `crosscheck.brief/1` shape. `doc_ids` and `texts`
    /// are indexed by document index (as given to [`resolve`]).
    pub fn to_brief(&self, doc_ids: &[&str], texts: &[&str]) -> Vec<crosscheck_brief::Entity> {
        let id_of = |i: usize| self.entities.get(i).map(|e| e.id.clone());
        self.entities
            .iter()
            .map(|e| {
                let mut per_doc = std::collections::BTreeMap::new();
                let mentions = e
                    .mentions
                    .iter()
                    .map(|&(d, s)| {
                        let doc = doc_ids.get(d).map(|x| x.to_string()).unwrap_or_default();
                        *per_doc.entry(doc.clone()).or_insert(0) += 1;
                        let text = texts
                            .get(d)
                            .and_then(|t| s.get(t))
                            .unwrap_or_default()
                            .to_string();
                        crosscheck_brief::Mention {
                            doc,
                            start: s.start,
                            end: s.end,
                            text,
                        }
                    })
                    .collect();
                crosscheck_brief::Entity {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind.as_str().to_string(),
                    aliases: e.aliases.clone(),
                    mentions,
                    possible_same_as: e
                        .possible_same_as
                        .iter()
                        .filter_map(|(i, score, reason)| {
                            Some(crosscheck_brief::PossibleSame {
                                entity: id_of(*i)?,
                                score: *score,
                                reason: reason.clone(),
                            })
                        })
                        .collect(),
                    mentions_per_doc: per_doc,
                    refers_to: e.refers_to.and_then(id_of),
                    related: e.related.iter().filter_map(|&i| id_of(i)).collect(),
                }
            })
            .collect()
    }
}

/// Resolves the mentions of all documents into entities.
pub fn resolve(docs: &[DocMentions]) -> Resolution {
    resolve::run(docs)
}

/// Naive sentence spans (split after `.`, `!`, `?` before whitespace), used
/// when a document comes without sentence spans.
pub fn naive_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if matches!(c, b'.' | b'!' | b'?') && b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) {
            out.push(Span::new(start, i + 1));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}
