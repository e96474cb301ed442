//! A small CoNLL-U reader (UD v2). Multiword-token range lines (`3-4`) are
//! kept apart in [`ConlluSentence::tokens`]; empty nodes (`5.1`) are skipped.

use std::ops::Range;

/// One syntactic word (an integer-id line).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluWord {
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// Head word index (1-based; 0 = root). 0 when missing or malformed.
    pub head: usize,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// One surface token: either a single word or a multiword token range
/// ("don't" = do + n't). `words` indexes [`ConlluSentence::words`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluToken {
    pub form: String,
    pub misc: String,
    pub words: Range<usize>,
}

impl ConlluToken {
    /// False when MISC says `SpaceAfter=No`.
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// One sentence with its comments' key facts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConlluSentence {
    /// `# text = …`
    pub text: Option<String>,
    /// `# sent_id = …`
    pub sent_id: Option<String>,
    /// `# newdoc id = …` value (or "" for a bare `# newdoc`).
    pub newdoc: Option<String>,
    /// A `# newpar` comment precedes the sentence.
    pub newpar: bool,
    pub words: Vec<ConlluWord>,
    pub tokens: Vec<ConlluToken>,
}

fn comment_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.strip_prefix('#')?.trim_start();
    let rest = rest.strip_prefix(key)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t', '='])) {
        return None;
    }
    let rest = rest.trim_start();
    Some(rest.strip_prefix('=').unwrap_or(rest).trim())
}

fn finish(
    cur: &mut ConlluSentence,
    out: &mut Vec<ConlluSentence>,
    pending_range: &mut Option<(usize, usize)>,
) {
    *pending_range = None;
    if !cur.words.is_empty() {
        out.push(std::mem::take(cur));
    } else {
        // Comments without words carry over to the next sentence (doc/par marks).
        cur.text = None;
        cur.sent_id = None;
    }
}

/// Parses CoNLL-U text. Malformed lines are skipped, never a panic.
pub fn read_conllu(text: &str) -> Vec<ConlluSentence> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    // Range line waiting for its words: (first id, last id).
    let mut range: Option<(usize, usize)> = None;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            finish(&mut cur, &mut out, &mut range);
            continue;
        }
        if line.starts_with('#') {
            if let Some(v) = comment_value(line, "text") {
                cur.text = Some(v.to_string());
            } else if let Some(v) = comment_value(line, "sent_id") {
                cur.sent_id = Some(v.to_string());
            } else if let Some(v) = comment_value(line, "newdoc") {
                cur.newdoc = Some(
                    v.strip_prefix("id")
                        .map(|s| s.trim_start_matches([' ', '=']).trim())
                        .unwrap_or(v)
                        .to_string(),
                );
                cur.newpar = true;
            } else if comment_value(line, "newpar").is_some() {
                cur.newpar = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            continue;
        }
        let id = cols[0];
        if id.contains('.') {
            continue;
        }
        if let Some((a, b)) = id.split_once('-') {
            if let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) {
                if a <= b && a >= 1 {
                    let first = cur.words.len();
                    cur.tokens.push(ConlluToken {
                        form: cols[1].to_string(),
                        misc: cols[9].to_string(),
                        words: first..first + (b - a + 1),
                    });
                    range = Some((a, b));
                }
            }
            continue;
        }
        let Ok(n) = id.parse::<usize>() else { continue };
        let in_range = matches!(range, Some((a, b)) if a <= n && n <= b);
        if !in_range {
            range = None;
            let i = cur.words.len();
            cur.tokens.push(ConlluToken {
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
                words: i..i + 1,
            });
        }
        cur.words.push(ConlluWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head: cols[6].parse().unwrap_or(0),
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    finish(&mut cur, &mut out, &mut range);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# newpar id = p1\n# textual = no\n# sent_id = s1\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
4.1\tx\tx\tX\tXX\t_\t_\t_\t_\t_\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
# sent_id = s2\n# text = Yes\n1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n";

    #[test]
    fn reads_words_tokens_and_comments() {
        let s = read_conllu(SAMPLE);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text.as_deref(), Some("I don't know."));
        assert_eq!(s[0].newdoc.as_deref(), Some("d1"));
        assert!(s[0].newpar);
        assert!(!s[1].newpar);
        let forms: Vec<&str> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["I", "do", "n't", "know", "."]);
        assert_eq!(s[0].words[3].head, 0);
        assert_eq!(s[0].words[0].head, 4);
        let toks: Vec<&str> = s[0].tokens.iter().map(|t| t.form.as_str()).collect();
        assert_eq!(toks, ["I", "don't", "know", "."]);
        assert_eq!(s[0].tokens[1].words, 1..3);
        assert!(!s[0].tokens[2].space_after());
        assert!(s[0].tokens[3].space_after());
    }

    #[test]
    fn garbage_does_not_panic() {
        let s = read_conllu("x\ty\n1-\ta\n\n\n#\n1\ta\tb\tc\td\te\tf\tg\th\ti\n");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words[0].head, 0);
    }
}
