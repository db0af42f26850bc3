//! `abridge eval`: ROUGE-1, ROUGE-2 and ROUGE-L of a directory of summaries against a directory
//! of references, as ROUGE-1.5.5 scores them with `-n 2 -m -f A` and `-l N` / `-b N`.

use super::args::{EvalArgs, EvalFormat, UsageError};
use super::sink::Sink;
use super::RunStatus;
use abridge::eval::{self, Analyzer, Exceptions, Limit, Prf, TopicScores};
use abridge::output::{rounded_percent, RougeRecord};
use anyhow::{bail, Context, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the WordNet exception list is looked for when `--exceptions` is not given.
const EXCEPTIONS_ENV: &str = "ABRIDGE_ROUGE_EXCEPTIONS";

pub fn eval(args: &EvalArgs) -> Result<RunStatus> {
    let limit = limit(args)?;
    let references = reference_files(&args.references)?;
    let summaries = summary_files(&args.summaries)?;
    let exceptions = exceptions(args.exceptions.as_deref())?;
    let has_exceptions = exceptions.is_some();

    let mut analyzer = Analyzer::new(exceptions.unwrap_or_default());
    let mut rows = Vec::with_capacity(references.len());
    let mut missing = Vec::new();
    for (topic, paths) in &references {
        let texts = paths
            .iter()
            .map(|p| read_text(p))
            .collect::<Result<Vec<_>>>()?;
        let summary = match summaries.get(topic) {
            Some(p) => Some(read_text(p)?),
            None => {
                missing.push(topic.as_str());
                None
            }
        };
        let scores = eval::score_topic(summary.as_deref(), &texts, limit, &mut analyzer);
        rows.push(Row {
            topic,
            summary: summary.is_some(),
            references: paths.len(),
            scores,
        });
    }
    if !missing.is_empty() {
        eprintln!(
            "abridge: warning: {} of {} topics have no summary in {} and score 0: {}",
            missing.len(),
            references.len(),
            args.summaries.display(),
            abbreviate(&missing)
        );
    }
    let unmatched: Vec<&str> = summaries
        .keys()
        .filter(|t| !references.contains_key(*t))
        .map(String::as_str)
        .collect();
    if !unmatched.is_empty() {
        eprintln!(
            "abridge: warning: {} summaries match no reference topic and are ignored: {}",
            unmatched.len(),
            abbreviate(&unmatched)
        );
    }

    let mut out = Sink::open(None)?;
    match args.format {
        EvalFormat::Text => write_text(&mut out, &rows, limit, args.per_topic)?,
        EvalFormat::Json => write_json(&mut out, &rows, limit, has_exceptions)?,
    }
    out.commit()?;
    Ok(RunStatus::default())
}

fn limit(args: &EvalArgs) -> Result<Limit> {
    Limit::from_flags(args.words, args.bytes).map_err(|e| UsageError(e.to_string()).into())
}

/// The exception list from `--exceptions`, else from `$ABRIDGE_ROUGE_EXCEPTIONS`, else none
/// (with a note: ROUGE-1.5.5 always applies it).
fn exceptions(flag: Option<&Path>) -> Result<Option<Exceptions>> {
    let path = match flag {
        Some(p) => p.to_path_buf(),
        None => match std::env::var_os(EXCEPTIONS_ENV) {
            Some(p) if !p.is_empty() => PathBuf::from(p),
            _ => {
                eprintln!(
                    "abridge: note: no WordNet exception list (--exceptions FILE or \
                     {EXCEPTIONS_ENV}); stemming with Porter alone, so scores may differ \
                     slightly from ROUGE-1.5.5 (on DUC 2004, ROUGE-1 ~0.3 points lower)"
                );
                return Ok(None);
            }
        },
    };
    let bytes = fs::read(&path)
        .with_context(|| format!("cannot read the exception list {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let exceptions = Exceptions::parse(&text)
        .with_context(|| format!("bad exception list {}", path.display()))?;
    Ok(Some(exceptions))
}

/// The regular files of a directory by name, skipping hidden files; subdirectories and names
/// that are not UTF-8 are skipped with a warning.
fn list_files(dir: &Path, what: &str) -> Result<Vec<(String, PathBuf)>> {
    let entries = fs::read_dir(dir)
        .with_context(|| format!("cannot read the {what} directory {}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry =
            entry.with_context(|| format!("cannot read the {what} directory {}", dir.display()))?;
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            eprintln!(
                "abridge: warning: skipping {} (file name is not UTF-8)",
                path.display()
            );
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let meta =
            fs::metadata(&path).with_context(|| format!("cannot read {}", path.display()))?;
        if !meta.is_file() {
            eprintln!(
                "abridge: warning: skipping {} (not a regular file)",
                path.display()
            );
            continue;
        }
        files.push((name, path));
    }
    files.sort();
    Ok(files)
}

/// References grouped by topic (the file name up to its first dot), in name order.
fn reference_files(dir: &Path) -> Result<BTreeMap<String, Vec<PathBuf>>> {
    let mut topics: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for (name, path) in list_files(dir, "reference")? {
        topics
            .entry(eval::reference_topic(&name).to_string())
            .or_default()
            .push(path);
    }
    if topics.is_empty() {
        bail!("no reference summaries in {}", dir.display());
    }
    Ok(topics)
}

/// One summary per topic: `TOPIC.txt`, or the file name up to its first dot.
fn summary_files(dir: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let mut topics: BTreeMap<String, PathBuf> = BTreeMap::new();
    for (name, path) in list_files(dir, "summary")? {
        let topic = eval::summary_topic(&name).to_string();
        if let Some(first) = topics.get(&topic) {
            eprintln!(
                "abridge: warning: {} and {} are both summaries of topic {topic}; using the first",
                first.display(),
                path.display()
            );
            continue;
        }
        topics.insert(topic, path);
    }
    Ok(topics)
}

/// A file's text; bytes that are not UTF-8 become U+FFFD (as Python's errors="replace").
fn read_text(path: &Path) -> Result<String> {
    let bytes = fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}

fn abbreviate(topics: &[&str]) -> String {
    const SHOWN: usize = 5;
    let mut s = topics[..topics.len().min(SHOWN)].join(" ");
    if topics.len() > SHOWN {
        s.push_str(&format!(" (and {} more)", topics.len() - SHOWN));
    }
    s
}

struct Row<'a> {
    topic: &'a str,
    summary: bool,
    references: usize,
    scores: TopicScores,
}

/// Mean scores over the topics, as fractions.
struct Means {
    rouge1: Prf,
    rouge2: Prf,
    rouge_l: Prf,
}

fn means(rows: &[Row]) -> Means {
    Means {
        rouge1: eval::mean(rows.iter().map(|r| &r.scores.rouge1)),
        rouge2: eval::mean(rows.iter().map(|r| &r.scores.rouge2)),
        rouge_l: eval::mean(rows.iter().map(|r| &r.scores.rouge_l)),
    }
}

fn write_text(out: &mut impl Write, rows: &[Row], limit: Limit, per_topic: bool) -> Result<()> {
    if per_topic {
        for row in rows {
            let (a, b, l) = (
                row.scores.rouge1.percent(),
                row.scores.rouge2.percent(),
                row.scores.rouge_l.percent(),
            );
            write!(
                out,
                "{} R1={:.2} P1={:.2} F1={:.2} R2={:.2} P2={:.2} F2={:.2} RL={:.2} PL={:.2} FL={:.2}",
                row.topic,
                a.recall,
                a.precision,
                a.f1,
                b.recall,
                b.precision,
                b.f1,
                l.recall,
                l.precision,
                l.f1
            )?;
            if !row.summary {
                write!(out, " (no summary)")?;
            }
            writeln!(out)?;
        }
    }
    let m = means(rows);
    for (name, p) in [
        ("ROUGE-1", m.rouge1),
        ("ROUGE-2", m.rouge2),
        ("ROUGE-L", m.rouge_l),
    ] {
        let p = p.percent();
        writeln!(
            out,
            "{name} R={:.2} P={:.2} F={:.2}",
            p.recall, p.precision, p.f1
        )?;
    }
    writeln!(out, "topics={} mode={limit}", rows.len())?;
    Ok(())
}

#[derive(Serialize)]
struct JsonMode {
    unit: &'static str,
    limit: Option<usize>,
    rouge155: String,
    exceptions: bool,
}

#[derive(Serialize)]
struct JsonTopic<'a> {
    topic: &'a str,
    summary: bool,
    references: usize,
    #[serde(flatten)]
    scores: RougeRecord,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    topics: usize,
    mode: JsonMode,
    rouge1: Prf,
    rouge2: Prf,
    #[serde(rename = "rougeL")]
    rouge_l: Prf,
    per_topic: Vec<JsonTopic<'a>>,
}

fn write_json(out: &mut impl Write, rows: &[Row], limit: Limit, exceptions: bool) -> Result<()> {
    let (unit, n) = match limit {
        Limit::Words(n) => ("words", Some(n)),
        Limit::Bytes(n) => ("bytes", Some(n)),
        Limit::None => ("none", None),
    };
    let flag = match limit {
        Limit::None => String::new(),
        l => format!(" {l}"),
    };
    let m = means(rows);
    let report = JsonReport {
        topics: rows.len(),
        mode: JsonMode {
            unit,
            limit: n,
            rouge155: format!("-n 2 -m -f A{flag}"),
            exceptions,
        },
        rouge1: rounded_percent(m.rouge1),
        rouge2: rounded_percent(m.rouge2),
        rouge_l: rounded_percent(m.rouge_l),
        per_topic: rows
            .iter()
            .map(|r| JsonTopic {
                topic: r.topic,
                summary: r.summary,
                references: r.references,
                scores: RougeRecord::from(&r.scores),
            })
            .collect(),
    };
    // Serialised first, so that a closed stdout surfaces as the io::Error it is.
    let json = serde_json::to_string_pretty(&report)?;
    out.write_all(json.as_bytes())?;
    writeln!(out)?;
    Ok(())
}
