use super::*;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

/// (text of expression, value) pairs found in `text` with doc date `doc`.
fn run(text: &str, doc: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
    recognize(text, &[], doc)
        .into_iter()
        .map(|t| (text[t.span.start..t.span.end].to_string(), t.value))
        .collect()
}

fn one(text: &str, doc: Option<NaiveDate>) -> (String, Option<String>) {
    let r = run(text, doc);
    assert_eq!(r.len(), 1, "{text:?} -> {r:?}");
    r.into_iter().next().unwrap()
}

#[test]
fn smoke() {
    let doc = d(2022, 1, 13);
    assert_eq!(one("He said it happened on Tuesday.", doc), ("Tuesday".into(), Some("2022-01-11".into())));
}
