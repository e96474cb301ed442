//! Turns input files into [`Document`]s ready for analysis: read and decoded,
//! segmented (body, comments, boilerplate…), dated, language-checked and
//! de-duplicated.
//!
//! Inputs: `.txt`/`.md` (the text as read), `.html`/`.htm` (main content and
//! comments extracted by `crosscheck-extract`), `.jsonl` (one document per
//! line: `id`, `text` or `html`, optional `url`, `title`, `date`, `author`,
//! `outlet`, `lang`), anything else sniffed (HTML, JSONL, text or binary).
//!
//! Bad input never panics: an unreadable, binary or oversized file and a
//! malformed JSONL line yield an [`IngestError`] naming the document; an
//! empty document or one in an unsupported language yields a *skipped*
//! document with its reason; lossy decoding adds a warning.
//!
//! Size cap: a file larger than [`IngestOptions::max_bytes`] (default
//! 20 MiB) is skipped with [`IngestError::TooLarge`] rather than truncated,
//! because a cut HTML or JSONL file would be silently incomplete.

pub mod date;
pub mod dedup;
pub mod lang;

use chrono::NaiveDate;
use crosscheck_doc::{DateSource, DocStatus, Document, Segment, SegmentKind, Span};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::path::{Path, PathBuf};

pub use dedup::mark_duplicates;

/// Default cap on the size of one input file.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;
/// Directory depth followed when recursing.
const MAX_DEPTH: usize = 64;

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputSource {
    /// A file on disk.
    File(PathBuf),
    /// Standard input (`-`).
    Stdin,
}

impl InputSource {
    /// The document id this source gives: the file name, or "stdin".
    pub fn name(&self) -> String {
        match self {
            InputSource::File(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.to_string_lossy().into_owned()),
            InputSource::Stdin => "stdin".to_string(),
        }
    }
}

/// How to read inputs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Files larger than this are skipped with an error.
    pub max_bytes: u64,
    /// Document dates given by the user (`--date DOC=YYYY-MM-DD`), by id.
    pub dates: HashMap<String, NaiveDate>,
    /// Identify the language and skip non-English documents.
    pub detect_language: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            dates: HashMap::new(),
            detect_language: true,
        }
    }
}

/// Why an input (or part of one) could not become a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// Missing or unreadable path.
    #[error("{doc}: cannot read: {message}")]
    Io { doc: String, message: String },
    /// NUL bytes or mostly non-text.
    #[error("{doc}: binary file skipped ({reason})")]
    Binary { doc: String, reason: String },
    /// Over [`IngestOptions::max_bytes`].
    #[error("{doc}: {size} bytes is over the {cap}-byte limit; skipped")]
    TooLarge { doc: String, size: u64, cap: u64 },
    /// A JSONL line that is not a usable record (1-based line number).
    #[error("{doc}: line {line}: {message}; line skipped")]
    JsonLine {
        doc: String,
        line: usize,
        message: String,
    },
    /// The HTML extractor gave up.
    #[error("{doc}: HTML extraction failed: {message}")]
    Extract { doc: String, message: String },
}

impl IngestError {
    /// The document (file name or JSONL id) the error is about.
    pub fn doc(&self) -> &str {
        match self {
            IngestError::Io { doc, .. }
            | IngestError::Binary { doc, .. }
            | IngestError::TooLarge { doc, .. }
            | IngestError::JsonLine { doc, .. }
            | IngestError::Extract { doc, .. } => doc,
        }
    }
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, analysed as read.
    Text,
    /// Markdown, analysed as read (markup kept).
    Markdown,
    /// An HTML page: main content and comments extracted.
    Html,
    /// One JSON record per line.
    Jsonl,
}

impl Format {
    /// The format named by a file extension, if known.
    pub fn from_path(p: &Path) -> Option<Format> {
        let ext = p.extension()?.to_string_lossy().to_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Expands paths into input sources: files as given, directories recursed
/// (sorted; hidden entries skipped; only known extensions and extension-less
/// files taken from directories), `-` for standard input.
pub fn collect_inputs(paths: &[PathBuf]) -> (Vec<InputSource>, Vec<IngestError>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(InputSource::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, 0, &mut out, &mut errors),
            Ok(_) => out.push(InputSource::File(p.clone())),
            Err(e) => errors.push(IngestError::Io {
                doc: p.display().to_string(),
                message: e.to_string(),
            }),
        }
    }
    (out, errors)
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<InputSource>, errors: &mut Vec<IngestError>) {
    if depth > MAX_DEPTH {
        return;
    }
    let rd = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            errors.push(IngestError::Io {
                doc: dir.display().to_string(),
                message: e.to_string(),
            });
            return;
        }
    };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if is_hidden(&p) {
            continue;
        }
        let Ok(lm) = std::fs::symlink_metadata(&p) else {
            continue;
        };
        if lm.is_dir() {
            walk(&p, depth + 1, out, errors);
        } else if std::fs::metadata(&p).is_ok_and(|m| m.is_file())
            && (Format::from_path(&p).is_some() || p.extension().is_none())
        {
            // Symlinked files are followed; symlinked directories are not (loops).
            out.push(InputSource::File(p));
        }
    }
}

fn read_source(src: &InputSource, opts: &IngestOptions) -> Result<Vec<u8>, IngestError> {
    let doc = src.name();
    match src {
        InputSource::File(p) => {
            let meta = std::fs::metadata(p).map_err(|e| IngestError::Io {
                doc: doc.clone(),
                message: e.to_string(),
            })?;
            if meta.len() > opts.max_bytes {
                return Err(IngestError::TooLarge {
                    doc,
                    size: meta.len(),
                    cap: opts.max_bytes,
                });
            }
            std::fs::read(p).map_err(|e| IngestError::Io {
                doc,
                message: e.to_string(),
            })
        }
        InputSource::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(opts.max_bytes.saturating_add(1))
                .read_to_end(&mut buf)
                .map_err(|e| IngestError::Io {
                    doc: doc.clone(),
                    message: e.to_string(),
                })?;
            if buf.len() as u64 > opts.max_bytes {
                return Err(IngestError::TooLarge {
                    doc,
                    size: buf.len() as u64,
                    cap: opts.max_bytes,
                });
            }
            Ok(buf)
        }
    }
}

/// Why these bytes are not text, if they are not.
fn binary_reason(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..8192).unwrap_or(bytes);
    if head.contains(&0) {
        return Some("contains NUL bytes".into());
    }
    let s = String::from_utf8_lossy(head);
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in s.chars() {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            bad += 1;
        }
    }
    // A cut multi-byte character at the 8 KiB edge is one bad char, not many.
    if total > 0 && bad * 10 > total {
        return Some(format!("{bad} of {total} characters are not text"));
    }
    None
}

/// Decodes as UTF-8, lossily if needed (with a warning), without a BOM.
fn decode(bytes: &[u8]) -> (String, Option<String>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_string(), None),
        Err(_) => {
            let s = String::from_utf8_lossy(bytes).into_owned();
            let n = s.matches('\u{fffd}').count();
            (
                s,
                Some(format!(
                    "invalid UTF-8: decoded lossily ({n} replacement characters)"
                )),
            )
        }
    }
}

fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    let head: String = t.chars().take(2048).collect::<String>().to_lowercase();
    if head.starts_with('<')
        && [
            "<html",
            "<!doctype html",
            "<body",
            "<head",
            "<p",
            "<div",
            "<article",
        ]
        .iter()
        .any(|m| head.contains(m))
    {
        return Format::Html;
    }
    if let Some(first) = t.lines().next() {
        let f = first.trim();
        if f.starts_with('{')
            && f.ends_with('}')
            && serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(f).is_ok()
        {
            return Format::Jsonl;
        }
    }
    Format::Text
}

/// Reads one input into documents (a JSONL file gives many). Each result is
/// a prepared document or an error naming the document.
pub fn read_input(src: &InputSource, opts: &IngestOptions) -> Vec<Result<Document, IngestError>> {
    let bytes = match read_source(src, opts) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    let format = match src {
        InputSource::File(p) => Format::from_path(p),
        InputSource::Stdin => None,
    };
    read_bytes(&src.name(), &bytes, format, opts)
}

/// Reads documents from bytes already in memory; `format` None sniffs it.
pub fn read_bytes(
    name: &str,
    bytes: &[u8],
    format: Option<Format>,
    opts: &IngestOptions,
) -> Vec<Result<Document, IngestError>> {
    if bytes.len() as u64 > opts.max_bytes {
        return vec![Err(IngestError::TooLarge {
            doc: name.to_string(),
            size: bytes.len() as u64,
            cap: opts.max_bytes,
        })];
    }
    if let Some(reason) = binary_reason(bytes) {
        return vec![Err(IngestError::Binary {
            doc: name.to_string(),
            reason,
        })];
    }
    let (text, warning) = decode(bytes);
    let format = format.unwrap_or_else(|| sniff(&text));
    let mut results = match format {
        Format::Text | Format::Markdown => {
            let mut doc = Document::new(name, text);
            prepare(&mut doc, opts, None);
            vec![Ok(doc)]
        }
        Format::Html => vec![html_document(name, &text, opts)],
        Format::Jsonl => read_jsonl(name, &text, opts),
    };
    if let Some(w) = warning {
        for d in results.iter_mut().flatten() {
            d.warnings.push(w.clone());
        }
    }
    results
}

/// One JSONL record.
#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

fn read_jsonl(name: &str, text: &str, opts: &IngestOptions) -> Vec<Result<Document, IngestError>> {
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for (i, line) in text.lines().enumerate() {
        let lineno = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| IngestError::JsonLine {
            doc: name.to_string(),
            line: lineno,
            message,
        };
        let rec: Record = match serde_json::from_str(line) {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(err(format!("malformed JSON: {e}"))));
                continue;
            }
        };
        let id = match &rec.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{name}#{lineno}"),
        };
        let id = unique(&id, &mut seen);
        let mut doc = match (&rec.text, &rec.html) {
            (Some(t), _) => {
                let mut d = Document::new(id.clone(), t.clone());
                prepare_meta_from_record(&mut d, &rec);
                prepare(&mut d, opts, None);
                d
            }
            (None, Some(h)) => match html_document(&id, h, opts) {
                Ok(mut d) => {
                    prepare_meta_from_record(&mut d, &rec);
                    d
                }
                Err(e) => {
                    out.push(Err(e));
                    continue;
                }
            },
            (None, None) => {
                out.push(Err(IngestError::JsonLine {
                    doc: id,
                    line: lineno,
                    message: "record has neither `text` nor `html`".into(),
                }));
                continue;
            }
        };
        let mut warnings = Vec::new();
        if let Some(d) = input_date(&rec, &mut warnings) {
            if !opts.dates.contains_key(&doc.id) {
                doc.meta.published = Some(d);
                doc.meta.date_source = DateSource::Input;
            }
        }
        doc.warnings.extend(warnings);
        if let Some(l) = &rec.lang {
            apply_declared_language(&mut doc, l);
        }
        out.push(Ok(doc));
    }
    out
}

fn input_date(rec: &Record, warnings: &mut Vec<String>) -> Option<NaiveDate> {
    let s = rec.date.as_deref()?;
    let d = date::parse_input_date(s);
    if d.is_none() && !s.trim().is_empty() {
        warnings.push(format!("unrecognised date {s:?} ignored"));
    }
    d
}

fn prepare_meta_from_record(doc: &mut Document, rec: &Record) {
    let nonempty = |s: &Option<String>| s.as_ref().filter(|s| !s.trim().is_empty()).cloned();
    if let Some(t) = nonempty(&rec.title) {
        doc.meta.title = Some(t);
    }
    if let Some(a) = nonempty(&rec.author) {
        doc.meta.author = Some(a);
    }
    if let Some(o) = nonempty(&rec.outlet) {
        doc.meta.outlet = Some(o);
    }
    if let Some(u) = nonempty(&rec.url) {
        doc.meta.url = Some(u);
    }
}

fn primary_subtag(code: &str) -> String {
    code.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// A language given with the input is trusted over detection.
fn apply_declared_language(doc: &mut Document, code: &str) {
    let primary = primary_subtag(code);
    if primary.is_empty() {
        return;
    }
    let primary = if primary == "eng" {
        "en".into()
    } else {
        primary
    };
    if primary == "en" {
        doc.meta.language = Some(primary);
        if doc
            .skip_reason
            .as_deref()
            .is_some_and(|r| r.starts_with("unsupported language"))
        {
            doc.status = DocStatus::Analyzed;
            doc.skip_reason = None;
        }
    } else {
        doc.meta.language = Some(primary.clone());
        if doc.status == DocStatus::Analyzed {
            doc.skip(format!("unsupported language: {primary}"));
        }
    }
}

fn html_document(id: &str, html: &str, opts: &IngestOptions) -> Result<Document, IngestError> {
    let ex = match crosscheck_extract::extract(html) {
        Ok(ex) => ex,
        Err(crosscheck_extract::ExtractError::Empty) => {
            let mut d = Document::new(id, "");
            d.skip("empty document");
            return Ok(d);
        }
        Err(e) => {
            return Err(IngestError::Extract {
                doc: id.to_string(),
                message: e.to_string(),
            })
        }
    };
    let mut doc = Document::new(id, ex.text.clone());
    let text = doc.text();
    // The body part is cleaned like plain text (extractors leave share lines,
    // bylines and captions); extracted comments follow as comment segments.
    let body_end = ex.paragraphs.last().map_or(0, |p| p.1).min(text.len());
    let body_end = if text.is_char_boundary(body_end) {
        body_end
    } else {
        0
    };
    let mut segs = crosscheck_clean::segment(text.get(..body_end).unwrap_or(""));
    let mut last_end = segs.last().map_or(0, |s| s.span.end);
    for c in &ex.comments {
        let span = Span::new(c.span.0.max(body_end), c.span.1).trim(text);
        if span.is_empty() || span.check(text).is_err() || span.start < last_end {
            continue;
        }
        last_end = span.end;
        segs.push(Segment {
            kind: SegmentKind::Comment,
            span,
            author: c.author.clone(),
        });
    }
    doc.segments = segs;
    doc.meta.title = ex.title.clone().filter(|t| !t.trim().is_empty());
    doc.meta.author = ex.author.clone();
    doc.meta.outlet = ex.site_name.clone();
    doc.meta.url = ex.url.clone();
    let meta_date = ex.published.map(|d| (d, DateSource::Metadata));
    prepare(&mut doc, opts, meta_date.map(|x| x.0));
    if let Some((d, src)) = meta_date {
        if doc.meta.date_source != DateSource::Input {
            doc.meta.published = Some(d);
            doc.meta.date_source = src;
        }
    }
    // A declared page language only decides when detection could not.
    if let Some(l) = &ex.language {
        let detected_short = doc
            .warnings
            .iter()
            .any(|w| w.starts_with("too little text"));
        if detected_short {
            apply_declared_language(&mut doc, l);
        }
    }
    Ok(doc)
}

/// Completes a document: segments (if none yet), title and author from
/// them, the document date and the language check. `known_date` is a date
/// the input format itself carries (HTML metadata, JSONL `date`).
pub fn prepare(doc: &mut Document, opts: &IngestOptions, known_date: Option<NaiveDate>) {
    if doc.text().trim().is_empty() {
        doc.skip("empty document");
        return;
    }
    if doc.segments.is_empty() {
        doc.segments = crosscheck_clean::segment(doc.text());
    }
    let text = doc.text();
    let title = doc
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::Title)
        .and_then(|s| s.span.get(text))
        .map(|t| t.trim_start_matches('#').trim().to_string());
    let author = doc
        .segments
        .iter()
        .find(|s| s.kind == SegmentKind::Byline && s.author.is_some())
        .and_then(|s| s.author.clone());
    let text_date = date::date_from_text(text, &doc.segments);
    let body = crosscheck_clean::body_text(text, &doc.segments);
    let sample = if body.trim().is_empty() {
        text.get(..text.len().min(8192)).unwrap_or("").to_string()
    } else {
        body
    };
    if doc.meta.title.is_none() {
        doc.meta.title = title;
    }
    if doc.meta.author.is_none() {
        doc.meta.author = author;
    }
    if let Some(d) = opts.dates.get(&doc.id) {
        doc.meta.published = Some(*d);
        doc.meta.date_source = DateSource::Input;
    } else if let Some(d) = known_date {
        doc.meta.published = Some(d);
        doc.meta.date_source = DateSource::Metadata;
    } else if let Some(d) = text_date {
        doc.meta.published = Some(d);
        doc.meta.date_source = DateSource::Text;
    }
    if !doc.segments.iter().any(|s| s.kind.is_content()) {
        doc.skip("no body text found");
        return;
    }
    if opts.detect_language && doc.meta.language.is_none() {
        match lang::identify(&sample) {
            lang::LangGuess::TooShort => {
                doc.meta.language = Some("en".into());
                doc.warnings
                    .push("too little text to identify the language; assumed English".into());
            }
            lang::LangGuess::Known { code, .. } => {
                doc.meta.language = Some(code.clone());
                if code != "en" {
                    doc.skip(format!("unsupported language: {code}"));
                }
            }
        }
    }
}

fn unique(id: &str, seen: &mut HashSet<String>) -> String {
    if seen.insert(id.to_string()) {
        return id.to_string();
    }
    let mut n = 2;
    loop {
        let cand = format!("{id}-{n}");
        if seen.insert(cand.clone()) {
            return cand;
        }
        n += 1;
    }
}

/// Makes document ids unique across a batch by suffixing "-2", "-3"…
/// (a warning records the original id).
pub fn unique_ids(docs: &mut [Document]) {
    let mut seen = HashSet::new();
    for d in docs {
        let id = unique(&d.id, &mut seen);
        if id != d.id {
            d.warnings
                .push(format!("id {:?} already used; renamed to {id:?}", d.id));
            d.id = id;
        }
    }
}

/// The documents and errors of a batch.
#[derive(Debug, Default)]
pub struct Batch {
    /// Documents read (analysed or skipped), ids unique, duplicates marked.
    pub docs: Vec<Document>,
    /// Inputs that gave no document.
    pub errors: Vec<IngestError>,
}

/// Reads every input, then makes ids unique and marks duplicates.
pub fn ingest(paths: &[PathBuf], opts: &IngestOptions) -> Batch {
    let (sources, mut errors) = collect_inputs(paths);
    let mut docs = Vec::new();
    for src in &sources {
        for r in read_input(src, opts) {
            match r {
                Ok(d) => docs.push(d),
                Err(e) => errors.push(e),
            }
        }
    }
    unique_ids(&mut docs);
    mark_duplicates(&mut docs);
    Batch { docs, errors }
}

#[cfg(test)]
mod tests;
