//! The `abridge` Python module: the library's commands as functions returning the records the
//! command line prints as JSON, as plain dicts and lists.
//!
//! Every record is built by the same library call the command uses (`output::TablesRecord::of`,
//! `extract::extract`, `summary::SummaryFlags::summarizer`...) and serialised by serde_json as the
//! command serialises it; Python's `json.loads` makes the dicts and lists from those bytes. The
//! records are therefore equal to the command's by construction (lists where the JSON has
//! arrays, the same floats, the same key order), and this crate only turns Python arguments into
//! those calls. The work runs with the GIL released, and a panic in it
//! (there should be none) becomes a `RuntimeError` instead of unwinding into the interpreter.

use abridge::corpus::{self, Document, FileFilter, Input};
use abridge::eval::{self, Analyzer, Limit};
use abridge::extract::extract as record_of;
use abridge::markup::Mode;
use abridge::output::{
    document_sentences, ArticleRecord, ListsRecord, RougeRecord, SentenceRecord, SentencesRecord,
    TablesRecord,
};
use abridge::rank::similarity::Similarity;
use abridge::stories::{stories as stories_of_prepared, stories_toward, Story, StoryOptions};
use abridge::summary::{
    Budget, Compression, GraphMode, Order, Preparer, SelectionKind, Summary, SummaryFlags,
};
use abridge::text::lang::{Language, Terms};
use pyo3::exceptions::{PyOSError, PyRuntimeError, PyTypeError, PyValueError, PyWarning};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyString};
use rayon::prelude::*;
use serde::Serialize;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The name a text passed without `source` is reported under: standard input's, as
/// `abridge clean -` reports it (HTML is then recognised by sniffing its first bytes).
const STDIN: &str = "-";

/// Runs `work` without the GIL; a panic becomes a `RuntimeError` (the interpreter goes on).
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work)))
        .map_err(|panic| {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            PyRuntimeError::new_err(format!("abridge: internal error: {what}"))
        })
}

/// JSON made by [`render`] as Python objects, parsed by Python's `json.loads`.
fn to_py<'py>(py: Python<'py>, json: &[u8]) -> PyResult<Bound<'py, PyAny>> {
    static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    LOADS
        .import(py, "json", "loads")?
        .call1((PyBytes::new(py, json),))
}

/// The JSON of `value` as the command writes it (compact; the same values as pretty).
fn json_of<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising plain records into a Vec cannot fail (no maps with non-string keys, no I/O).
    serde_json::to_vec(value).expect("records serialise")
}

/// `make` of every document, in order: in parallel (rayon's pool) for several, on the calling
/// thread for one, where handing the work to a pool thread and waiting for it would cost more
/// than a short text's work.
fn map_docs<'d, R: Send>(
    docs: &'d [Document],
    make: impl Fn(&'d Document) -> R + Sync + Send,
) -> Vec<R> {
    if docs.len() <= 1 {
        docs.iter().map(make).collect()
    } else {
        docs.par_iter().map(make).collect()
    }
}

/// The records `make` builds for `docs` (in parallel), as JSON: the one record when `single`,
/// else the list.
fn render<'d, R: Serialize + Send>(
    docs: &'d [Document],
    single: bool,
    make: impl Fn(&'d Document) -> R + Sync + Send,
) -> Vec<u8> {
    json_records(&map_docs(docs, make), single)
}

/// A library error (an option out of range) as the `ValueError` carrying the command's message.
fn value_error(e: abridge::Error) -> PyErr {
    PyValueError::new_err(e.to_string())
}

/// Issues a Python warning (`UserWarning` category's parent, `Warning`) for each input warning.
fn warn_all(py: Python<'_>, warnings: &[corpus::Warning]) -> PyResult<()> {
    for w in warnings {
        let message = std::ffi::CString::new(format!("abridge: {w}"))
            .unwrap_or_else(|_| c"abridge: warning with a NUL byte".into());
        PyErr::warn(py, &py.get_type::<PyWarning>(), &message, 1)?;
    }
    Ok(())
}

/// The document of a `text` argument: a `str` as it is; `bytes` decoded by the command line's
/// input rules (BOM dropped, the charset an HTML page declares, invalid UTF-8 replaced with a
/// warning; NUL bytes refused as binary). Anything else is a `TypeError`.
fn document(py: Python<'_>, text: &Bound<'_, PyAny>, source: Option<String>) -> PyResult<Document> {
    let source = source.unwrap_or_else(|| STDIN.to_string());
    if let Ok(s) = text.cast::<PyString>() {
        // A str holding lone surrogates has no UTF-8 form: UnicodeEncodeError, from Python.
        return Ok(Document::new(source, s.to_cow()?));
    }
    if let Ok(b) = text.cast::<PyBytes>() {
        let loaded = corpus::from_bytes(source.clone(), b.as_bytes().to_vec());
        // Binary data is an error here (the command skips the file with a warning).
        let document = loaded.document.ok_or_else(|| {
            PyValueError::new_err(format!(
                "{source}: binary data (contains NUL bytes): not a text or an HTML page"
            ))
        })?;
        warn_all(py, &loaded.warnings)?;
        return Ok(document);
    }
    Err(PyTypeError::new_err(format!(
        "text must be str or bytes, not {}",
        text.get_type().name()?
    )))
}

/// The documents of a `docs` argument: a list (or other sequence) of `str`/`bytes`, reported
/// under their index ("0", "1", ...), or of `{"source": ..., "text": ...}` dicts.
fn documents(py: Python<'_>, docs: &Bound<'_, PyAny>) -> PyResult<Vec<Document>> {
    if docs.is_instance_of::<PyString>() || docs.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "docs must be a list of texts or of {\"source\", \"text\"} dicts, not one text \
             (pass [text] to summarise one document)",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in docs.try_iter()?.enumerate() {
        let item = item?;
        if let Ok(d) = item.cast::<PyDict>() {
            let text = d.get_item("text")?.ok_or_else(|| {
                PyValueError::new_err(format!("docs[{i}]: a document dict needs a \"text\""))
            })?;
            let source: Option<String> = match d.get_item("source")? {
                Some(s) if !s.is_none() => Some(s.extract()?),
                _ => None,
            };
            let source = source.unwrap_or_else(|| i.to_string());
            out.push(document(py, &text, Some(source))?);
        } else {
            out.push(document(py, &item, Some(i.to_string()))?);
        }
    }
    Ok(out)
}

/// The documents of files and directories, found and decoded as the command line does: sorted
/// recursive walks of `globs` (default `*.txt`, `*.md`, `*.markdown`, `*.html`, `*.htm`), hidden
/// files skipped, HTML sniffed and decoded in its declared charset, invalid UTF-8 replaced (a
/// warning), binary files skipped (a warning). A missing or unreadable input is an `OSError`.
fn file_documents(
    py: Python<'_>,
    paths: &Bound<'_, PyAny>,
    globs: Option<Vec<String>>,
) -> PyResult<Vec<Document>> {
    if paths.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "paths must be a list of paths, not one str (pass [path])",
        ));
    }
    let mut list: Vec<std::path::PathBuf> = Vec::new();
    for p in paths.try_iter()? {
        let p: std::path::PathBuf = p?.extract()?;
        if p.as_os_str() == "-" {
            return Err(PyValueError::new_err(
                "'-' (standard input) is not read by the *_files functions: pass the text itself",
            ));
        }
        list.push(p);
    }
    if list.is_empty() {
        // Not standard input, as the command reads when given no path: nothing.
        return Ok(Vec::new());
    }
    let globs = globs.unwrap_or_default();
    let filter = FileFilter::new(&globs).map_err(value_error)?;
    let (loaded, discovery_warnings) = run(py, || {
        let discovery = corpus::discover(&list, &filter);
        if let Some(err) = discovery.errors.first() {
            return Err(err.to_string());
        }
        let loaded: Vec<_> = discovery
            .inputs
            .par_chunks(64)
            .map_init(corpus::Reader::default, |reader, inputs: &[Input]| {
                inputs.iter().map(|i| reader.load(i)).collect::<Vec<_>>()
            })
            .collect();
        Ok((loaded, discovery.warnings))
    })?
    .map_err(PyOSError::new_err)?;
    warn_all(py, &discovery_warnings)?;
    let mut out = Vec::new();
    for loaded in loaded.into_iter().flatten() {
        let loaded = loaded.map_err(|e| PyOSError::new_err(e.to_string()))?;
        warn_all(py, &loaded.warnings)?;
        out.extend(loaded.document);
    }
    Ok(out)
}

/// A nesting warning as the command prints it.
fn warn_nesting(py: Python<'_>, source: &str, capped: bool) -> PyResult<()> {
    if capped {
        let message = std::ffi::CString::new(format!(
            "abridge: {source}: nested deeper than {} levels; the deeper levels are kept as text",
            abridge::markup::MAX_NESTING
        ))
        .unwrap_or_else(|_| c"abridge: nested too deep".into());
        PyErr::warn(py, &py.get_type::<PyWarning>(), &message, 1)?;
    }
    Ok(())
}

fn language(lang: &str) -> PyResult<Language> {
    Language::parse(lang).map_err(value_error)
}

/// `lang` as `--lang` reads it: `None` for `"auto"`.
fn lang_choice(lang: &str) -> PyResult<Option<Language>> {
    if lang.trim().eq_ignore_ascii_case("auto") {
        Ok(None)
    } else {
        language(lang).map(Some)
    }
}

/// With `--lang auto`, the language of a summary or of stories: the one most of the first batch
/// of documents is in, as the command decides it (it prepares batches of 256).
fn auto_language(docs: &[Document]) -> Language {
    abridge::text::lang::majority_language(docs.iter().take(256).map(|d| d.text.as_str()))
}

fn order(value: &str) -> PyResult<Order> {
    match value {
        "source" => Ok(Order::Source),
        "rank" => Ok(Order::Rank),
        _ => Err(choice("order", value, &["source", "rank"])),
    }
}

/// A bad choice, worded as the command line's (clap's) message.
fn choice(flag: &str, value: &str, possible: &[&str]) -> PyErr {
    PyValueError::new_err(format!(
        "invalid value '{value}' for '--{flag}': possible values: {}",
        possible.join(", ")
    ))
}

/// `--words` of `extract`: at least 1, refused with the library's budget message.
fn extract_words(words: usize) -> PyResult<usize> {
    abridge::summary::SummaryOptions::default()
        .with_budget(Budget::Words(words))
        .validate()
        .map_err(value_error)?;
    Ok(words)
}

// ---- per-document records ------------------------------------------------------------------

fn clean_records<'py>(
    py: Python<'py>,
    docs: &[Document],
    single: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let json = run(py, || {
        render(docs, single, |doc| {
            let (lang, article) = abridge::article::read_detected(doc, None);
            ArticleRecord {
                source: &doc.source,
                language: Some(lang.code()),
                article,
            }
        })
    })?;
    to_py(py, &json)
}

/// Warns about every document whose nesting was capped (`capped`: their sources).
fn warn_nested(py: Python<'_>, capped: &[String]) -> PyResult<()> {
    for source in capped {
        warn_nesting(py, source, true)?;
    }
    Ok(())
}

/// The JSON of `records` (the one record when `single`, else the list).
fn json_records<R: Serialize>(records: &[R], single: bool) -> Vec<u8> {
    match (single, records.first()) {
        (true, Some(first)) => json_of(first),
        _ => json_of(&records),
    }
}

/// The JSON of the records of [`TablesRecord::of`] / [`ListsRecord::of`] (the one record when
/// `single`) and the sources (`source` of a record) of those whose nesting was capped.
fn with_capped<R: Serialize>(
    records: &[(R, bool)],
    single: bool,
    source: impl Fn(&R) -> &str,
) -> (Vec<u8>, Vec<String>) {
    let capped = records
        .iter()
        .filter(|(_, capped)| *capped)
        .map(|(r, _)| source(r).to_string())
        .collect();
    let records: Vec<&R> = records.iter().map(|(r, _)| r).collect();
    (json_records(&records, single), capped)
}

fn tables_records<'py>(
    py: Python<'py>,
    docs: &[Document],
    single: bool,
    strict: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let mode = if strict { Mode::Strict } else { Mode::Article };
    let (json, capped) = run(py, || {
        let records: Vec<(TablesRecord<'_>, bool)> =
            map_docs(docs, |doc| TablesRecord::of(doc, mode));
        with_capped(&records, single, |r| r.source)
    })?;
    warn_nested(py, &capped)?;
    to_py(py, &json)
}

fn lists_records<'py>(
    py: Python<'py>,
    docs: &[Document],
    single: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let (json, capped) = run(py, || {
        let records: Vec<(ListsRecord<'_>, bool)> = map_docs(docs, ListsRecord::of);
        with_capped(&records, single, |r| r.source)
    })?;
    warn_nested(py, &capped)?;
    to_py(py, &json)
}

fn sentences_records<'py>(
    py: Python<'py>,
    docs: &[Document],
    single: bool,
    raw: bool,
    terms: bool,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let fixed = lang_choice(lang)?;
    let json = run(py, || {
        let found: Vec<_> = map_docs(docs, |doc| document_sentences(doc, raw, fixed));
        let records: Vec<SentencesRecord<'_>> = docs
            .iter()
            .zip(&found)
            .map(|(doc, (lang, found))| {
                let terms = terms.then(|| Terms::new(*lang));
                SentencesRecord {
                    source: &doc.source,
                    language: lang.code(),
                    sentences: found
                        .iter()
                        .map(|s| SentenceRecord::new(s, terms.as_ref()))
                        .collect(),
                }
            })
            .collect();
        json_records(&records, single)
    })?;
    to_py(py, &json)
}

fn extract_records<'py>(
    py: Python<'py>,
    docs: &[Document],
    single: bool,
    words: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let words = extract_words(words)?;
    let json = run(py, || render(docs, single, |doc| record_of(doc, words)))?;
    to_py(py, &json)
}

/// The cleaned article of one page, as `abridge clean --format json` gives it:
/// ``{"source", "title", "date", "blocks": [{"kind", "text", "lines"}]}`` (HTML pages add
/// ``"author"`` and ``"site"`` when their metadata names them).
///
/// ``text`` is a ``str``, or ``bytes`` decoded as the command line decodes a file (BOM dropped,
/// an HTML page's declared charset, invalid UTF-8 replaced with a warning). ``source`` is the name
/// the record carries (default ``"-"``, as standard input); a name ending ``.html``/``.htm`` makes
/// the text read as HTML, as does HTML-looking text under any name.
#[pyfunction]
#[pyo3(signature = (text, *, source=None))]
fn clean<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = document(py, text, source)?;
    clean_records(py, std::slice::from_ref(&doc), true)
}

/// ``clean`` of every file of ``paths`` (files and directories, walked recursively in sorted order
/// as the command line walks them; ``glob`` replaces the default patterns ``*.txt``, ``*.md``,
/// ``*.markdown``, ``*.html``, ``*.htm``): the list ``abridge clean --format json PATHS`` prints.
/// Binary files are skipped with a warning; a missing file raises ``OSError``.
#[pyfunction]
#[pyo3(signature = (paths, *, glob=None))]
fn clean_files<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    glob: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    let docs = file_documents(py, paths, glob)?;
    clean_records(py, &docs, false)
}

/// The pipe tables of one text (or the data tables of an HTML page), as
/// ``abridge tables --format json`` gives them: ``{"source", "tables": [{"caption", "header",
/// "alignments", "rows", "lines"}]}``. ``strict=True`` follows GitHub Flavored Markdown exactly
/// (``--strict``) instead of recovering the tables scrapers break. ``text`` and ``source`` as in
/// ``clean``.
#[pyfunction]
#[pyo3(signature = (text, *, source=None, strict=false))]
fn tables<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    source: Option<String>,
    strict: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = document(py, text, source)?;
    tables_records(py, std::slice::from_ref(&doc), true, strict)
}

/// ``tables`` of every file of ``paths`` (walked as ``clean_files`` walks them): the list
/// ``abridge tables --format json PATHS`` prints.
#[pyfunction]
#[pyo3(signature = (paths, *, strict=false, glob=None))]
fn tables_files<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    strict: bool,
    glob: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    let docs = file_documents(py, paths, glob)?;
    tables_records(py, &docs, false, strict)
}

/// The bullet and ordered lists of one text (or the ``<ul>``/``<ol>``/``<dl>`` of an HTML page),
/// as ``abridge lists --format json`` gives them: ``{"source", "lists": [{"ordered", "items":
/// [{"text", "term", "description", "children"}], "lines"}]}``. ``text`` and ``source`` as in
/// ``clean``.
#[pyfunction]
#[pyo3(signature = (text, *, source=None))]
fn lists<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    source: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = document(py, text, source)?;
    lists_records(py, std::slice::from_ref(&doc), true)
}

/// ``lists`` of every file of ``paths``: the list ``abridge lists --format json PATHS`` prints.
#[pyfunction]
#[pyo3(signature = (paths, *, glob=None))]
fn lists_files<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    glob: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    let docs = file_documents(py, paths, glob)?;
    lists_records(py, &docs, false)
}

/// The sentences of one text with their byte spans into its UTF-8 encoding, as
/// ``abridge sentences --format json`` gives them: ``{"source", "sentences": [{"text", "span"}]}``.
/// By default those of the cleaned article body; ``raw=True`` segments the text as it is.
/// Sentences are split by the rules of ``lang`` (an ISO 639-1 code or English name; ``ValueError``
/// for an unknown one), by default ``"auto"``: each document's detected language, given in the
/// record's ``"language"``. ``terms=True`` adds each sentence's index terms (stop words dropped,
/// Snowball stems) in that language.
#[pyfunction]
#[pyo3(signature = (text, *, source=None, raw=false, terms=false, lang="auto"))]
fn sentences<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    source: Option<String>,
    raw: bool,
    terms: bool,
    lang: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = document(py, text, source)?;
    sentences_records(py, std::slice::from_ref(&doc), true, raw, terms, lang)
}

/// ``sentences`` of every file of ``paths``: the list ``abridge sentences --format json PATHS``
/// prints.
#[pyfunction]
#[pyo3(signature = (paths, *, raw=false, terms=false, lang="auto", glob=None))]
fn sentences_files<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    raw: bool,
    terms: bool,
    lang: &str,
    glob: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    let docs = file_documents(py, paths, glob)?;
    sentences_records(py, &docs, false, raw, terms, lang)
}

/// Everything abridge knows about one document, as one line of ``abridge extract --format
/// jsonl``: ``{"source", "language", "title", "date", "sentences" (a count), "blocks", "tables",
/// "lists", "summary": {"words", "sentences": [{"text", "index", "score"}]}}``, the summary at most
/// ``words`` words (at least 1), built in the detected ``language`` (an ISO 639-1 code). ``text``
/// and ``source`` as in ``clean``.
#[pyfunction]
#[pyo3(signature = (text, *, source=None, words=60))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    source: Option<String>,
    words: usize,
) -> PyResult<Bound<'py, PyAny>> {
    let doc = document(py, text, source)?;
    extract_records(py, std::slice::from_ref(&doc), true, words)
}

/// ``extract`` of every file of ``paths``: the records ``abridge extract --format jsonl PATHS``
/// prints, one per file, in its order.
#[pyfunction]
#[pyo3(signature = (paths, *, words=60, glob=None))]
fn extract_files<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    words: usize,
    glob: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyAny>> {
    let docs = file_documents(py, paths, glob)?;
    extract_records(py, &docs, false, words)
}

// ---- summaries -----------------------------------------------------------------------------

/// The summary flags of the keyword options (the names of `abridge summarize`'s flags).
#[allow(clippy::too_many_arguments)]
fn summary_flags(
    words: Option<usize>,
    sentences: Option<usize>,
    ratio: Option<f64>,
    truncate: bool,
    order_: &str,
    algorithm: &str,
    threshold: f64,
    similarity: &str,
    lang: &str,
    selection: &str,
    query: Option<String>,
    keep_quotes: bool,
    graph: &str,
    compress: bool,
    tuning: Tuning,
) -> PyResult<SummaryFlags> {
    let given = [words.is_some(), sentences.is_some(), ratio.is_some()];
    if given.iter().filter(|g| **g).count() > 1 {
        // clap's group of the three flags refuses two of them; say it in the same words.
        return Err(PyValueError::new_err(
            "only one of words, sentences and ratio can be given (--words, --sentences, --ratio)",
        ));
    }
    Ok(SummaryFlags {
        words,
        sentences,
        ratio,
        truncate,
        order: order(order_)?,
        lexrank: match algorithm {
            "textrank" => false,
            "lexrank" => true,
            _ => return Err(choice("algorithm", algorithm, &["textrank", "lexrank"])),
        },
        threshold: Some(threshold),
        similarity: match similarity {
            "tfidf" => Similarity::TfIdfCosine,
            "overlap" => Similarity::Overlap,
            "bm25" => Similarity::Bm25,
            _ => {
                return Err(choice(
                    "similarity",
                    similarity,
                    &["tfidf", "overlap", "bm25"],
                ))
            }
        },
        // With "auto", English until the documents are read (`summarize_docs`).
        language: lang_choice(lang)?.unwrap_or(Language::English),
        selection: match selection {
            "auto" => SelectionKind::Auto,
            "mmr" => SelectionKind::Mmr,
            "coverage" => SelectionKind::Coverage,
            "concepts" => SelectionKind::Concepts,
            _ => {
                return Err(choice(
                    "selection",
                    selection,
                    &["auto", "mmr", "coverage", "concepts"],
                ))
            }
        },
        graph: match graph {
            "auto" => GraphMode::Auto,
            "exact" => GraphMode::Exact,
            "sparse" => GraphMode::Sparse,
            _ => return Err(choice("graph", graph, &["auto", "exact", "sparse"])),
        },
        keep_quotes,
        query,
        alpha: tuning.alpha,
        diversity: tuning.diversity,
        cost_exponent: tuning.cost_exponent,
        min_documents: tuning.min_documents,
        unigram_weight: tuning.unigram_weight,
        mmr_lambda: tuning.mmr_lambda,
        duplicate_threshold: tuning.duplicate_threshold,
        min_words: tuning.min_words,
        position_weight: tuning.position_weight,
        no_compress: !compress,
    })
}

/// The tuning flags (`Tuning` heading of `abridge summarize --help`).
struct Tuning {
    alpha: Option<f64>,
    diversity: Option<f64>,
    cost_exponent: Option<f64>,
    min_documents: Option<usize>,
    unigram_weight: Option<f64>,
    mmr_lambda: Option<f64>,
    duplicate_threshold: Option<f64>,
    min_words: Option<usize>,
    position_weight: Option<f64>,
}

fn summarize_docs<'py>(
    py: Python<'py>,
    docs: Vec<Document>,
    mut flags: SummaryFlags,
    auto: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if auto {
        flags.language = auto_language(&docs);
    }
    let summarizer = flags.summarizer().map_err(value_error)?;
    let json = run(py, || {
        let options = summarizer.options();
        let mut preparer = Preparer::new(options.language)
            .with_compression(options.compression)
            .with_word_order(options.selection.reads_word_order());
        preparer.add_batch(&docs);
        let summary: Summary = summarizer.summarize_prepared(&preparer.finish());
        json_of(&summary)
    })?;
    to_py(py, &json)
}

/// One extractive summary of ``docs``, as ``abridge summarize --format json`` gives it:
/// ``{"sources", "words", "sentences": [{"text", "source", "index", "score"}]}`` (with a
/// ``query``, each sentence also gives its ``"relevance"``).
///
/// ``docs`` is a list of texts (``str``, or ``bytes`` decoded as files are), reported under their
/// index (``"0"``, ``"1"``...), or of ``{"source": ..., "text": ...}`` dicts. One document gives a
/// single-document summary, several one multi-document summary over all their sentences; each
/// article is cleaned first. An empty list gives an empty summary.
///
/// Budget (one at most): ``words`` (default 100: whole sentences, never more than N words in
/// all), ``sentences``, or ``ratio`` of the input's sentences (0 < R <= 1). ``truncate=True``
/// cuts the last sentence at exactly ``words`` words, as DUC systems are scored.
/// ``order``: ``"source"`` (document date, then input order and position) or ``"rank"``.
/// ``algorithm``: ``"textrank"`` or ``"lexrank"`` (``threshold``: LexRank's cosine edge
/// threshold, 0 for the weighted graph). ``similarity``: ``"tfidf"``, ``"overlap"``, ``"bm25"``.
/// ``lang``: stop words, stemmer and sentence rules (default ``"auto"``: the language most
/// documents are in, as the command line decides it). ``selection``: ``"auto"`` (MMR, concepts for summaries of 200 words or more), ``"mmr"``, ``"coverage"``, ``"concepts"``.
/// ``query``: a question the summary should answer. ``keep_quotes``: also pick quotes and
/// questions. ``graph``: ``"auto"``, ``"exact"``, ``"sparse"``. ``compress=False``: whole
/// sentences (by default opening connectives, closing attributions, reporting frames, empty
/// parentheticals and ages are cut, and a compressed sentence keeps the whole one in
/// ``"original"``). The rest are the tuning flags of
/// ``abridge summarize --help``. Values out of range raise ``ValueError`` with the command line's
/// message (``--ratio must be in (0, 1], got 5``).
#[pyfunction]
#[pyo3(signature = (docs, *, words=None, sentences=None, ratio=None, truncate=false,
    order="source", algorithm="textrank", threshold=0.1, similarity="tfidf", lang="auto",
    selection="auto", query=None, keep_quotes=false, graph="auto", compress=true, alpha=None,
    diversity=None,
    cost_exponent=None, min_documents=None, unigram_weight=None, mmr_lambda=None,
    duplicate_threshold=None, min_words=None, position_weight=None))]
#[allow(clippy::too_many_arguments)]
fn summarize<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    words: Option<usize>,
    sentences: Option<usize>,
    ratio: Option<f64>,
    truncate: bool,
    order: &str,
    algorithm: &str,
    threshold: f64,
    similarity: &str,
    lang: &str,
    selection: &str,
    query: Option<String>,
    keep_quotes: bool,
    graph: &str,
    compress: bool,
    alpha: Option<f64>,
    diversity: Option<f64>,
    cost_exponent: Option<f64>,
    min_documents: Option<usize>,
    unigram_weight: Option<f64>,
    mmr_lambda: Option<f64>,
    duplicate_threshold: Option<f64>,
    min_words: Option<usize>,
    position_weight: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let flags = summary_flags(
        words,
        sentences,
        ratio,
        truncate,
        order,
        algorithm,
        threshold,
        similarity,
        lang,
        selection,
        query,
        keep_quotes,
        graph,
        compress,
        Tuning {
            alpha,
            diversity,
            cost_exponent,
            min_documents,
            unigram_weight,
            mmr_lambda,
            duplicate_threshold,
            min_words,
            position_weight,
        },
    )?;
    // Options are checked before the documents are read, as the command checks its flags first.
    flags.summarizer().map_err(value_error)?;
    let docs = documents(py, docs)?;
    summarize_docs(py, docs, flags, lang_choice(lang)?.is_none())
}

/// ``summarize`` of the files of ``paths`` (walked as ``clean_files`` walks them), each reported
/// under its path: what ``abridge summarize --format json PATHS`` prints. Takes every keyword
/// option of ``summarize``.
#[pyfunction]
#[pyo3(signature = (paths, *, glob=None, words=None, sentences=None, ratio=None, truncate=false,
    order="source", algorithm="textrank", threshold=0.1, similarity="tfidf", lang="auto",
    selection="auto", query=None, keep_quotes=false, graph="auto", compress=true, alpha=None,
    diversity=None,
    cost_exponent=None, min_documents=None, unigram_weight=None, mmr_lambda=None,
    duplicate_threshold=None, min_words=None, position_weight=None))]
#[allow(clippy::too_many_arguments)]
fn summarize_files<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    glob: Option<Vec<String>>,
    words: Option<usize>,
    sentences: Option<usize>,
    ratio: Option<f64>,
    truncate: bool,
    order: &str,
    algorithm: &str,
    threshold: f64,
    similarity: &str,
    lang: &str,
    selection: &str,
    query: Option<String>,
    keep_quotes: bool,
    graph: &str,
    compress: bool,
    alpha: Option<f64>,
    diversity: Option<f64>,
    cost_exponent: Option<f64>,
    min_documents: Option<usize>,
    unigram_weight: Option<f64>,
    mmr_lambda: Option<f64>,
    duplicate_threshold: Option<f64>,
    min_words: Option<usize>,
    position_weight: Option<f64>,
) -> PyResult<Bound<'py, PyAny>> {
    let flags = summary_flags(
        words,
        sentences,
        ratio,
        truncate,
        order,
        algorithm,
        threshold,
        similarity,
        lang,
        selection,
        query,
        keep_quotes,
        graph,
        compress,
        Tuning {
            alpha,
            diversity,
            cost_exponent,
            min_documents,
            unigram_weight,
            mmr_lambda,
            duplicate_threshold,
            min_words,
            position_weight,
        },
    )?;
    flags.summarizer().map_err(value_error)?;
    let docs = file_documents(py, paths, glob)?;
    summarize_docs(py, docs, flags, lang_choice(lang)?.is_none())
}

/// The story options of the keyword options, checked by the library.
#[allow(clippy::too_many_arguments)]
fn story_options(
    words: Option<usize>,
    sentences: Option<usize>,
    ratio: Option<f64>,
    truncate: bool,
    order_: &str,
    lang: &str,
    threshold: Option<f64>,
    compress: bool,
    query: Option<&str>,
) -> PyResult<StoryOptions> {
    if [words.is_some(), sentences.is_some(), ratio.is_some()]
        .iter()
        .filter(|g| **g)
        .count()
        > 1
    {
        return Err(PyValueError::new_err(
            "only one of words, sentences and ratio can be given (--words, --sentences, --ratio)",
        ));
    }
    let mut options = StoryOptions::from_flags(
        Budget::from_flags(words, sentences, ratio),
        truncate,
        order(order_)?,
        lang_choice(lang)?.unwrap_or(Language::English),
        threshold,
    )
    .map_err(value_error)?;
    if !compress {
        options.summary = options.summary.with_compression(Compression::none());
    }
    // A question with no content word is refused before the documents are read.
    if let Some(query) = query {
        abridge::summary::Summarizer::new(options.summary)
            .and_then(|s| s.with_query(query))
            .map_err(value_error)?;
    }
    Ok(options)
}

fn stories_of<'py>(
    py: Python<'py>,
    docs: Vec<Document>,
    mut options: StoryOptions,
    min_documents: usize,
    query: Option<String>,
    auto: bool,
) -> PyResult<Bound<'py, PyAny>> {
    if auto {
        options.summary = options.summary.with_language(auto_language(&docs));
    }
    let json = run(py, || {
        let mut preparer =
            Preparer::new(options.summary.language).with_compression(options.summary.compression);
        preparer.add_batch(&docs);
        let prepared = preparer.finish_canonical();
        let all: Vec<Story> = match &query {
            Some(q) => stories_toward(&prepared, &options, q)?,
            None => stories_of_prepared(&prepared, &options)?,
        };
        let shown: Vec<&Story> = all
            .iter()
            .filter(|s| s.documents.len() >= min_documents)
            .collect();
        Ok(json_of(&shown))
    })?
    .map_err(value_error)?;
    to_py(py, &json)
}

/// Groups ``docs`` (as in ``summarize``) into stories and summarises each: the list of story
/// records ``abridge stories --format jsonl`` prints, one per line (``--format json`` wraps the
/// same list as ``{"stories": [...]}``): ``{"id", "title", "dates", "documents": [{"source",
/// "title", "date", "similarity"}], "summary": {"words", "sentences"}}``, largest story first.
/// The budget options are ``summarize``'s, per story; ``min_documents`` hides smaller stories;
/// ``threshold`` is the mean cosine at which articles join one story (0 < T <= 1; default the
/// one tuned on DUC 2004). ``compress=False``: whole summary sentences (see ``summarize``).
/// ``query``: a question; the stories most relevant to it come first, each summarised toward
/// it, each with its ``"relevance"``.
#[pyfunction]
#[pyo3(signature = (docs, *, words=None, sentences=None, ratio=None, truncate=false,
    order="source", lang="auto", min_documents=1, threshold=None, compress=true, query=None))]
#[allow(clippy::too_many_arguments)]
fn stories<'py>(
    py: Python<'py>,
    docs: &Bound<'py, PyAny>,
    words: Option<usize>,
    sentences: Option<usize>,
    ratio: Option<f64>,
    truncate: bool,
    order: &str,
    lang: &str,
    min_documents: usize,
    threshold: Option<f64>,
    compress: bool,
    query: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = story_options(
        words,
        sentences,
        ratio,
        truncate,
        order,
        lang,
        threshold,
        compress,
        query.as_deref(),
    )?;
    let docs = documents(py, docs)?;
    stories_of(
        py,
        docs,
        options,
        min_documents,
        query,
        lang_choice(lang)?.is_none(),
    )
}

/// ``stories`` of the files of ``paths``, each reported under its path: the records
/// ``abridge stories --format jsonl PATHS`` prints.
#[pyfunction]
#[pyo3(signature = (paths, *, glob=None, words=None, sentences=None, ratio=None, truncate=false,
    order="source", lang="auto", min_documents=1, threshold=None, compress=true, query=None))]
#[allow(clippy::too_many_arguments)]
fn stories_files<'py>(
    py: Python<'py>,
    paths: &Bound<'py, PyAny>,
    glob: Option<Vec<String>>,
    words: Option<usize>,
    sentences: Option<usize>,
    ratio: Option<f64>,
    truncate: bool,
    order: &str,
    lang: &str,
    min_documents: usize,
    threshold: Option<f64>,
    compress: bool,
    query: Option<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let options = story_options(
        words,
        sentences,
        ratio,
        truncate,
        order,
        lang,
        threshold,
        compress,
        query.as_deref(),
    )?;
    let docs = file_documents(py, paths, glob)?;
    stories_of(
        py,
        docs,
        options,
        min_documents,
        query,
        lang_choice(lang)?.is_none(),
    )
}

/// ROUGE-1, ROUGE-2 and ROUGE-L of one summary against its references, computed as ROUGE-1.5.5
/// does with ``-n 2 -m -f A`` (Porter stemming, counts pooled over the references), as one topic
/// of ``abridge eval --format json``: ``{"rouge1": {"recall", "precision", "f1", "hits",
/// "reference_count", "summary_count"}, "rouge2": {...}, "rougeL": {...}}``, scores in percent
/// rounded to 4 decimals. Texts hold one sentence a line. Both are cut to ``words`` words
/// (default 100) or ``bytes`` characters first. No WordNet exception list is applied.
#[pyfunction]
#[pyo3(signature = (summary, references, *, words=None, bytes=None))]
fn rouge<'py>(
    py: Python<'py>,
    summary: &Bound<'py, PyAny>,
    references: &Bound<'py, PyAny>,
    words: Option<usize>,
    bytes: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let limit = Limit::from_flags(words, bytes).map_err(value_error)?;
    let summary: String = summary
        .extract()
        .map_err(|_| PyTypeError::new_err("summary must be a str"))?;
    if references.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "references must be a list of str, not one str (pass [reference])",
        ));
    }
    let references: Vec<String> = references
        .extract()
        .map_err(|_| PyTypeError::new_err("references must be a list of str"))?;
    if references.is_empty() {
        return Err(PyValueError::new_err("references must not be empty"));
    }
    let json = run(py, || {
        let scores =
            eval::score_topic(Some(&summary), &references, limit, &mut Analyzer::default());
        json_of(&RougeRecord::from(&scores))
    })?;
    to_py(py, &json)
}

/// Summarise news articles, clean scraped pages, recover their pipe tables and lists.
///
/// The functions return plain dicts and lists shaped exactly like the JSON records of the
/// ``abridge`` command: ``clean``, ``tables``, ``lists``, ``sentences`` and ``extract`` take one
/// text; their ``*_files`` variants take paths and read them as the command does; ``summarize``
/// and ``stories`` take a list of documents; ``rouge`` scores a summary. The work runs with the
/// GIL released. See ``help(abridge.summarize)``.
#[pymodule(name = "abridge")]
fn abridge_python(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(clean, m)?)?;
    m.add_function(wrap_pyfunction!(clean_files, m)?)?;
    m.add_function(wrap_pyfunction!(tables, m)?)?;
    m.add_function(wrap_pyfunction!(tables_files, m)?)?;
    m.add_function(wrap_pyfunction!(lists, m)?)?;
    m.add_function(wrap_pyfunction!(lists_files, m)?)?;
    m.add_function(wrap_pyfunction!(sentences, m)?)?;
    m.add_function(wrap_pyfunction!(sentences_files, m)?)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_files, m)?)?;
    m.add_function(wrap_pyfunction!(summarize, m)?)?;
    m.add_function(wrap_pyfunction!(summarize_files, m)?)?;
    m.add_function(wrap_pyfunction!(stories, m)?)?;
    m.add_function(wrap_pyfunction!(stories_files, m)?)?;
    m.add_function(wrap_pyfunction!(rouge, m)?)?;
    Ok(())
}
