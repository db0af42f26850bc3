//! The parsed page: html5ever's tree builder fills a flat arena of nodes (indices, no reference
//! counting, no recursion anywhere, so 100,000 nested elements neither overflow the stack when
//! built, walked or dropped), each element with the source lines it starts and ends on.

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, parse_document, Attribute, LocalName, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;
/// No node.
pub const NONE: NodeId = u32::MAX;

/// What a node is.
#[derive(Debug)]
pub enum Data {
    /// The document (and a template's contents).
    Document,
    /// An element: its local name and attributes.
    Element {
        name: LocalName,
        attrs: Vec<(LocalName, StrTendril)>,
    },
    /// Character data.
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: never text.
    Other,
}

/// One node of the tree.
#[derive(Debug)]
pub struct Node {
    pub data: Data,
    pub parent: NodeId,
    pub first_child: NodeId,
    pub last_child: NodeId,
    pub prev: NodeId,
    pub next: NodeId,
    /// First and last 1-based source line of the node.
    pub lines: [u32; 2],
}

/// The parsed page.
#[derive(Debug)]
pub struct Dom {
    pub nodes: Vec<Node>,
}

impl Dom {
    /// The node `id`.
    #[inline]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The element name of `id`, when it is an element.
    #[inline]
    pub fn name(&self, id: NodeId) -> Option<&LocalName> {
        match &self.node(id).data {
            Data::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The value of attribute `attr` of element `id`.
    pub fn attr(&self, id: NodeId, attr: &str) -> Option<&str> {
        match &self.node(id).data {
            Data::Element { attrs, .. } => attrs
                .iter()
                .find(|(n, _)| &**n == attr)
                .map(|(_, v)| v.as_ref()),
            _ => None,
        }
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(id).first_child,
        }
    }

    /// Every node under `id` (not `id` itself) in document order, iteratively.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: self.node(id).first_child,
        }
    }
}

/// Iterator over a node's children.
pub struct Children<'d> {
    dom: &'d Dom,
    next: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.node(id).next;
        Some(id)
    }
}

/// Iterator over a node's descendants in document order.
pub struct Descendants<'d> {
    dom: &'d Dom,
    root: NodeId,
    next: NodeId,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        let node = self.dom.node(id);
        self.next = if node.first_child != NONE {
            node.first_child
        } else {
            let mut at = id;
            loop {
                if at == self.root {
                    break NONE;
                }
                let n = self.dom.node(at);
                if n.next != NONE {
                    break n.next;
                }
                at = n.parent;
                if at == NONE || at == self.root {
                    break NONE;
                }
            }
        };
        Some(id)
    }
}

/// Deepest element nesting given to the tree builder. Its scope checks walk the stack of open
/// elements, so 100,000 nested `<div>`s would take it minutes; browsers flatten far earlier.
const MAX_DEPTH: usize = 2_000;

/// Elements never counted as open: void elements, and those whose end tag is implied.
fn uncounted(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"option"
            | b"html"
            | b"head"
            | b"body"
    )
}

/// `html` with the start and end tags nested deeper than [`MAX_DEPTH`] removed (their text
/// stays, in the deepest element kept); borrowed when nothing is that deep, as on real pages.
fn limit_depth(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    // Byte ranges of the tags to remove.
    let mut cut: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &b[i..]) {
        let start = i + at;
        let rest = &b[start + 1..];
        if rest.starts_with(b"!--") {
            i = memchr::memmem::find(rest, b"-->").map_or(b.len(), |e| start + 1 + e + 3);
            continue;
        }
        let close = rest.first() == Some(&b'/');
        let name_from = start + 1 + usize::from(close);
        let name_len = b[name_from..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if name_len == 0 {
            i = start + 1;
            continue;
        }
        let name = b[name_from..name_from + name_len].to_ascii_lowercase();
        let end = memchr::memchr(b'>', &b[name_from..]).map_or(b.len(), |e| name_from + e + 1);
        if !close
            && matches!(
                name.as_slice(),
                b"script" | b"style" | b"textarea" | b"title"
            )
        {
            let mut closing = b"</".to_vec();
            closing.extend_from_slice(&name);
            let lower_rest = &b[end.min(b.len())..];
            i = find_ascii_ci(lower_rest, &closing).map_or(b.len(), |e| end + e);
            continue;
        }
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if !uncounted(&name) && !self_closing {
            if close {
                if dropped > 0 {
                    dropped -= 1;
                    cut.push((start, end));
                } else {
                    depth = depth.saturating_sub(1);
                }
            } else if depth >= MAX_DEPTH {
                dropped += 1;
                cut.push((start, end));
            } else {
                depth += 1;
            }
        }
        i = end;
    }
    if cut.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for (s, e) in cut {
        out.push_str(&html[at..s]);
        at = e;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// Where `needle` (lower-case ASCII) first occurs in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut i = 0;
    while let Some(at) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[i..]) {
        let s = i + at;
        if hay.len() - s >= needle.len() && hay[s..s + needle.len()].eq_ignore_ascii_case(needle) {
            return Some(s);
        }
        i = s + 1;
    }
    None
}

/// Parses `html` (any bytes of it; the tokenizer never fails).
pub fn parse(html: &str) -> Dom {
    let html = limit_depth(html);
    let html = html.as_ref();
    // About one node for every 40 bytes of a page.
    let mut nodes = Vec::with_capacity(html.len() / 40 + 16);
    nodes.push(Node {
        data: Data::Document,
        parent: NONE,
        first_child: NONE,
        last_child: NONE,
        prev: NONE,
        next: NONE,
        lines: [1, 1],
    });
    let sink = Sink {
        nodes: RefCell::new(nodes),
        line: Cell::new(1),
        names: RefCell::new(Vec::new()),
    };
    let opts = ParseOpts::default();
    parse_document(sink, opts).one(StrTendril::from_slice(html))
}

/// A handle: the node's index, and its name for the tree builder's many name checks.
#[derive(Clone)]
pub struct Handle {
    id: NodeId,
    name: Option<Rc<QualName>>,
}

struct Sink {
    nodes: RefCell<Vec<Node>>,
    line: Cell<u64>,
    /// Template contents: (template element, its document fragment).
    names: RefCell<Vec<(NodeId, NodeId)>>,
}

impl Sink {
    fn line(&self) -> u32 {
        self.line.get().min(u32::MAX as u64) as u32
    }

    fn push(&self, data: Data) -> NodeId {
        let line = self.line();
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node {
            data,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev: NONE,
            next: NONE,
            lines: [line, line],
        });
        (nodes.len() - 1) as NodeId
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id as usize];
            (n.parent, n.prev, n.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next = next;
        } else {
            nodes[parent as usize].first_child = next;
        }
        if next != NONE {
            nodes[next as usize].prev = prev;
        } else {
            nodes[parent as usize].last_child = prev;
        }
        let n = &mut nodes[id as usize];
        n.parent = NONE;
        n.prev = NONE;
        n.next = NONE;
    }

    fn append_to(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent as usize].last_child;
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = last;
        }
        if last != NONE {
            nodes[last as usize].next = child;
        } else {
            nodes[parent as usize].first_child = child;
        }
        nodes[parent as usize].last_child = child;
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let (parent, prev) = {
            let s = &nodes[sibling as usize];
            (s.parent, s.prev)
        };
        {
            let c = &mut nodes[child as usize];
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
        }
        nodes[sibling as usize].prev = child;
        if prev != NONE {
            nodes[prev as usize].next = child;
        } else if parent != NONE {
            nodes[parent as usize].first_child = child;
        }
    }

    /// Appends text to the text node `previous` when there is one, else makes a node of it.
    fn text_node(&self, previous: NodeId, text: StrTendril) -> Option<NodeId> {
        let line = self.line();
        {
            let mut nodes = self.nodes.borrow_mut();
            if previous != NONE {
                let node = &mut nodes[previous as usize];
                if let Data::Text(t) = &mut node.data {
                    t.push_tendril(&text);
                    node.lines[1] = line;
                    return None;
                }
            }
        }
        // The tree builder reports the line a run of text ends on.
        let newlines = memchr::memchr_iter(b'\n', text.as_bytes()).count() as u32;
        let id = self.push(Data::Text(text));
        self.nodes.borrow_mut()[id as usize].lines[0] = line.saturating_sub(newlines).max(1);
        Some(id)
    }
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a>
        = &'a QualName
    where
        Self: 'a;

    fn finish(self) -> Dom {
        let mut nodes = self.nodes.into_inner();
        // An element ends on the last line of its content (nodes are created before their
        // children, so a pass from the last node up carries the lines to every ancestor).
        for id in (1..nodes.len()).rev() {
            let (parent, end) = (nodes[id].parent, nodes[id].lines[1]);
            if parent != NONE && nodes[parent as usize].lines[1] < end {
                nodes[parent as usize].lines[1] = end;
            }
        }
        let last = nodes.iter().map(|n| n.lines[1]).max().unwrap_or(1);
        nodes[0].lines = [1, last];
        Dom { nodes }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle { id: 0, name: None }
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        target
            .name
            .as_deref()
            .expect("the tree builder asks names of elements only")
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let attrs = attrs.into_iter().map(|a| (a.name.local, a.value)).collect();
        let id = self.push(Data::Element {
            name: name.local.clone(),
            attrs,
        });
        if flags.template {
            let contents = self.push(Data::Document);
            self.names.borrow_mut().push((id, contents));
        }
        Handle {
            id,
            name: Some(Rc::new(name)),
        }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Handle {
            id: self.push(Data::Other),
            name: None,
        }
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Handle {
            id: self.push(Data::Other),
            name: None,
        }
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let id = match child {
            NodeOrText::AppendNode(h) => h.id,
            NodeOrText::AppendText(text) => {
                let last = self.nodes.borrow()[parent.id as usize].last_child;
                match self.text_node(last, text) {
                    Some(id) => id,
                    None => return,
                }
            }
        };
        Self::append_to(&mut self.nodes.borrow_mut(), parent.id, id);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if self.nodes.borrow()[element.id as usize].parent != NONE {
            self.append_before_sibling(element, child)
        } else {
            self.append(prev_element, child)
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let id = self.push(Data::Other);
        Self::append_to(&mut self.nodes.borrow_mut(), 0, id);
    }

    fn pop(&self, node: &Handle) {
        let line = self.line();
        let mut nodes = self.nodes.borrow_mut();
        let n = &mut nodes[node.id as usize];
        n.lines[1] = n.lines[1].max(line);
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        let id = self
            .names
            .borrow()
            .iter()
            .rev()
            .find(|(t, _)| *t == target.id)
            .map_or(target.id, |&(_, c)| c);
        Handle { id, name: None }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        let id = match child {
            NodeOrText::AppendNode(h) => h.id,
            NodeOrText::AppendText(text) => {
                let prev = self.nodes.borrow()[sibling.id as usize].prev;
                match self.text_node(prev, text) {
                    Some(id) => id,
                    None => return,
                }
            }
        };
        Self::insert_before(&mut self.nodes.borrow_mut(), sibling.id, id);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Data::Element { attrs: have, .. } = &mut nodes[target.id as usize].data {
            for a in attrs {
                if !have.iter().any(|(n, _)| *n == a.name.local) {
                    have.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        Self::detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[node.id as usize].first_child;
        while child != NONE {
            let next = nodes[child as usize].next;
            Self::append_to(&mut nodes, new_parent.id, child);
            child = next;
        }
    }

    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}

/// True for elements whose content never reaches the text.
pub fn is_hidden_tag(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("head")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("canvas")
            | local_name!("select")
            | local_name!("button")
            | local_name!("input")
            | local_name!("textarea")
    )
}
