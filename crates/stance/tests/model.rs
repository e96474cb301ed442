//! The shipped model: loads, makes sensible calls on fictional pairs, never panics.
use crosscheck_stance::{StanceLabel, StanceModel};
use proptest::prelude::*;

fn model() -> &'static StanceModel {
    StanceModel::builtin().unwrap()
}

#[test]
fn shipped_model_loads_with_provenance() {
    let h = model().header();
    assert_eq!(h.kind, "stance");
    assert!(h.command.starts_with("crosscheck train stance"));
    let fnc = h.scores["dev_fnc_score"].as_f64().unwrap();
    assert!(fnc > 0.8, "dev fnc score {fnc}");
}

#[test]
fn unrelated_pair_is_unrelated() {
    let body = "The Riverton orchestra will open its winter season with a programme of Baltic \
        composers, the conductor announced on Friday. Tickets go on sale next week. The hall was \
        renovated last year and now seats 1,200 people.";
    let p = model().predict(
        "Farmers protest new fuel tax with tractor convoy on motorway",
        body,
    );
    assert_eq!(p.label, StanceLabel::Unrelated, "{p:?}");
    assert!(p.related() < 0.5);
}

#[test]
fn denial_disagrees() {
    let headline = "Governor Smithers resigned after bribery scandal";
    let body =
        "Reports that Governor Smithers resigned over a bribery scandal are fake, his office \
        said on Tuesday. A spokesman denied the report, calling it a hoax spread on social media. \
        \"The governor has not resigned and has no plans to,\" he said. The story, which first \
        appeared on a satirical website, was debunked by local journalists. Smithers was seen at \
        work on Tuesday morning. The bribery scandal claim is false, the spokesman added.";
    let p = model().predict(headline, body);
    assert_eq!(p.label, StanceLabel::Disagree, "{p:?}");
}

#[test]
fn confirmation_is_related_and_not_disputed() {
    let headline = "Tech firm Zentrix buys rival Quorva for 2 billion dollars";
    let body = "Zentrix has bought its rival Quorva for 2 billion dollars, the two companies \
        confirmed on Monday. The deal, announced in a joint statement, makes Zentrix the largest \
        maker of warehouse robots. Quorva's founder will join the Zentrix board. Zentrix said the \
        purchase of Quorva would close by the end of the year.";
    let p = model().predict(headline, body);
    assert_ne!(p.label, StanceLabel::Unrelated, "{p:?}");
    assert_ne!(p.label, StanceLabel::Disagree, "{p:?}");
}

#[test]
fn prepared_body_matches_direct_prediction() {
    let m = model();
    let body = "Officials said the dam had not failed, despite rumours online.";
    let prepared = m.prepare(body);
    let a = m.predict("Dam fails after storm", body);
    let b = m.predict_prepared("Dam fails after storm", &prepared);
    assert_eq!(a, b);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn arbitrary_strings_do_not_panic(h in "\\PC{0,80}", b in "\\PC{0,400}") {
        let p = model().predict(&h, &b);
        let sum: f32 = p.scores.iter().sum();
        prop_assert!(p.scores.iter().all(|s| s.is_finite() && *s >= 0.0));
        prop_assert!((sum - 1.0).abs() < 1e-3);
    }
}
