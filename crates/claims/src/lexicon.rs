//! General word lists: cue verbs, hedges, denials, number words, measures,
//! units and loaded terms. Nothing here names an entity or an event; every
//! lookup takes an ASCII-lowercased token.

/// How a cue verb introduces speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueClass {
    /// Plain speech verbs: may take a bare clause ("X said the plan failed").
    Speech,
    /// Belief / cognition verbs and noun-verb homographs: need "that", ":"
    /// or a quote after them to count ("X believes that …").
    NeedsThat,
    /// Denial verbs: the content is denied.
    Denial,
    /// Verbs that only attribute in parenthetical or post-quote position
    /// ("– X continues –", "“…,” X added").
    Parenthetical,
    /// Participles after a comma ("…, adding that …"): the speaker is the
    /// subject of the sentence.
    Participle,
}

/// A cue verb: its lemma (reported as the quote's cue) and class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub lemma: &'static str,
    pub class: CueClass,
}

const fn mk(lemma: &'static str, class: CueClass) -> Option<Cue> {
    Some(Cue { lemma, class })
}

/// Cue verbs by surface form.
pub(crate) fn cue(w: &str) -> Option<Cue> {
    use CueClass::*;
    match w {
        "said" | "says" | "say" | "saying" => mk("say", Speech),
        "told" | "tells" | "tell" => mk("tell", Speech),
        "stated" => mk("state", Speech),
        "states" => mk("state", NeedsThat),
        "claimed" => mk("claim", Speech),
        "claims" | "claim" => mk("claim", NeedsThat),
        "argued" | "argues" | "argue" => mk("argue", Speech),
        "warned" | "warns" | "warn" => mk("warn", Speech),
        "added" | "adds" => mk("add", Parenthetical),
        "noted" => mk("note", Speech),
        "notes" => mk("note", NeedsThat),
        "insisted" | "insists" | "insist" => mk("insist", Speech),
        "denied" | "denies" | "deny" => mk("deny", Denial),
        "rejected" | "rejects" => mk("reject", Denial),
        "dismissed" | "dismisses" => mk("dismiss", Denial),
        "refuted" | "refutes" => mk("refute", Denial),
        "alleged" | "alleges" | "allege" => mk("allege", Speech),
        "announced" | "announces" => mk("announce", NeedsThat),
        "reported" => mk("report", Speech),
        "reports" => mk("report", NeedsThat),
        "wrote" | "writes" => mk("write", Speech),
        "tweeted" => mk("tweet", Speech),
        "chanted" | "shouted" | "yelled" => mk("chant", Parenthetical),
        "posted" => mk("post", NeedsThat),
        "explained" | "explains" => mk("explain", NeedsThat),
        "stressed" => mk("stress", Speech),
        "stresses" => mk("stress", NeedsThat),
        "emphasized" | "emphasised" | "emphasizes" | "emphasises" => mk("emphasize", Speech),
        "indicated" | "indicates" => mk("indicate", NeedsThat),
        "believes" | "believe" | "believed" => mk("believe", NeedsThat),
        "note" => mk("note", NeedsThat),
        "thinks" => mk("think", NeedsThat),
        "considers" | "considered" => mk("consider", NeedsThat),
        // participles after a comma: the speaker is the sentence subject
        "adding" => mk("add", Participle),
        "noting" => mk("note", Participle),
        "stressing" => mk("stress", Participle),
        "insisting" => mk("insist", Participle),
        "arguing" => mk("argue", Participle),
        "warning" => mk("warn", Participle),
        "claiming" => mk("claim", Participle),
        "explaining" => mk("explain", Participle),
        "considering" => mk("consider", Participle),
        "stating" => mk("state", Participle),
        "alleging" => mk("allege", Participle),
        "suggesting" => mk("suggest", Participle),
        "emphasizing" | "emphasising" => mk("emphasize", Participle),
        "acknowledging" => mk("acknowledge", Participle),
        "denying" => mk("deny", Participle),
        "accusing" => mk("accuse", Participle),
        "suggested" | "suggests" => mk("suggest", NeedsThat),
        "confirmed" | "confirms" => mk("confirm", NeedsThat),
        "acknowledged" | "acknowledges" => mk("acknowledge", NeedsThat),
        "admitted" | "admits" => mk("admit", NeedsThat),
        "asserted" | "asserts" => mk("assert", NeedsThat),
        "declared" | "declares" => mk("declare", NeedsThat),
        "recalled" | "recalls" => mk("recall", NeedsThat),
        "predicted" | "predicts" => mk("predict", NeedsThat),
        "estimated" | "estimates" => mk("estimate", NeedsThat),
        "expects" | "expected" => mk("expect", NeedsThat),
        "maintained" | "maintains" => mk("maintain", NeedsThat),
        "contended" | "contends" => mk("contend", NeedsThat),
        "reiterated" | "reiterates" => mk("reiterate", Speech),
        "concluded" | "concludes" => mk("conclude", NeedsThat),
        "revealed" | "reveals" => mk("reveal", NeedsThat),
        "cautioned" | "cautions" => mk("caution", Speech),
        "remarked" => mk("remark", Speech),
        "commented" => mk("comment", Parenthetical),
        "replied" | "responded" | "answered" => mk("reply", Parenthetical),
        "continued" | "continues" => mk("continue", Parenthetical),
        "asked" => mk("ask", Parenthetical),
        "reads" => mk("read", Parenthetical),
        "accused" | "accuses" | "accuse" => mk("accuse", Speech),
        "blamed" | "blames" => mk("blame", Speech),
        "urged" | "urges" => mk("urge", Speech),
        "promised" | "vowed" | "pledged" => mk("promise", NeedsThat),
        "points" | "pointed" => mk("point out", NeedsThat),
        "ruled" => mk("rule out", NeedsThat),
        "speculate" | "speculated" | "speculates" => mk("speculate", NeedsThat),
        "suspect" | "suspects" | "suspected" => mk("suspect", NeedsThat),
        "fear" | "feared" => mk("fear", NeedsThat),
        "hinted" | "hints" => mk("hint", NeedsThat),
        _ => None,
    }
}

/// Present-tense speech verbs of headlines ("Mayor vows …", "Union slams …").
pub(crate) fn headline_cue(w: &str) -> Option<Cue> {
    match w {
        "vows" | "pledges" | "promises" => mk("promise", CueClass::Speech),
        "slams" | "blasts" | "hails" | "urges" | "demands" | "calls" => mk("say", CueClass::Speech),
        "admits" | "insists" | "warns" | "says" | "tells" | "claims" | "denies" => {
            cue(w).map(|c| Cue {
                class: CueClass::Speech,
                ..c
            })
        }
        _ => None,
    }
}

/// Forms of "to be" and aspect auxiliaries: before a cue they make it passive
/// ("it is said", "was believed") or are skipped when finding the subject.
pub(crate) fn is_be(w: &str) -> bool {
    matches!(
        w,
        "is" | "was" | "are" | "were" | "be" | "been" | "being" | "'s"
    )
}

/// Words that may sit between a subject and its cue verb ("X has also said").
pub(crate) fn is_pre_cue_filler(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "also"
            | "later"
            | "then"
            | "previously"
            | "earlier"
            | "repeatedly"
            | "publicly"
            | "again"
            | "reportedly"
            | "allegedly"
            | "once"
            | "openly"
            | "further"
            | "recently"
            | "firmly"
            | "strongly"
            | "himself"
            | "herself"
            | "themselves"
            | "itself"
            | "would"
            | "will"
            | "does"
            | "did"
            | "do"
            | "not"
            | "n't"
            | "never"
            | "always"
            | "still"
            | "even"
            | "too"
            | "explicitly"
            | "clearly"
            | "simply"
            | "flatly"
            | "categorically"
            | "vehemently"
            | "quickly"
            | "immediately"
            | "later,"
    )
}

/// Personal pronouns that can stand as speakers, with their number.
pub(crate) fn speaker_pronoun(w: &str) -> Option<Pron> {
    match w {
        "he" | "him" | "his" => Some(Pron::Masc),
        "she" | "her" | "hers" => Some(Pron::Fem),
        "they" | "them" | "their" => Some(Pron::Plural),
        "i" | "me" | "my" | "we" | "us" | "our" => Some(Pron::First),
        "it" | "its" => Some(Pron::Neuter),
        _ => None,
    }
}

/// Grammatical gender signalled by a title or a role noun ("Mrs", "spokeswoman").
pub(crate) fn gender_word(w: &str) -> Option<Pron> {
    match w {
        "mr" | "mr." | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman"
        | "businessman" | "congressman" | "councilman" | "father" | "husband" | "son"
        | "brother" | "grandfather" | "uncle" | "nephew" | "boy" | "man" | "actor" | "monsieur"
        | "herr" | "señor" | "widower" | "himself" | "his" | "he" => Some(Pron::Masc),
        "mrs" | "mrs." | "ms" | "ms." | "miss" | "madam" | "madame" | "mme" | "dame" | "lady"
        | "queen" | "princess" | "spokeswoman" | "chairwoman" | "businesswoman"
        | "congresswoman" | "councilwoman" | "mother" | "wife" | "daughter" | "sister"
        | "grandmother" | "aunt" | "niece" | "girl" | "woman" | "actress" | "widow" | "frau"
        | "señora" | "herself" | "her" | "she" => Some(Pron::Fem),
        _ => None,
    }
}

const MALE_GIVEN_NAMES: &[&str] = &[
    "Maria Costa … He said",
    "aaron",
    "adam",
    "ahmed",
    "alan",
    "albert",
    "ali",
    "andrew",
    "anthony",
    "antonio",
    "arthur",
    "benjamin",
    "bobby",
    "brandon",
    "brian",
    "bruce",
    "carl",
    "carlos",
    "charles",
    "chinedu",
    "daniel",
    "david",
    "dennis",
    "diego",
    "dominic",
    "douglas",
    "dylan",
    "edward",
    "emeka",
    "eric",
    "erik",
    "ethan",
    "eugene",
    "felix",
    "francisco",
    "frank",
    "gary",
    "george",
    "gerald",
    "giovanni",
    "giuseppe",
    "gregory",
    "hans",
    "harold",
    "harry",
    "hassan",
    "henry",
    "ian",
    "ibrahim",
    "jack",
    "jacob",
    "jacques",
    "james",
    "jan",
    "jason",
    "jeffrey",
    "jerry",
    "joe",
    "john",
    "johnny",
    "jonathan",
    "jorge",
    "joseph",
    "joshua",
    "juan",
    "justin",
    "karel",
    "keith",
    "kenneth",
    "kevin",
    "klaus",
    "kofi",
    "kwame",
    "larry",
    "lars",
    "lawrence",
    "leo",
    "liam",
    "logan",
    "louis",
    "luca",
    "lucas",
    "luis",
    "lukas",
    "manuel",
    "marco",
    "marek",
    "mark",
    "martin",
    "mason",
    "matthew",
    "max",
    "michael",
    "michel",
    "miguel",
    "mohamed",
    "mohammed",
    "mustafa",
    "nathan",
    "nicholas",
    "noah",
    "olaf",
    "oliver",
    "omar",
    "pablo",
    "patrick",
    "paul",
    "pawel",
    "pedro",
    "peter",
    "philip",
    "pierre",
    "piotr",
    "ralph",
    "raymond",
    "richard",
    "robert",
    "roger",
    "ronald",
    "roy",
    "ryan",
    "samuel",
    "scott",
    "stephen",
    "steven",
    "sven",
    "terry",
    "thomas",
    "tobias",
    "tomas",
    "tunde",
    "tyler",
    "william",
    "willie",
    "yusuf",
    "zachary",
];

const FEMALE_GIVEN_NAMES: &[&str] = &[
    "abigail",
    "agnes",
    "aisha",
    "alexis",
    "alice",
    "amanda",
    "amber",
    "amelie",
    "amina",
    "amy",
    "ana",
    "andrea",
    "angela",
    "ann",
    "anna",
    "ashley",
    "astrid",
    "barbara",
    "beatriz",
    "betty",
    "beverly",
    "brenda",
    "brittany",
    "camille",
    "carmen",
    "carol",
    "carolyn",
    "catherine",
    "charlotte",
    "cheryl",
    "chiamaka",
    "chiara",
    "christina",
    "christine",
    "claire",
    "cynthia",
    "danielle",
    "deborah",
    "debra",
    "denise",
    "diana",
    "diane",
    "donna",
    "doris",
    "dorothy",
    "elena",
    "elizabeth",
    "emily",
    "emma",
    "evelyn",
    "ewa",
    "fatima",
    "folake",
    "frances",
    "francesca",
    "giulia",
    "gloria",
    "grace",
    "greta",
    "hannah",
    "heather",
    "heidi",
    "helen",
    "ines",
    "ingrid",
    "isabel",
    "isabella",
    "jacqueline",
    "janet",
    "janice",
    "jennifer",
    "jessica",
    "joan",
    "joyce",
    "judith",
    "judy",
    "julie",
    "karen",
    "katarzyna",
    "katherine",
    "kathleen",
    "kathryn",
    "kayla",
    "kelly",
    "kimberly",
    "laura",
    "lauren",
    "leila",
    "linda",
    "lisa",
    "lori",
    "lucia",
    "madison",
    "magdalena",
    "margaret",
    "maria",
    "marie",
    "marilyn",
    "marta",
    "martha",
    "mary",
    "megan",
    "melissa",
    "michelle",
    "nadia",
    "nancy",
    "natalie",
    "ngozi",
    "nicole",
    "olivia",
    "pamela",
    "patricia",
    "petra",
    "rachel",
    "rebecca",
    "ruth",
    "samantha",
    "sandra",
    "sara",
    "sarah",
    "sharon",
    "shirley",
    "sigrid",
    "sofia",
    "sophia",
    "sophie",
    "stephanie",
    "susan",
    "teresa",
    "theresa",
    "victoria",
    "virginia",
    "yasmin",
    "zainab",
];

/// Common given names with a usual gender (a general gazetteer, for
/// pronoun agreement: "Maria Costa … He said" is not Costa).
pub(crate) fn given_name_gender(w: &str) -> Option<Pron> {
    static IDX: std::sync::OnceLock<std::collections::HashMap<&'static str, Pron>> =
        std::sync::OnceLock::new();
    IDX.get_or_init(|| {
        MALE_GIVEN_NAMES
            .iter()
            .map(|n| (*n, Pron::Masc))
            .chain(FEMALE_GIVEN_NAMES.iter().map(|n| (*n, Pron::Fem)))
            .collect()
    })
    .get(w)
    .copied()
}

/// Pronoun classes used for antecedent search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pron {
    Masc,
    Fem,
    Plural,
    First,
    Neuter,
}

/// Nouns that typically head a speaker phrase ("the ministry claims that").
pub(crate) fn speaker_noun(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "government"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "official"
            | "agency"
            | "office"
            | "president"
            | "minister"
            | "report"
            | "statement"
            | "study"
            | "media"
            | "source"
            | "newspaper"
            | "outlet"
            | "police"
            | "army"
            | "military"
            | "committee"
            | "council"
            | "court"
            | "prosecutor"
            | "expert"
            | "analyst"
            | "author"
            | "embassy"
            | "kremlin"
            | "company"
            | "group"
            | "party"
            | "opposition"
            | "leader"
            | "officials"
            | "sources"
            | "experts"
            | "analysts"
            | "authorities"
            | "critics"
    )
}

/// Words that end a subject noun phrase when walking backwards from a cue.
pub(crate) fn np_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "and"
            | "but"
            | "or"
            | "as"
            | "while"
            | "because"
            | "when"
            | "if"
            | "so"
            | "since"
            | "although"
            | "though"
            | "whereas"
            | "where"
            | "what"
            | "why"
            | "how"
            | "than"
            | "then"
            | "yet"
            | "however"
            | "meanwhile"
            | "moreover"
            | "therefore"
            | "thus"
            | "hence"
            | "also"
            | "now"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "must"
            | "do"
            | "does"
            | "did"
            | "not"
            | "to"
            | "said"
            | "says"
            | "told"
            | "after"
            | "before"
            | "until"
            | "unless"
            | "about"
            | "with"
            | "by"
            | "into"
            | "because of"
            | "accordingly"
            | "instead"
            | "indeed"
            | "furthermore"
            | "besides"
            | "finally"
            | "secondly"
            | "still"
            | "even"
            | "nevertheless"
            | "nonetheless"
            | "otherwise"
            | "once"
            | "there"
    )
}

/// Words that may appear inside a noun phrase (between its head and the rest)
/// and let a backward walk continue: prepositions linking "head of the X".
pub(crate) fn np_link(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "at"
            | "on"
            | "from"
            | "in"
            | "'s"
            | "’s"
            | "-"
            | "&"
            | "de"
            | "van"
            | "von"
            | "al"
            | "bin"
    )
}

/// Determiners and quantifiers that start a noun phrase.
pub(crate) fn is_det(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "one"
            | "some"
            | "several"
            | "many"
            | "two"
            | "three"
            | "four"
            | "five"
            | "another"
            | "other"
            | "this"
            | "these"
            | "those"
            | "most"
            | "all"
            | "both"
            | "each"
            | "every"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "no"
            | "few"
            | "any"
    )
}

/// Hedge words and the lemma reported for them.
pub(crate) fn hedge(w: &str) -> bool {
    matches!(
        w,
        "may"
            | "might"
            | "could"
            | "likely"
            | "unlikely"
            | "probably"
            | "possibly"
            | "perhaps"
            | "maybe"
            | "seems"
            | "seem"
            | "seemed"
            | "seemingly"
            | "appears"
            | "appear"
            | "appeared"
            | "apparently"
            | "reportedly"
            | "allegedly"
            | "alleged"
            | "suspected"
            | "supposedly"
            | "supposed"
            | "rumours"
            | "rumors"
            | "rumoured"
            | "rumored"
            | "unconfirmed"
            | "unverified"
            | "presumably"
            | "purportedly"
            | "purported"
            | "arguably"
            | "speculation"
            | "speculate"
            | "speculated"
            | "suspicion"
            | "conceivably"
            | "potentially"
            | "plausibly"
            | "believed"
            | "thought"
            | "suggests"
            | "suggest"
            | "surmise"
            | "suspect"
            | "guess"
            | "estimated"
            | "expected"
            | "expect"
            | "expects"
            | "anticipate"
            | "anticipated"
    )
}

/// Hedge words that are also ordinary past tense ("thought", "believed",
/// "expected", "suspected"…): hedge only after a form of "be" ("it is
/// thought", "are believed to") or after "I"/"we".
pub(crate) fn hedge_needs_passive(w: &str) -> bool {
    matches!(
        w,
        "thought" | "believed" | "expected" | "estimated" | "anticipated"
    )
}

/// Words marking a denial of a proposition.
pub(crate) fn denial(w: &str) -> bool {
    matches!(
        w,
        "denied"
            | "denies"
            | "deny"
            | "denying"
            | "denial"
            | "rejected"
            | "rejects"
            | "dismissed"
            | "dismisses"
            | "refuted"
            | "refutes"
            | "debunked"
            | "hoax"
            | "nonsense"
            | "lie"
    )
}

/// Adjectives that deny only when predicative ("the report is false",
/// "rejected as baseless"); "false claims of X" asserts something else.
pub(crate) fn denial_adj(w: &str) -> bool {
    matches!(
        w,
        "false"
            | "untrue"
            | "baseless"
            | "groundless"
            | "unfounded"
            | "fabricated"
            | "fake"
            | "disinformation"
            | "misinformation"
            | "fabrication"
            | "lies"
    )
}

/// Words (besides "?") that mark a proposition as questioned.
pub(crate) fn question_word(w: &str) -> bool {
    matches!(
        w,
        "whether" | "unclear" | "unknown" | "uncertain" | "questionable" | "doubtful"
    )
}

/// Nouns for documents and recordings: "according to documents" cites
/// evidence rather than a speaker.
pub(crate) fn evidence_noun(w: &str) -> bool {
    matches!(
        w,
        "documents"
            | "document"
            | "video"
            | "videos"
            | "footage"
            | "data"
            | "images"
            | "image"
            | "photos"
            | "photographs"
            | "photo"
            | "records"
            | "record"
            | "figures"
            | "statistics"
            | "recordings"
            | "recording"
            | "files"
            | "emails"
            | "leaks"
            | "leaked"
            | "analysis"
            | "survey"
            | "poll"
            | "census"
            | "study"
            | "satellite"
            | "imagery"
            | "transcript"
            | "transcripts"
            | "cables"
            | "audit"
            | "filings"
            | "filing"
            | "evidence"
            | "tally"
            | "count"
            | "logs"
            | "trial"
            | "trials"
            | "findings"
            | "measurements"
            | "tests"
    )
}

/// Words for evidence itself ("without providing evidence").
pub(crate) fn proof_noun(w: &str) -> bool {
    matches!(
        w,
        "evidence"
            | "proof"
            | "proofs"
            | "substantiation"
            | "corroboration"
            | "indication"
            | "indications"
    )
}

/// Negators used with evidence nouns.
pub(crate) fn negator(w: &str) -> bool {
    matches!(
        w,
        "no" | "not"
            | "without"
            | "nobody"
            | "never"
            | "none"
            | "n't"
            | "lack"
            | "lacking"
            | "absent"
            | "neither"
            | "nor"
            | "little"
            | "scant"
    )
}

/// Cardinal number words and their value.
pub(crate) fn number_word(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "dozen" => 12.0,
        _ => return None,
    })
}

/// Scale words: "thousand" multiplies what precedes it.
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 100.0,
        "thousand" => 1_000.0,
        "million" | "mln" => 1_000_000.0,
        "billion" | "bln" | "bn" => 1_000_000_000.0,
        "trillion" | "tn" => 1_000_000_000_000.0,
        _ => return None,
    })
}

/// Plural scale words used alone as vague amounts: (low, high).
pub(crate) fn vague_plural(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "dozens" => (24.0, 108.0),
        "scores" => (40.0, 180.0),
        "hundreds" => (200.0, 900.0),
        "thousands" => (2_000.0, 9_000.0),
        "millions" => (2e6, 9e6),
        "billions" => (2e9, 9e9),
        _ => return None,
    })
}

/// Vague multipliers before a scale word ("several thousand"): (low, high).
pub(crate) fn vague_multiplier(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "several" => (3.0, 9.0),
        "few" => (2.0, 5.0),
        "many" => (5.0, 9.0),
        "some" => (2.0, 9.0),
        _ => return None,
    })
}

/// Qualifiers as (number of tokens, words, qualifier). Longest first.
pub(crate) const QUALIFIERS: &[(&[&str], &str)] = &[
    (&["no", "fewer", "than"], "at-least"),
    (&["no", "less", "than"], "at-least"),
    (&["not", "less", "than"], "at-least"),
    (&["no", "more", "than"], "under"),
    (&["not", "more", "than"], "under"),
    (&["as", "many", "as"], "under"),
    (&["as", "much", "as"], "under"),
    (&["as", "few", "as"], "at-least"),
    (&["just", "over"], "over"),
    (&["just", "under"], "under"),
    (&["well", "over"], "over"),
    (&["more", "than"], "over"),
    (&["over"], "over"),
    (&["above"], "over"),
    (&["upwards", "of"], "over"),
    (&["in", "excess", "of"], "over"),
    (&["exceed"], "over"),
    (&["exceeds"], "over"),
    (&["exceeding"], "over"),
    (&["at", "least"], "at-least"),
    (&["a", "minimum", "of"], "at-least"),
    (&["fewer", "than"], "under"),
    (&["less", "than"], "under"),
    (&["under"], "under"),
    (&["below"], "under"),
    (&["up", "to"], "under"),
    (&["at", "most"], "under"),
    (&["nearly"], "nearly"),
    (&["almost"], "nearly"),
    (&["close", "to"], "nearly"),
    (&["just", "shy", "of"], "nearly"),
    (&["about"], "about"),
    (&["around"], "about"),
    (&["roughly"], "about"),
    (&["approximately"], "about"),
    (&["approx"], "about"),
    (&["some"], "about"),
    (&["circa"], "about"),
    (&["an", "estimated"], "about"),
    (&["estimated"], "about"),
    (&["an", "approximate"], "about"),
    (&["something", "like"], "about"),
    (&["of", "the", "order", "of"], "about"),
    (&["on", "the", "order", "of"], "about"),
    (&["~"], "about"),
    (&["exactly"], "exact"),
    (&["precisely"], "exact"),
];

/// Currency symbols and words mapped to a code.
pub(crate) fn currency(w: &str) -> Option<&'static str> {
    Some(match w {
        "$" | "us$" | "usd" | "dollar" | "dollars" => "USD",
        "€" | "eur" | "euro" | "euros" => "EUR",
        "£" | "gbp" | "pound" | "pounds" | "sterling" => "GBP",
        "¥" | "yen" | "jpy" => "JPY",
        "yuan" | "renminbi" | "rmb" | "cny" => "CNY",
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" | "₽" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" | "uah" | "₴" => "UAH",
        "tenge" | "kzt" | "₸" => "KZT",
        "rupee" | "rupees" | "inr" | "₹" => "INR",
        "lira" | "liras" | "lire" | "try" | "₺" => "TRY",
        "won" | "krw" | "₩" => "KRW",
        "franc" | "francs" | "chf" => "CHF",
        "rand" | "zar" => "ZAR",
        "peso" | "pesos" => "PESO",
        "dinar" | "dinars" => "DINAR",
        "riyal" | "riyals" | "rial" | "rials" => "RIYAL",
        "dirham" | "dirhams" => "DIRHAM",
        "som" | "soms" | "sum" => "SOM",
        "manat" | "manats" => "MANAT",
        "lari" => "GEL",
        "dram" | "drams" => "AMD",
        "zloty" | "zlotys" | "pln" => "PLN",
        "forint" | "forints" | "huf" => "HUF",
        "koruna" | "crowns" | "czk" => "CZK",
        "krona" | "kronor" | "krone" | "kroner" => "KRONA",
        "shekel" | "shekels" | "nis" | "ils" | "₪" => "ILS",
        "naira" | "ngn" | "₦" => "NGN",
        "bitcoin" | "bitcoins" | "btc" => "BTC",
        _ => return None,
    })
}

/// Measurement units mapped to a canonical symbol.
pub(crate) fn unit(w: &str) -> Option<&'static str> {
    Some(match w {
        "%" | "percent" | "pct" => "%",
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => "km",
        "miles" | "mile" => "mi",
        "metres" | "meters" | "metre" | "meter" => "m",
        "kg" | "kilograms" | "kilogrammes" | "kilos" => "kg",
        "tonnes" | "tons" | "tonne" | "ton" => "t",
        "barrels" | "barrel" | "bpd" => "barrels",
        "litres" | "liters" | "litre" | "liter" => "l",
        "gallons" | "gallon" => "gal",
        "hectares" | "hectare" | "ha" => "ha",
        "acres" | "acre" => "acre",
        "mw" | "megawatts" => "MW",
        "gw" | "gigawatts" => "GW",
        "kwh" => "kWh",
        "bcm" => "bcm",
        _ => return None,
    })
}

/// Time units: a number before one of these is a duration, not a count.
pub(crate) fn time_unit(w: &str) -> bool {
    matches!(
        w,
        "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
            | "hour"
            | "hours"
            | "minute"
            | "minutes"
            | "second"
            | "seconds"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
            | "am"
            | "pm"
            | "a.m."
            | "p.m."
            | "o'clock"
            | "gmt"
            | "utc"
            | "bc"
            | "ad"
            | "bce"
            | "ce"
            | "hrs"
            | "mins"
            | "yrs"
            | "nights"
            | "night"
            | "mornings"
            | "weekends"
            | "times"
            | "winter"
            | "winters"
            | "summer"
            | "summers"
            | "spring"
            | "springs"
            | "autumn"
            | "autumns"
            | "seasons"
            | "generations"
            | "fortnights"
    )
}

/// Words before a number that make it a label, not a count ("week 2",
/// "Article 5", "No. 3").
pub(crate) fn label_before_number(w: &str) -> bool {
    matches!(
        w,
        "week"
            | "article"
            | "section"
            | "chapter"
            | "page"
            | "pages"
            | "no"
            | "no."
            | "number"
            | "phase"
            | "round"
            | "level"
            | "stage"
            | "part"
            | "volume"
            | "vol"
            | "vol."
            | "resolution"
            | "room"
            | "flight"
            | "route"
            | "highway"
            | "block"
            | "line"
            | "platform"
            | "gate"
            | "item"
            | "point"
            | "step"
            | "episode"
            | "season"
            | "version"
            | "act"
            | "paragraph"
            | "clause"
            | "figure"
            | "fig"
            | "fig."
            | "table"
            | "category"
            | "grade"
            | "class"
            | "model"
            | "type"
            | "unit"
            | "division"
            | "battalion"
            | "brigade"
            | "regiment"
            | "district"
            | "zone"
            | "sector"
            | "building"
            | "apartment"
            | "floor"
            | "channel"
            | "covid"
            | "g"
            | "#"
            | "tier"
            | "mark"
            | "mk"
            | "generation"
            | "term"
            | "session"
            | "match"
            | "game"
            | "day"
            | "year"
            | "month"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
    ) || (w != "may" && month(w))
}

/// Month names: a number next to one is a date.
pub(crate) fn month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "jan."
            | "feb."
            | "mar."
            | "apr."
            | "jun."
            | "jul."
            | "aug."
            | "sep."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// Measures keyed by a predicate or noun near a count (canonical name).
pub(crate) fn measure(w: &str) -> Option<&'static str> {
    Some(match w {
        "killed" | "killing" | "kills" | "died" | "dead" | "deaths" | "death" | "dying"
        | "fatalities" | "bodies" | "lives" | "perished" | "slain" | "toll" | "shot" => "killed",
        "detained" | "detaining" | "arrested" | "arresting" | "arrests" | "detentions"
        | "detainees" | "held" | "jailed" | "imprisoned" | "custody" | "rounded" | "prisoners"
        | "detention" => "detained",
        "injured" | "injuring" | "wounded" | "wounding" | "hurt" | "injuries" | "hospitalised"
        | "hospitalized" | "casualties" | "treated" => "injured",
        "troops" | "soldiers" | "peacekeepers" | "servicemen" | "paratroopers" | "deployed"
        | "deploying" | "personnel" | "marines" | "reservists" | "conscripts" => "troops",
        "police" | "policemen" | "officers" | "gendarmes" => "police",
        "protesters" | "protestors" | "demonstrators" | "marchers" | "rallied" | "protested"
        | "marched" | "demonstrated" | "crowd" | "crowds" => "protesters",
        "evacuated" | "displaced" | "fled" | "refugees" | "evacuees" => "displaced",
        "missing" | "disappeared" | "unaccounted" => "missing",
        "price" | "prices" | "cost" | "costs" | "costing" | "priced" | "fare" | "fares" | "fee"
        | "fees" => "price",
        "rose" | "risen" | "rise" | "increase" | "increased" | "hike" | "jump" | "jumped"
        | "doubled" | "surged" | "grow" | "grew" | "grown" | "growth" | "expand" | "expanded"
        | "rising" | "rises" | "climbed" | "soared" | "raised" | "raise" => "increase",
        "fell" | "dropped" | "drop" | "decline" | "declined" | "decrease" | "cut" | "slumped"
        | "fallen" | "fall" | "falls" | "falling" | "plunged" | "plummeted" | "tumbled"
        | "shrank" | "shrunk" | "reduced" | "reduce" | "lowered" | "slashed" => "decrease",
        _ => return None,
    })
}

/// Predicates that license a measure when they follow a count. Nouns like
/// "forces" only count as the counted head, not as a later predicate.
pub(crate) fn measure_predicate(w: &str) -> Option<&'static str> {
    match w {
        "forces" | "personnel" | "crowd" | "crowds" | "officers" | "police" | "troops"
        | "soldiers" | "protesters" | "protestors" | "demonstrators" | "prices" | "price"
        | "cost" | "costs" | "lives" | "bodies" | "refugees" | "prisoners" | "rose" | "risen"
        | "rise" | "increase" | "increased" | "hike" | "jump" | "jumped" | "doubled" | "surged"
        | "grow" | "grew" | "grown" | "growth" | "expand" | "expanded" | "fell" | "dropped"
        | "drop" | "decline" | "declined" | "decrease" | "cut" | "slumped" | "toll" | "shot"
        | "held" | "custody" | "death" | "fare" | "fares" | "injuries" | "casualties"
        | "marines" | "fee" | "fees" | "rising" | "rises" | "climbed" | "soared" | "raised"
        | "raise" | "fallen" | "fall" | "falls" | "falling" | "plunged" | "plummeted"
        | "tumbled" | "shrank" | "shrunk" | "reduced" | "reduce" | "lowered" | "slashed" => None,
        _ => measure(w),
    }
}

/// Common plural or mass nouns that are counted ("5,000 people").
pub(crate) fn counted_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "persons"
            | "person"
            | "individuals"
            | "residents"
            | "citizens"
            | "civilians"
            | "men"
            | "women"
            | "children"
            | "members"
            | "workers"
            | "students"
            | "journalists"
            | "activists"
            | "protesters"
            | "protestors"
            | "demonstrators"
            | "troops"
            | "soldiers"
            | "peacekeepers"
            | "police"
            | "policemen"
            | "officers"
            | "servicemen"
            | "fighters"
            | "militants"
            | "rebels"
            | "insurgents"
            | "victims"
            | "deaths"
            | "casualties"
            | "detainees"
            | "prisoners"
            | "refugees"
            | "migrants"
            | "families"
            | "households"
            | "voters"
            | "delegates"
            | "deputies"
            | "lawmakers"
            | "officials"
            | "vehicles"
            | "cars"
            | "tanks"
            | "aircraft"
            | "planes"
            | "jets"
            | "helicopters"
            | "ships"
            | "buildings"
            | "homes"
            | "houses"
            | "shops"
            | "stores"
            | "banks"
            | "schools"
            | "hospitals"
            | "nations"
            | "countries"
            | "states"
            | "cities"
            | "towns"
            | "villages"
            | "regions"
            | "provinces"
            | "districts"
            | "companies"
            | "firms"
            | "jobs"
            | "votes"
            | "seats"
            | "cases"
            | "arrests"
            | "weapons"
            | "guns"
            | "rounds"
            | "missiles"
            | "rockets"
            | "drones"
            | "bombs"
            | "mercenaries"
            | "agents"
            | "operatives"
            | "looters"
            | "rioters"
            | "terrorists"
            | "bandits"
            | "personnel"
            | "reservists"
            | "paratroopers"
            | "marines"
            | "guards"
            | "dead"
            | "injured"
            | "wounded"
            | "bodies"
            | "republics"
            | "ministers"
            | "leaders"
            | "experts"
            | "analysts"
            | "sources"
            | "witnesses"
            | "patients"
            | "doctors"
            | "employees"
            | "staff"
            | "units"
            | "battalions"
            | "divisions"
            | "brigades"
            | "flights"
            | "trains"
            | "buses"
            | "passengers"
            | "tourists"
            | "lives"
    )
}

/// Loaded or framing terms: (token sequence, canonical term). Longest first
/// within a shared start word. Matching also accepts a trailing "s".
pub(crate) const LOADED: &[(&[&str], &str)] = &[
    (&["terrorist", "attack"], "terrorist attack"),
    (&["terrorist", "attacks"], "terrorist attack"),
    (&["terrorists"], "terrorists"),
    (&["terrorist"], "terrorists"),
    (&["terrorism"], "terrorism"),
    (&["bandits"], "bandits"),
    (&["bandit"], "bandits"),
    (&["thugs"], "thugs"),
    (&["thug"], "thugs"),
    (&["extremists"], "extremists"),
    (&["extremist"], "extremists"),
    (&["extremism"], "extremism"),
    (&["coup", "attempt"], "coup"),
    (&["coup", "d'etat"], "coup"),
    (&["coup", "d'état"], "coup"),
    (&["coup"], "coup"),
    (&["coups"], "coup"),
    (&["putsch"], "coup"),
    (&["colour", "revolution"], "colour revolution"),
    (&["color", "revolution"], "colour revolution"),
    (&["coloured", "revolution"], "colour revolution"),
    (&["colored", "revolution"], "colour revolution"),
    (&["colorful", "revolution"], "colour revolution"),
    (&["colourful", "revolution"], "colour revolution"),
    (&["colour", "revolutions"], "colour revolution"),
    (&["color", "revolutions"], "colour revolution"),
    (&["coloured", "revolutions"], "colour revolution"),
    (&["colored", "revolutions"], "colour revolution"),
    (&["color", "revolt"], "colour revolution"),
    (&["colour", "revolt"], "colour revolution"),
    (&["regime"], "regime"),
    (&["regimes"], "regime"),
    (&["puppet", "masters"], "puppet"),
    (&["puppets"], "puppet"),
    (&["puppet"], "puppet"),
    (&["martyrs"], "martyrs"),
    (&["martyr"], "martyrs"),
    (&["invasion"], "invasion"),
    (&["invaders"], "invaders"),
    (&["special", "military", "operation"], "special operation"),
    (&["special", "operation"], "special operation"),
    (&["liberation"], "liberation"),
    (&["liberators"], "liberators"),
    (&["occupiers"], "occupiers"),
    (&["occupation"], "occupation"),
    (&["rioters"], "rioters"),
    (&["looters"], "looters"),
    (&["militants"], "militants"),
    (&["freedom", "fighters"], "freedom fighters"),
    (&["insurgents"], "insurgents"),
    (&["mercenaries"], "mercenaries"),
    (&["foreign", "agents"], "foreign agents"),
    (&["foreign-backed"], "foreign-backed"),
    (&["western-backed"], "western-backed"),
    (&["fascists"], "fascists"),
    (&["fascist"], "fascists"),
    (&["nazis"], "nazis"),
    (&["junta"], "junta"),
    (&["genocide"], "genocide"),
    (&["massacre"], "massacre"),
    (&["insurrection"], "insurrection"),
    (&["traitors"], "traitors"),
    (&["treacherous"], "traitors"),
    (&["jihadists"], "jihadists"),
    (&["radicals"], "radicals"),
    (&["agitators"], "agitators"),
    (&["provocateurs"], "provocateurs"),
    (&["oppressors"], "oppressors"),
    (&["dictator"], "dictator"),
    (&["dictatorship"], "dictatorship"),
    (&["tyrant"], "tyrant"),
    (&["scum"], "scum"),
    (&["mafia"], "mafia"),
    (&["mafiosi"], "mafia"),
    (&["separatists"], "separatists"),
    (&["propaganda"], "propaganda"),
    (&["crackdown"], "crackdown"),
    (&["purge"], "purge"),
];
