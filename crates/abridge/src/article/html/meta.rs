//! Page metadata: title, publication date, author and site name from `<meta>`, JSON-LD,
//! `<time>`, `<h1>` and `<title>`.

use super::dom::{Data, Dom};
use super::text::{inline_text, is_hidden};
use crate::article::Date;
use html5ever::local_name;

/// What the page says about itself.
#[derive(Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub date: Option<Date>,
    pub author: Option<String>,
    pub site: Option<String>,
}

/// `YYYY-MM-DD` at the start of `s` (ISO 8601 date-times included).
fn iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    s.get(..10)?.parse().ok()
}

/// The value of the JSON string after `"key"` in `json` (JSON-LD is read this far, no further).
fn json_string(json: &str, key: &str) -> Option<String> {
    let pattern = format!("\"{key}\"");
    let at = json.find(&pattern)? + pattern.len();
    let rest = json[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(rest[..end].to_string())
}

/// The author's name in JSON-LD: `"author": {"name": ...}`, `"author": [{"name": ...}]` or
/// `"author": "..."`.
fn json_author(json: &str) -> Option<String> {
    let at = json.find("\"author\"")? + "\"author\"".len();
    let rest = json[at..].trim_start().strip_prefix(':')?.trim_start();
    if let Some(s) = rest.strip_prefix('"') {
        return s.find('"').map(|e| s[..e].to_string());
    }
    // The name is looked for near the key only; the window ends on a character boundary (a
    // fuzzed page had a multi-byte character across byte 400).
    let mut end = rest.len().min(400);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    json_string(&rest[..end], "name")
}

fn clean(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// Reads the metadata of the page.
pub fn read(dom: &Dom) -> Meta {
    let mut meta = Meta::default();
    let mut og_title = None;
    let mut doc_title = None;
    let mut h1 = None;
    let mut time = None;
    let mut json_date = None;
    let mut json_author_name = None;
    let mut meta_date = None;
    for id in dom.descendants(0) {
        let Data::Element { name, .. } = &dom.node(id).data else {
            continue;
        };
        match *name {
            local_name!("meta") => {
                let key = dom
                    .attr(id, "property")
                    .or_else(|| dom.attr(id, "name"))
                    .or_else(|| dom.attr(id, "itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(content) = dom.attr(id, "content") else {
                    continue;
                };
                match key.as_str() {
                    "og:title" | "twitter:title" if og_title.is_none() => og_title = clean(content),
                    "article:published_time"
                    | "og:published_time"
                    | "datepublished"
                    | "pubdate"
                    | "publishdate"
                    | "publish-date"
                    | "date"
                    | "dc.date"
                    | "dc.date.issued"
                    | "dcterms.created"
                    | "sailthru.date"
                    | "parsely-pub-date"
                    | "article.published"
                    | "published_time"
                        if meta_date.is_none() =>
                    {
                        meta_date = iso_date(content);
                    }
                    "author" | "article:author" | "dc.creator" | "byl" | "sailthru.author"
                        if meta.author.is_none() && !content.contains("://") =>
                    {
                        meta.author =
                            clean(content.trim_start_matches("By ").trim_start_matches("by "));
                    }
                    "og:site_name" | "application-name" if meta.site.is_none() => {
                        meta.site = clean(content)
                    }
                    _ => {}
                }
            }
            local_name!("title") if doc_title.is_none() => {
                doc_title = clean(&inline_text(dom, id).text);
            }
            local_name!("h1") if h1.is_none() && !is_hidden(dom, id) => {
                h1 = clean(&inline_text(dom, id).text);
            }
            local_name!("time") if time.is_none() => {
                time = dom.attr(id, "datetime").and_then(iso_date);
            }
            local_name!("script")
                if dom.attr(id, "type").is_some_and(|t| t.contains("ld+json")) =>
            {
                let text: String = dom
                    .children(id)
                    .filter_map(|c| match &dom.node(c).data {
                        Data::Text(t) => Some(t.as_ref()),
                        _ => None,
                    })
                    .collect();
                if json_date.is_none() {
                    json_date = json_string(&text, "datePublished").and_then(|d| iso_date(&d));
                }
                if json_author_name.is_none() {
                    json_author_name = json_author(&text).and_then(|a| clean(&a));
                }
            }
            _ => {}
        }
        if !matches!(
            *name,
            local_name!("meta")
                | local_name!("title")
                | local_name!("h1")
                | local_name!("time")
                | local_name!("script")
        ) {
            // Attributes that carry the date on any element.
            if meta_date.is_none() && dom.attr(id, "itemprop") == Some("datePublished") {
                meta_date = dom
                    .attr(id, "datetime")
                    .or_else(|| dom.attr(id, "content"))
                    .and_then(iso_date);
            }
        }
    }
    meta.date = meta_date.or(json_date).or(time);
    if meta.author.is_none() {
        meta.author = json_author_name;
    }
    let site = meta.site.clone();
    let strip = |t: String| strip_site(&t, site.as_deref());
    meta.title = og_title.map(strip).or(h1).or(doc_title.map(strip));
    meta
}

/// `Headline | Site`, `Site - Headline` and the like: the headline, the longest part.
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
        if title.contains(sep) {
            let parts: Vec<&str> = title.split(sep).map(str::trim).collect();
            let named = site.and_then(|s| {
                parts
                    .iter()
                    .position(|p| p.eq_ignore_ascii_case(s))
                    .map(|i| (i, parts.len()))
            });
            return match named {
                Some((i, _)) => parts
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, p)| *p)
                    .collect::<Vec<_>>()
                    .join(sep),
                None => parts
                    .iter()
                    .max_by_key(|p| p.len())
                    .map_or_else(String::new, |p| p.to_string()),
            };
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_window_ends_on_a_character_boundary() {
        let json = format!("\"author\": {{{}é\"name\": \"X\"}}", "a".repeat(398));
        // Byte 400 of the value falls inside `é`: no panic, and no name in the window.
        assert_eq!(json_author(&json), None);
        let near = "\"author\": {\"name\": \"Ana Pérez\"}";
        assert_eq!(json_author(near).as_deref(), Some("Ana Pérez"));
    }
}
