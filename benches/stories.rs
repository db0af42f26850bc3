//! Time of the grouping stage of `abridge stories` (`stories::group`: document vectors, the
//! candidate graph from the inverted index, average-link clustering), apart from cleaning and
//! summarising, on generated articles: `S` stories of 1 to 40 articles (sizes vary), each with
//! its own invented names over a shared news vocabulary, so that stories overlap in their common
//! words as real ones do. Sizes 1,000, 4,000 and 16,000 articles show how the stage grows.
//!
//! Run with `cargo bench --bench stories`. Whole-process figures (100,000 articles, peak RSS):
//! `benches/stories_scale.sh` and docs/performance.md.

use abridge::corpus::Document;
use abridge::stories::{group, GroupOptions};
use abridge::summary::Preparer;
use abridge::text::lang::Language;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

const COMMON: [&str; 24] = [
    "council",
    "government",
    "officials",
    "said",
    "minister",
    "police",
    "report",
    "week",
    "million",
    "city",
    "talks",
    "agreement",
    "court",
    "election",
    "company",
    "workers",
    "plan",
    "vote",
    "crisis",
    "leaders",
    "state",
    "river",
    "market",
    "budget",
];
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mer", "vin", "tas", "dor", "bel", "quin", "rus", "hal", "zen", "por", "gil",
    "fen", "mar", "tov",
];

/// A deterministic generator (64-bit LCG).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

fn articles(n: usize) -> Vec<Document> {
    let mut rng = Lcg(7);
    let mut docs = Vec::with_capacity(n);
    let mut story = 0usize;
    while docs.len() < n {
        story += 1;
        let size = 1 + rng.next(40).min(rng.next(40));
        // Names unique to the story: its number spelled in syllables.
        let names: Vec<String> = (0..6)
            .map(|k| {
                let mut x = story * 6 + k;
                let mut name = String::from("Z");
                while x > 0 {
                    name.push_str(SYLLABLES[x % 16]);
                    x /= 16;
                }
                name
            })
            .collect();
        for _ in 0..size.min(n - docs.len()) {
            let sentences: Vec<String> = (0..10)
                .map(|_| {
                    format!(
                        "{} and {} met the {} {} over the {} on Monday.",
                        names[rng.next(6)],
                        names[rng.next(6)],
                        COMMON[rng.next(24)],
                        COMMON[rng.next(24)],
                        COMMON[rng.next(24)]
                    )
                })
                .collect();
            docs.push(Document {
                source: format!("article-{:06}.txt", docs.len()),
                text: format!("{}\n\n{}\n", names[0], sentences.join(" ")),
            });
        }
    }
    docs
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("stories/group");
    g.sample_size(10);
    for n in [1_000, 4_000, 16_000] {
        let mut preparer = Preparer::new(Language::English);
        preparer.add_batch(&articles(n));
        let prepared = preparer.finish_canonical();
        g.bench_with_input(BenchmarkId::from_parameter(n), &prepared, |b, p| {
            b.iter(|| group(p, &GroupOptions::default()).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
