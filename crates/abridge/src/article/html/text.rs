//! Text of DOM subtrees: entities already decoded by the tokenizer, whitespace collapsed,
//! hidden content (scripts, styles, templates, `hidden` and `display:none` elements) left out.

use super::dom::{is_hidden_tag, Data, Dom, NodeId, NONE};
use html5ever::{local_name, LocalName};

/// Text of a subtree and how much of it is link text.
#[derive(Debug, Default, Clone)]
pub struct InlineText {
    /// Whitespace collapsed; `\n` where a `<br>` or a block boundary was.
    pub text: String,
    /// Characters of `text` inside `<a>`.
    pub link_chars: usize,
}

/// True for elements that start a new block of text.
pub fn is_block_tag(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("header")
            | local_name!("footer")
            | local_name!("nav")
            | local_name!("aside")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("ul")
            | local_name!("ol")
            | local_name!("dl")
            | local_name!("li")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("table")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("caption")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("figure")
            | local_name!("figcaption")
            | local_name!("form")
            | local_name!("fieldset")
            | local_name!("address")
            | local_name!("hr")
            | local_name!("br")
            | local_name!("center")
            | local_name!("details")
            | local_name!("summary")
            | local_name!("body")
            | local_name!("html")
    )
}

/// True when the element is not shown: a hidden tag, the `hidden` attribute, `aria-hidden`,
/// an inline `display:none`/`visibility:hidden` style.
pub fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let Data::Element { name, attrs } = &dom.node(id).data else {
        return false;
    };
    if is_hidden_tag(name) {
        return true;
    }
    attrs.iter().any(|(n, v)| match &**n {
        "hidden" => true,
        "aria-hidden" => v.trim().eq_ignore_ascii_case("true"),
        "style" => {
            let s: String = v
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        }
        "type" => name == &local_name!("input"),
        _ => false,
    })
}

/// Appends `raw` to `out` with whitespace runs collapsed to one space.
pub fn push_collapsed(out: &mut String, raw: &str) {
    for (i, part) in raw.split(|c: char| c.is_whitespace()).enumerate() {
        if i > 0 && !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
}

/// Ends the current line of `out` (for `<br>` and block boundaries).
pub fn push_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// Text of the subtree under `id`.
pub fn inline_text(dom: &Dom, id: NodeId) -> InlineText {
    collect(dom, id, false)
}

/// Text of the subtree under `id`, nested lists and tables left out.
pub fn inline_text_skipping_lists(dom: &Dom, id: NodeId) -> InlineText {
    collect(dom, id, true)
}

fn collect(dom: &Dom, root: NodeId, skip_lists: bool) -> InlineText {
    let mut out = InlineText::default();
    // (node, entering); links counted by depth.
    let mut stack: Vec<(NodeId, bool)> = vec![(root, true)];
    let mut in_link = 0usize;
    while let Some((id, entering)) = stack.pop() {
        let node = dom.node(id);
        match &node.data {
            Data::Text(t) if entering => {
                let before = out.text.len();
                push_collapsed(&mut out.text, t);
                if in_link > 0 {
                    out.link_chars += out.text.len() - before;
                }
            }
            Data::Element { name, .. } => {
                if entering {
                    if id != root
                        && (is_hidden(dom, id)
                            || (skip_lists
                                && matches!(
                                    *name,
                                    local_name!("ul")
                                        | local_name!("ol")
                                        | local_name!("dl")
                                        | local_name!("table")
                                )))
                    {
                        continue;
                    }
                    if *name == local_name!("br") || (id != root && is_block_tag(name)) {
                        push_break(&mut out.text);
                    }
                    if *name == local_name!("a") {
                        in_link += 1;
                    }
                    stack.push((id, false));
                    let mut child = node.last_child;
                    while child != NONE {
                        stack.push((child, true));
                        child = dom.node(child).prev;
                    }
                } else {
                    if *name == local_name!("a") {
                        in_link -= 1;
                    }
                    if id != root && is_block_tag(name) {
                        push_break(&mut out.text);
                    }
                }
            }
            Data::Document if entering => {
                let mut child = node.last_child;
                while child != NONE {
                    stack.push((child, true));
                    child = dom.node(child).prev;
                }
            }
            _ => {}
        }
    }
    let trimmed = out.text.trim();
    if trimmed.len() != out.text.len() {
        out.text = trimmed.to_string();
    }
    out.link_chars = out.link_chars.min(out.text.len());
    out
}
