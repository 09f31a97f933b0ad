//! Saved web pages: the article's text, without the page's menus,
//! breadcrumbs, share buttons, scripts, styles, related links and footer.
//!
//! The page is parsed as a browser parses it (`scraper`, on Servo's
//! `html5ever`), in the encoding its byte-order mark or `<meta charset>`
//! names, or the one detected. The article is the page's `<article>`,
//! else its `<main>`, else the element whose paragraphs hold the most text
//! that is not links (the way reading modes find it: each paragraph's
//! text counts for its parent, and half for its grandparent). Its blocks
//! (paragraphs, headings, list items, `<br>`, `<div>`s, table rows)
//! become lines; inside it, navigation, forms, asides and the elements
//! whose class or id says menu, share, breadcrumb, related or the like are
//! left out.

use std::collections::HashMap;
use std::path::Path;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::encoding::{self, TextEncoding};
use super::{Note, ReadDocError, text};

/// A web page's article.
pub(super) struct Page {
    pub text: String,
    pub encoding: TextEncoding,
    pub title: Option<String>,
}

/// Elements that never hold the article's text.
const NEVER: [&str; 22] = [
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "button",
    "select", "input", "textarea", "iframe", "object", "embed", "svg", "canvas", "menu", "dialog",
    "head", "title", "math",
];

/// Words in a class or id that mark a page's furniture.
const FURNITURE: [&str; 15] = [
    "breadcrumb",
    "crumb",
    "share",
    "nav",
    "menu",
    "footer",
    "sidebar",
    "related",
    "comment",
    "social",
    "toolbar",
    "advert",
    "banner",
    "pagination",
    "copyright",
];

/// Elements that end a line before and after them.
const BLOCKS: [&str; 30] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "header",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "address",
    "center",
    "caption",
    "tbody",
    "body",
];

/// Reads a web page's article; see the module's documentation.
pub(super) fn read(
    file: &Path,
    bytes: &[u8],
    forced: Option<TextEncoding>,
    notes: &mut Vec<Note>,
) -> Result<Page, ReadDocError> {
    let declared = forced.or_else(|| declared_encoding(bytes));
    let (source, encoding) = match declared {
        Some(declared) => {
            let bom = encoding_rs::Encoding::for_bom(bytes).map_or(0, |(_, len)| len);
            // A page saved as UTF-8 that still says gb2312 is common: the
            // bytes win where they are valid UTF-8 and the label's
            // encoding does not decode them.
            let declared = if forced.is_none()
                && encoding::decode_strict(declared, &bytes[bom..]).is_none()
                && std::str::from_utf8(&bytes[bom..]).is_ok()
            {
                TextEncoding::Utf8
            } else {
                declared
            };
            let (source, replaced) = encoding::decode(declared, bytes, bom);
            if replaced > 0 {
                notes.push(Note::Undecodable {
                    encoding: declared,
                    count: replaced,
                });
            }
            (source, declared)
        }
        None => text::decode(file, bytes, None, notes)?,
    };
    let page = Html::parse_document(&source);
    drop(source);
    let title = page_title(&page);
    let Some(body) = page
        .root_element()
        .children()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"))
    else {
        return Ok(Page {
            text: String::new(),
            encoding,
            title,
        });
    };
    let article = choose_article(body);
    let mut text = String::new();
    // A heading printed above the article, outside it, is its title.
    if let Some(h1) = heading_before(body, article) {
        text.push_str(&h1);
        text.push('\n');
    }
    write_text(article, article != body, &mut text);
    let page_chars = visible_chars(body);
    if article != body {
        notes.push(Note::ArticleFrom {
            element: describe(article),
            left_out_chars: page_chars
                .saturating_sub(text.chars().filter(|c| !c.is_whitespace()).count()),
        });
    }
    Ok(Page {
        text,
        encoding,
        title,
    })
}

/// The encoding a page names: a byte-order mark, else a `<meta charset>`
/// or `<meta http-equiv="Content-Type" content="...; charset=...">` in its
/// first 4 KiB.
fn declared_encoding(bytes: &[u8]) -> Option<TextEncoding> {
    if let Some((found, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return Some(TextEncoding::from_encoding(found));
    }
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let mut rest = head.as_slice();
    while let Some(at) = memchr::memmem::find(rest, b"<meta") {
        rest = &rest[at + 5..];
        let end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        let tag = &rest[..end];
        if let Some(at) = memchr::memmem::find(tag, b"charset") {
            let value = tag[at + 7..]
                .iter()
                .skip_while(|&&b| b == b' ' || b == b'=' || b == b'"' || b == b'\'')
                .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                .map(|&b| char::from(b))
                .collect::<String>();
            // A page that says UTF-16 in ASCII bytes is not UTF-16, as
            // browsers read it.
            if let Some(found) = TextEncoding::for_label(&value)
                && !matches!(found, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
            {
                return Some(found);
            }
        }
    }
    None
}

fn page_title(page: &Html) -> Option<String> {
    let mut title = None;
    for node in page.root_element().descendants() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        if element.name() == "title" {
            title = Some(
                node.children()
                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                    .collect::<String>(),
            );
            break;
        }
    }
    title.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty())
}

/// Whether an element is never part of an article, by its tag, by being
/// hidden, or by a class or id that names a page's furniture.
fn is_furniture(node: NodeRef<'_, Node>) -> bool {
    let Some(element) = node.value().as_element() else {
        return false;
    };
    if NEVER.contains(&element.name()) {
        return true;
    }
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    if element.attr("style").is_some_and(|s| {
        s.replace(' ', "")
            .to_ascii_lowercase()
            .contains("display:none")
    }) {
        return true;
    }
    let role = element.attr("role").unwrap_or_default();
    if matches!(
        role,
        "navigation" | "banner" | "contentinfo" | "complementary" | "search"
    ) {
        return true;
    }
    element.classes().chain(element.id()).any(|name| {
        let name = name.to_ascii_lowercase();
        FURNITURE.iter().any(|word| name.contains(word))
    })
}

/// The element holding the article; see the module's documentation.
fn choose_article<'a>(body: NodeRef<'a, Node>) -> NodeRef<'a, Node> {
    let named = |tag: &str| {
        body.descendants()
            .filter(|n| {
                n.value().as_element().is_some_and(|e| {
                    e.name() == tag || (tag == "main" && e.attr("role") == Some("main"))
                })
            })
            .max_by_key(|n| visible_chars(*n))
    };
    let total = visible_chars(body);
    for tag in ["article", "main"] {
        // An <article> that is a teaser in a list of them holds little of
        // the page; the one wanted holds a good part of it.
        if let Some(found) = named(tag)
            && visible_chars(found) * 4 >= total
        {
            return found;
        }
    }
    // Each paragraph's text counts for its parent, and half for its
    // grandparent; links count for nothing.
    let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    let mut stack: Vec<NodeRef<'a, Node>> = vec![body];
    while let Some(node) = stack.pop() {
        if is_furniture(node) {
            continue;
        }
        stack.extend(node.children());
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let paragraph_like = matches!(
            element.name(),
            "p" | "pre" | "td" | "li" | "dd" | "blockquote"
        ) || (element.name() == "div"
            && node
                .children()
                .any(|c| c.value().as_text().is_some_and(|t| !t.trim().is_empty())));
        if !paragraph_like {
            continue;
        }
        let chars = own_text_chars(node);
        if chars < 20 {
            continue;
        }
        let score = 1.0 + chars as f64 / 100.0;
        if let Some(parent) = node.parent() {
            *scores.entry(parent.id()).or_default() += score;
            if let Some(grandparent) = parent.parent() {
                *scores.entry(grandparent.id()).or_default() += score / 2.0;
            }
        }
    }
    scores
        .into_iter()
        .filter_map(|(id, score)| body.tree().get(id).map(|n| (n, score)))
        .filter(|(n, _)| n.value().is_element())
        .max_by(|(_, a), (_, b)| a.total_cmp(b))
        .map_or(body, |(n, _)| n)
}

/// Characters of text in an element that are not white space and not in
/// links or furniture.
fn own_text_chars(node: NodeRef<'_, Node>) -> usize {
    count_chars(node, true)
}

/// Characters of text a reader sees in an element, links included.
fn visible_chars(node: NodeRef<'_, Node>) -> usize {
    count_chars(node, false)
}

fn count_chars(node: NodeRef<'_, Node>, skip_links: bool) -> usize {
    let mut count = 0;
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => {
                if skipping.is_some() {
                    continue;
                }
                let link = skip_links && n.value().as_element().is_some_and(|e| e.name() == "a");
                if link || is_furniture(n) {
                    skipping = Some(n.id());
                } else if let Some(t) = n.value().as_text() {
                    count += t.chars().filter(|c| !c.is_whitespace()).count();
                }
            }
            Edge::Close(n) => {
                if skipping == Some(n.id()) {
                    skipping = None;
                }
            }
        }
    }
    count
}

/// The text of the page's `<h1>` if it comes before the article and
/// outside it.
fn heading_before(body: NodeRef<'_, Node>, article: NodeRef<'_, Node>) -> Option<String> {
    if article == body {
        return None;
    }
    for node in body.descendants() {
        if node == article {
            return None;
        }
        if node.value().as_element().is_some_and(|e| e.name() == "h1") && !is_furniture(node) {
            let mut text = String::new();
            write_text(node, false, &mut text);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            return Some(text).filter(|t| !t.is_empty());
        }
    }
    None
}

/// The element as `tag#id.class`, for the note that says where the
/// article was found.
fn describe(node: NodeRef<'_, Node>) -> String {
    let Some(element) = node.value().as_element() else {
        return String::new();
    };
    let mut out = element.name().to_owned();
    if let Some(id) = element.id() {
        out.push('#');
        out.push_str(id);
    }
    for class in element.classes() {
        out.push('.');
        out.push_str(class);
    }
    out
}

/// Writes an element's text with its blocks as lines; `skip_furniture`
/// leaves out the furniture inside it.
fn write_text(root: NodeRef<'_, Node>, skip_furniture: bool, out: &mut String) {
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut pre = 0usize;
    let line_break = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\t']).len();
        out.truncate(trimmed);
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => {
                        if pre > 0 {
                            out.push_str(t);
                        } else {
                            collapse_into(t, out);
                        }
                    }
                    Node::Element(element) => {
                        let furniture = if skip_furniture {
                            is_furniture(node)
                        } else {
                            NEVER.contains(&element.name())
                        };
                        if furniture && node != root {
                            skipping = Some(node.id());
                            continue;
                        }
                        match element.name() {
                            "br" => out.push('\n'),
                            "td" | "th" if !out.is_empty() && !out.ends_with(['\n', '\t']) => {
                                out.push('\t');
                            }
                            "pre" => {
                                pre += 1;
                                line_break(out);
                            }
                            name if BLOCKS.contains(&name) => line_break(out),
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_some() {
                    continue;
                }
                if let Some(element) = node.value().as_element() {
                    if element.name() == "pre" {
                        pre = pre.saturating_sub(1);
                    }
                    if BLOCKS.contains(&element.name()) {
                        line_break(out);
                    }
                }
            }
        }
    }
}

/// Appends text with HTML's white space rule: each run of spaces, tabs
/// and line ends is one space, and none at a line's start. No-break
/// spaces are text, and stay.
fn collapse_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
            if !out.is_empty() && !out.ends_with([' ', '\n', '\t']) {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(html: &str) -> (String, Vec<Note>) {
        let mut notes = Vec::new();
        let page = read(Path::new("page.html"), html.as_bytes(), None, &mut notes).expect("reads");
        (text::paragraphs(&page.text, &mut notes), notes)
    }

    #[test]
    fn an_article_element_is_the_article() {
        let (text, notes) = article(
            "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav>\
             <article><h1>Plan</h1><p>One   paragraph\n with a\tbreak.</p><ul><li>First</li><li>Second</li></ul>\
             <div class=share>Share: WeChat</div><p>Line one<br>line two</p></article>\
             <footer>Copyright</footer><script>var x = 1;</script></body></html>",
        );
        assert_eq!(
            text,
            "Plan\nOne paragraph with a break.\nFirst\nSecond\nLine one\nline two"
        );
        assert!(matches!(&notes[..], [Note::ArticleFrom { element, .. }] if element == "article"));
    }

    #[test]
    fn without_one_the_block_with_most_text_is_taken() {
        let paragraph =
            "<p>我们将推进医疗人工智能的发展，加强数据治理，优化数据流通，提升算力。</p>";
        let html = format!(
            "<html><head><title> 通知 </title></head><body>\
             <div class=top><ul><li><a href=/>首页</a></li><li><a href=/a>政务公开</a></li></ul></div>\
             <h1>上海市医疗人工智能方案</h1>\
             <div id=content>{}</div>\
             <div class=links><p><a href=/x>相关链接一</a></p></div></body></html>",
            paragraph.repeat(5)
        );
        let (text, notes) = article(&html);
        let lines: Vec<_> = text.lines().collect();
        assert_eq!(lines.len(), 6, "{text}");
        assert_eq!(lines[0], "上海市医疗人工智能方案");
        assert!(
            matches!(&notes[..], [Note::ArticleFrom { element, .. }] if element == "div#content")
        );
    }

    #[test]
    fn a_declared_gbk_page_is_decoded() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>一、总体要求</p></body></html>";
        let bytes = encoding_rs::GBK.encode(html).0.into_owned();
        let mut notes = Vec::new();
        let page = read(Path::new("p.htm"), &bytes, None, &mut notes).expect("reads");
        assert_eq!(page.encoding, TextEncoding::Gb18030);
        assert_eq!(text::paragraphs(&page.text, &mut notes), "一、总体要求");
    }

    #[test]
    fn table_cells_are_tab_separated() {
        let (text, _) = article(
            "<body><table><tr><td>序号</td><td>任务</td></tr><tr><td>1</td><td>建设平台</td></tr></table></body>",
        );
        assert_eq!(text, "序号\t任务\n1\t建设平台");
    }
}
