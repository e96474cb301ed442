//! Generic block filters applied to the extractor's output (no site-specific rules):
//! short link-only blocks (related-story lists), a leading `<h1>` (the title, kept in
//! metadata), short boilerplate lines (ads, "read more", share prompts), bare date
//! stamps, and a tail of very short blocks.

use std::sync::OnceLock;

use regex::Regex;

use crate::blocks::Block;

/// Blocks up to this many tokens may be dropped as boilerplate lines.
const BOILERPLATE_MAX_TOKENS: usize = 12;
/// Link-covered blocks up to this many tokens are dropped.
const LINK_BLOCK_MAX_TOKENS: usize = 20;
/// Share of a block's characters inside links above which it counts as a link block.
const LINK_DENSITY: f64 = 0.8;
/// Headline-like blocks after a "More:" lead-in up to this many tokens are dropped.
const TEASER_MAX_TOKENS: usize = 16;
/// Short blocks with a call to action (subscribe, follow us, ©-credit) are dropped.
const CTA_MAX_TOKENS: usize = 35;
/// A "More Great Stories"-style lead-in has at most this many tokens.
const LEAD_IN_MAX_TOKENS: usize = 6;
/// A dateline with an "Updated:"/"Published" cue has at most this many tokens.
const STAMP_MAX_TOKENS: usize = 16;
/// Trailing blocks with at most this many tokens are trimmed.
const TAIL_MAX_TOKENS: usize = 5;

struct Res {
    boilerplate: Regex,
    lead_in: Regex,
    stamp_cue: Regex,
    call_to_action: Regex,
    word: Regex,
    date_filler: Regex,
    year_or_month: Regex,
}

fn res() -> Option<&'static Res> {
    static R: OnceLock<Option<Res>> = OnceLock::new();
    R.get_or_init(|| {
        Some(Res {
            boilerplate: Regex::new(
                r"(?i)^\W*(advert(isement)?s?|sponsored( links| content)?|read more|read next|related( posts?| articles?| stories| tags)?|you (may|might) also like|also on\b|more\s*:|see more|more from|source\s*:|don'?t miss|topics|tags|filed under|share (this|it)|this slideshow requires javascript|click here|print this article|previous post|next post|\d+ comments?|comments|post comment|back to gallery|enlarge image|story continues below|continue reading|sign up|subscribe|follow us|trending|most (read|popular)|recommended|photo gallery)(\b|\W|$)",
            )
            .ok()?,
            lead_in: Regex::new(
                r"(?i)^\W*((more|related|latest|popular|recommended|trending|top|also|other)\b.*\b(stories|articles|news|posts|videos|reads|headlines|coverage)|(more|related)\s*(from|in|on|about)\b)",
            )
            .ok()?,
            stamp_cue: Regex::new(r"(?i)\b(updated|published|posted|last modified)\b").ok()?,
            call_to_action: Regex::new(
                r"(?i)\b(subscribe|newsletters?|click here|share (this|it) with|follow (us|me|him|her|them) on|download (our|the) app|all rights reserved)\b|©",
            )
            .ok()?,
            word: Regex::new(r"[\p{L}\p{N}_]+").ok()?,
            date_filler: Regex::new(
                r"(?i)^(updated|published|posted|first|last|modified|on|at|by|am|pm|a|p|m|ist|gmt|edt|est|utc|pst|pdt|cet|bst|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|\d+)$",
            )
            .ok()?,
            year_or_month: Regex::new(
                r"(?i)\b((19|20)\d\d|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\b",
            )
            .ok()?,
        })
    })
    .as_ref()
}

fn token_count(r: &Res, s: &str) -> usize {
    r.word.find_iter(s).count()
}

fn link_density(b: &Block) -> f64 {
    let n = b.text.chars().count();
    if n == 0 {
        0.0
    } else {
        b.link_chars as f64 / n as f64
    }
}

/// A bare date/time stamp ("Updated: Nov 20 2019, 15:24 pm").
fn is_date_stamp(r: &Res, s: &str) -> bool {
    let toks: Vec<&str> = r.word.find_iter(s).map(|m| m.as_str()).collect();
    !toks.is_empty()
        && toks.len() <= BOILERPLATE_MAX_TOKENS
        && toks.iter().any(|t| t.bytes().all(|c| c.is_ascii_digit()))
        && r.year_or_month.is_match(s)
        && toks.iter().filter(|t| !r.date_filler.is_match(t)).count() <= 1
}

fn is_boilerplate(r: &Res, b: &Block, index: usize) -> bool {
    let ntok = token_count(r, &b.text);
    if ntok == 0 {
        return false;
    }
    let looks_like_url = b.text.contains("http") || b.text.contains("www.");
    if (2..=LINK_BLOCK_MAX_TOKENS).contains(&ntok)
        && link_density(b) >= LINK_DENSITY
        && !looks_like_url
    {
        return true;
    }
    if ntok <= CTA_MAX_TOKENS && r.call_to_action.is_match(&b.text) {
        return true;
    }
    if index == 0 && b.tag == "h1" {
        return true;
    }
    if ntok <= BOILERPLATE_MAX_TOKENS && r.boilerplate.is_match(&b.text) {
        return true;
    }
    if ntok <= LEAD_IN_MAX_TOKENS && r.lead_in.is_match(&b.text) && !ends_sentence(&b.text) {
        return true;
    }
    // "City, Agency | Updated: 19 November 2019, 09:01 AM"
    if ntok <= STAMP_MAX_TOKENS
        && r.stamp_cue.is_match(&b.text)
        && r.year_or_month.is_match(&b.text)
        && !ends_sentence(&b.text)
    {
        return true;
    }
    is_date_stamp(r, &b.text)
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '\u{201D}', ':', ';'])
}

/// Drops boilerplate blocks from the extracted body.
pub(crate) fn clean(blocks: Vec<Block>) -> Vec<Block> {
    let Some(r) = res() else { return blocks };
    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    // after a "More:"/"Related" lead-in, the following headline-like blocks are a link list
    let mut in_teasers = false;
    for (i, b) in blocks.into_iter().enumerate() {
        if is_boilerplate(r, &b, i) {
            in_teasers = (r.boilerplate.is_match(&b.text) && token_count(r, &b.text) <= 5)
                || (token_count(r, &b.text) <= LEAD_IN_MAX_TOKENS && r.lead_in.is_match(&b.text));
            continue;
        }
        let ntok = token_count(r, &b.text);
        let sentence_end = ends_sentence(&b.text);
        if in_teasers && ntok <= TEASER_MAX_TOKENS && !sentence_end {
            continue;
        }
        in_teasers = false;
        // a bare long number (an internal id)
        if ntok == 1 && b.text.len() >= 8 && b.text.bytes().all(|c| c.is_ascii_digit()) {
            continue;
        }
        kept.push(b);
    }
    // keep at least something: trim the tail only while longer blocks remain
    while kept.len() > 1
        && kept
            .last()
            .is_some_and(|b| token_count(r, &b.text) <= TAIL_MAX_TOKENS)
    {
        kept.pop();
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(text: &str, link_chars: usize, tag: &str) -> Block {
        Block {
            text: text.into(),
            link_chars,
            tag: tag.into(),
            ..Block::default()
        }
    }

    #[test]
    fn drops_link_lists_ads_dates_and_title() {
        let long = "The council approved the new budget after a long debate on Monday evening in the town hall.";
        let blocks = vec![
            b("Budget approved", 0, "h1"),
            b("Updated: Nov 20 2019, 15:24 pm", 0, "div"),
            b(long, 0, "p"),
            b("ADVERTISEMENT", 0, "div"),
            b("Ten things to know about city budgets", 37, "p"),
            b(long, 0, "p"),
            b(
                "Get the latest updates in your inbox. Subscribe to our newsletters.",
                0,
                "p",
            ),
            b("Share this", 0, "p"),
        ];
        let out = clean(blocks);
        assert_eq!(out.len(), 2);
        assert!(out.iter().all(|x| x.text == long));
    }

    #[test]
    fn keeps_ordinary_paragraphs_and_urls() {
        let blocks = vec![
            b("Prices rose in March, the agency said, and fell again in April of 2020.", 0, "p"),
            b("http://example.org/report", 25, "p"),
            b("Officials expect the figures to settle by the end of the year, according to the agency.", 0, "p"),
        ];
        assert_eq!(clean(blocks).len(), 3);
    }
}
