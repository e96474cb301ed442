//! Turns a (cleaned) HTML fragment into text blocks with link statistics.

use std::collections::HashMap;

use dom_query::{Document, NodeRef};

/// Deepest element nesting walked; deeper content is flattened into its ancestor's block.
const MAX_WALK_DEPTH: usize = 256;

/// One block of text (a paragraph, heading, list item ...).
#[derive(Debug, Clone, Default)]
pub(crate) struct Block {
    /// Whitespace-normalised text.
    pub text: String,
    /// Characters of `text` inside `<a>` elements.
    pub link_chars: usize,
    /// Tag of the element that opened the block.
    pub tag: String,
    /// Inside a list item.
    pub in_list: bool,
    /// Inside a `<figure>`/`<figcaption>`.
    pub in_caption: bool,
}

fn is_block_tag(t: &str) -> bool {
    matches!(
        t,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "figure"
            | "figcaption"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "form"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "br"
            | "body"
            | "html"
            | "center"
    )
}

fn is_skipped_tag(t: &str) -> bool {
    matches!(
        t,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "iframe"
            | "head"
            | "title"
    )
}

struct Walker {
    blocks: Vec<Block>,
    cur: Block,
    pending_space: bool,
}

impl Walker {
    fn flush(&mut self) {
        let t = self.cur.text.trim_end().to_string();
        if !t.is_empty() {
            let mut b = std::mem::take(&mut self.cur);
            b.text = t;
            self.blocks.push(b);
        } else {
            self.cur = Block::default();
        }
        self.pending_space = false;
    }

    fn push_text(&mut self, s: &str, in_link: bool, ctx: &Ctx) {
        if s.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        for (i, word) in s.split_whitespace().enumerate() {
            if i > 0 {
                self.pending_space = true;
            }
            if self.cur.text.is_empty() {
                self.cur.tag = ctx.tag.clone();
                self.cur.in_list = ctx.in_list;
                self.cur.in_caption = ctx.in_caption;
            } else if self.pending_space {
                self.cur.text.push(' ');
                if in_link {
                    self.cur.link_chars += 1;
                }
            }
            self.pending_space = false;
            self.cur.text.push_str(word);
            if in_link {
                self.cur.link_chars += word.chars().count();
            }
        }
        if s.ends_with(char::is_whitespace) {
            self.pending_space = true;
        }
    }
}

#[derive(Clone)]
struct Ctx {
    tag: String,
    in_link: bool,
    in_list: bool,
    in_caption: bool,
}

fn walk(node: &NodeRef, depth: usize, ctx: &Ctx, w: &mut Walker) {
    for child in node.children_it(false) {
        if child.is_text() {
            w.push_text(&child.text(), ctx.in_link, ctx);
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if is_skipped_tag(&name) {
            continue;
        }
        let block = is_block_tag(&name);
        if block {
            w.flush();
        }
        if depth >= MAX_WALK_DEPTH {
            w.push_text(&child.text(), ctx.in_link, ctx);
        } else {
            let mut c = ctx.clone();
            if block && name != "br" && name != "hr" {
                c.tag = name.clone();
            }
            c.in_link |= name == "a";
            c.in_list |= name == "li";
            c.in_caption |= name == "figcaption" || name == "figure";
            walk(&child, depth + 1, &c, w);
        }
        if block {
            w.flush();
        }
    }
}

/// Splits an HTML fragment into text blocks in document order.
pub(crate) fn html_blocks(html: &str) -> Vec<Block> {
    let doc = Document::from(html);
    let root = doc.root();
    node_blocks(&root)
}

/// Text blocks under one node.
pub(crate) fn node_blocks(root: &NodeRef) -> Vec<Block> {
    let mut w = Walker {
        blocks: Vec::new(),
        cur: Block::default(),
        pending_space: false,
    };
    let ctx = Ctx {
        tag: "p".into(),
        in_link: false,
        in_list: false,
        in_caption: false,
    };
    walk(root, 0, &ctx, &mut w);
    w.flush();
    w.blocks
}

/// Blocks from the extractor's plain text (one per line), with link and tag
/// information borrowed from the matching block of its HTML rendering.
pub(crate) fn text_blocks(text: &str, html: Option<&str>) -> Vec<Block> {
    let mut info: HashMap<String, Block> = HashMap::new();
    if let Some(h) = html {
        for b in html_blocks(h) {
            info.entry(b.text.clone()).or_insert(b);
        }
    }
    text.lines()
        .filter_map(|line| {
            let norm = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if norm.is_empty() {
                return None;
            }
            Some(match info.get(&norm) {
                Some(b) => b.clone(),
                None => Block {
                    text: norm,
                    tag: "p".into(),
                    ..Block::default()
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_paragraphs_and_counts_links() {
        let b = html_blocks(
            "<div><p>Hello <b>big</b>\n world</p><p><a href='x'>Read more</a> here</p></div>",
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].text, "Hello big world");
        assert_eq!(b[0].link_chars, 0);
        assert_eq!(b[1].text, "Read more here");
        assert_eq!(b[1].link_chars, "Read more".len());
    }

    #[test]
    fn skips_scripts_and_marks_lists() {
        let b = html_blocks("<ul><li>one</li><li>two<script>var x=1;</script></li></ul>");
        assert_eq!(
            b.iter().map(|b| b.text.as_str()).collect::<Vec<_>>(),
            vec!["one", "two"]
        );
        assert!(b.iter().all(|b| b.in_list));
    }
}
