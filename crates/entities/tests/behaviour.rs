//! Behaviour on small fictional corpora, and a property test that
//! resolution never panics and keeps every span valid.

use crosscheck_entities::eval::{parse_marked, Marked};
use crosscheck_entities::{resolve, DocMentions, EntityType, Mention, Resolution, Span};
use proptest::prelude::*;

fn run(srcs: &[&str]) -> (Vec<Marked>, Resolution) {
    let marked: Vec<Marked> = srcs.iter().map(|s| parse_marked(s).unwrap()).collect();
    let docs: Vec<DocMentions> = marked
        .iter()
        .map(|m| DocMentions {
            doc: "d",
            text: &m.text,
            mentions: &m.mentions,
            sentences: &[],
        })
        .collect();
    let r = resolve(&docs);
    (marked, r)
}

fn by_name<'a>(r: &'a Resolution, name: &str) -> (usize, &'a crosscheck_entities::ResolvedEntity) {
    r.entities
        .iter()
        .enumerate()
        .find(|(_, e)| e.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no entity {name}: {:?}",
                r.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        })
}

#[test]
fn metonymy_links_capital_to_existing_country() {
    let (_, r) = run(&["[[Moscow|GPE]] said it would respond. [[Russia|GPE]] has many cities."]);
    let (ru, _) = by_name(&r, "Russia");
    assert_eq!(by_name(&r, "Moscow").1.refers_to, Some(ru));
    // No agent use: no link.
    let (_, r) = run(&["Flights to [[Moscow|GPE]] resumed. [[Russia|GPE]] is big."]);
    assert_eq!(by_name(&r, "Moscow").1.refers_to, None);
    // Country absent: no link.
    let (_, r) = run(&["[[Moscow|GPE]] warned again."]);
    assert_eq!(by_name(&r, "Moscow").1.refers_to, None);
}

#[test]
fn demonyms_are_related_not_merged() {
    let (_, r) = run(&["[[Freedonia|GPE]] votes. [[Freedonian|NORP]] voters and [[Russian-led|NORP]] troops in [[Russia|GPE]]."]);
    let (fr, _) = by_name(&r, "Freedonia");
    let (ru, _) = by_name(&r, "Russia");
    assert_eq!(by_name(&r, "Freedonian").1.related, vec![fr]);
    assert_eq!(by_name(&r, "Russian-led").1.related, vec![ru]);
}

#[test]
fn acronym_found_in_parentheses_and_repeats() {
    let (m, r) =
        run(&["The [[Northern Treaty Organisation|ORG]] (NTO) met. Later the NTO agreed."]);
    let (i, e) = by_name(&r, "Northern Treaty Organisation");
    assert_eq!(e.mentions.len(), 3, "{e:?}");
    let at = m[0].text.rfind("NTO").unwrap();
    assert_eq!(r.entity_at(0, Span::new(at, at + 3)), Some(i));
}

#[test]
fn ner_dropping_first_word_is_repaired_by_acronym() {
    let (_, r) = run(&["The Southern [[Customs Union|ORG]] (SCU) met."]);
    assert!(
        r.entities
            .iter()
            .any(|e| e.name == "Southern Customs Union"),
        "{:?}",
        r.entities
    );
}

#[test]
fn case_variants_in_comments_are_added() {
    let (m, r) = run(&["[[Dana Kirsch|PERSON]] resigned. Comment: kirsch lied. DANA KIRSCH OUT"]);
    let (i, e) = by_name(&r, "Dana Kirsch");
    assert_eq!(e.mentions.len(), 3, "{e:?}");
    let at = m[0].text.find("kirsch").unwrap();
    assert_eq!(r.entity_at(0, Span::new(at, at + 6)), Some(i));
}

#[test]
fn relatives_sharing_a_surname_stay_apart() {
    let (_, r) = run(&[
        "[[Hunter Marrow|PERSON]], the son of President [[Marrow|PERSON]], spoke.",
        "[[Marrow|PERSON]] signed the bill.",
    ]);
    let (h, hunter) = by_name(&r, "Hunter Marrow");
    let (b, bare) = by_name(&r, "Marrow");
    assert_eq!(hunter.mentions.len(), 1);
    assert_eq!(bare.mentions.len(), 2);
    assert!(bare.possible_same_as.iter().any(|(i, _, _)| *i == h));
    assert!(hunter.possible_same_as.iter().any(|(i, _, _)| *i == b));
}

#[test]
fn canonical_name_is_most_complete_then_most_frequent() {
    let (_, r) = run(&[
        "[[Borislav Dremayev|PERSON]] spoke. [[Dremayev|PERSON]] left.",
        "[[Borislav Dremaev|PERSON]] spoke.",
        "[[Borislav Dremayev|PERSON]] spoke.",
    ]);
    assert_eq!(r.entities.len(), 1);
    assert_eq!(r.entities[0].name, "Borislav Dremayev");
    assert!(r.entities[0]
        .aliases
        .contains(&"Borislav Dremaev".to_string()));
    let brief = r.to_brief(&["a", "b", "c"], &["x"; 3]);
    assert_eq!(brief[0].id, "e1");
    assert_eq!(brief[0].kind, "PERSON");
    assert_eq!(brief[0].mentions_per_doc.len(), 3);
}

#[test]
fn ids_follow_first_mention_and_are_deterministic() {
    let srcs = [
        "[[Varna|GPE]] and [[Ana Tello|PERSON]].",
        "[[Tello|PERSON]] in [[Kiev|GPE]].",
    ];
    let (_, a) = run(&srcs);
    let (_, b) = run(&srcs);
    assert_eq!(a, b);
    assert_eq!(a.entities[0].name, "Varna");
    assert_eq!(a.entities[1].name, "Ana Tello");
    assert_eq!(a.entities[1].mentions.len(), 2);
}

fn kind_strategy() -> impl Strategy<Value = EntityType> {
    prop::sample::select(EntityType::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn never_panics_and_spans_valid(
        texts in prop::collection::vec("[A-Za-zé’'(),. \\-]{0,80}", 1..4),
        raw in prop::collection::vec((0usize..4, 0usize..90, 0usize..30, kind_strategy()), 0..12),
    ) {
        let mentions: Vec<Vec<Mention>> = texts.iter().enumerate().map(|(d, t)| {
            raw.iter().filter(|(doc, ..)| doc % texts.len() == d).map(|&(_, s, l, k)| Mention {
                span: Span::new(s, s + l), tokens: 0..0, label: k, score: 0.5,
            }).filter(|m| m.span.get(t).is_some() || m.span.end > t.len()).collect()
        }).collect();
        let sents: Vec<Vec<Span>> = texts.iter().map(|t| vec![Span::new(0, t.len())]).collect();
        let docs: Vec<DocMentions> = texts.iter().zip(&mentions).zip(&sents).map(|((t, m), s)| DocMentions {
            doc: "d", text: t, mentions: m, sentences: s,
        }).collect();
        let r = resolve(&docs);
        for e in &r.entities {
            for &(d, s) in &e.mentions {
                prop_assert!(s.get(&texts[d]).is_some());
                prop_assert!(!s.is_empty());
            }
            for (i, _, _) in &e.possible_same_as { prop_assert!(*i < r.entities.len()); }
            for i in &e.related { prop_assert!(*i < r.entities.len()); }
        }
        for d in 0..texts.len() {
            for &(s, e) in r.doc_mentions(d) {
                prop_assert!(e < r.entities.len());
                prop_assert_eq!(r.entity_at(d, s), Some(e));
            }
        }
    }
}
