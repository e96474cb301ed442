//! A general news lexicon: synonym sets of common news predicates (verbs
//! with their nominalisations) and of a few participants and topics, plus
//! particle verbs ("broke down", "called off"). Data only: verbs are listed
//! by their base form and inflected here ("dismiss" -> "dismissed",
//! "dismissing", "dismisses"); nouns by their singular. An entry starting
//! with `=` is one literal surface form, for verbs whose base form is too
//! ambiguous to list ("=cleared" but not "clear").
//!
//! Everything here is general vocabulary (WordNet-style synsets of news
//! verbs), never names or phrases of one story.

use crate::terms::IRREGULAR;

/// One synonym set: its class term, whether its nouns name an event (so
/// they can carry a proposition's predicate, like "arrest" or
/// "resignation") or only a participant or topic ("blaze", "inmate"), its
/// verbs (base forms) and its nouns (singular).
pub(crate) struct Synset {
    pub class: &'static str,
    pub event: bool,
    pub verbs: &'static [&'static str],
    pub nouns: &'static [&'static str],
}

const fn s(
    class: &'static str,
    event: bool,
    verbs: &'static [&'static str],
    nouns: &'static [&'static str],
) -> Synset {
    Synset {
        class,
        event,
        verbs,
        nouns,
    }
}

/// The synonym sets. Class names that also name a class of the older,
/// hand-tuned table in `terms` extend that class.
pub(crate) const SYNSETS: &[Synset] = &[
    // Leaving office, willingly or not.
    s(
        "resign",
        true,
        &[
            "resign", "quit", "dismiss", "sack", "oust", "depose", "=axed",
        ],
        &["resignation", "dismissal", "sacking", "ouster"],
    ),
    s(
        "escape",
        true,
        &["escape", "flee", "abscond", "leak"],
        &[
            "escape",
            "getaway",
            "breakout",
            "jailbreak",
            "leak",
            "leakage",
        ],
    ),
    s(
        "detain",
        true,
        &[
            "arrest",
            "detain",
            "capture",
            "recapture",
            "apprehend",
            "imprison",
            "jail",
            "nab",
        ],
        &[
            "arrest",
            "detention",
            "capture",
            "recapture",
            "imprisonment",
        ],
    ),
    s(
        "steal",
        true,
        &[
            "steal",
            "rob",
            "loot",
            "pilfer",
            "embezzle",
            "exfiltrate",
            "plunder",
        ],
        &[
            "theft",
            "robbery",
            "looting",
            "heist",
            "burglary",
            "embezzlement",
        ],
    ),
    s(
        "buy",
        true,
        &["buy", "acquire", "purchase"],
        &["acquisition", "purchase", "buyout"],
    ),
    s(
        "sell",
        true,
        &["sell", "divest", "offload"],
        &["sale", "divestment"],
    ),
    s("merge", true, &["merge"], &["merger"]),
    s(
        "approve",
        true,
        &["approve", "authorise", "authorize", "ratify", "=cleared"],
        &[
            "approval",
            "authorisation",
            "authorization",
            "ratification",
            "clearance",
        ],
    ),
    s(
        "collapse",
        true,
        &["collapse", "founder"],
        &["collapse", "breakdown"],
    ),
    s("talks", false, &["negotiate"], &["=talks", "negotiation"]),
    s("warn", true, &["warn", "=alerted"], &["warning"]),
    s(
        "kill",
        true,
        &[
            "kill",
            "murder",
            "slay",
            "assassinate",
            "perish",
            "drown",
            "massacre",
        ],
        &["killing", "murder", "assassination", "massacre"],
    ),
    s(
        "injure",
        true,
        &["injure", "hurt", "maim", "=wounded", "=wounding"],
        &["injury", "=wounds"],
    ),
    s(
        "attack",
        false,
        &[
            "attack",
            "assault",
            "raid",
            "ambush",
            "bombard",
            "bomb",
            "=stormed",
            "=storming",
        ],
        &[
            "attack",
            "assault",
            "raid",
            "ambush",
            "bombardment",
            "onslaught",
        ],
    ),
    s("shoot", true, &["shoot"], &["shooting", "gunfire"]),
    s(
        "fire",
        false,
        &[],
        &["fire", "blaze", "flame", "wildfire", "inferno", "bushfire"],
    ),
    s("burn", true, &["burn", "scorch", "=torched"], &["arson"]),
    s(
        "destroy",
        true,
        &["destroy", "demolish", "raze", "wreck"],
        &["destruction", "demolition"],
    ),
    s(
        "flood",
        false,
        &["flood", "inundate", "submerge"],
        &["flood", "deluge"],
    ),
    s(
        "ban",
        true,
        &[
            "ban", "prohibit", "outlaw", "suspend", "=barred", "=barring",
        ],
        &["ban", "suspension", "prohibition"],
    ),
    s(
        "revoke",
        true,
        &[
            "revoke",
            "rescind",
            "annul",
            "nullify",
            "disqualify",
            "repeal",
            "overturn",
            "=stripped",
            "=stripping",
        ],
        &["revocation", "annulment", "disqualification", "repeal"],
    ),
    s(
        "cancel",
        true,
        &["cancel", "=scrapped", "=scrapping"],
        &["cancellation"],
    ),
    s(
        "postpone",
        true,
        &["postpone", "delay", "defer", "reschedule"],
        &["postponement", "delay", "deferral"],
    ),
    s(
        "halt",
        true,
        &["halt", "cease", "pause", "=stopped", "=stopping"],
        &["halt", "cessation", "stoppage"],
    ),
    s(
        "resume",
        true,
        &["resume", "restart", "reopen"],
        &["resumption"],
    ),
    s(
        "withdraw",
        true,
        &["withdraw", "retreat"],
        &["withdrawal", "retreat", "pullout"],
    ),
    s(
        "expel",
        true,
        &["expel", "deport", "evict", "banish"],
        &["expulsion", "deportation", "eviction"],
    ),
    s(
        "abduct",
        true,
        &["abduct", "kidnap"],
        &["abduction", "kidnapping"],
    ),
    s(
        "seize",
        true,
        &["seize", "confiscate", "impound"],
        &["seizure", "confiscation"],
    ),
    s(
        "erupt",
        true,
        &["erupt", "=flared"],
        &["eruption", "outbreak"],
    ),
    s("disperse", true, &["disperse"], &["dispersal"]),
    s(
        "crackdown",
        true,
        &["suppress", "repress", "quell"],
        &["crackdown", "repression", "suppression"],
    ),
    s(
        "surrender",
        true,
        &["surrender", "capitulate"],
        &["surrender", "capitulation"],
    ),
    s("blame", true, &["blame", "accuse"], &["accusation"]),
    s(
        "criticise",
        true,
        &["criticise", "criticize", "condemn", "denounce"],
        &["criticism", "condemnation"],
    ),
    s(
        "indict",
        true,
        &["indict", "prosecute", "=charged"],
        &["indictment", "prosecution"],
    ),
    s("acquit", true, &["acquit", "exonerate"], &["acquittal"]),
    s("sue", true, &["sue"], &["lawsuit"]),
    s("establish", true, &["establish", "create"], &["creation"]),
    s("demand", true, &["demand", "urge"], &[]),
    s(
        "promise",
        true,
        &["promise", "pledge", "vow"],
        &["promise", "pledge", "vow"],
    ),
    s(
        "search",
        true,
        &["search", "hunt"],
        &["search", "manhunt", "hunt"],
    ),
    s("layoff", true, &[], &["layoff", "redundancy"]),
    s(
        "increase",
        true,
        &["raise", "grow", "escalate", "intensify", "expand"],
        &["escalation", "expansion"],
    ),
    s(
        "decrease",
        true,
        &["reduce", "slash", "shrink", "plunge", "plummet", "tumble"],
        &[],
    ),
    s(
        "enter",
        true,
        &["intrude", "infiltrate"],
        &["entry", "intrusion", "infiltration"],
    ),
    s("hack", true, &["hack"], &["cyberattack"]),
    s(
        "investigate",
        true,
        &["investigate", "probe"],
        &["enquiry", "inquiry"],
    ),
    s("close", true, &["close", "shut"], &["closure", "shutdown"]),
    s(
        "appoint",
        true,
        &["appoint", "nominate"],
        &["appointment", "nomination"],
    ),
    s("hire", true, &["hire", "recruit"], &[]),
    s("threaten", true, &["threaten"], &["threat"]),
    s(
        "rescue",
        true,
        &["rescue", "liberate", "=freed"],
        &["rescue", "liberation"],
    ),
    s("damage", true, &["damage", "harm"], &["damage", "harm"]),
    s(
        "protect",
        true,
        &["protect", "defend"],
        &["protection", "defence", "defense"],
    ),
    s("resist", true, &["oppose", "resist"], &["resistance"]),
    s(
        "discover",
        true,
        &["discover", "uncover", "detect"],
        &["discovery", "detection"],
    ),
    s("conceal", true, &["conceal", "hide"], &["concealment"]),
    s("defraud", true, &["defraud", "swindle"], &["fraud"]),
    s("smuggle", true, &["smuggle"], &["smuggling"]),
    s("invade", true, &["invade"], &["invasion"]),
    s("besiege", true, &["besiege", "encircle"], &["siege"]),
    s(
        "block",
        true,
        &["block", "blockade", "obstruct"],
        &["blockade", "obstruction"],
    ),
    s(
        "enact",
        true,
        &["enact", "adopt"],
        &["enactment", "adoption"],
    ),
    s(
        "fine",
        true,
        &["penalise", "penalize", "=fined", "=fining"],
        &["penalty", "=fines"],
    ),
    s(
        "crash",
        true,
        &["crash", "collide"],
        &["crash", "collision"],
    ),
    s(
        "contaminate",
        true,
        &["contaminate", "pollute", "poison", "taint"],
        &["contamination", "pollution", "poisoning"],
    ),
    s("impose", true, &["impose", "levy"], &["imposition", "levy"]),
    s("extend", true, &["extend", "prolong"], &["extension"]),
    s("help", true, &["help", "assist"], &["assistance"]),
    s(
        "inspect",
        true,
        &["examine", "review", "inspect", "audit"],
        &["examination", "review", "inspection", "audit"],
    ),
    s("apologise", true, &["apologise", "apologize"], &["apology"]),
    s("praise", true, &["praise", "commend"], &["praise"]),
    s(
        "confess",
        true,
        &["confess", "admit"],
        &["confession", "admission"],
    ),
    s("extinguish", true, &["extinguish"], &[]),
    s("agree", true, &["agree", "consent"], &["consent"]),
    s(
        "restore",
        true,
        &["restore", "reinstate"],
        &["restoration", "reinstatement"],
    ),
    s("tighten", true, &["tighten", "toughen", "strengthen"], &[]),
    s(
        "ease",
        true,
        &["=eased", "=easing", "=lifted", "=lifting"],
        &[],
    ),
    s("infect", true, &["infect"], &["infection"]),
    s(
        "hospitalise",
        true,
        &["hospitalise", "hospitalize"],
        &["hospitalisation", "hospitalization"],
    ),
    // Participants and topics.
    s("company", false, &[], &["company", "firm", "corporation"]),
    s("resident", false, &[], &["resident", "inhabitant"]),
    s("home", false, &[], &["home", "house", "dwelling"]),
    s("forest", false, &[], &["forest", "woodland", "=woods"]),
    s("prisoner", false, &[], &["prisoner", "inmate"]),
    s("fugitive", false, &[], &["fugitive", "escapee", "runaway"]),
    s(
        "lawyer",
        false,
        &[],
        &["lawyer", "attorney", "solicitor", "barrister"],
    ),
    s(
        "agreement",
        false,
        &[],
        &["agreement", "deal", "pact", "treaty"],
    ),
    s(
        "ceasefire",
        false,
        &[],
        &["ceasefire", "truce", "armistice"],
    ),
    s("weapon", false, &[], &["weapon", "firearm", "gun", "rifle"]),
];

/// Coarse event classes: predicates (synonym-set classes, or stems of verbs
/// outside the sets) that name one kind of event loosely enough that they
/// are not synonyms ("recall" / "withdraw", "step down" / "leave"). Used
/// only between clauses about the same participants at the same time; each
/// class stays narrow (killing and injuring are different facts, so are an
/// arrest and a charge).
pub(crate) const COARSE: &[(&str, &[&str])] = &[
    (
        "removal",
        &["withdraw", "recall", "pull", "remov", "retract"],
    ),
    ("departure", &["resign", "leav", "depart", "exit"]),
    (
        "responsibility",
        &["blame", "instigate", "cause", "responsib"],
    ),
    (
        "finding",
        &["discover", "find", "reveal", "identif", "detect"],
    ),
    ("closure", &["close", "halt", "shut"]),
    (
        "accident",
        &["crash", "derail", "collid", "capsiz", "collapse"],
    ),
    ("acquisition", &["buy", "merge", "takeov"]),
    ("theft", &["steal", "hack", "access"]),
];

/// The coarse class of a predicate term, if it has one.
pub(crate) fn coarse_class(term: &str) -> Option<usize> {
    COARSE
        .iter()
        .position(|(_, members)| members.contains(&term))
}

/// Particle verbs and verb + noun idioms: (verb base, next word, class).
pub(crate) const PHRASAL: &[(&str, &str, &str)] = &[
    ("break", "down", "collapse"),
    ("fall", "apart", "collapse"),
    ("fall", "through", "collapse"),
    ("break", "out", "erupt"),
    ("break", "into", "enter"),
    ("break", "in", "enter"),
    ("get", "away", "escape"),
    ("step", "down", "resign"),
    ("stand", "down", "resign"),
    ("call", "off", "cancel"),
    ("put", "off", "postpone"),
    ("push", "back", "postpone"),
    ("lay", "off", "layoff"),
    ("set", "up", "establish"),
    ("crack", "down", "crackdown"),
    ("round", "up", "detain"),
    ("lock", "up", "detain"),
    ("gun", "down", "kill"),
    ("open", "fire", "shoot"),
    ("wipe", "out", "destroy"),
    ("blow", "up", "explode"),
    ("break", "up", "disperse"),
    ("pull", "out", "withdraw"),
    ("walk", "out", "protest"),
    ("step", "up", "increase"),
    ("drive", "up", "increase"),
    ("cut", "back", "decrease"),
    ("scale", "back", "decrease"),
    ("shut", "down", "close"),
    ("close", "down", "close"),
    ("sign", "off", "approve"),
    ("buy", "out", "buy"),
    ("sell", "off", "sell"),
    ("kick", "out", "expel"),
    ("drive", "out", "expel"),
    ("burn", "down", "burn"),
    ("set", "fire", "burn"),
    ("remove", "from", "resign"),
    ("stir", "up", "instigate"),
    ("whip", "up", "instigate"),
];

/// Three-word particle verbs that refine a two-word one: "broke out of
/// (prison)" is an escape, "broke out" alone an outbreak.
pub(crate) const PHRASAL3: &[(&str, &str, &str, &str)] = &[("break", "out", "of", "escape")];

/// Irregular forms of phrasal heads that the term extractor does not fold
/// to their base (their base would lose another mapping).
const HEAD_FORMS: &[(&str, &str)] = &[
    ("blew", "blow"),
    ("blown", "blow"),
    ("got", "get"),
    ("gotten", "get"),
    ("stood", "stand"),
];

/// How a surface form of a synonym set counts as a predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pred {
    /// Always (past forms, "-ing" forms, event nouns).
    Always,
    /// Only right after an auxiliary or "to" ("will close", "to raise"):
    /// base and "-s" forms, which may be nouns.
    AfterAux,
    /// Never by itself (participant and topic nouns).
    Never,
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Ends consonant-vowel-consonant (so "stop" -> "stopped")?
fn cvc(w: &str) -> bool {
    let b = w.as_bytes();
    let n = b.len();
    n >= 3
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'w' | b'x' | b'y')
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

/// Regular plural or third-person "-s" form.
pub(crate) fn plural(w: &str) -> String {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with('s')
        || w.ends_with('x')
        || w.ends_with('z')
        || w.ends_with("ch")
        || w.ends_with("sh")
    {
        format!("{w}es")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &w[..n - 1])
    } else {
        format!("{w}s")
    }
}

/// Regular past forms (with and without a doubled final consonant, since
/// stress decides: "admitted" but "visited").
fn past(w: &str) -> Vec<String> {
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with('e') {
        return vec![format!("{w}d")];
    }
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        return vec![format!("{}ied", &w[..n - 1])];
    }
    let mut out = vec![format!("{w}ed")];
    if cvc(w) {
        out.push(format!("{w}{}ed", &w[n - 1..]));
    }
    out
}

/// Regular "-ing" forms.
fn gerund(w: &str) -> Vec<String> {
    let n = w.len();
    if w.ends_with("ie") {
        return vec![format!("{}ying", &w[..n - 2])];
    }
    if w.ends_with('e') && !w.ends_with("ee") {
        return vec![format!("{}ing", &w[..n - 1])];
    }
    let mut out = vec![format!("{w}ing")];
    if cvc(w) {
        out.push(format!("{w}{}ing", &w[n - 1..]));
    }
    out
}

/// All forms of a verb with how each counts as a predicate: the base and
/// "-s" forms may be nouns, the others are verbs. Irregular forms come from
/// the term extractor's table (it folds them to the base first).
pub(crate) fn verb_forms(v: &str) -> Vec<(String, Pred)> {
    if let Some(lit) = v.strip_prefix('=') {
        return vec![(lit.to_string(), Pred::Always)];
    }
    let mut out = vec![(v.to_string(), Pred::AfterAux), (plural(v), Pred::AfterAux)];
    out.extend(past(v).into_iter().map(|f| (f, Pred::Always)));
    out.extend(gerund(v).into_iter().map(|f| (f, Pred::Always)));
    out.extend(
        IRREGULAR
            .iter()
            .chain(HEAD_FORMS)
            .filter(|(_, base)| *base == v)
            .map(|(f, _)| (f.to_string(), Pred::Always)),
    );
    out
}

/// Singular and plural of a noun.
pub(crate) fn noun_forms(n: &str) -> Vec<String> {
    if let Some(lit) = n.strip_prefix('=') {
        return vec![lit.to_string()];
    }
    vec![n.to_string(), plural(n)]
}

/// Every surface form of every synonym set: (form, class, predicate kind),
/// nouns first (a form that is both a noun and a verb form counts as the
/// noun, unless the set's nouns are events).
pub(crate) fn synset_forms() -> Vec<(String, &'static str, Pred)> {
    let mut out = Vec::new();
    for set in SYNSETS {
        let noun_pred = if set.event { Pred::Always } else { Pred::Never };
        let nouns: Vec<String> = set.nouns.iter().flat_map(|n| noun_forms(n)).collect();
        for n in &nouns {
            out.push((n.clone(), set.class, noun_pred));
        }
        for v in set.verbs {
            for (f, p) in verb_forms(v) {
                if !nouns.contains(&f) {
                    out.push((f, set.class, p));
                }
            }
        }
    }
    out
}

/// The class of a particle verb: `head` is the verb's base form.
pub(crate) fn phrasal(head: &str, next: &str) -> Option<&'static str> {
    PHRASAL
        .iter()
        .find(|(h, p, _)| *h == head && *p == next)
        .map(|(_, _, c)| *c)
}

/// The class of a three-word particle verb.
pub(crate) fn phrasal3(head: &str, particle: &str, next: &str) -> Option<&'static str> {
    PHRASAL3
        .iter()
        .find(|(h, p, n, _)| *h == head && *p == particle && *n == next)
        .map(|(_, _, _, c)| *c)
}

/// Every form of every phrasal head verb, with its base.
pub(crate) fn head_forms() -> Vec<(String, &'static str)> {
    let mut heads: Vec<&'static str> = PHRASAL
        .iter()
        .map(|(h, _, _)| *h)
        .chain(PHRASAL3.iter().map(|(h, _, _, _)| *h))
        .collect();
    heads.sort_unstable();
    heads.dedup();
    heads
        .into_iter()
        .flat_map(|h| verb_forms(h).into_iter().map(move |(f, _)| (f, h)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn inflections() {
        let forms = |v: &str| -> Vec<String> { verb_forms(v).into_iter().map(|x| x.0).collect() };
        for (v, f) in [
            ("dismiss", "dismissed"),
            ("dismiss", "dismisses"),
            ("dismiss", "dismissing"),
            ("flee", "fled"),
            ("flee", "fleeing"),
            ("kidnap", "kidnapped"),
            ("sue", "sued"),
            ("sue", "suing"),
            ("ratify", "ratified"),
            ("ratify", "ratifies"),
            ("approve", "approving"),
            ("steal", "stole"),
            ("steal", "stolen"),
            ("blow", "blew"),
        ] {
            assert!(
                forms(v).contains(&f.to_string()),
                "{v} -> {f}: {:?}",
                forms(v)
            );
        }
        assert_eq!(forms("=cleared"), vec!["cleared".to_string()]);
        assert_eq!(noun_forms("redundancy")[1], "redundancies");
        assert_eq!(noun_forms("blaze")[1], "blazes");
    }

    #[test]
    fn forms_have_one_class() {
        // A surface form must not sit in two synonym sets: the first would
        // silently win.
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (f, c, _) in synset_forms() {
            if let Some(prev) = seen.insert(f.clone(), c) {
                assert_eq!(prev, c, "{f} in {prev} and {c}");
            }
        }
    }

    #[test]
    fn nominalisations_are_predicates_topics_are_not() {
        let get = |w: &str| {
            synset_forms()
                .into_iter()
                .find(|(f, _, _)| f == w)
                .map(|(_, c, p)| (c, p))
        };
        assert_eq!(get("dismissal"), Some(("resign", Pred::Always)));
        assert_eq!(get("sacked"), Some(("resign", Pred::Always)));
        assert_eq!(get("arrest"), Some(("detain", Pred::Always)));
        assert_eq!(get("blaze"), Some(("fire", Pred::Never)));
        assert_eq!(get("inmates"), Some(("prisoner", Pred::Never)));
        assert_eq!(get("raise"), Some(("increase", Pred::AfterAux)));
        // Ambiguous bases are left out.
        assert_eq!(get("clear"), None);
        assert_eq!(get("strip"), None);
    }

    #[test]
    fn particle_verbs() {
        assert_eq!(phrasal("break", "down"), Some("collapse"));
        assert_eq!(phrasal("call", "off"), Some("cancel"));
        assert_eq!(phrasal("break", "even"), None);
        assert_eq!(phrasal3("break", "out", "of"), Some("escape"));
        let heads = head_forms();
        assert!(heads.contains(&("broke".to_string(), "break")));
        assert!(heads.contains(&("called".to_string(), "call")));
        assert!(heads.contains(&("laid".to_string(), "lay")));
    }
}
