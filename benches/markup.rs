//! Throughput of the table and list extraction against pulldown-cmark and comrak.
//!
//! The input is generated here, deterministically (a seeded splitmix64), so the benchmark needs no
//! data files: about 10 MB of scraped-news-like text in the shape of the corpus seeds (page
//! furniture and pipe-separated bylines, long single-line paragraphs and hard-wrapped ones,
//! headings, `- Term: description` lists glued to the paragraph before them, pipe tables glued to
//! their caption sentence, TRENDING link lists, footers), plus one ~10 KB article on its own to
//! show the per-document overhead.
//!
//! Run with `cargo bench --bench markup`.

mod common;

use abridge::markup::{self, Mode};
use common::Rng;
use criterion::{black_box, criterion_group, criterion_main, Criterion, SamplingMode, Throughput};
use std::time::Duration;

/// Size of the large corpus.
const CORPUS_BYTES: usize = 10 * 1024 * 1024;
/// Size of the single article.
const ARTICLE_BYTES: usize = 10 * 1024;
/// PRNG seed: change it and the corpus changes, keep it and the corpus is byte-identical.
const SEED: u64 = 0x00ab_1d9e_2025_0228;

const COUNTRIES: &[&str] = &[
    "the United States",
    "Russia",
    "India",
    "China",
    "Turkey",
    "Germany",
    "Brazil",
    "Japan",
    "Australia",
    "South Africa",
    "the United Kingdom",
    "France",
    "Saudi Arabia",
    "Indonesia",
    "Canada",
];

const CITIES: &[&str] = &[
    "Moscow",
    "Washington",
    "New Delhi",
    "Istanbul",
    "Berlin",
    "Tokyo",
    "Sydney",
    "London",
    "Paris",
    "Riyadh",
    "Jakarta",
    "Ottawa",
    "Mumbai",
    "Geneva",
    "Brasilia",
];

const ACTORS: &[&str] = &[
    "The foreign ministry",
    "Officials in the capital",
    "Diplomatic representatives",
    "Analysts",
    "The central bank",
    "Opposition leaders",
    "Industry groups",
    "Negotiators from both sides",
    "Observers",
    "Experts",
    "The finance minister",
    "Local authorities",
    "Trade unions",
    "Several lawmakers",
    "A government spokesperson",
];

const VERBS: &[&str] = &[
    "are set to initiate",
    "have agreed to explore",
    "remain keen to see",
    "suggest that the outcome could reshape",
    "are expected to address",
    "have raised concerns about",
    "will closely monitor",
    "have proposed restoring",
    "continue to debate",
    "described as substantive",
    "are likely to dominate",
    "have hinted at a willingness to discuss",
    "could pave the way for",
    "are particularly keen on",
    "warned against delays in",
];

const OBJECTS: &[&str] = &[
    "fresh talks concerning their diplomatic missions",
    "the restoration of direct air links",
    "longstanding issues in bilateral relations",
    "arms control and nuclear non-proliferation",
    "the easing of economic sanctions",
    "banking access for embassy staff",
    "the stability of regional supply chains",
    "new measures to curb inflation",
    "a framework for resolving ongoing disputes",
    "confidence-building measures along the border",
    "the financing of infrastructure projects",
    "broader dialogue on pressing global issues",
    "the rising cost of housing in major cities",
    "climate commitments made at the last summit",
    "the digital economy and cross-border data flows",
];

const TAILS: &[&str] = &[
    "amidst a backdrop of heightened geopolitical strife",
    "despite their differences",
    "according to a statement released on Friday",
    "as relations remain strained",
    "with discussions scheduled to take place next week",
    "following high-level conversations earlier this month",
    "though no detailed timeline has been announced",
    "in a move welcomed by regional partners",
    "while markets reacted cautiously",
    "as both sides seek to rebuild trust",
    "after months of stalled negotiations",
    "with previous efforts yielding mixed results",
];

const OPENERS: &[&str] = &[
    "In a significant move to ease escalating tensions,",
    "In light of the upcoming discussions,",
    "While the stakes are high,",
    "As the talks progress,",
    "Additionally,",
    "According to people familiar with the matter,",
    "In a strategic move,",
    "On the economic front,",
    "Earlier this week,",
    "However,",
];

const HEADING_A: &[&str] = &[
    "Analyzing the Impact of",
    "Recommendations for Enhancing",
    "What Comes Next for",
    "Key Takeaways from",
    "Understanding",
    "Behind the Scenes of",
    "The Road Ahead for",
    "Why Markets Care About",
];

const HEADING_B: &[&str] = &[
    "Fresh Embassy Talks on Bilateral Relations",
    "Communication and Cooperation",
    "the Regional Trade Agreement",
    "the New Budget Proposal",
    "Diplomatic Initiatives in Turkey",
    "the Housing Market Slowdown",
    "Energy Security in Europe",
    "the Climate Finance Pledge",
];

const TERMS: &[&str] = &[
    "Mutual recognition",
    "Consular Services",
    "Security Measures",
    "Diplomatic Staffing",
    "Security Cooperation",
    "Trade Relations",
    "Crisis Management",
    "Energy Policy",
    "Public Health",
    "Digital Infrastructure",
    "Fiscal Discipline",
    "Climate Adaptation",
];

const DESCRIPTIONS: &[&str] = &[
    "Addressing the legitimacy of each embassy’s operations.",
    "Improving facilitation for citizens of each country.",
    "Enhancing safety protocols to protect embassy premises.",
    "Resolving issues related to staffing levels and personnel presence.",
    "A renewed focus on arms control and nuclear non-proliferation.",
    "Potential easing of economic sanctions and restoration of trade ties.",
    "Improved interaction channels for managing geopolitical tensions.",
    "Diversifying supply to reduce dependence on a single route.",
    "Expanding vaccination and primary care in rural districts.",
    "Extending broadband to underserved towns by 2027.",
];

const HEADERS: &[[&str; 2]] = &[
    ["Outcome", "Description"],
    ["Key Themes", "Potential Outcomes"],
    ["Proposed Agreement", "Description"],
    ["Sector", "Expected Change"],
    ["Measure", "Status"],
];

const TRENDING: &[&str] = &[
    "Australia's Housing Market: A Struggle for Affordability Amid Stagnant Growth",
    "Endrick's Spectacular Rise: The Future Star of Real Madrid",
    "Gatwick Expansion: Green Light for Growth?",
    "Final Hostage Exchange Amidst Fragile Gaza Ceasefire",
    "Markets Rally as Inflation Cools for a Third Month",
    "Monsoon Rains Lift Hopes for a Record Harvest",
    "Chipmakers Race to Build New Plants in Asia",
];

const REGIONS: &[&str] = &["Global", "United Kingdom", "India", "Asia", "Europe"];

/// One plausible news sentence (no trailing space).
fn sentence(rng: &mut Rng) -> String {
    let mut s = String::with_capacity(160);
    if rng.chance(30) {
        s.push_str(rng.pick(OPENERS));
        s.push(' ');
        let actor = rng.pick(ACTORS);
        // Lower-case the actor after an opener ("..., the foreign ministry").
        let mut chars = actor.chars();
        if let Some(first) = chars.next() {
            s.extend(first.to_lowercase());
            s.push_str(chars.as_str());
        }
    } else {
        s.push_str(rng.pick(ACTORS));
    }
    s.push(' ');
    s.push_str(rng.pick(VERBS));
    s.push(' ');
    s.push_str(rng.pick(OBJECTS));
    if rng.chance(60) {
        // Scrapers drop the space after a comma now and then ("dialogue,albeit").
        s.push_str(if rng.chance(15) { "," } else { ", " });
        s.push_str(rng.pick(TAILS));
    }
    if rng.chance(25) {
        s.push_str(" in ");
        s.push_str(rng.pick(COUNTRIES));
        s.push_str(" and ");
        s.push_str(rng.pick(CITIES));
    }
    if rng.chance(8) {
        s.push_str(", calling the talks “substantive and businesslike”");
    }
    s.push('.');
    s
}

/// A paragraph of `n` sentences on one line; sentences are sometimes glued (`issues.The`).
fn paragraph_line(rng: &mut Rng, n: usize) -> String {
    let mut p = String::new();
    for k in 0..n {
        if k > 0 && !rng.chance(4) {
            p.push(' ');
        }
        p.push_str(&sentence(rng));
    }
    p
}

/// Hard-wraps `text` at `width` columns (word boundaries), appending the lines to `out`.
fn wrap_into(out: &mut String, text: &str, width: usize) {
    let mut col = 0;
    for word in text.split(' ') {
        let w = word.chars().count();
        if col > 0 && col + 1 + w > width {
            out.push('\n');
            col = 0;
        }
        if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += w;
    }
    out.push('\n');
}

fn heading(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(HEADING_A), rng.pick(HEADING_B))
}

fn date(rng: &mut Rng) -> String {
    format!(
        "{:02}-{:02}-2025 {:02}:{:02} IST",
        rng.range(1, 28),
        rng.range(1, 12),
        rng.range(0, 23),
        rng.range(0, 59)
    )
}

/// Menus, title, summary, byline, image note, country bullets.
fn push_header(out: &mut String, rng: &mut Rng, title: &str) {
    out.push_str("Left Menu\n\n");
    out.push_str(title);
    out.push_str("\n\n");
    out.push_str(&paragraph_line(rng, 3));
    out.push_str("\n\n");
    let when = date(rng);
    out.push_str(&format!(
        "{} News Desk | {} | Updated: {} | Created: {}\n",
        rng.pick(&["Devdiscourse", "Global", "Metro", "Business"]),
        rng.pick(CITIES),
        when,
        when
    ));
    out.push_str(title);
    out.push('\n');
    out.push_str("This image is AI-generated and does not depict any real-life event or location. It is a fictional representation created for illustrative purposes only.\n");
    if rng.chance(60) {
        out.push_str("  • Country:\n  • ");
        out.push_str(rng.pick(COUNTRIES).trim_start_matches("the "));
        out.push_str("\n\n");
    } else {
        out.push('\n');
    }
}

/// A paragraph ending with an introduction sentence, glued to a `- Term: description` list.
fn push_list(out: &mut String, rng: &mut Rng) {
    let n = rng.range(2, 4);
    out.push_str(&paragraph_line(rng, n));
    out.push(' ');
    out.push_str(rng.pick(&[
        "Key topics for discussion are expected to include:",
        "Analysts point to several areas, including:",
        "Key initiatives may include:",
    ]));
    out.push('\n');
    let bullet = if rng.chance(85) { "- " } else { "• " };
    for _ in 0..rng.range(3, 5) {
        out.push_str(bullet);
        if rng.chance(80) {
            out.push_str(rng.pick(TERMS));
            out.push_str(": ");
            out.push_str(rng.pick(DESCRIPTIONS));
        } else {
            out.push_str(&sentence(rng));
        }
        out.push('\n');
    }
}

/// A paragraph ending with a caption sentence, glued to a pipe table, glued to the next line.
fn push_table(out: &mut String, rng: &mut Rng) {
    let n = rng.range(2, 4);
    out.push_str(&paragraph_line(rng, n));
    out.push_str(if rng.chance(20) { "" } else { " " });
    out.push_str(rng.pick(&[
        "Below is a table summarizing the potential outcomes from the discussions:",
        "The table below outlines the main proposals:",
        "Below is a table summarizing proposed agreements that could be beneficial for both nations:",
    ]));
    out.push('\n');
    let [a, b] = HEADERS[rng.below(HEADERS.len())];
    let three = rng.chance(20);
    let piped = rng.chance(25);
    let lead = if piped { "| " } else { "" };
    if three {
        out.push_str(&format!("{lead}{a} | {b} | Timeline |\n"));
        out.push_str(if piped {
            "|---|:---|--:|\n"
        } else {
            "---|---|---|\n"
        });
    } else {
        out.push_str(&format!("{lead}{a} | {b} |\n"));
        out.push_str(if piped { "|---|---|\n" } else { "---|---|\n" });
    }
    for _ in 0..rng.range(3, 6) {
        out.push_str(lead);
        out.push_str(rng.pick(TERMS));
        out.push_str(" | ");
        out.push_str(rng.pick(DESCRIPTIONS));
        if three {
            out.push_str(&format!(" | Q{} 2025", rng.range(1, 4)));
        }
        out.push_str(" |\n");
    }
}

/// TRENDING block, opinion links, footer menus.
fn push_footer(out: &mut String, rng: &mut Rng) {
    out.push_str("\n(With inputs from agencies.)\n\nTRENDING\n\n");
    for k in 1..=4 {
        let t = rng.pick(TRENDING);
        out.push_str(&format!("{k}\n{t}\n\n"));
        // Teasers are cut at 75 characters with an ellipsis.
        let cut: String = t.chars().take(75).collect();
        if cut.len() < t.len() {
            out.push_str(&format!("{cut}...\n\n"));
        } else {
            out.push_str(&format!("{t}\n\n"));
        }
        out.push(' ');
        out.push_str(rng.pick(REGIONS));
        out.push('\n');
    }
    out.push_str("\nOPINION / BLOG / INTERVIEW\n\n");
    for _ in 0..3 {
        out.push_str(rng.pick(TRENDING));
        out.push_str("\n\n");
    }
    out.push_str(
        "DevShots\n\nLatest News\n\nConnect us on\n\nLinkedIn Quora Youtube RSS\nGive Feedback\n\
         Subscribe to our Newsletter  \n\nSECTORS\n\nEDITIONS\n\nOTHER LINKS\n\n\
         Email: info@example.com\nPhone: +91-720-6444012, +91-7027739813, 14, 15\n\n\
         VisionRI | Disclaimer | Terms of use | Privacy Policy\n\n© Copyright 2025\n",
    );
}

/// One article of roughly `target` bytes (page furniture included), with the page furniture
/// around it 60% of the time or when `furniture` is set.
fn article(out: &mut String, rng: &mut Rng, target: usize, furniture: bool) {
    let begin = out.len();
    let title = heading(rng);
    let furniture = rng.chance(60) || furniture;
    if furniture {
        push_header(out, rng, &title);
    }
    // Seed article-004 glues every block to the next; article-001 puts blank lines between them.
    let blank = if rng.chance(50) { "\n" } else { "" };
    let wrapped = rng.chance(30);
    while out.len() - begin < target {
        match rng.below(10) {
            0..=4 => {
                let n = rng.range(3, 7);
                let p = paragraph_line(rng, n);
                if wrapped {
                    wrap_into(out, &p, 70);
                } else {
                    out.push_str(&p);
                    out.push('\n');
                }
            }
            5 | 6 => {
                out.push_str(&heading(rng));
                out.push('\n');
            }
            7 => push_list(out, rng),
            _ => push_table(out, rng),
        }
        out.push_str(blank);
    }
    if furniture {
        push_footer(out, rng);
    }
    out.push('\n');
}

/// About `bytes` of articles, 2 to 9 KB each.
fn corpus(bytes: usize) -> String {
    let mut rng = Rng(SEED);
    let mut out = String::with_capacity(bytes + 16 * 1024);
    while out.len() < bytes {
        let target = rng.range(2048, 9 * 1024);
        article(&mut out, &mut rng, target, false);
    }
    out
}

/// One article of about `bytes`, page furniture included, as one scraped page would be.
fn single_article(bytes: usize) -> String {
    let mut rng = Rng(SEED ^ 0x5eed);
    let mut out = String::new();
    // The footer (TRENDING, links) adds about 1.2 KB after the body.
    article(&mut out, &mut rng, bytes - 1200, true);
    out
}

fn abridge_article(text: &str) -> usize {
    let found = markup::extract(black_box(text), Mode::Article);
    black_box(found.tables.len() + found.lists.len())
}

fn abridge_strict(text: &str) -> usize {
    black_box(markup::tables(black_box(text), Mode::Strict).len())
}

fn pulldown(text: &str) -> usize {
    let parser =
        pulldown_cmark::Parser::new_ext(black_box(text), pulldown_cmark::Options::ENABLE_TABLES);
    let mut n = 0;
    for event in parser {
        black_box(&event);
        n += 1;
    }
    black_box(n)
}

fn comrak_options() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options
}

fn comrak_parse(text: &str, options: &comrak::Options) -> usize {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, black_box(text), options);
    black_box(root.children().count())
}

fn bench_group(c: &mut Criterion, name: &str, text: &str, flat: bool) {
    let options = comrak_options();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(if flat { 4 } else { 2 }));
    if flat {
        // One iteration of the big corpus takes tens of milliseconds or more: flat sampling keeps
        // the run short (10 samples of equal iteration counts instead of 1+2+...+10).
        group.sampling_mode(SamplingMode::Flat);
    }
    group.bench_function("abridge extract (article mode)", |b| {
        b.iter(|| abridge_article(text))
    });
    group.bench_function("abridge tables --strict", |b| {
        b.iter(|| abridge_strict(text))
    });
    group.bench_function("pulldown-cmark (tables ext)", |b| b.iter(|| pulldown(text)));
    group.bench_function("comrak (table ext)", |b| {
        b.iter(|| comrak_parse(text, &options))
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let big = corpus(CORPUS_BYTES);
    let one = single_article(ARTICLE_BYTES);
    // `ABRIDGE_BENCH_DUMP=dir cargo bench --bench markup` writes both inputs out, e.g. to profile
    // the parsers on exactly this text.
    if let Some(dir) = std::env::var_os("ABRIDGE_BENCH_DUMP") {
        let dir = std::path::Path::new(&dir);
        std::fs::create_dir_all(dir).expect("create dump dir");
        std::fs::write(dir.join("corpus.txt"), &big).expect("write corpus.txt");
        std::fs::write(dir.join("article.txt"), &one).expect("write article.txt");
    }
    for (name, text) in [("corpus", &big), ("article", &one)] {
        let found = markup::extract(text, Mode::Article);
        eprintln!(
            "{name}: {} bytes, {} lines, {} article-mode tables, {} lists, {} strict tables",
            text.len(),
            text.lines().count(),
            found.tables.len(),
            found.lists.len(),
            markup::tables(text, Mode::Strict).len()
        );
    }
    bench_group(c, "news corpus (10 MB)", &big, true);
    bench_group(c, "single article (10 KB)", &one, false);
}

criterion_group!(markup_benches, benches);
criterion_main!(markup_benches);
