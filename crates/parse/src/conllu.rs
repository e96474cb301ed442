//! A small CoNLL-U reader for training and evaluation: basic tokens only
//! (multiword-token ranges and empty nodes are skipped).

/// One sentence of a treebank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GoldSentence {
    /// `# newdoc id` in force for this sentence, if any.
    pub doc_id: Option<String>,
    pub words: Vec<String>,
    pub upos: Vec<String>,
    pub xpos: Vec<String>,
    /// 1-based head of each word, 0 for the root.
    pub heads: Vec<usize>,
    pub deprels: Vec<String>,
}

impl GoldSentence {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True if every head is in range (0..=len).
    pub fn is_well_formed(&self) -> bool {
        self.heads.len() == self.words.len()
            && self.deprels.len() == self.words.len()
            && self.upos.len() == self.words.len()
            && self.xpos.len() == self.words.len()
            && self.heads.iter().all(|&h| h <= self.words.len())
    }
}

/// GUM genres whose texts are licensed non-commercially (or have no text).
pub const NC_GUM_GENRES: [&str; 6] = ["essay", "fiction", "letter", "podcast", "whow", "reddit"];

/// False for sentences of GUM documents in non-commercially licensed
/// genres, which shipped models must not be trained on.
pub fn is_open_license(s: &GoldSentence) -> bool {
    let genre = s
        .doc_id
        .as_deref()
        .and_then(|d| d.strip_prefix("GUM_"))
        .and_then(|r| r.split('_').next());
    !genre.is_some_and(|g| NC_GUM_GENRES.contains(&g))
}

/// Parses CoNLL-U text. Malformed lines are skipped; sentences whose heads
/// are out of range are dropped.
pub fn read(text: &str) -> Vec<GoldSentence> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    let mut doc: Option<String> = None;
    for line in text.lines().chain(std::iter::once("")) {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.is_empty() {
                let mut s = std::mem::take(&mut cur);
                s.doc_id = doc.clone();
                if s.is_well_formed() {
                    out.push(s);
                }
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("newdoc id") {
                doc = Some(id.trim_start_matches([' ', '=']).trim().to_string());
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 8 || !cols[0].bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let head = cols[6].parse::<usize>().unwrap_or(usize::MAX);
        cur.words.push(cols[1].to_string());
        cur.upos.push(cols[3].to_string());
        cur.xpos.push(cols[4].to_string());
        cur.heads.push(head);
        cur.deprels.push(cols[7].to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_basic_tokens_and_skips_ranges() {
        let t = "# newdoc id = d1\n# text = Don't go.\n1-2\tDon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n3.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n1\tbad\t_\tX\tX\t_\t9\tdep\t_\t_\n";
        let s = read(t);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words, vec!["Do", "n't", "go", "."]);
        assert_eq!(s[0].heads, vec![3, 3, 0, 3]);
        assert_eq!(s[0].doc_id.as_deref(), Some("d1"));
        assert!(is_open_license(&s[0]));
        let mut g = s[0].clone();
        g.doc_id = Some("GUM_fiction_x".into());
        assert!(!is_open_license(&g));
        g.doc_id = Some("GUM_news_x".into());
        assert!(is_open_license(&g));
    }
}
