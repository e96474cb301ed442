//! Claim text to terms: lowercased, stemmed, without stopwords and speech
//! cues, with negation noted separately (it flips stance, not topic).

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yet",
    "still",
    "however",
    "already",
    "many",
    "well",
    "like",
    "get",
    "got",
    "s",
    "t",
    "re",
    "ve",
    "ll",
    "d",
    "m",
    // speech and hedge cues: they say how a claim is held, not what it is
    "said",
    "say",
    "says",
    "saying",
    "told",
    "tell",
    "claim",
    "claimed",
    "claims",
    "according",
    "reported",
    "reportedly",
    "allegedly",
    "apparently",
    "seems",
    "seem",
    "seemed",
    "appears",
    "appear",
    "likely",
    "probably",
    "possibly",
    "perhaps",
    "maybe",
    "think",
    "thinks",
    "believe",
    "believes",
    "argued",
    "argues",
    "stated",
    "added",
    "noted",
    "insisted",
    "suggested",
    "suggests",
    "accord",
    "mr",
    "ms",
    "mrs",
];

const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "n't",
    "nt",
    "none",
    "nobody",
    "nothing",
    "neither",
    "nor",
    "without",
    "deny",
    "denies",
    "denied",
    "denying",
    "false",
    "untrue",
    "baseless",
    "unfounded",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "refuted",
    "refutes",
    "debunked",
    "fake",
    "hoax",
];

/// Words that name the same thing in news about unrest, economics and
/// politics, folded to one term so differently worded reports meet.
const SYNONYMS: &[(&str, &[&str])] = &[
    (
        "increase",
        &[
            "rise",
            "rises",
            "rising",
            "rose",
            "risen",
            "increase",
            "increases",
            "increased",
            "hike",
            "hikes",
            "hiked",
            "spike",
            "spiked",
            "jump",
            "jumped",
            "soar",
            "soared",
            "surge",
            "surged",
            "doubled",
            "doubling",
            "tripled",
            "climb",
            "climbed",
            "higher",
        ],
    ),
    (
        "decrease",
        &[
            "fall",
            "fell",
            "fallen",
            "drop",
            "dropped",
            "decrease",
            "decreased",
            "cut",
            "cuts",
            "lower",
            "lowered",
            "decline",
            "declined",
            "slump",
            "slumped",
        ],
    ),
    (
        "cause",
        &[
            "cause",
            "caused",
            "causes",
            "trigger",
            "triggered",
            "triggers",
            "spark",
            "sparked",
            "sparks",
            "prompt",
            "prompted",
            "initiated",
            "initiate",
            "provoked",
            "provoke",
            "fuelled",
            "fueled",
            "ignited",
        ],
    ),
    (
        "protest",
        &[
            "protest",
            "protests",
            "protested",
            "protesters",
            "protestors",
            "protesting",
            "demonstration",
            "demonstrations",
            "demonstrators",
            "rally",
            "rallies",
            "unrest",
            "uprising",
            "riots",
            "riot",
            "rioters",
            "upheaval",
            "turmoil",
            "disturbances",
        ],
    ),
    (
        "instigate",
        &[
            "instigated",
            "instigate",
            "orchestrated",
            "orchestrate",
            "organised",
            "organized",
            "incited",
            "incite",
            "masterminded",
            "engineered",
            "staged",
            "plotted",
            "behind",
            "sponsored",
            "backed",
            "funded",
            "funding",
            "interference",
            "meddling",
            "involvement",
            "involved",
        ],
    ),
    (
        "coup",
        &[
            "coup",
            "putsch",
            "overthrow",
            "overthrowing",
            "insurrection",
            "takeover",
            "revolution",
        ],
    ),
    (
        "foreign",
        &[
            "foreign",
            "foreigners",
            "external",
            "outside",
            "outsiders",
            "abroad",
            "overseas",
            "outsider",
            "western",
            "west",
        ],
    ),
    (
        "militant",
        &[
            "militant",
            "militants",
            "insurgents",
            "insurgent",
            "fighters",
            "mercenaries",
            "terrorists",
            "terrorist",
            "bandits",
            "gunmen",
            "thugs",
            "extremists",
        ],
    ),
    (
        "kill",
        &[
            "killed",
            "kill",
            "killing",
            "dead",
            "deaths",
            "death",
            "died",
            "die",
            "toll",
            "fatalities",
            "lives",
        ],
    ),
    (
        "detain",
        &[
            "detained",
            "detain",
            "detention",
            "arrested",
            "arrest",
            "arrests",
            "held",
            "jailed",
            "custody",
            "rounded",
        ],
    ),
    ("injure", &["injured", "wounded", "injuries", "hurt"]),
    (
        "troops",
        &[
            "troops",
            "soldiers",
            "forces",
            "peacekeepers",
            "servicemen",
            "military",
            "army",
        ],
    ),
    (
        "government",
        &[
            "government",
            "authorities",
            "officials",
            "administration",
            "regime",
            "cabinet",
            "state",
        ],
    ),
    (
        "resign",
        &[
            "resign",
            "resigned",
            "resignation",
            "dismissed",
            "sacked",
            "ousted",
            "removed",
            "fired",
            "stepped",
        ],
    ),
    (
        "fuel",
        &["fuel", "gas", "petrol", "gasoline", "lpg", "diesel"],
    ),
    (
        "price",
        &["price", "prices", "cost", "costs", "tariff", "tariffs"],
    ),
];

fn synonym(w: &str) -> Option<&'static str> {
    SYNONYMS
        .iter()
        .find(|(_, ws)| ws.contains(&w))
        .map(|(k, _)| *k)
}

/// Light suffix stripping: enough to meet "protests"/"protesters"/"protested"
/// halfway without a dictionary.
pub fn stem(w: &str) -> String {
    let mut s = w.to_string();
    for suf in [
        "ational", "ations", "ation", "ings", "ing", "ers", "er", "edly", "ed", "ies", "es", "s",
        "ly",
    ] {
        if s.len() > suf.len() + 3 && s.ends_with(suf) {
            s.truncate(s.len() - suf.len());
            if suf == "ies" {
                s.push('y');
            }
            break;
        }
    }
    s
}

/// Terms of a text (stems of content words) and whether it is negated.
pub fn terms(text: &str) -> (Vec<String>, bool) {
    let mut out = Vec::new();
    let mut negated = false;
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let w = raw.trim_matches(|c| c == '\'' || c == '’').to_lowercase();
        if w.is_empty() {
            continue;
        }
        if w.ends_with("n't") || w.ends_with("n’t") || NEGATIONS.contains(&w.as_str()) {
            negated = true;
            continue;
        }
        let w = w.trim_end_matches("'s").trim_end_matches("’s");
        if let Some(k) = synonym(w) {
            out.push(k.to_string());
            continue;
        }
        if w.chars().count() < 2 || STOPWORDS.contains(&w) || w.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        out.push(stem(w));
    }
    (out, negated)
}

/// A clause of a claim: its byte range in the claim's text, its terms and
/// whether it is negated.
pub type Clause = ((usize, usize), Vec<String>, bool);

/// Splits a claim into clause-sized pieces (byte ranges into `text`), so a
/// long sentence can meet a short one on the part they share.
pub fn clauses(text: &str) -> Vec<(usize, usize)> {
    clause_terms(text).into_iter().map(|(r, _, _)| r).collect()
}

/// [`clauses`] with each clause's [`terms`], computed once.
pub fn clause_terms(text: &str) -> Vec<Clause> {
    const BREAKS: &[&str] = &[
        "; ",
        ": ",
        " – ",
        " — ",
        " - ",
        ", but ",
        ", while ",
        ", which ",
        ", whereas ",
        " but ",
        ", and ",
    ];
    let mut cuts = vec![0usize];
    for b in BREAKS {
        let mut from = 0;
        while let Some(i) = text.get(from..).and_then(|t| t.find(b)) {
            cuts.push(from + i);
            from += i + b.len();
        }
    }
    cuts.push(text.len());
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, z) = (w[0], w[1]);
        if let Some(piece) = text.get(a..z) {
            let lead = piece.len()
                - piece
                    .trim_start_matches(|c: char| !c.is_alphanumeric())
                    .len();
            let (ts, negated) = terms(&piece[lead..]);
            if ts.len() >= 3 {
                out.push(((a + lead, z), ts, negated));
            }
        }
    }
    if out.is_empty() {
        let (ts, negated) = terms(text);
        out.push(((0, text.len()), ts, negated));
    }
    out
}

/// Whitespace folded to single spaces; cut to `max` characters with "…".
pub fn one_line(s: &str, max: usize) -> String {
    let line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        assert_eq!(stem("protests"), stem("protest"));
        assert_eq!(stem("prices"), "pric");
        assert_eq!(stem("doubled"), stem("doubles"));
    }

    #[test]
    fn synonyms_meet() {
        let a = terms("Protests were triggered by a spike in gas prices").0;
        let b = terms("The unrest was caused by the rise in fuel prices").0;
        for k in ["protest", "cause", "increase", "fuel", "price"] {
            assert!(
                a.iter().any(|t| t == k) && b.iter().any(|t| t == k),
                "{k}: {a:?} {b:?}"
            );
        }
    }

    #[test]
    fn clauses_split_long_sentences() {
        let t = "The official cause was the rise in fuel prices, but in fact it was a power struggle among the elite groups";
        let c = clauses(t);
        assert_eq!(c.len(), 2);
        assert!(t[c[0].0..c[0].1].ends_with("fuel prices"));
        assert!(t[c[1].0..c[1].1].starts_with("but in fact"));
    }

    #[test]
    fn negation_is_flagged_not_kept() {
        let (t, neg) = terms("There is no evidence that foreign agents organised the riots.");
        assert!(neg);
        assert!(t.contains(&stem("foreign")));
        assert!(!t.iter().any(|w| w == "no"));
        let (_, neg) = terms("Fuel prices doubled on 1 January.");
        assert!(!neg);
        assert!(terms("They didn't fire.").1);
    }
}
