//! Prints what the FNC stance model says about each pair of claims grouped
//! into one proposition of a brief JSON (development aid).
use crosscheck_brief::Brief;
use crosscheck_stance::StanceModel;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let Ok(b) = serde_json::from_str::<Brief>(&text) else {
        return;
    };
    let Ok(m) = StanceModel::builtin() else {
        return;
    };
    let claims: std::collections::HashMap<&str, &crosscheck_brief::Claim> =
        b.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    for p in &b.propositions {
        if p.claims.len() < 2 {
            continue;
        }
        println!("== {} [{}]", p.summary, p.status);
        for c in &p.claims {
            let Some(c) = claims.get(c.as_str()) else {
                continue;
            };
            let pr = m.predict(&p.summary, &c.text);
            println!(
                "  {:>9} {:?} {}",
                pr.label.as_str(),
                pr.scores.map(|s| (s * 100.0).round() / 100.0),
                c.text.chars().take(90).collect::<String>()
            );
        }
    }
}
