//! Splits plain text, as people paste or scrape it, into labelled segments:
//! title, byline, dateline, body, captions, boilerplate and reader comments
//! (one segment per comment, with its author when the page gives one).
//!
//! The text is never changed: segments are byte spans into it, trimmed of
//! surrounding whitespace, in order and never overlapping.
//!
//! How it works: every line is classified on its own (see [`patterns`]),
//! then the start of the "tail" (comment section or comment form) is found
//! as the first strong comment signal after some body text, and the lines
//! before and after it are labelled by two small state machines.

pub mod date;
pub mod patterns;

use crosscheck_doc::{Segment, SegmentKind, Span};
use patterns::{
    byline, comment_header, is_boilerplate, is_caption, is_comments_heading, is_editor_note,
    is_form_start, is_name_line, is_related_heading, is_timestamp, list_item, name_like,
    trailing_said, CommentHeader,
};

/// Characters of body text needed before a comment section may begin, so a
/// "3 Comments" counter under a headline cannot swallow the article.
const MIN_BODY_BEFORE_TAIL: usize = 150;

#[derive(Debug, Clone, PartialEq)]
enum Class {
    Blank,
    Boiler,
    FormStart,
    CommentsHeading,
    Caption,
    Byline(Option<(usize, usize)>),
    DateLine,
    Timestamp,
    Note,
    Header(CommentHeader),
    TrailingSaid(usize),
    Text,
}

#[derive(Debug, Clone)]
struct Line {
    /// Trimmed span of the line in the text.
    span: Span,
    /// Offset of list-item text (absolute) and indent, if a list item.
    item: Option<(usize, usize)>,
    class: Class,
}

fn split_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0usize;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.len();
        let raw = piece.trim_end_matches(['\n', '\r']);
        let span = Span::new(start, start + raw.len()).trim(text);
        let t = span.get(text).unwrap_or("");
        let class = if t.is_empty() {
            Class::Blank
        } else {
            classify(t)
        };
        let item = if t.is_empty() {
            None
        } else {
            list_item(raw).map(|(indent, off)| (indent, start + off))
        };
        out.push(Line { span, item, class });
        start = end;
    }
    out
}

fn classify(t: &str) -> Class {
    if let Some(h) = comment_header(t) {
        return Class::Header(h);
    }
    if is_comments_heading(t) {
        return Class::CommentsHeading;
    }
    if is_form_start(t) {
        return Class::FormStart;
    }
    if is_boilerplate(t) {
        return Class::Boiler;
    }
    if date::date_line(t).is_some() {
        return Class::DateLine;
    }
    if is_timestamp(t) {
        return Class::Timestamp;
    }
    if let Some(b) = byline(t) {
        return Class::Byline(Some(b));
    }
    if is_editor_note(t) {
        return Class::Note;
    }
    if is_caption(t) {
        return Class::Caption;
    }
    if let Some(i) = trailing_said(t) {
        return Class::TrailingSaid(i);
    }
    Class::Text
}

/// Segments output builder: keeps order, merges neighbouring boilerplate.
struct Out<'a> {
    text: &'a str,
    segs: Vec<Segment>,
}

impl Out<'_> {
    fn push(&mut self, kind: SegmentKind, span: Span, author: Option<String>) {
        let span = span.trim(self.text);
        if span.is_empty() || span.check(self.text).is_err() {
            return;
        }
        if let Some(last) = self.segs.last_mut() {
            if span.start < last.span.end {
                return; // never overlap
            }
            let gap = self.text.get(last.span.end..span.start).unwrap_or("x");
            if kind == SegmentKind::Boilerplate
                && last.kind == SegmentKind::Boilerplate
                && gap.trim().is_empty()
            {
                last.span.end = span.end;
                return;
            }
        }
        self.segs.push(Segment { kind, span, author });
    }
}

fn is_marker_boiler(text: &str, l: &Line) -> bool {
    if l.class == Class::Timestamp || l.class == Class::DateLine {
        return true;
    }
    if l.class != Class::Boiler {
        return false;
    }
    let t = l.span.get(text).unwrap_or("").to_lowercase();
    t.starts_with("liked by")
        || t.starts_with("reply")
        || t.starts_with("like")
        || t.starts_with("report")
        || t.ends_with(" likes")
        || t.ends_with(" replies")
        || t.starts_with("log in to reply")
        || t == "delete"
        || t == "permalink"
        || t == "flag"
}

fn next_nonblank(lines: &[Line], i: usize) -> Option<usize> {
    (i + 1..lines.len()).find(|&j| lines[j].class != Class::Blank)
}

/// Is the next non-blank line a date or time stamp?
fn stamp_follows(lines: &[Line], i: usize) -> bool {
    next_nonblank(lines, i)
        .is_some_and(|j| matches!(lines[j].class, Class::Timestamp | Class::DateLine))
}

/// First line of the comment section / comment form, if any.
fn find_tail(text: &str, lines: &[Line]) -> Option<usize> {
    let mut body = 0usize;
    for (i, l) in lines.iter().enumerate() {
        let strong = match &l.class {
            Class::Header(_) | Class::CommentsHeading | Class::FormStart => true,
            Class::Text if l.item.is_some() => {
                // A list whose items carry comment markers ("Liked by", "Reply").
                let indent = l.item.map_or(0, |x| x.0);
                let mut found = false;
                for m in lines.iter().skip(i + 1).take(60) {
                    if m.item.is_some_and(|(ind, _)| ind <= indent) {
                        break;
                    }
                    if matches!(m.class, Class::Header(_)) {
                        break;
                    }
                    if is_marker_boiler(text, m) {
                        found = true;
                        break;
                    }
                }
                found
            }
            Class::Text => {
                // "Jane Roe" then "3 hours ago": a comment author line.
                let t = l.span.get(text).unwrap_or("");
                name_like(t) && t.split_whitespace().count() <= 3 && stamp_follows(lines, i)
            }
            _ => false,
        };
        if strong && body >= MIN_BODY_BEFORE_TAIL {
            return Some(i);
        }
        if l.class == Class::Text {
            body += l.span.len();
        }
    }
    None
}

fn looks_like_title(t: &str) -> bool {
    t.len() <= 250
        && t.split_whitespace().count() <= 30
        && !t.ends_with(['.', ',', ';', ':'])
        && t.chars().next().is_some_and(|c| !c.is_lowercase())
}

fn short_nav(t: &str) -> bool {
    t.len() <= 40
        && t.split_whitespace().count() <= 5
        && !t.ends_with(['.', '!', '?', ':', ';', ',', '"', '”'])
}

/// Splits `text` into labelled, non-overlapping, trimmed segments in text order.
///
/// Everything that is not recognised as furniture and comes before the
/// comment section is body.
pub fn segment(text: &str) -> Vec<Segment> {
    let mut lines = split_lines(text);
    let tail = find_tail(text, &lines).unwrap_or(lines.len());
    let mut out = Out {
        text,
        segs: Vec::new(),
    };
    head(text, &mut lines, tail, &mut out);
    comments(text, &lines, tail, &mut out);
    out.segs
}

/// Labels the lines before the tail.
fn head(text: &str, lines: &mut [Line], tail: usize, out: &mut Out) {
    let head = lines.get_mut(..tail).unwrap_or_default();
    // Navigation runs: three or more short lines in a row.
    let mut i = 0;
    while i < head.len() {
        let mut j = i;
        while j < head.len()
            && head[j].class == Class::Text
            && head[j].item.is_none()
            && short_nav(head[j].span.get(text).unwrap_or(""))
        {
            j += 1;
        }
        if j - i >= 3 {
            for l in &mut head[i..j] {
                l.class = Class::Boiler;
            }
        }
        i = j.max(i + 1);
    }
    // Title: the first short text line of two or more words near the top,
    // before any body text; one-word lines above it are section labels.
    let mut title = None;
    let mut labels = Vec::new();
    for (i, l) in head
        .iter()
        .enumerate()
        .filter(|(_, l)| l.class != Class::Blank)
        .take(8)
    {
        match l.class {
            Class::Text if l.item.is_none() => {
                let t = l.span.get(text).unwrap_or("");
                if t.split_whitespace().count() < 2 && short_nav(t) {
                    labels.push(i);
                    continue;
                }
                let followed = next_nonblank(head, i).is_some();
                if looks_like_title(t) && followed {
                    title = Some(i);
                    for &j in &labels {
                        head[j].class = Class::Boiler;
                    }
                }
                break;
            }
            Class::Text => break,
            _ => {}
        }
    }
    // A short line right under a byline is part of it ("Transport correspondent").
    for i in 1..head.len() {
        if matches!(head[i - 1].class, Class::Byline(_))
            && head[i].class == Class::Text
            && head[i].item.is_none()
            && short_nav(head[i].span.get(text).unwrap_or(""))
        {
            head[i].class = Class::Byline(None);
        }
    }
    // Link lists under "Related Topics", "More on this story"…: short
    // non-sentences and time stamps until prose resumes.
    let mut related = false;
    for l in head.iter_mut() {
        let t = l.span.get(text).unwrap_or("");
        if l.class == Class::Blank {
            continue;
        }
        if is_related_heading(t) {
            related = true;
            l.class = Class::Boiler;
            continue;
        }
        if related {
            let prose = t.ends_with(['.', '!', '?', '"', '”']) || t.split_whitespace().count() > 15;
            if prose && l.class == Class::Text {
                related = false;
            } else if matches!(l.class, Class::Text | Class::Timestamp | Class::DateLine) {
                l.class = Class::Boiler;
            }
        }
    }
    // Signature: a lone name line closing the body.
    let mut signature = None;
    if let Some(last) = (0..head.len()).rev().find(|&i| {
        !matches!(
            head[i].class,
            Class::Blank | Class::Boiler | Class::FormStart | Class::CommentsHeading
        )
    }) {
        let l = &head[last];
        let t = l.span.get(text).unwrap_or("");
        let alone = last == 0 || head[last - 1].class == Class::Blank;
        if l.class == Class::Text
            && l.item.is_none()
            && alone
            && is_name_line(t)
            && Some(last) != title
        {
            let body_before = head[..last].iter().any(|x| x.class == Class::Text);
            if body_before {
                signature = Some(last);
            }
        }
    }

    // "Jane Roe" over "March 3, 2022" above the body: an author line.
    let mut author_line = None;
    for (i, l) in head.iter().enumerate() {
        match l.class {
            Class::Text if Some(i) != title => {
                let t = l.span.get(text).unwrap_or("");
                if l.item.is_none() && is_name_line(t) && stamp_follows(head, i) {
                    author_line = Some(i);
                }
                break;
            }
            _ => {}
        }
    }

    let mut body: Option<Span> = None;
    let mut seen_body_lines = 0usize;
    let flush = |body: &mut Option<Span>, out: &mut Out| {
        if let Some(b) = body.take() {
            out.push(SegmentKind::Body, b, None);
        }
    };
    for (i, l) in head.iter().enumerate() {
        let t = l.span.get(text).unwrap_or("");
        match &l.class {
            Class::Blank => flush(&mut body, out),
            _ if Some(i) == title => {
                flush(&mut body, out);
                out.push(SegmentKind::Title, l.span, None);
            }
            _ if Some(i) == signature || Some(i) == author_line => {
                flush(&mut body, out);
                out.push(SegmentKind::Byline, l.span, Some(t.to_string()));
            }
            Class::Byline(name) => {
                flush(&mut body, out);
                let author = name.and_then(|(a, b)| t.get(a..b)).map(str::to_string);
                out.push(SegmentKind::Byline, l.span, author);
            }
            Class::DateLine | Class::Timestamp => {
                flush(&mut body, out);
                out.push(SegmentKind::Dateline, l.span, None);
            }
            Class::Caption => {
                flush(&mut body, out);
                out.push(SegmentKind::Caption, l.span, None);
            }
            Class::Boiler | Class::FormStart | Class::CommentsHeading | Class::Note => {
                flush(&mut body, out);
                out.push(SegmentKind::Boilerplate, l.span, None);
            }
            Class::Text | Class::Header(_) | Class::TrailingSaid(_) => {
                let mut span = l.span;
                if body.is_none() && seen_body_lines == 0 && l.item.is_none() {
                    if let Some((n, _)) = date::dateline_prefix(t) {
                        out.push(
                            SegmentKind::Dateline,
                            Span::new(span.start, span.start + n),
                            None,
                        );
                        span = Span::new(span.start + n, span.end);
                    }
                }
                seen_body_lines += 1;
                match body {
                    Some(ref mut b) if l.item.is_none() => b.end = span.end,
                    _ => {
                        flush(&mut body, out);
                        body = Some(span);
                    }
                }
            }
        }
    }
    flush(&mut body, out);
}

#[derive(PartialEq)]
enum Mode {
    Comments,
    Form,
}

/// Labels the comment section and comment forms.
fn comments(text: &str, lines: &[Line], tail: usize, out: &mut Out) {
    let mut mode = Mode::Comments;
    let mut current: Option<(Span, Option<String>)> = None;
    let mut pending: Option<String> = None;
    fn close(current: &mut Option<(Span, Option<String>)>, out: &mut Out) {
        if let Some((span, author)) = current.take() {
            out.push(SegmentKind::Comment, span, author);
        }
    }
    for (i, l) in lines.iter().enumerate().skip(tail) {
        let t = l.span.get(text).unwrap_or("");
        let abs = |(a, b): (usize, usize)| Span::new(l.span.start + a, l.span.start + b);
        match &l.class {
            Class::Blank => {}
            Class::Header(h) => {
                close(&mut current, out);
                mode = Mode::Comments;
                pending = h.author.and_then(|(a, b)| t.get(a..b)).map(str::to_string);
                match h.inline_text {
                    Some(off) => {
                        out.push(SegmentKind::Boilerplate, abs((0, off)), None);
                        current = Some((abs((off, t.len())), pending.take()));
                    }
                    None => out.push(SegmentKind::Boilerplate, l.span, None),
                }
            }
            Class::TrailingSaid(off) if mode == Mode::Comments => {
                let content = abs((0, *off));
                match current {
                    Some((ref mut s, _)) => s.end = content.end,
                    None => current = Some((content, pending.take())),
                }
                close(&mut current, out);
                out.push(SegmentKind::Boilerplate, abs((*off, t.len())), None);
                pending = None;
            }
            Class::CommentsHeading => {
                close(&mut current, out);
                mode = Mode::Comments;
                out.push(SegmentKind::Boilerplate, l.span, None);
            }
            Class::FormStart => {
                close(&mut current, out);
                mode = Mode::Form;
                out.push(SegmentKind::Boilerplate, l.span, None);
            }
            Class::Timestamp | Class::DateLine => {
                // A stamp ends the comment it follows, or belongs to the
                // header just seen.
                if current.is_some() {
                    close(&mut current, out);
                    pending = None;
                }
                out.push(SegmentKind::Boilerplate, l.span, None);
            }
            Class::Text
            | Class::TrailingSaid(_)
            | Class::Caption
            | Class::Byline(_)
            | Class::Note
                if mode == Mode::Comments =>
            {
                let is_author_line = l.item.is_none()
                    && name_like(t)
                    && t.split_whitespace().count() <= 3
                    && stamp_follows(lines, i);
                if is_author_line {
                    close(&mut current, out);
                    pending = Some(t.to_string());
                    out.push(SegmentKind::Boilerplate, l.span, None);
                    continue;
                }
                if let Some((_, start)) = l.item {
                    // Each numbered or bulleted item is a comment (replies nest).
                    close(&mut current, out);
                    let span = Span::new(start, l.span.end);
                    current = Some((span, pending.take()));
                    continue;
                }
                match current {
                    Some((ref mut s, _)) => s.end = l.span.end,
                    None => current = Some((l.span, pending.take())),
                }
            }
            _ => {
                close(&mut current, out);
                pending = None;
                out.push(SegmentKind::Boilerplate, l.span, None);
            }
        }
    }
    close(&mut current, out);
}

/// Text of the body segments joined by blank lines (for duplicate detection
/// and language identification).
pub fn body_text(text: &str, segments: &[Segment]) -> String {
    let mut s = String::new();
    for seg in segments.iter().filter(|s| s.kind == SegmentKind::Body) {
        if !s.is_empty() {
            s.push_str("\n\n");
        }
        s.push_str(seg.span.get(text).unwrap_or(""));
    }
    s
}

#[cfg(test)]
mod tests;
