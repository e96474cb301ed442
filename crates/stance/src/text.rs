//! Light text analysis for stance: lower-cased word tokens, a tiny suffix
//! stemmer, sentence splitting and general English cue-word lists.

use crosscheck_learn::hash_str;

/// Cue-word classes (bit flags) used by the features.
pub const CUE_REFUTE: u8 = 1;
pub const CUE_HEDGE: u8 = 2;
pub const CUE_SUPPORT: u8 = 4;
pub const CUE_NEGATION: u8 = 8;

/// Words that deny, debunk or contradict a report.
const REFUTE: &[&str] = &[
    "fake",
    "fraud",
    "hoax",
    "false",
    "deny",
    "denies",
    "denied",
    "denial",
    "denying",
    "debunk",
    "debunked",
    "debunks",
    "refute",
    "refutes",
    "refuted",
    "despite",
    "nope",
    "doubt",
    "doubts",
    "bogus",
    "retract",
    "retracted",
    "retraction",
    "untrue",
    "misleading",
    "myth",
    "prank",
    "satire",
    "satirical",
    "incorrect",
    "wrong",
    "lie",
    "lies",
    "lying",
    "fabricated",
    "fabrication",
    "baseless",
    "dismiss",
    "dismissed",
    "dismisses",
    "reject",
    "rejects",
    "rejected",
    "unfounded",
    "fiction",
    "fictional",
    "photoshopped",
    "doctored",
    "disputed",
    "disputes",
    "contrary",
    "contradict",
    "contradicts",
    "spoof",
    "parody",
    "scam",
    "nonsense",
    "erroneous",
    "mistaken",
    "misreported",
    "unsubstantiated",
    "nothing",
];

/// Negation words (kept apart from refuting words: far more frequent).
const NEGATION: &[&str] = &[
    "not", "no", "never", "none", "neither", "nor", "cannot", "t", "without", "nobody", "isn",
    "wasn", "didn", "doesn", "aren", "weren", "won", "hasn", "haven", "hadn",
];

/// Hedging and attribution words: the text reports without endorsing.
const HEDGE: &[&str] = &[
    "reportedly",
    "allegedly",
    "alleged",
    "alleges",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "rumored",
    "rumoured",
    "may",
    "might",
    "could",
    "possibly",
    "possible",
    "apparently",
    "unconfirmed",
    "unverified",
    "purportedly",
    "purported",
    "supposedly",
    "appears",
    "appear",
    "seems",
    "seem",
    "suggest",
    "suggests",
    "suggested",
    "according",
    "report",
    "reports",
    "reported",
    "believed",
    "speculation",
    "speculate",
    "likely",
    "perhaps",
    "unclear",
    "uncertain",
    "if",
    "whether",
    "would",
    "sources",
    "source",
    "say",
    "says",
    "said",
    "told",
    "tweeted",
    "insist",
    "insists",
    "maybe",
];

/// Words that confirm or assert.
const SUPPORT: &[&str] = &[
    "confirm",
    "confirms",
    "confirmed",
    "confirmation",
    "official",
    "officially",
    "announced",
    "announces",
    "revealed",
    "reveals",
    "shows",
    "show",
    "showed",
    "proves",
    "proved",
    "proof",
    "true",
    "indeed",
    "verified",
    "genuine",
    "real",
    "actually",
    "fact",
    "evidence",
    "admitted",
    "admits",
];

/// Function words skipped by similarity features (negations are kept elsewhere).
const STOP: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "did", "do", "does", "doing", "down", "during", "each", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself",
    "him", "himself", "his", "how", "i", "in", "into", "is", "it", "its", "itself", "just", "me",
    "more", "most", "my", "myself", "now", "of", "off", "on", "once", "only", "or", "other", "our",
    "ours", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
    "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those", "through",
    "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "you", "your", "yours", "s", "said",
    "says", "new", "one", "two", "us", "via", "like", "get", "got", "would", "could", "may",
    "might",
];

/// Flags of a lower-cased word.
pub fn cue_flags(w: &str) -> u8 {
    let mut f = 0;
    if REFUTE.contains(&w) {
        f |= CUE_REFUTE;
    }
    if HEDGE.contains(&w) {
        f |= CUE_HEDGE;
    }
    if SUPPORT.contains(&w) {
        f |= CUE_SUPPORT;
    }
    if NEGATION.contains(&w) {
        f |= CUE_NEGATION;
    }
    f
}

pub fn is_stop(w: &str) -> bool {
    STOP.contains(&w) || NEGATION.contains(&w)
}

/// Strips common English inflections so "denies"/"denied"/"deny" meet.
/// Returns the stem and whether a final "y" belongs after it.
pub fn stem(w: &str) -> (&str, bool) {
    let n = w.len();
    if n <= 3 || !w.is_ascii() {
        return (w, false);
    }
    for suf in ["ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s"] {
        if n > suf.len() + 1 && w.ends_with(suf) {
            let base = &w[..n - suf.len()];
            // Keep "ss" words ("press", "glass") whole.
            if suf == "s" && base.ends_with('s') {
                return (w, false);
            }
            return (base, suf == "ies" || suf == "ied");
        }
    }
    (w, false)
}

/// Hash of a word's stem (see [`stem`]).
pub fn stem_hash(w: &str) -> u64 {
    let (base, y) = stem(w);
    if y {
        let mut b = String::with_capacity(base.len() + 1);
        b.push_str(base);
        b.push('y');
        hash_str(&b)
    } else {
        hash_str(base)
    }
}

/// One word of a text.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Hash of the lower-cased surface form.
    pub surface: u64,
    /// Hash of the stem.
    pub stem: u64,
    pub stop: bool,
    pub cue: u8,
}

/// Words of a text, with the index of each sentence's first word.
#[derive(Debug, Default, Clone)]
pub struct Tokens {
    pub words: Vec<Word>,
    /// Cue words (lower-cased) by position, only for words with a cue flag.
    pub cue_words: Vec<(usize, u64)>,
    /// Sentence boundaries as word ranges.
    pub sentences: Vec<(usize, usize)>,
    pub n_quotes: usize,
    pub has_question: bool,
}

/// Tokenises `text`: alphanumeric runs, lower-cased, with sentence ends at
/// `.`, `!`, `?` or a line break.
pub fn tokenize(text: &str) -> Tokens {
    let mut t = Tokens::default();
    let mut buf = String::new();
    let mut sent_start = 0usize;
    let flush = |buf: &mut String, t: &mut Tokens| {
        if buf.is_empty() {
            return;
        }
        let w = buf.as_str();
        let cue = cue_flags(w);
        let surface = hash_str(w);
        let word = Word {
            surface,
            stem: stem_hash(w),
            stop: is_stop(w),
            cue,
        };
        if cue != 0 {
            t.cue_words.push((t.words.len(), surface));
        }

        t.words.push(word);
        buf.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                buf.push(l);
            }
            continue;
        }
        flush(&mut buf, &mut t);
        match c {
            '.' | '!' | '?' | '\n' => {
                if c == '?' {
                    t.has_question = true;
                }
                if t.words.len() > sent_start {
                    t.sentences.push((sent_start, t.words.len()));
                    sent_start = t.words.len();
                }
            }
            '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' => t.n_quotes += 1,
            _ => {}
        }
    }
    flush(&mut buf, &mut t);
    if t.words.len() > sent_start {
        t.sentences.push((sent_start, t.words.len()));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        assert_eq!(stem_hash("denies"), stem_hash("deny"));
        assert_eq!(stem_hash("denied"), stem_hash("deny"));
        assert_eq!(stem_hash("reports"), stem_hash("report"));
        assert_eq!(stem_hash("reported"), stem_hash("reporting"));
        assert_eq!(stem("press"), ("press", false));
        assert_ne!(stem_hash("press"), stem_hash("pres"));
        assert_eq!(stem("the"), ("the", false));
    }

    #[test]
    fn tokenizes_sentences_and_cues() {
        let t = tokenize("Officials denied it. \"Fake!\" they said?\nNew line");
        assert_eq!(t.words.len(), 8);
        assert_eq!(t.sentences.len(), 4);
        assert!(t.has_question);
        assert_eq!(t.n_quotes, 2);
        assert!(t.words[1].cue & CUE_REFUTE != 0);
        assert!(t.words[3].cue & CUE_REFUTE != 0);
    }
}
