//! Finding input files and decoding them: the first stage of every command.
//!
//! Inputs are files, directories (walked recursively in sorted order, hidden entries skipped,
//! symlink loops detected) or standard input (`-`). Bytes are decoded as UTF-8 with or without
//! a BOM; invalid sequences are replaced (with a warning) and files holding NUL bytes are treated
//! as binary and skipped (with a warning).

mod decode;
// --- HTML input (issue 12) ---
mod html;
pub use html::{declared_encoding, sniff_html, Format};
// --- end HTML input ---
mod read;
mod walk;

pub use decode::{decode, Decoded};
pub use read::Reader;
pub use walk::{discover, Discovery, FileFilter, Input, DEFAULT_GLOBS};

use std::path::PathBuf;

/// A decoded input document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The name results are reported under: the path as given or found, or `-` for stdin.
    pub source: String,
    /// The text, BOM removed. Line terminators are left as they were (LF, CRLF or CR).
    pub text: String,
}

impl Document {
    /// What the text is: HTML by the name's extension or by sniffing its start
    /// ([`Format::of`]).
    pub fn format(&self) -> Format {
        Format::of(&self.source, &self.text)
    }

    /// A document of `text` reported under `source`.
    pub fn new(source: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            source: source.into(),
            text: text.into(),
        }
    }
}

/// Something worth telling the user about an input that was still processed or skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The input the warning is about.
    pub source: String,
    /// What happened.
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

/// What loading one input gave: a document (unless it was skipped) and any warnings.
#[derive(Debug)]
pub struct Loaded {
    /// The decoded document, unless the input was skipped (binary, empty).
    pub document: Option<Document>,
    /// Everything worth telling the user about this input.
    pub warnings: Vec<Warning>,
}

/// Decodes `bytes` read from `source` into a [`Loaded`].
///
/// ```
/// let loaded = abridge::corpus::from_bytes("a.txt".into(), b"\xEF\xBB\xBFcaf\xE9\r\n".to_vec());
/// let doc = loaded.document.unwrap();
/// assert_eq!(doc.text, "caf\u{FFFD}\r\n");
/// assert_eq!(loaded.warnings[0].to_string(), "a.txt: invalid UTF-8, decoded with replacement characters");
/// ```
pub fn from_bytes(source: String, bytes: Vec<u8>) -> Loaded {
    // --- HTML input (issue 12): a page in the charset it declares ---
    if let Some(loaded) = from_html_bytes(&source, &bytes) {
        return loaded;
    }
    // --- end HTML input ---
    let (text, problems) = match decode(bytes) {
        Decoded::Binary => (
            None,
            [Some("binary file (contains NUL bytes), skipped"), None],
        ),
        Decoded::Text { text, lossy } => {
            let lossy = lossy.then_some("invalid UTF-8, decoded with replacement characters");
            let empty = text.is_empty().then_some("empty file");
            (Some(text), [lossy, empty])
        }
    };
    // The source is cloned only for a warning, and moved into the document.
    let warnings = problems
        .into_iter()
        .flatten()
        .map(|message| Warning {
            source: source.clone(),
            message: message.to_string(),
        })
        .collect();
    let document = text.map(|text| Document { source, text });
    Loaded { document, warnings }
}

// --- HTML input (issue 12) ---
/// An HTML page (by its name, or sniffed) that declares a charset other than UTF-8 and is not
/// valid UTF-8, decoded in that charset. `None` for everything else.
fn from_html_bytes(source: &str, bytes: &[u8]) -> Option<Loaded> {
    let named = std::path::Path::new(source)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| {
            matches!(
                e.to_ascii_lowercase().as_str(),
                "html" | "htm" | "xhtml" | "shtml"
            )
        });
    if !(named || sniff_html(bytes)) || memchr::memchr(0, bytes).is_some() {
        return None;
    }
    if simdutf8::basic::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).is_ok() {
        return None;
    }
    let (text, encoding, lossy) = html::decode_declared(bytes)?;
    let mut warnings = Vec::new();
    if lossy {
        warnings.push(Warning {
            source: source.to_string(),
            message: format!("invalid {encoding}, decoded with replacement characters"),
        });
    }
    Some(Loaded {
        document: Some(Document {
            source: source.to_string(),
            text,
        }),
        warnings,
    })
}
// --- end HTML input ---

/// How a path is shown in results: as given, with `/` separators.
pub fn display_path(path: &std::path::Path) -> String {
    // `to_str` first: its UTF-8 check is several times faster than the lossy decoder's.
    let shown = path
        .to_str()
        .map_or_else(|| path.to_string_lossy(), std::borrow::Cow::Borrowed);
    let shown = shown.strip_prefix("./").unwrap_or(&shown);
    if shown.contains('\\') {
        shown.replace('\\', "/")
    } else {
        shown.to_string()
    }
}

/// Convenience for callers that already hold paths.
pub fn file_inputs(paths: impl IntoIterator<Item = PathBuf>) -> Vec<Input> {
    paths.into_iter().map(Input::File).collect()
}
