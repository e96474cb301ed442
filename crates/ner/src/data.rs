//! Readers for NER training and evaluation data: IOB2 (UNER), CoNLL-2003
//! (IOB1, `-DOCSTART-`) and CoNLL-U with GUM's `Entity=` layer.

use crate::gazetteer::{flag, Gazetteer};

/// One sentence: words and BIO (IOB2) labels such as "B-PER", "I-PER", "O".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabeledSentence {
    pub words: Vec<String>,
    pub labels: Vec<String>,
}

/// A document: its id and sentences.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LabeledDoc {
    pub id: String,
    pub sentences: Vec<LabeledSentence>,
}

/// Problems reading a data file.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("line {line}: {msg}")]
    Line { line: usize, msg: String },
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// File formats the readers understand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// CoNLL-2003: IOB1, `-DOCSTART-`.
    Conll,
    /// CoNLL-U with GUM `Entity=` brackets.
    Conllu,
    /// IOB2 columns (UNER).
    Iob2,
}

impl Format {
    /// Guesses the format from a file extension (`.conllu`, `.conll`/`.txt`, else IOB2).
    pub fn of_path(path: &std::path::Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some("conllu") => Format::Conllu,
            Some("conll") | Some("txt") => Format::Conll,
            _ => Format::Iob2,
        }
    }
}

/// Reads a data file. CoNLL-U keeps only open-licence GUM genres unless
/// `all_genres`; IOB2 drops UNER's draft `OTH` labels.
pub fn load_path(
    path: &std::path::Path,
    format: Format,
    all_genres: bool,
) -> Result<Vec<LabeledDoc>, DataError> {
    let text = std::fs::read_to_string(path).map_err(|source| DataError::Io {
        path: path.display().to_string(),
        source,
    })?;
    match format {
        Format::Conll => read_conll2003(&text),
        Format::Conllu if all_genres => read_conllu_entities(&text, |_| true),
        Format::Conllu => read_conllu_entities(&text, gum_doc_is_open),
        Format::Iob2 => read_iob2(&text, &["OTH"]),
    }
}

/// Entity spans `(start, end, type)` of IOB2 labels. An `I-X` that does not
/// continue an `X` entity starts one (lenient, as conlleval).
pub fn bio_spans(labels: &[String]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, l) in labels.iter().enumerate() {
        let (pos, ty) = match l.split_once('-') {
            Some((p, t)) if p == "B" || p == "I" => (p, t),
            _ => ("O", ""),
        };
        match (pos, open) {
            ("I", Some((_, t))) if t == ty => {}
            ("B", _) | ("I", _) => {
                if let Some((s, t)) = open {
                    out.push((s, i, t.to_string()));
                }
                open = Some((i, ty));
            }
            _ => {
                if let Some((s, t)) = open.take() {
                    out.push((s, i, t.to_string()));
                }
            }
        }
    }
    if let Some((s, t)) = open {
        out.push((s, labels.len(), t.to_string()));
    }
    out
}

/// Labels for spans over `n` words.
pub fn spans_to_bio(n: usize, spans: &[(usize, usize, String)]) -> Vec<String> {
    let mut out = vec!["O".to_string(); n];
    for (s, e, t) in spans {
        for (k, slot) in out.iter_mut().enumerate().take(*e).skip(*s) {
            *slot = format!("{}-{t}", if k == *s { "B" } else { "I" });
        }
    }
    out
}

/// Normalises a label: `*-OTH`, `B-O`, and malformed labels become "O".
fn clean_label(l: &str, drop: &[&str]) -> String {
    match l.split_once('-') {
        Some((p, t))
            if (p == "B" || p == "I") && !t.is_empty() && t != "O" && !drop.contains(&t) =>
        {
            l.to_string()
        }
        _ => "O".to_string(),
    }
}

/// Reads IOB2 files: UNER style (`idx word label …`, `# newdoc id`
/// comments) or plain `word … label` columns. Labels of types in `drop`
/// (e.g. "OTH") become O.
pub fn read_iob2(text: &str, drop: &[&str]) -> Result<Vec<LabeledDoc>, DataError> {
    let mut docs = vec![LabeledDoc::default()];
    let mut cur = LabeledSentence::default();
    let flush = |docs: &mut Vec<LabeledDoc>, cur: &mut LabeledSentence| {
        if !cur.words.is_empty() {
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(cur));
            }
        }
    };
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("newdoc id =") {
                flush(&mut docs, &mut cur);
                docs.push(LabeledDoc {
                    id: id.trim().to_string(),
                    sentences: Vec::new(),
                });
            }
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut docs, &mut cur);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let cols = if cols.len() == 1 {
            line.split_whitespace().collect()
        } else {
            cols
        };
        let (word, label) = if cols.len() >= 3 && cols[0].chars().all(|c| c.is_ascii_digit()) {
            (cols[1], cols[2])
        } else if cols.len() >= 2 {
            (cols[0], cols[cols.len() - 1])
        } else {
            return Err(DataError::Line {
                line: ln + 1,
                msg: "expected word and label columns".into(),
            });
        };
        cur.words.push(word.to_string());
        cur.labels.push(clean_label(label, drop));
    }
    flush(&mut docs, &mut cur);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Reads CoNLL-2003 style files: `word POS chunk NER` with IOB1 tags and
/// `-DOCSTART-` document breaks. Tags are converted to IOB2.
pub fn read_conll2003(text: &str) -> Result<Vec<LabeledDoc>, DataError> {
    let mut docs = vec![LabeledDoc::default()];
    let mut words = Vec::new();
    let mut raw: Vec<String> = Vec::new();
    let flush = |docs: &mut Vec<LabeledDoc>, words: &mut Vec<String>, raw: &mut Vec<String>| {
        if !words.is_empty() {
            let labels = iob1_to_iob2(raw);
            if let Some(d) = docs.last_mut() {
                d.sentences.push(LabeledSentence {
                    words: std::mem::take(words),
                    labels,
                });
            }
            raw.clear();
        }
    };
    for (ln, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            flush(&mut docs, &mut words, &mut raw);
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            flush(&mut docs, &mut words, &mut raw);
            docs.push(LabeledDoc {
                id: format!("doc{}", docs.len()),
                sentences: Vec::new(),
            });
            continue;
        }
        if cols.len() < 2 {
            return Err(DataError::Line {
                line: ln + 1,
                msg: "expected at least word and tag columns".into(),
            });
        }
        words.push(cols[0].to_string());
        raw.push(cols[cols.len() - 1].to_string());
    }
    flush(&mut docs, &mut words, &mut raw);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// IOB1 → IOB2: an `I-X` starts an entity unless the previous tag is `X`;
/// `B-X` (only used between two adjacent `X` entities) always starts one.
pub fn iob1_to_iob2(tags: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev_type: Option<String> = None;
    for t in tags {
        match t.split_once('-') {
            Some(("I", ty)) => {
                let cont = prev_type.as_deref() == Some(ty);
                out.push(format!("{}-{ty}", if cont { "I" } else { "B" }));
                prev_type = Some(ty.to_string());
            }
            Some(("B", ty)) => {
                out.push(format!("B-{ty}"));
                prev_type = Some(ty.to_string());
            }
            _ => {
                out.push("O".to_string());
                prev_type = None;
            }
        }
    }
    out
}

/// GUM genres whose texts are under open licences (CC BY / BY-SA / public
/// domain). Essays, fiction, letters, podcasts, wikiHow and reddit are
/// CC BY-NC-SA and must not be used.
pub const GUM_OPEN_GENRES: [&str; 10] = [
    "academic",
    "bio",
    "conversation",
    "court",
    "interview",
    "news",
    "speech",
    "textbook",
    "vlog",
    "voyage",
];

/// True if a GUM document id (`GUM_<genre>_<name>`) is in an open genre.
pub fn gum_doc_is_open(id: &str) -> bool {
    let genre = id
        .strip_prefix("GUM_")
        .and_then(|r| r.split('_').next())
        .unwrap_or("");
    GUM_OPEN_GENRES.contains(&genre)
}

struct UdToken<'a> {
    form: &'a str,
    upos: &'a str,
    /// Index of the syntactic head within the sentence (`None` for the root).
    head: Option<usize>,
    entity: Option<&'a str>,
}

/// Reads a CoNLL-U file with GUM-style `Entity=` brackets and derives named
/// entities: mentions of type person / organization / place / event whose
/// words (after leading determiners and titles) are a proper-noun run.
/// Documents for which `keep(id)` is false are skipped.
pub fn read_conllu_entities(
    text: &str,
    keep: impl Fn(&str) -> bool,
) -> Result<Vec<LabeledDoc>, DataError> {
    let mut docs: Vec<LabeledDoc> = Vec::new();
    let mut keep_doc = true;
    let mut toks: Vec<UdToken> = Vec::new();
    let flush = |docs: &mut Vec<LabeledDoc>, toks: &mut Vec<UdToken>, keep_doc: bool| {
        if !toks.is_empty() && keep_doc {
            let s = gum_sentence(toks);
            if docs.is_empty() {
                docs.push(LabeledDoc::default());
            }
            if let Some(d) = docs.last_mut() {
                d.sentences.push(s);
            }
        }
        toks.clear();
    };
    for (ln, line) in text.lines().enumerate() {
        if let Some(c) = line.strip_prefix('#') {
            if let Some(id) = c.trim().strip_prefix("newdoc id =") {
                flush(&mut docs, &mut toks, keep_doc);
                let id = id.trim().to_string();
                keep_doc = keep(&id);
                if keep_doc {
                    docs.push(LabeledDoc {
                        id,
                        sentences: Vec::new(),
                    });
                }
            }
            continue;
        }
        if line.trim().is_empty() {
            flush(&mut docs, &mut toks, keep_doc);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(DataError::Line {
                line: ln + 1,
                msg: format!("expected 10 columns, found {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let entity = cols[9].split('|').find_map(|kv| kv.strip_prefix("Entity="));
        let head = cols[6].parse::<usize>().ok().and_then(|h| h.checked_sub(1));
        toks.push(UdToken {
            form: cols[1],
            upos: cols[3],
            head,
            entity,
        });
    }
    flush(&mut docs, &mut toks, keep_doc);
    docs.retain(|d| !d.sentences.is_empty());
    Ok(docs)
}

/// Parses one `Entity=` value into openings `(id, etype)` and closing ids.
fn parse_entity(v: &str) -> (Vec<(String, String, bool)>, Vec<String>) {
    let mut opens = Vec::new();
    let mut closes = Vec::new();
    let b = v.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] != b'(' && b[j] != b')' {
                j += 1;
            }
            let body = v.get(start..j).unwrap_or("");
            let single = j < b.len() && b[j] == b')';
            let mut parts = body.split('-');
            let id = parts.next().unwrap_or("").to_string();
            let etype = parts.next().unwrap_or("").to_string();
            opens.push((id, etype, single));
            i = if single { j + 1 } else { j };
        } else {
            let start = i;
            let mut j = i;
            while j < b.len() && b[j] != b')' && b[j] != b'(' {
                j += 1;
            }
            if j < b.len() && b[j] == b')' {
                closes.push(v.get(start..j).unwrap_or("").to_string());
                i = j + 1;
            } else {
                i = j.max(i + 1);
            }
        }
    }
    (opens, closes)
}

fn gum_type(etype: &str) -> Option<&'static str> {
    match etype {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        "event" => Some("EVENT"),
        _ => None,
    }
}

const NAME_GLUE: [&str; 11] = [
    "of", "the", "for", "de", "du", "la", "von", "van", "&", "-", "'s",
];

fn gum_sentence(toks: &[UdToken]) -> LabeledSentence {
    let gaz = crate::gazetteer::gazetteer();
    // Collect mentions (start, end, type).
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut mentions: Vec<(usize, usize, &'static str)> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(v) = t.entity else { continue };
        let (opens, closes) = parse_entity(v);
        for (id, ety, single) in opens {
            if single {
                if let Some(ty) = gum_type(&ety) {
                    mentions.push((i, i + 1, ty));
                }
            } else {
                open.push((id, ety, i));
            }
        }
        for id in closes {
            if let Some(k) = open.iter().rposition(|(o, _, _)| *o == id) {
                let (_, ety, s) = open.remove(k);
                if let Some(ty) = gum_type(&ety) {
                    mentions.push((s, i + 1, ty));
                }
            }
        }
    }
    // Reduce each mention to its name part, if it is a name.
    let mut cands: Vec<(usize, usize, &'static str)> = Vec::new();
    for (s, e, ty) in mentions {
        if let Some((a, b)) = name_part(toks, s, e, gaz) {
            cands.push((a, b, ty));
        }
    }
    cands.sort_by(|x, y| (y.1 - y.0).cmp(&(x.1 - x.0)).then(x.0.cmp(&y.0)));
    let mut taken = vec![false; toks.len()];
    let mut spans = Vec::new();
    for (a, b, ty) in cands {
        if taken[a..b].iter().any(|x| *x) {
            continue;
        }
        taken[a..b].iter_mut().for_each(|x| *x = true);
        spans.push((a, b, ty.to_string()));
    }
    spans.sort();
    LabeledSentence {
        words: toks.iter().map(|t| t.form.to_string()).collect(),
        labels: spans_to_bio(toks.len(), &spans),
    }
}

/// The proper-name words of mention `s..e`: the run of proper nouns (joined
/// only by name glue such as "of", "the", "-") around the mention's
/// syntactic head, without leading titles. `None` if the head is not a
/// proper noun.
fn name_part(toks: &[UdToken], s: usize, e: usize, gaz: &Gazetteer) -> Option<(usize, usize)> {
    let inside = |h: Option<usize>| h.is_some_and(|h| h >= s && h < e);
    let heads: Vec<usize> = (s..e).filter(|&k| !inside(toks[k].head)).collect();
    let propn = |k: usize| toks.get(k).is_some_and(|t| t.upos == "PROPN");
    let glue = |k: usize| {
        toks.get(k)
            .is_some_and(|t| NAME_GLUE.contains(&t.form.to_lowercase().as_str()))
    };
    let h = heads.iter().copied().find(|&k| propn(k))?;
    if heads.len() > 1 && !propn(heads[0]) {
        return None;
    }
    let (mut a, mut b) = (h, h + 1);
    loop {
        if a > s && propn(a - 1) {
            a -= 1;
        } else if a > s + 1 && glue(a - 1) && propn(a - 2) {
            a -= 2;
        } else {
            break;
        }
    }
    loop {
        if b < e && propn(b) {
            b += 1;
        } else if b + 1 < e && glue(b) && propn(b + 1) {
            b += 2;
        } else {
            break;
        }
    }
    // Titles ("President", "Dr.") before a name are not part of it.
    while a + 1 < b && gaz.is_title(&toks[a].form.to_lowercase()) {
        a += 1;
    }
    if let Some(k) = (a..b)
        .rev()
        .find(|&k| gaz.is_title(&toks[k].form.to_lowercase()) && k + 1 < b)
    {
        a = k + 1;
    }
    // "the President" refers to a person but is not a name.
    if toks[a..b]
        .iter()
        .all(|t| gaz.is_title(&t.form.to_lowercase()))
    {
        return None;
    }
    Some((a, b))
}

/// Retypes demonyms and group names as NORP: untagged words listed (with
/// their capitalisation) as demonyms or groups, and one-word entities that
/// are such words. Used on training data so NORP is learned consistently.
pub fn mark_norp(s: &mut LabeledSentence, gaz: &Gazetteer) {
    let spans = bio_spans(&s.labels);
    let mut covered = vec![false; s.words.len()];
    let mut out = Vec::new();
    for (a, b, t) in spans {
        covered[a..b].iter_mut().for_each(|x| *x = true);
        let norp = b == a + 1 && is_norp(&s.words[a], gaz);
        out.push((a, b, if norp { "NORP".to_string() } else { t }));
    }
    for (i, w) in s.words.iter().enumerate() {
        if !covered[i] && is_norp(w, gaz) {
            out.push((i, i + 1, "NORP".to_string()));
        }
    }
    out.sort();
    s.labels = spans_to_bio(s.words.len(), &out);
}

fn is_norp(w: &str, gaz: &Gazetteer) -> bool {
    gaz.lookup(&[w]) & (flag::NORP | flag::DEMONYM) != 0 && gaz.is_exact(&[w])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::gazetteer;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn iob1_converts() {
        let t = s(&["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]);
        assert_eq!(
            iob1_to_iob2(&t),
            s(&["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"])
        );
    }

    #[test]
    fn conll_reader_splits_docs() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP I-ORG\nrejects VBZ B-VP O\nGerman JJ B-NP I-MISC\n\n-DOCSTART- -X- O O\n\nPeter NNP B-NP I-PER\nBlackburn NNP I-NP I-PER\n";
        let d = read_conll2003(text).unwrap();
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].sentences[0].labels, s(&["B-ORG", "O", "B-MISC"]));
        assert_eq!(
            bio_spans(&d[1].sentences[0].labels),
            vec![(0, 2, "PER".to_string())]
        );
    }

    #[test]
    fn iob2_reader_maps_oth_and_b_o() {
        let text = "# newdoc id = d1\n# sent_id = 1\n1\tAmerican\tB-OTH\t-\tx\n2\tforces\tO\n3\tin\tB-O\t-\t-\n4\tTampa\tB-LOC\t-\tx\n5\tBay\tI-LOC\t-\tx\n";
        let d = read_iob2(text, &["OTH"]).unwrap();
        assert_eq!(d[0].id, "d1");
        assert_eq!(
            d[0].sentences[0].labels,
            s(&["O", "O", "O", "B-LOC", "I-LOC"])
        );
    }

    #[test]
    fn entity_brackets_parse() {
        let (o, c) = parse_entity("(175-time-new-nnnnn-cf1-1-coref)189)188)");
        assert_eq!(o, vec![("175".into(), "time".into(), true)]);
        assert_eq!(c, vec!["189".to_string(), "188".to_string()]);
    }

    #[test]
    fn gum_names_are_proper_noun_runs() {
        let text = "# newdoc id = GUM_news_x\n\
1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\tEntity=(1-organization-new-s-cf1-2-coref-X\n\
2\tUnited\tUnited\tPROPN\tNNP\t_\t4\tnsubj\t_\t_\n\
3\tNations\tNations\tPROPN\tNNPS\t_\t4\tnsubj\t_\tEntity=1)\n\
4\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
5\ta\ta\tDET\tDT\t_\t6\tdet\t_\tEntity=(2-person-new-s-cf1-2-sgl\n\
6\tgroup\tgroup\tNOUN\tNN\t_\t4\tobj\t_\tEntity=2)\n\
7\tin\tin\tADP\tIN\t_\t8\tcase\t_\t_\n\
8\tParis\tParis\tPROPN\tNNP\t_\t4\tobl\t_\tEntity=(3-place-new-s-cf1-1-sgl-Paris)\n\n";
        let d = read_conllu_entities(text, gum_doc_is_open).unwrap();
        assert_eq!(
            d[0].sentences[0].labels,
            s(&["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "B-LOC"])
        );
        assert!(read_conllu_entities(text, |_| false).unwrap().is_empty());
        assert!(!gum_doc_is_open("GUM_fiction_x"));
        assert!(gum_doc_is_open("GUM_news_x"));
    }

    #[test]
    fn norp_marking() {
        let mut st = LabeledSentence {
            words: s(&["Afghan", "girls", "met", "Americans", "in", "Kabul"]),
            labels: s(&["O", "O", "O", "B-PER", "O", "B-LOC"]),
        };
        mark_norp(&mut st, gazetteer());
        assert_eq!(st.labels, s(&["B-NORP", "O", "O", "B-NORP", "O", "B-LOC"]));
    }
}
