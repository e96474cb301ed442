//! Line-level detectors for the furniture of web pages: boilerplate,
//! captions, bylines, comment headers and comment timestamps. Each takes one
//! trimmed line. They describe *forms* (share widgets, comment forms, "X
//! said..."), never the wording of any particular site.

use crate::date::date_line;
use regex::Regex;
use std::sync::LazyLock;

fn re(s: &str) -> Regex {
    Regex::new(s).expect("static regex")
}

/// Whole-line boilerplate, matched on the lowercased line.
static BOILER_EXACT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:share|share this|share this:|share this article|share this story|share on \w+|share via \w+|like this:|like|likes|like loading\.*|loading\.*|reply|reply ↓|replies|reply delete|delete|report|report abuse|report comment|flag|permalink|quote|follow|following|reblog|tweet|email|e-mail|print|comment|comments|cancel reply|home|menu|search|sign in|sign up|log in|login|log out|register|subscribe|subscribed|unsubscribe|advertisement|advertising|sponsored|sponsored content|related|related posts|related articles|related stories|related content|read more|read next|more stories|recommended|trending|most read|most popular|see also|continue reading|back to top|skip to (?:main )?content|newer post|older post|newer posts|older posts|newer post older post home|newer post older post|home|labels:.*|tags?:.*|categories:.*|filed under:?.*|website|name|name \(required\)|email \(required\)|mail \(will not be published\)(?: \(required\))?|post comment|submit|send|cancel|upvote|downvote|show replies|hide replies|load more comments|view comments|view all comments|all rights reserved\.?|facebook|twitter|x|whatsapp|telegram|linkedin|reddit|pinterest|tumblr|pocket|messenger|copy link|link copied|print this page|email this|connecting to %s|%s)$",
    )
});

/// Boilerplate recognised by how the lowercased line starts.
static BOILER_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:leave a (?:reply|comment|response)|post a comment|add (?:a|your) comment|write a comment|join the (?:conversation|discussion)|have your say|your email address will not be published|your email will not be published|required fields are marked|fill in your details below|you are commenting using your|you are commenting as|this site uses .{1,40} to reduce spam|notify me of (?:new|follow-up)|save my name, email|liked by \d[\d,]* (?:people|person)|liked by \w+ (?:and|&) \d+ others|\d[\d,]* (?:likes?|replies|shares|people like this)$|click to (?:share|email|print|tweet|open)|share this:|share on (?:facebook|twitter|whatsapp|linkedin|reddit|email)|(?:sign up|subscribe) (?:to|for) (?:our|the|my)? ?(?:\w+ )?(?:newsletter|updates|emails|daily|weekly|posts|this blog)|subscribe to:? (?:post|comments)|get (?:our|the) (?:\w+ )?newsletter|we use cookies|this (?:web)?site uses cookies|by (?:using|continuing to use) this (?:web)?site|accept (?:all )?cookies|cookie (?:policy|settings|preferences)|privacy policy|terms of (?:use|service)|copyright ©|© ?\d{4}|all rights reserved|powered by |learn how your comment data is processed|log in to reply|login to reply|you must be logged in|sign in to comment|comments are closed|comments are moderated|to leave a comment|follow us on|download (?:our|the) app|posted in |filed under |previous article|next article|previous post|next post|« previous|next »|← |→ )",
    )
});

/// Page-level "N comments" headings that open a comment section.
static COMMENTS_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\d[\d,]*\s+)?(?:comments?|responses?|replies|reader comments|readers'? comments|discussion|(?:\d+|one|two|three)\s+thoughts? on .{0,200}|comments? \(\d+\)|\d+ comments? so far|show comments|what (?:do )?you think\??|\d[\d,]* (?:comments?|responses?|replies)(?: to .{0,200})?)[:.]?$",
    )
});

/// Comment-form starts: what follows is a form, not article text.
static FORM_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:leave a (?:reply|comment|response)|post a comment|add (?:a|your) comment|write a comment|join the (?:conversation|discussion)|have your say|submit a comment)\b",
    )
});

/// Is this (trimmed) line page furniture?
pub fn is_boilerplate(line: &str) -> bool {
    if line.len() > 400 {
        return false;
    }
    let lower = line.to_lowercase();
    let l = lower.trim_end_matches([' ', '\u{a0}']);
    if BOILER_EXACT.is_match(l) || BOILER_PREFIX.is_match(l) {
        return true;
    }
    // Share counters and page numbers: digits and separators only ("0 0").
    if !l.is_empty()
        && l.chars().any(|c| c.is_ascii_digit())
        && l.chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "|·•,/-".contains(c))
    {
        return true;
    }
    // Widget icons left as text: "Foo Logo", "Bar picture", "Baz icon".
    let words: Vec<&str> = l.split_whitespace().collect();
    if (2..=3).contains(&words.len())
        && matches!(
            words.last().copied(),
            Some("logo" | "picture" | "photo" | "icon" | "avatar")
        )
        && !l.ends_with('.')
    {
        return true;
    }
    // "Log Out /  Change )" and similar form controls.
    if l.starts_with("log out") || l.contains("( log out") {
        return true;
    }
    is_link_list(line)
}

/// "Home | World | Politics | Sport" — three or more short items.
pub fn is_link_list(line: &str) -> bool {
    if line.len() > 300 {
        return false;
    }
    for sep in ['|', '•', '·', '»', '/'] {
        let parts: Vec<&str> = line
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() >= 3
            && line.matches(sep).count() >= 2
            && parts
                .iter()
                .all(|p| p.split_whitespace().count() <= 4 && !p.ends_with('.'))
        {
            return true;
        }
    }
    false
}

static RELATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:related(?: topics| stories| articles| posts| content| coverage| links| reading)?|more on this (?:story|topic)|more (?:stories|news|from [\w ]{1,30}|in [\w ]{1,30})|top stories|you (?:may|might) also (?:like|be interested in)|recommended(?: for you| stories| reading)?|read more|read next|also read|see also|latest(?: news| stories| articles)?|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|around the web|popular(?: now| stories)?|further reading|editor'?s picks|don'?t miss|what to read next)[:.]?$",
    )
});

/// A heading over a list of links to other stories ("Related Topics").
pub fn is_related_heading(line: &str) -> bool {
    line.len() <= 60 && RELATED_HEADING.is_match(&line.to_lowercase())
}

/// A heading such as "12 Comments" or "3 thoughts on “…”".
pub fn is_comments_heading(line: &str) -> bool {
    line.len() <= 240 && COMMENTS_HEADING.is_match(&line.to_lowercase())
}

/// "Leave a Reply", "Post a Comment"…
pub fn is_form_start(line: &str) -> bool {
    line.len() <= 80 && FORM_START.is_match(&line.to_lowercase())
}

/// Editor's and publisher's notes about the piece itself.
pub fn is_editor_note(line: &str) -> bool {
    if !line.starts_with(|c: char| {
        matches!(
            c,
            'E' | 'e' | 'N' | 'n' | 'P' | 'p' | 'D' | 'd' | 'C' | 'c' | 'T' | 't'
        )
    }) {
        return false;
    }
    static NOTE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)^(?:editor['’]?s['’]? note|note from the editors?|publisher['’]?s note|disclaimer|disclosure|correction|clarification|this (?:article|story|post) (?:was|has been|is|first) (?:originally |first )?(?:published|updated|republished|reposted|amended|corrected))\b",
        )
    });
    NOTE.is_match(line)
}

static CAPTION_START: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:image caption|image source|media caption|video caption|caption|photo(?:graph)?(?: credit)?|pic(?:ture)?|image|illustration|credit|file photo|photo illustration)\b\s*[:,\-–—]|^(?:image caption|media caption|file photo)\b|^©",
    )
});
static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:pic|photo|photograph|picture|image|credit|illustration|photo credit)\s*:\s*[^.:]{1,60}|\((?:photo|image|file photo|credit)?:?\s*(?-i:\p{Lu})[\p{L}&.\-/ ]{0,40}\))\s*$",
    )
});

/// Photo captions and credits.
pub fn is_caption(line: &str) -> bool {
    if line.len() > 500 || list_item(line).is_some() {
        return false;
    }
    if CAPTION_START.is_match(line) {
        return true;
    }
    // A caption is a description with a credit tag and no closing full stop
    // after the credit; prose ends with a full stop.
    // Credits sit at the very end: only the last ~100 bytes are searched.
    let mut cut = line.len().saturating_sub(100);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let tail = line.get(cut..).unwrap_or("");
    if let Some(m) = CAPTION_END.find(tail) {
        let m_start = cut + m.start();
        let credit = m.as_str().trim();
        if credit.starts_with('(') {
            let inner = credit.trim_start_matches('(').trim_end_matches(')');
            let words = inner.split_whitespace().count();
            // "(Photo: …)" always; a bare "(Name)" only at the end of a
            // description that runs before it.
            let tagged = inner.contains(':');
            let before = line.get(..m_start).unwrap_or("").trim_end();
            return tagged
                || (words <= 4
                    && !is_acronym_of(inner, before)
                    && before.split_whitespace().count() >= 5
                    && !before.ends_with(['.', '!', '?', ':', ';', ',']));
        }
        return true;
    }
    false
}

/// "Port Workers Union (PWU)": an acronym spelled out just before it.
fn is_acronym_of(inner: &str, before: &str) -> bool {
    let letters: Vec<char> = inner.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.len() > 8 || !letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let initials: String = before
        .split_whitespace()
        .rev()
        .take(letters.len() + 3)
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let acronym: String = letters.iter().collect();
    initials.ends_with(&acronym)
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:by|by:|author:|authors:|written by|posted by|words by|reporting by|report by|story by|text by|compiled by|interview by|analysis by|contributor:|writer:)\s+(?P<name>\S.*)$",
    )
});

/// A byline. Returns the byte range of the name inside `line`.
pub fn byline(line: &str) -> Option<(usize, usize)> {
    if line.len() > 160 {
        return None;
    }
    let c = BYLINE.captures(line)?;
    let name = c.name("name")?;
    // Cut at what follows a name: ", Agency", "| 5 min", " at 5:12 PM", " on …".
    let text = name.as_str();
    let mut end = text.len();
    for cut in [
        ",", "|", "·", "•", ";", " - ", " – ", " — ", " at ", " on ", " in ", " for ", "(",
    ] {
        if let Some(i) = text.find(cut) {
            end = end.min(i);
        }
    }
    let author = text.get(..end)?.trim_end();
    if author.is_empty() || !author.chars().next()?.is_uppercase() {
        return None;
    }
    let words = author.split_whitespace().count();
    if words > 8 || author.ends_with('.') && !looks_like_initial_end(author) {
        return None;
    }
    Some((name.start(), name.start() + author.len()))
}

fn looks_like_initial_end(s: &str) -> bool {
    // "John Q." ends with an initial, "the end." does not.
    s.rsplit(' ')
        .next()
        .is_some_and(|w| w.len() == 2 && w.chars().next().is_some_and(char::is_uppercase))
}

/// A line that is just a person's name ("Jane Q. Doe"): signatures and
/// comment author lines.
pub fn is_name_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && line.len() <= 50
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || c == '.' || c == '-' || c == '\'' || c == '’')
        })
        && !words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the" | "and" | "of" | "in" | "on" | "for" | "to" | "with" | "from"
            )
        })
}

/// A comment header: who wrote the comment that follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommentHeader {
    /// Byte range of the author's name inside the line.
    pub author: Option<(usize, usize)>,
    /// Byte offset in the line where the comment text starts, if the
    /// comment begins on the header line itself ("Ann says: great post").
    pub inline_text: Option<usize>,
}

static SAID_END: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?:^|\s)(?:said|says|wrote|writes|commented|replied|responded)\s*(?:\.\.\.|…|:)\s*")
});
static NAME_DATE_SEP: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s+(?:\||·|•|–|—|-|on)\s+|,\s+(?:on\s+)?"));
static RELATIVE_TIME: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:about\s+|posted\s+)?(?:\d+|an?|one)\s+(?:second|sec|minute|min|hour|hr|day|week|wk|month|mo|year|yr)s?\.?\s+ago$|^(?:just now|yesterday|today)(?:\s+at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?$",
    )
});
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)^(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?$")
});
static NUMERIC_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?$",
    )
});

/// A comment time stamp ("1/24/22 2:25 PM", "January 5, 2022 at 3:14 pm",
/// "3 hours ago").
pub fn is_timestamp(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let l = line
        .trim_start_matches(['•', '·', '|', '-', '–', '—', ' '])
        .trim_end_matches(['.', ' ']);
    NUMERIC_STAMP.is_match(l)
        || RELATIVE_TIME.is_match(l)
        || CLOCK.is_match(l)
        || date_line(l).is_some()
}

/// Does `s` look like a commenter's name or handle (not a sentence)?
pub fn name_like(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 60 {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 5 {
        return false;
    }
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    if matches!(
        first.as_str(),
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "you"
            | "this"
            | "that"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "who"
            | "which"
            | "and"
            | "but"
            | "officials"
            | "police"
    ) {
        return false;
    }
    // Sentence punctuation means prose, not a name (initials excepted).
    for (i, c) in s.char_indices() {
        if matches!(c, '!' | '?' | ';' | '"' | '“' | '”') {
            return false;
        }
        if c == '.' || c == ',' {
            let next = s.get(i + 1..).and_then(|r| r.chars().next());
            let prev_word = s.get(..i).unwrap_or("").rsplit(' ').next().unwrap_or("");
            let initial = prev_word.chars().count() <= 2;
            if c == ',' && words.len() > 3 {
                return false;
            }
            if c == '.' && !initial && next.is_some_and(|n| n == ' ') {
                return false;
            }
        }
    }
    true
}

/// Recognises comment headers: "Anonymous said...", "Jane Roe says:",
/// "Jane Roe | January 5, 2022 at 3:14 pm", "On May 2, 2021, jroe wrote:".
pub fn comment_header(line: &str) -> Option<CommentHeader> {
    if line.len() > 200 || date_line(line).is_some() {
        return None;
    }
    if let Some(m) = SAID_END.find(line) {
        let name_part = line.get(..m.start())?;
        let after = line.get(m.end()..)?.trim();
        // "NAME on DATE at TIME said:" and "On DATE, NAME said:".
        let (name_start, name) = strip_date_around_name(name_part);
        let inline = if after.is_empty() {
            None
        } else if m.as_str().trim_end().ends_with(':') && name_like(name) {
            Some(m.end())
        } else {
            return None;
        };
        if name.trim().is_empty() {
            return Some(CommentHeader {
                author: None,
                inline_text: inline,
            });
        }
        if name_like(name) {
            let lead = name.len() - name.trim_start().len();
            let start = name_start + lead;
            return Some(CommentHeader {
                author: Some((start, start + name.trim().len())),
                inline_text: inline,
            });
        }
        return None;
    }
    // "NAME | DATE TIME", "NAME · 3 hours ago", "NAME on January 5, 2022".
    for m in NAME_DATE_SEP.find_iter(line) {
        let name = line.get(..m.start())?;
        let rest = line.get(m.end()..)?.trim();
        if !name_like(name) || name.split_whitespace().count() > 4 {
            continue;
        }
        if is_timestamp(rest) {
            return Some(CommentHeader {
                author: Some((0, name.trim_end().len())),
                inline_text: None,
            });
        }
    }
    None
}

fn strip_date_around_name(name_part: &str) -> (usize, &str) {
    // "On May 2, 2021 at 3:14 pm, NAME": the name follows the last comma.
    if name_part.len() > 3
        && name_part
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("on "))
    {
        if let Some(i) = name_part.rfind(", ") {
            let date = name_part.get(3..i).unwrap_or("");
            if date_line(date).is_some() {
                return (i + 2, name_part.get(i + 2..).unwrap_or(""));
            }
        }
    }
    if let Some(i) = name_part.find(" on ") {
        let rest = name_part.get(i + 4..).unwrap_or("");
        if date_line(rest.trim()).is_some() {
            return (0, name_part.get(..i).unwrap_or(""));
        }
    }
    (0, name_part)
}

/// A long line that ends in a comment header whose name was lost
/// ("…last words of the previous comment. said..."). Returns the byte
/// offset where the header starts.
pub fn trailing_said(line: &str) -> Option<usize> {
    for tail in [" said...", " said…", " said:", " says:", " wrote:"] {
        if line.len() > tail.len() && line.ends_with(tail) {
            let i = line.len() - tail.len();
            let before = line.get(..i)?.trim_end();
            // The text before must end a sentence (or a bracketed aside),
            // otherwise it is prose that reports speech.
            if before.ends_with(['.', '!', '?', ']', ')', '"', '”', '…']) {
                return Some(i + 1);
            }
        }
    }
    None
}

/// A list item: returns (indent width, offset of the item text).
pub fn list_item(raw: &str) -> Option<(usize, usize)> {
    let indent = raw.len() - raw.trim_start().len();
    let t = raw.trim_start();
    let mut chars = t.char_indices();
    let (_, c) = chars.next()?;
    if matches!(c, '•' | '◦' | '▪' | '●' | '-' | '*' | '–' | '·') {
        let off = c.len_utf8();
        if t.get(off..)?.starts_with(' ') {
            return Some((indent, indent + off + 1));
        }
        return None;
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = t.get(digits..)?;
        if (rest.starts_with(". ") || rest.starts_with(") ")) && rest.len() > 2 {
            return Some((indent, indent + digits + 2));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boilerplate_forms() {
        for l in [
            "Leave a Reply",
            "Leave A Reply",
            "Your email address will not be published. Required fields are marked *",
            "Liked by 12 people",
            "You are commenting using your Example account. ( Log Out /  Change )",
            "Share this:",
            "Click to share on Mastodon (Opens in new window)",
            "Subscribe to our daily newsletter",
            "We use cookies to improve your experience.",
            "Post a Comment",
            "Newer Post Older Post Home",
            "Like this:",
            "Loading...",
            "Report abuse",
            "Home | World | Business | Sport",
            "0 0",
            "Mastodon Logo",
            "Subscribe to: Post Comments (Atom)",
        ] {
            assert!(is_boilerplate(l), "{l}");
        }
        for l in [
            "The harbour reopened on Friday after the strike.",
            "Share prices fell sharply in early trading.",
            "Subscribers to the union fund received nothing.",
            "Home owners near the port were evacuated.",
        ] {
            assert!(!is_boilerplate(l), "{l}");
        }
    }

    #[test]
    fn captions() {
        assert!(is_caption(
            "Riot police form a line near the container terminal. Pic: Wire"
        ));
        assert!(is_caption(
            "Dock workers gather at the gates (Example News)"
        ));
        assert!(is_caption("Image caption, Protesters outside the ministry"));
        assert!(is_caption("Photo: Jane Roe/Example Agency"));
        assert!(!is_caption(
            "The union said the talks had failed (according to its leader)."
        ));
        assert!(!is_caption("The Treaty Organisation (TO)"));
        assert!(!is_caption(
            "the evidence has not been presented by the ministry (see above)"
        ));
        assert!(!is_caption(
            "• a point made by the author about the strike (Example News)"
        ));
        assert!(!is_caption(
            "Members marched behind the Port Workers Union (PWU)"
        ));
    }

    #[test]
    fn bylines() {
        let l = "By Jane Roe and Ali Demir, Example Wire";
        let (a, b) = byline(l).unwrap();
        assert_eq!(&l[a..b], "Jane Roe and Ali Demir");
        let l = "Posted by Marta Lind at 5:12 PM";
        let (a, b) = byline(l).unwrap();
        assert_eq!(&l[a..b], "Marta Lind");
        let l = "Author: Q. Public";
        let (a, b) = byline(l).unwrap();
        assert_eq!(&l[a..b], "Q. Public");
        assert!(byline("by the end of the week the port was closed").is_none());
    }

    #[test]
    fn comment_headers() {
        let h = comment_header("Anonymous said...").unwrap();
        assert_eq!(h.author, Some((0, 9)));
        let l = "Jane Roe says:";
        let h = comment_header(l).unwrap();
        let (a, b) = h.author.unwrap();
        assert_eq!(&l[a..b], "Jane Roe");
        let l = "Tom Birch | January 5, 2022 at 3:14 pm";
        let (a, b) = comment_header(l).unwrap().author.unwrap();
        assert_eq!(&l[a..b], "Tom Birch");
        let l = "On May 2, 2021, jroe wrote:";
        let (a, b) = comment_header(l).unwrap().author.unwrap();
        assert_eq!(&l[a..b], "jroe");
        let l = "harbourwatch on March 4, 2021 at 9:02 am said:";
        let (a, b) = comment_header(l).unwrap().author.unwrap();
        assert_eq!(&l[a..b], "harbourwatch");
        assert_eq!(comment_header("said...").unwrap().author, None);
        assert!(comment_header("The minister said: the port stays shut.").is_none());
        assert!(comment_header("He said...").is_none());
    }

    #[test]
    fn timestamps() {
        for l in [
            "1/24/22 2:25 PM",
            "January 5, 2022 at 3:14 pm",
            "3 hours ago",
            "2022-01-05 14:03",
            "• 3 years ago",
            "· 2 yr. ago",
        ] {
            assert!(is_timestamp(l), "{l}");
        }
        assert!(!is_timestamp("Three people were hurt."));
    }

    #[test]
    fn trailing_said_headers() {
        let l = "I agree with the analysis. said...";
        assert_eq!(trailing_said(l), Some(l.len() - "said...".len()));
        assert_eq!(trailing_said("and then the minister said..."), None);
    }

    #[test]
    fn list_items() {
        assert_eq!(list_item("  1. First point"), Some((2, 5)));
        assert_eq!(list_item("  • Bullet"), Some((2, 2 + '•'.len_utf8() + 1)));
        assert_eq!(list_item("2022 was a year"), None);
        assert_eq!(list_item("-5 degrees"), None);
    }
}
