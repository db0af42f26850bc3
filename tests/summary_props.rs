//! Property tests of `abridge::summary::summarize` over generated document sets.
//!
//! Documents are built from a pool of sentences (random subsets in random orders, some repeated
//! across documents, random paragraph breaks). The pool's long sentences share no index term
//! (checked below), so two of them are never near-duplicates and a repeated one always is: the
//! number of sentences a summary can pick is known exactly.
//!
//! Properties: the summary quotes the input (every sentence is the prepared sentence at its
//! `source`/`index`, or a cut prefix of one when the budget forces a cut), never repeats itself,
//! keeps its budget (at most N words; exactly min(N, eligible) sentences), is deterministic (same
//! input twice → identical JSON bytes), and lists the inputs as its sources.

use abridge::corpus::Document;
use abridge::summary::{
    prepare, summarize, word_count, Algorithm, Budget, Order, Prepared, Summary, SummaryOptions,
};
use abridge::text::lang::{Language, Terms};
use proptest::prelude::*;
use std::collections::{HashMap, HashSet};

/// Long plain sentences (at least 8 words, no quotes), no index term shared by any two.
const LONG: &[&str] = &[
    "The harbour authority closed the northern pier after storms cracked its wooden decking.",
    "Farmers in the eastern valley reported a record apple harvest this autumn.",
    "A museum in the old quarter unveiled a restored medieval tapestry on Friday.",
    "Engineers tested a prototype electric ferry across the wide estuary at dawn.",
    "Police arrested two suspects following a burglary at a jewellery shop downtown.",
    "The national orchestra announced a summer tour of twelve coastal cities.",
    "Scientists discovered a colony of rare beetles living beneath an abandoned quarry.",
    "Hospital bosses hired forty nurses to shorten waiting lists for knee surgery.",
    "A bakery chain recalled thousands of loaves because of undeclared sesame seeds.",
    "Volunteers planted six hundred oak saplings along a motorway embankment near Holbrook.",
    "The football club sacked its manager after a ninth consecutive league defeat.",
    "Astronomers photographed a comet skimming past Jupiter in January.",
    "Teachers staged a one-day strike over pay, shutting most primary schools.",
    "A landslide blocked the mountain railway, stranding hikers overnight in Keswater.",
    "The central bank raised interest rates by half a percentage point yesterday.",
    "Archaeologists unearthed Roman coins under a supermarket car park in Dunford.",
    "An airline cancelled dozens of flights when air traffic controllers walked out.",
    "Lifeguards rescued a swimmer caught by strong currents off Pebble Cove.",
    "The library extended its opening hours to include Sunday afternoons from March.",
    "Drought forced water companies to ban garden hosepipes for three counties.",
    // Exactly the default minimum length.
    "Gales toppled pylons on Wexmoor heathland.",
];

/// Sentences never worth picking: too short (under the default minimum of words), quoting,
/// asking.
const INELIGIBLE: &[&str] = &[
    "Rain fell all day.",
    "Frost damaged Altby's vineyards badly.",
    "The mayor resigned.",
    "Prices rose again.",
    "Nobody was hurt.",
    "\"We will rebuild the bridge by next winter,\" the minister said.",
    "Will the new stadium ever attract enough spectators to justify its cost?",
];

fn pool() -> Vec<&'static str> {
    LONG.iter().chain(INELIGIBLE).copied().collect()
}

fn eligible(text: &str) -> bool {
    word_count(text) >= SummaryOptions::default().min_words
        && !text.contains(['"', '“', '”'])
        && !text.contains("``")
        && !text.contains("''")
        && !text.ends_with('?')
}

/// One generated document: pool indices, and after each sentence whether a paragraph ends.
type Layout = Vec<(usize, bool)>;

fn document_text(layout: &Layout) -> String {
    let pool = pool();
    let mut text = String::new();
    for (i, &(s, paragraph_end)) in layout.iter().enumerate() {
        text.push_str(pool[s]);
        if i + 1 < layout.len() {
            text.push_str(if paragraph_end { "\n\n" } else { " " });
        }
    }
    text.push('\n');
    text
}

fn documents(layouts: &[Layout]) -> Vec<Document> {
    layouts
        .iter()
        .enumerate()
        .map(|(i, l)| Document {
            source: format!("doc-{i:02}.txt"),
            text: document_text(l),
        })
        .collect()
}

/// 1 to 5 documents of 1 to 8 pool sentences each. Mostly long sentences; the index range is
/// small enough that documents often share sentences.
fn layouts() -> impl Strategy<Value = Vec<Layout>> {
    let n = LONG.len();
    let m = INELIGIBLE.len();
    let sentence = prop_oneof![
        6 => 0..n,
        1 => n..n + m,
    ];
    let layout = prop::collection::vec((sentence, any::<bool>()), 1..=8);
    prop::collection::vec(layout, 1..=5)
}

fn algorithm() -> impl Strategy<Value = Algorithm> {
    prop_oneof![
        Just(Algorithm::TextRank),
        Just(Algorithm::LexRank {
            threshold: Some(0.1)
        }),
        Just(Algorithm::LexRank { threshold: None }),
    ]
}

fn order() -> impl Strategy<Value = Order> {
    prop_oneof![Just(Order::Source), Just(Order::Rank)]
}

/// Prepared sentence texts by (source, index).
fn prepared_texts(prepared: &Prepared) -> HashMap<(String, usize), String> {
    prepared
        .sentences
        .iter()
        .map(|s| {
            (
                (prepared.documents[s.document].source.clone(), s.index),
                s.text.clone(),
            )
        })
        .collect()
}

/// Distinct eligible prepared sentences: how many a sentence budget can pick at most.
fn eligible_count(prepared: &Prepared) -> usize {
    prepared
        .sentences
        .iter()
        .filter(|s| eligible(&s.text))
        .map(|s| s.text.as_str())
        .collect::<HashSet<_>>()
        .len()
}

fn is_word_prefix(prefix: &str, of: &str) -> bool {
    let p: Vec<&str> = prefix.split_whitespace().collect();
    let o: Vec<&str> = of.split_whitespace().collect();
    !p.is_empty() && p.len() <= o.len() && o[..p.len()] == p[..]
}

/// Checks shared by every budget: sources, provenance, no repeats (unless `repeats_elsewhere`:
/// `--truncate` repeats are the business of their own property), `words` adds up. Returns how
/// many sentences are cut prefixes rather than whole prepared sentences.
fn check_common(
    docs: &[Document],
    prepared: &Prepared,
    summary: &Summary,
    repeats_elsewhere: bool,
) -> Result<usize, TestCaseError> {
    let sources: Vec<&str> = docs.iter().map(|d| d.source.as_str()).collect();
    prop_assert_eq!(
        summary
            .sources
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
        sources
    );
    let texts = prepared_texts(prepared);
    let mut cut = 0;
    let mut seen = HashSet::new();
    for s in &summary.sentences {
        let Some(original) = texts.get(&(s.source.clone(), s.index)) else {
            return Err(TestCaseError::fail(format!(
                "no prepared sentence {} of {}",
                s.index, s.source
            )));
        };
        if s.text != *original {
            prop_assert!(
                is_word_prefix(&s.text, original),
                "{:?} is neither sentence {} of {} ({:?}) nor a prefix of it",
                s.text,
                s.index,
                s.source,
                original
            );
            cut += 1;
        }
        prop_assert!(
            seen.insert(s.text.as_str()) || repeats_elsewhere,
            "sentence twice in the summary: {:?}",
            s.text
        );
        prop_assert!(s.score.is_finite());
    }
    prop_assert_eq!(
        summary.words,
        summary
            .sentences
            .iter()
            .map(|s| word_count(&s.text))
            .sum::<usize>()
    );
    if !prepared.sentences.is_empty() {
        prop_assert!(!summary.sentences.is_empty(), "empty summary of sentences");
    }
    Ok(cut)
}

fn json(summary: &Summary) -> Vec<u8> {
    serde_json::to_vec(summary).expect("summaries serialise")
}

#[test]
fn pool_sentences_share_no_terms() {
    let terms = Terms::new(Language::English);
    let bags: Vec<HashSet<String>> = LONG
        .iter()
        .chain(INELIGIBLE)
        .map(|s| terms.of(s).into_iter().collect())
        .collect();
    for i in 0..bags.len() {
        assert!(!bags[i].is_empty(), "{:?} has no terms", pool()[i]);
        for j in i + 1..bags.len() {
            let shared: Vec<_> = bags[i].intersection(&bags[j]).collect();
            assert!(
                shared.is_empty(),
                "{:?} and {:?} share {shared:?}",
                pool()[i],
                pool()[j]
            );
        }
    }
    for s in LONG {
        assert!(eligible(s), "{s:?}");
    }
    for s in INELIGIBLE {
        assert!(!eligible(s), "{s:?}");
    }
}

/// The documents as generated are what `prepare` sees: every prepared sentence is a pool
/// sentence, so the counts below are about the pool.
#[test]
fn prepared_sentences_are_pool_sentences() {
    let layouts: Vec<Layout> = vec![
        vec![(0, false), (1, true), (2, false), (20, true), (3, false)],
        vec![(1, true), (4, true), (24, false), (5, false)],
        vec![(25, false)],
    ];
    let docs = documents(&layouts);
    let prepared = prepare(&docs, Language::English);
    let pool = pool();
    for s in &prepared.sentences {
        assert!(pool.contains(&s.text.as_str()), "{:?}", s.text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// Word budgets: at most N words; whole input sentences, except the one cut sentence
    /// `--truncate` adds, or a lone sentence longer than the whole budget.
    #[test]
    fn word_budget_summaries_quote_the_input_within_budget(
        layouts in layouts(),
        n in 1usize..=120,
        truncate in any::<bool>(),
        algorithm in algorithm(),
        order in order(),
    ) {
        let docs = documents(&layouts);
        let options = SummaryOptions::default()
            .with_budget(Budget::Words(n))
            .with_truncate(truncate)
            .with_algorithm(algorithm)
            .with_order(order);
        let prepared = prepare(&docs, Language::English);
        let summary = summarize(&docs, &options);
        let cut = check_common(&docs, &prepared, &summary, truncate)?;
        prop_assert!(summary.words <= n, "{} words over a budget of {n}", summary.words);
        if truncate {
            prop_assert!(cut <= 1, "{cut} cut sentences");
        } else if cut > 0 {
            prop_assert!(
                summary.sentences.len() == 1 && summary.words == n,
                "a sentence was cut without --truncate: {:?}",
                summary.sentences
            );
        }
        if truncate {
            let input_words: usize = prepared
                .sentences
                .iter()
                .map(|s| s.text.as_str())
                .collect::<HashSet<_>>()
                .iter()
                .filter(|t| eligible(t))
                .map(|t| word_count(t))
                .sum();
            // The budget is filled, except that a cut sentence keeps at least three words: up
            // to two words may stay unused rather than print a stub.
            if input_words > n {
                prop_assert!(
                    summary.words <= n && summary.words + 2 >= n,
                    "--truncate does not fill the budget: {} of {n}",
                    summary.words
                );
            }
        }
    }

    /// With `--truncate`, the cut sentence is new material: not a repeat (whole, or its first
    /// words) of a sentence the summary already has, e.g. the same sentence in another document.
    #[test]
    fn truncated_sentence_does_not_repeat_the_summary(
        layouts in layouts(),
        n in 1usize..=120,
        algorithm in algorithm(),
    ) {
        let docs = documents(&layouts);
        let options = SummaryOptions::default()
            .with_budget(Budget::Words(n))
            .with_truncate(true)
            .with_algorithm(algorithm)
            .with_order(Order::Rank);
        let summary = summarize(&docs, &options);
        let texts: Vec<&str> = summary.sentences.iter().map(|s| s.text.as_str()).collect();
        for (i, a) in texts.iter().enumerate() {
            for (j, b) in texts.iter().enumerate() {
                // A cut of a few words ("The") may open any sentence; a longer one that opens a
                // picked sentence is that sentence again.
                prop_assert!(
                    i == j || a.split_whitespace().count() < 4 || !is_word_prefix(a, b),
                    "{a:?} repeats the start of {b:?} in {texts:?}"
                );
            }
        }
    }

    /// Sentence and ratio budgets: exactly min(N, eligible) sentences, all whole.
    #[test]
    fn sentence_budget_summaries_have_exactly_min_n_eligible(
        layouts in layouts(),
        k in 1usize..=12,
        ratio in prop::option::of(0.01f64..=1.0),
        algorithm in algorithm(),
        order in order(),
    ) {
        let docs = documents(&layouts);
        let prepared = prepare(&docs, Language::English);
        let budget = match ratio {
            Some(r) => Budget::Ratio(r),
            None => Budget::Sentences(k),
        };
        let k = match ratio {
            Some(r) => ((prepared.sentences.len() as f64 * r).round() as usize).max(1),
            None => k,
        };
        let options = SummaryOptions::default().with_budget(budget).with_algorithm(algorithm).with_order(order);
        let summary = summarize(&docs, &options);
        let cut = check_common(&docs, &prepared, &summary, false)?;
        prop_assert_eq!(cut, 0, "sentence budgets never cut");
        let e = eligible_count(&prepared);
        // With nothing eligible the best sentence is taken anyway.
        let expected = if e == 0 { prepared.sentences.len().min(1) } else { k.min(e) };
        prop_assert_eq!(
            summary.sentences.len(),
            expected,
            "budget {:?} (k = {}), {} eligible of {} sentences: {:#?}",
            budget,
            k,
            e,
            prepared.sentences.len(),
            summary.sentences
        );
    }

    /// Only eligible sentences are picked (at least `min_words` words, no quote, no question:
    /// `SummaryOptions::min_words` says shorter ones are never picked), unless nothing is.
    #[test]
    fn only_eligible_sentences_are_picked(
        layouts in layouts(),
        budget in prop_oneof![
            (1usize..=120).prop_map(Budget::Words),
            (1usize..=12).prop_map(Budget::Sentences),
        ],
        algorithm in algorithm(),
    ) {
        let docs = documents(&layouts);
        let prepared = prepare(&docs, Language::English);
        let options = SummaryOptions::default().with_budget(budget).with_algorithm(algorithm);
        let summary = summarize(&docs, &options);
        if eligible_count(&prepared) > 0 {
            let texts = prepared_texts(&prepared);
            for s in &summary.sentences {
                let original = &texts[&(s.source.clone(), s.index)];
                prop_assert!(
                    eligible(original),
                    "{budget:?}: ineligible sentence picked: {original:?} in {:#?}",
                    summary.sentences
                );
            }
        }
    }

    /// Same input twice → the same bytes; and the sources are the inputs, in order, for every
    /// kind of budget.
    #[test]
    fn summaries_are_deterministic(
        layouts in layouts(),
        budget in prop_oneof![
            (1usize..=120).prop_map(Budget::Words),
            (1usize..=12).prop_map(Budget::Sentences),
            (0.01f64..=1.0).prop_map(Budget::Ratio),
        ],
        algorithm in algorithm(),
        order in order(),
    ) {
        let options = SummaryOptions::default().with_budget(budget).with_algorithm(algorithm).with_order(order);
        let first = summarize(&documents(&layouts), &options);
        let second = summarize(&documents(&layouts), &options);
        prop_assert_eq!(json(&first), json(&second));
        let sources: Vec<String> = (0..layouts.len()).map(|i| format!("doc-{i:02}.txt")).collect();
        prop_assert_eq!(&first.sources, &sources);
    }
}

/// Alphanumeric words, lower-cased: what compression must keep in order.
fn plain_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Pieces sentences are built from: clauses, connectives, attributions, frames, parentheticals,
/// ages, quotes and negations, so that every compression rule meets cases it should and should
/// not take.
const PIECES: &[&str] = &[
    "However,",
    "But",
    "On Monday,",
    "Last week,",
    "In Paris,",
    "Officials said Friday that",
    "The minister did not say that",
    "the council approved the barrier",
    "John Smith, 45,",
    "the North Atlantic Treaty Organization (NATO)",
    "(built in 1912)",
    "(R-Texas)",
    "will cost 412 million pounds",
    ", officials said.",
    ", said a spokesman, John Smith.",
    ", according to the police.",
    ", because officials said so.",
    "\"we will rebuild,\" he said.",
    "and the levy will fund part of it",
    ".",
    "it",
    "he said.",
];

proptest! {
    /// A compressed sentence is the source's own words in order (a subsequence), never empty,
    /// and no longer than the source.
    #[test]
    fn compression_keeps_words_in_order(picks in proptest::collection::vec(0..PIECES.len(), 1..12)) {
        use abridge::summary::{compress, Compression};
        let sentence = picks.iter().map(|&i| PIECES[i]).collect::<Vec<_>>().join(" ");
        let sentence = abridge::text::flatten(&sentence);
        if let Some(short) = compress(&sentence, Compression::all()) {
            let source = plain_words(&sentence);
            let kept = plain_words(&short);
            prop_assert!(!kept.is_empty(), "{sentence:?} -> {short:?}");
            prop_assert!(kept.len() < source.len(), "{sentence:?} -> {short:?}");
            let mut rest = source.iter();
            for w in &kept {
                prop_assert!(rest.any(|s| s == w), "{w:?} out of order: {sentence:?} -> {short:?}");
            }
        }
    }
}

proptest! {
    /// Any text at all: compression never panics and never returns an empty sentence.
    #[test]
    fn compression_takes_any_text(text in "\\PC{0,200}", glue in proptest::collection::vec(0..PIECES.len(), 0..6)) {
        use abridge::summary::{compress, Compression};
        let mixed = glue.iter().map(|&i| PIECES[i]).fold(text, |acc, p| format!("{acc} {p}"));
        let sentence = abridge::text::flatten(&mixed);
        if let Some(short) = compress(&sentence, Compression::all()) {
            prop_assert!(!short.trim().is_empty());
        }
    }
}
