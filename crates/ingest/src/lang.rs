//! Language identification with `whatlang` (trigram profiles compiled into
//! the crate, ~70 languages, no model files). `lingua` is more accurate on
//! very short text but ships ~100 MB of models and is far slower; articles
//! are long enough for trigrams.

use whatlang::{Lang, Script};

/// Letters needed before a verdict is trusted.
const MIN_LETTERS: usize = 60;
/// Bytes of text looked at (enough for a stable trigram profile).
const SAMPLE_BYTES: usize = 2048;

/// What the identifier concluded.
#[derive(Debug, Clone, PartialEq)]
pub enum LangGuess {
    /// ISO 639-1 code (or 639-3 where there is none) and confidence 0..1.
    Known { code: String, confidence: f64 },
    /// Too little text to tell.
    TooShort,
}

fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let mut end = SAMPLE_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or(text)
}

/// English function words: in English prose they are about a quarter of
/// all words, in other Latin-script languages a few percent.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "and", "of", "to", "is", "that", "was", "for", "with", "are", "it", "by", "has", "have",
    "be", "were", "from", "this", "not", "at", "they", "which", "their", "been", "would",
];

/// Share of words in `s` that are English function words.
fn english_share(s: &str) -> f64 {
    let mut total = 0usize;
    let mut hits = 0usize;
    for w in s
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        total += 1;
        if w.len() <= 5
            && ENGLISH_FUNCTION_WORDS
                .iter()
                .any(|f| f.eq_ignore_ascii_case(w))
        {
            hits += 1;
        }
    }
    if total == 0 {
        0.0
    } else {
        hits as f64 / total as f64
    }
}

/// Identifies the language of `text`.
pub fn identify(text: &str) -> LangGuess {
    let s = sample(text);
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters < MIN_LETTERS {
        return LangGuess::TooShort;
    }
    // Fast path: plainly English prose needs no trigram model.
    let share = english_share(s);
    if share >= 0.15 && s.chars().filter(|c| c.is_ascii_alphabetic()).count() * 10 >= letters * 9 {
        return LangGuess::Known {
            code: "en".to_string(),
            confidence: 1.0,
        };
    }
    let Some(info) = whatlang::detect(s) else {
        return LangGuess::TooShort;
    };
    let lang = info.lang();
    // Non-Latin scripts are decisive even when the language within the
    // script is unsure.
    if info.script() != Script::Latin && lang != Lang::Eng {
        return LangGuess::Known {
            code: iso639_1(lang).to_string(),
            confidence: info.confidence().max(0.5),
        };
    }
    if lang == Lang::Eng || !info.is_reliable() && info.confidence() < 0.2 {
        // Weak non-English votes on Latin text are usually English with
        // names and quotes in it.
        return LangGuess::Known {
            code: "en".to_string(),
            confidence: if lang == Lang::Eng {
                info.confidence()
            } else {
                0.0
            },
        };
    }
    LangGuess::Known {
        code: iso639_1(lang).to_string(),
        confidence: info.confidence(),
    }
}

/// ISO 639-1 for whatlang's languages (639-3 kept where none exists).
pub fn iso639_1(lang: Lang) -> &'static str {
    use Lang::*;
    match lang {
        Eng => "en",
        Rus => "ru",
        Cmn => "zh",
        Spa => "es",
        Por => "pt",
        Ita => "it",
        Ben => "bn",
        Fra => "fr",
        Deu => "de",
        Ukr => "uk",
        Kat => "ka",
        Ara => "ar",
        Hin => "hi",
        Jpn => "ja",
        Heb => "he",
        Yid => "yi",
        Pol => "pl",
        Amh => "am",
        Jav => "jv",
        Kor => "ko",
        Nob => "nb",
        Dan => "da",
        Swe => "sv",
        Fin => "fi",
        Tur => "tr",
        Nld => "nl",
        Hun => "hu",
        Ces => "cs",
        Ell => "el",
        Bul => "bg",
        Bel => "be",
        Mar => "mr",
        Kan => "kn",
        Ron => "ro",
        Slv => "sl",
        Hrv => "hr",
        Srp => "sr",
        Mkd => "mk",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Tam => "ta",
        Vie => "vi",
        Urd => "ur",
        Tha => "th",
        Guj => "gu",
        Uzb => "uz",
        Pan => "pa",
        Aze => "az",
        Ind => "id",
        Tel => "te",
        Pes => "fa",
        Mal => "ml",
        Ori => "or",
        Mya => "my",
        Nep => "ne",
        Sin => "si",
        Khm => "km",
        Tuk => "tk",
        Aka => "ak",
        Zul => "zu",
        Sna => "sn",
        Afr => "af",
        Lat => "la",
        Slk => "sk",
        Cat => "ca",
        Tgl => "tl",
        Hye => "hy",
        Epo => "eo",
        Cym => "cy",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(t: &str) -> String {
        match identify(t) {
            LangGuess::Known { code, .. } => code,
            LangGuess::TooShort => "?".into(),
        }
    }

    #[test]
    fn identifies_languages() {
        assert_eq!(
            code("The dock workers at the port walked out on Tuesday after talks with the ministry collapsed, the union said."),
            "en"
        );
        assert_eq!(
            code("Les dockers du port se sont mis en grève mardi après l'échec des négociations avec le ministère, a déclaré le syndicat."),
            "fr"
        );
        assert_eq!(
            code("Die Hafenarbeiter sind am Dienstag in den Streik getreten, nachdem die Gespräche mit dem Ministerium gescheitert waren, teilte die Gewerkschaft mit."),
            "de"
        );
        assert_eq!(
            code("Портовые рабочие объявили забастовку во вторник после того, как переговоры с министерством зашли в тупик, сообщил профсоюз."),
            "ru"
        );
    }

    #[test]
    fn english_with_foreign_names_stays_english() {
        assert_eq!(
            code("Aleksandr Vasilyev, head of the Dockers' Union of Kestrel Bay, told reporters in Port Averne that the strike would continue until the ministry reopened talks."),
            "en"
        );
    }

    #[test]
    fn function_word_share_separates_english() {
        assert!(
            english_share(
                "The strike at the port was called by the union, and it has spread to the north."
            ) > 0.3
        );
        assert!(english_share("Die Hafenarbeiter sind am Dienstag in den Streik getreten, was die Regierung kritisierte.") < 0.1);
        assert!(
            english_share("Les dockers du port se sont mis en grève mardi, a déclaré le syndicat.")
                < 0.1
        );
    }

    #[test]
    fn short_text_is_too_short() {
        assert_eq!(identify("Strike ends"), LangGuess::TooShort);
        assert_eq!(identify(""), LangGuess::TooShort);
    }
}
