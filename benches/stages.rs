//! Time per pipeline stage of `abridge summarize`, on real news text.
//!
//! Input: the DUC 2004 development documents (`../shared/eval/duc2004-dev/docs/*/*.txt`, 25
//! topics of 10 newswire articles, about 1 MB), read in sorted path order: one topic (the first
//! 10 files), the first 100 files and all 250. When that folder is missing (it is NIST's data and
//! is never committed), a small corpus is generated instead, deterministically; the benchmark
//! prints which one it uses and the sizes it works on.
//!
//! Stages, in pipeline order:
//! - `clean`: `article::clean` (page furniture out, blocks in; runs `markup::extract` inside);
//! - `split`: `text::split` on the raw text, and `article::body_sentences` on the cleaned article;
//! - `terms`: `Terms::of` (tokenise, stop words, stem) on every body sentence, whitespace
//!   collapsed as `summary::prepare` does;
//! - `prepare`: `summary::prepare`, the three stages above plus term ids, in parallel (rayon,
//!   one thread per core);
//! - `graph`: `summary::sentence_graph` with TF-IDF cosine, `Exact` and `Sparse`, on the 100 and
//!   250 documents and on the first `EXACT_LIMIT` (4,000) sentences of the 250;
//! - `rank`: PageRank with `to_dense()` + dense power iteration against `to_csr()` + CSR power
//!   iteration (what the pipeline runs), on the exact graph of the first N sentences;
//! - `select`: MMR selection (`rank::select::select`) with the default options and a 100-word
//!   budget, on the centrality scores of the default pipeline;
//! - `summarize`: `summary::summarize_prepared` (graph + rank + select + order) end to end;
//! - `extract`: `markup::extract(text, Mode::Article)` (tables and lists), per document.
//!
//! Run with `cargo bench --bench stages` (about 3 minutes), or one group:
//! `cargo bench --bench stages -- rank/`.

mod common;

use abridge::article::body_sentences;
use abridge::article::{self, Article};
use abridge::corpus::Document;
use abridge::markup::{self, Mode};
use abridge::rank::pagerank::{pagerank, PageRankOptions};
use abridge::rank::select;
use abridge::rank::similarity::Similarity;
use abridge::summary::{
    self, centrality, sentence_graph, summarize_prepared, GraphMode, Prepared, SummaryOptions,
    DEFAULT_MMR,
};
use abridge::text::lang::{Language, Terms};
use abridge::text::{flatten, split};
use common::Rng;
use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Sentence counts of the PageRank comparison (prefixes of the 250-document input).
const RANK_SIZES: [usize; 7] = [100, 200, 500, 1000, 1500, 2000, 3000];

fn duc_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/duc2004-dev/docs")
}

/// The DUC documents in sorted path order, or `None` when the folder is missing.
fn load_duc() -> Option<Vec<Document>> {
    let root = duc_dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&root)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .flat_map(|d| {
            std::fs::read_dir(d)
                .into_iter()
                .flatten()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect::<Vec<_>>()
        })
        .collect();
    paths.sort();
    let docs: Vec<Document> = paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            Some(Document {
                source: p.display().to_string(),
                text: String::from_utf8_lossy(&bytes).into_owned(),
            })
        })
        .collect();
    (docs.len() >= 100).then_some(docs)
}

const SUBJECTS: &[&str] = &[
    "The government",
    "Opposition leaders",
    "The central bank",
    "Police officials",
    "The prime minister",
    "Rescue workers",
    "The company",
    "Analysts",
    "The United Nations",
    "Local residents",
];
const VERBS: &[&str] = &[
    "said on Friday that",
    "warned that",
    "announced that",
    "denied reports that",
    "confirmed that",
    "argued that",
];
const CLAUSES: &[&str] = &[
    "talks on the new coalition would resume next week",
    "the storm had destroyed hundreds of homes along the coast",
    "interest rates would stay unchanged until the spring",
    "the election results were achieved through widespread fraud",
    "the investigation into the grenade attack was continuing",
    "exports fell sharply in the third quarter",
    "the summit would be held in the capital",
    "the death toll had risen to at least 40",
    "the merger would create the largest bank in the region",
    "negotiations had broken down over the budget",
    "the ceasefire was holding despite sporadic clashes",
    "the new vaccine would be available to hospitals next month",
];

/// 250 hard-wrapped newswire-like documents of 26 sentences, 25 topics of 10 (deterministic).
fn generated() -> Vec<Document> {
    let mut rng = Rng(0x5ca1_ab1e_2004);
    (0..250)
        .map(|d| {
            let topic = d / 10;
            let mut text = String::new();
            let mut line = 0usize;
            for _ in 0..26 {
                let clause = CLAUSES[(topic + rng.below(4)) % CLAUSES.len()];
                let s = format!(
                    "{} {} {}, according to sources in region {}. ",
                    SUBJECTS[rng.below(SUBJECTS.len())],
                    VERBS[rng.below(VERBS.len())],
                    clause,
                    topic
                );
                for word in s.split_whitespace() {
                    if line + word.len() > 70 {
                        text.push('\n');
                        line = 0;
                    }
                    text.push_str(word);
                    text.push(' ');
                    line += word.len() + 1;
                }
            }
            text.push('\n');
            Document {
                source: format!("gen/{topic:02}/{d:03}.txt"),
                text,
            }
        })
        .collect()
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

/// The first `n` sentences of `prepared` (documents kept whole; vocabulary unchanged).
fn prefix(prepared: &Prepared, n: usize) -> Prepared {
    let mut out = prepared.clone();
    out.sentences.truncate(n);
    out
}

/// As `summary::summarize_prepared` makes them: lead-weighted centrality, 0 for sentences that
/// may not be picked.
fn eligible(prepared: &Prepared, centrality: &[f64], options: &SummaryOptions) -> Vec<f64> {
    abridge::summary::relevance(prepared, centrality, options).eligible
}

fn configure(group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>) {
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
}

fn edges(graph: &abridge::rank::similarity::SimilarityGraph) -> usize {
    graph.rows.iter().map(Vec::len).sum()
}

fn benches(c: &mut Criterion) {
    let (all, source) = match load_duc() {
        Some(docs) => (
            docs,
            format!("DUC 2004 dev documents ({})", duc_dir().display()),
        ),
        None => (
            generated(),
            "generated fallback corpus (DUC 2004 dev documents not found)".to_string(),
        ),
    };
    let sets: [(&str, &[Document]); 3] = [
        ("10 docs", &all[..10]),
        ("100 docs", &all[..100]),
        ("250 docs", &all[..all.len().min(250)]),
    ];
    println!("stages: input = {source}");
    for (name, docs) in &sets {
        println!(
            "stages: {name}: {} bytes, {} words",
            bytes(docs),
            docs.iter()
                .map(|d| d.text.split_whitespace().count())
                .sum::<usize>()
        );
    }
    let terms = Terms::new(Language::English);
    let prepared: Vec<Prepared> = sets
        .iter()
        .map(|(_, docs)| summary::prepare(docs, Language::English))
        .collect();
    for ((name, _), p) in sets.iter().zip(&prepared) {
        println!(
            "stages: {name}: {} sentences, {} distinct terms",
            p.sentences.len(),
            p.vocabulary
        );
    }

    // Cleaning, splitting, tokenising: one thread, document after document.
    let mut group = c.benchmark_group("clean");
    configure(&mut group);
    for (name, docs) in [sets[0], sets[2]] {
        group.throughput(Throughput::Bytes(bytes(docs)));
        group.bench_function(name, |b| {
            b.iter(|| {
                for d in docs {
                    black_box(article::clean(black_box(&d.text)));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("split");
    configure(&mut group);
    for (name, docs) in [sets[0], sets[2]] {
        group.throughput(Throughput::Bytes(bytes(docs)));
        group.bench_function(format!("raw text/{name}"), |b| {
            b.iter(|| {
                for d in docs {
                    black_box(split(black_box(&d.text)));
                }
            })
        });
        let articles: Vec<Article<'_>> = docs.iter().map(|d| article::clean(&d.text)).collect();
        group.bench_function(format!("body_sentences/{name}"), |b| {
            b.iter(|| {
                for (d, a) in docs.iter().zip(&articles) {
                    black_box(body_sentences(black_box(&d.text), a));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("terms");
    configure(&mut group);
    for (name, docs) in [sets[0], sets[2]] {
        let sentences: Vec<String> = docs
            .iter()
            .flat_map(|d| {
                let a = article::clean(&d.text);
                body_sentences(&d.text, &a)
                    .iter()
                    .map(|s| flatten(s.text))
                    .collect::<Vec<_>>()
            })
            .collect();
        group.throughput(Throughput::Bytes(
            sentences.iter().map(|s| s.len() as u64).sum(),
        ));
        group.bench_function(format!("{name} ({} sentences)", sentences.len()), |b| {
            b.iter(|| {
                for s in &sentences {
                    black_box(terms.of(black_box(s)));
                }
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("prepare");
    configure(&mut group);
    for (name, docs) in [sets[0], sets[2]] {
        group.throughput(Throughput::Bytes(bytes(docs)));
        group.bench_function(name, |b| {
            b.iter(|| black_box(summary::prepare(black_box(docs), Language::English)))
        });
    }
    group.finish();

    // Similarity graphs on the 100- and 250-document inputs.
    let mut group = c.benchmark_group("graph");
    configure(&mut group);
    // 4,000 sentences (the first ones of the 250 documents) is EXACT_LIMIT.
    let at_limit = prefix(&prepared[2], summary::EXACT_LIMIT);
    for p in [&prepared[1], &at_limit, &prepared[2]] {
        let n = p.sentences.len();
        for (mode, label) in [(GraphMode::Exact, "exact"), (GraphMode::Sparse, "sparse")] {
            let g = sentence_graph(p, Similarity::TfIdfCosine, mode);
            println!(
                "stages: graph {label} on {n} sentences: {} directed edges ({:.1}% of n²)",
                edges(&g),
                100.0 * edges(&g) as f64 / (n as f64 * n as f64)
            );
            group.bench_function(format!("{label}/{n} sentences"), |b| {
                b.iter(|| black_box(sentence_graph(p, Similarity::TfIdfCosine, mode)))
            });
        }
    }
    group.finish();

    // PageRank, dense against CSR, conversion from the graph included (as the pipeline does).
    let mut group = c.benchmark_group("rank");
    configure(&mut group);
    let largest = &prepared[2];
    for n in RANK_SIZES {
        if n > largest.sentences.len() {
            continue;
        }
        let g = sentence_graph(
            &prefix(largest, n),
            Similarity::TfIdfCosine,
            GraphMode::Exact,
        );
        let r = pagerank(&g.to_csr(), PageRankOptions::default());
        let t = Instant::now();
        black_box(g.to_dense());
        let dense_alloc = t.elapsed();
        println!(
            "stages: rank {n}: exact graph {} directed edges ({:.1}% of n²), {} iterations, to_dense {:.1} ms",
            edges(&g),
            100.0 * edges(&g) as f64 / (n as f64 * n as f64),
            r.iterations,
            dense_alloc.as_secs_f64() * 1e3
        );
        group.bench_function(format!("dense/{n}"), |b| {
            b.iter(|| black_box(pagerank(&g.to_dense(), PageRankOptions::default())))
        });
        group.bench_function(format!("csr/{n}"), |b| {
            b.iter(|| black_box(pagerank(&g.to_csr(), PageRankOptions::default())))
        });
    }
    group.finish();

    // Selection, on the default pipeline's graph and scores.
    let options = SummaryOptions::default();
    let mut group = c.benchmark_group("select");
    configure(&mut group);
    for p in &prepared[1..] {
        let (graph, central) = centrality(p, &options);
        let scores = eligible(p, &central, &options);
        let words: Vec<usize> = p.sentences.iter().map(|s| s.words).collect();
        group.bench_function(format!("mmr/{} sentences", p.sentences.len()), |b| {
            b.iter(|| {
                black_box(select::select(
                    &scores,
                    &words,
                    &graph,
                    select::Quota::Words(100),
                    DEFAULT_MMR,
                ))
            })
        });
    }
    group.finish();

    // Everything after `prepare`: graph (auto mode), PageRank, selection, order.
    let mut group = c.benchmark_group("summarize_prepared");
    configure(&mut group);
    for ((name, _), p) in sets.iter().zip(&prepared) {
        group.bench_function(format!("{name} ({} sentences)", p.sentences.len()), |b| {
            b.iter(|| black_box(summarize_prepared(black_box(p), &options)))
        });
    }
    group.finish();

    // Tables and lists, as `abridge tables` / `abridge lists` run it on each document.
    let mut group = c.benchmark_group("extract");
    configure(&mut group);
    let docs = sets[2].1;
    group.throughput(Throughput::Bytes(bytes(docs)));
    group.bench_function(sets[2].0, |b| {
        b.iter(|| {
            for d in docs {
                black_box(markup::extract(black_box(&d.text), Mode::Article));
            }
        })
    });
    group.finish();
}

criterion_group!(stages, benches);
criterion_main!(stages);
