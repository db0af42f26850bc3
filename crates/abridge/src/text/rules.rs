//! The sentence splitter's rules per language: which marks end a sentence, which closing quotes
//! may follow them, which quotation pairs hold punctuation that ends nothing, and which
//! abbreviations, titles, sentence starters and ordinal numbers a full stop follows. They are
//! data: `text/vocab/default/segmenter.txt` for every language but English, overridden by a
//! language's own `vocab/<code>/segmenter.txt`, and its word lists `abbreviations.txt`,
//! `prepositive.txt` and `starters.txt` (format: [`super::wordset`]). English keeps the word lists
//! of `vocab/en/*.txt` ([`super::lexicon`]) and reads only its quotation pairs, `quote-max` and
//! full-width terminals from `vocab/en/segmenter.txt`.
//!
//! One engine reads every language ([`super::sentences`]); a language without data of its own
//! gets the default profile, which already knows the terminals of every script.

use super::lang::Language;
use super::lexicon::{KNOWN, PREPOSITIVE, STARTERS};
use super::sentences::TrimSets;
use super::wordset::{entries, WordSet};
use std::sync::{LazyLock, OnceLock};

/// How an abbreviation of the language's list that is not a title ends a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbreviationEnd {
    /// Before a capitalised word (`etc. Mañana`).
    Capital,
    /// Only before a word of the language's sentence starters (`Dr. med. Meyer`, `проф. Семенов`).
    Starter,
}

/// The rules of one language.
#[derive(Debug)]
pub(crate) struct Rules {
    /// English: the splitter runs its English rules, unchanged.
    pub english: bool,
    /// Every mark that ends a sentence.
    pub terminals: Vec<char>,
    /// The terminals that end a sentence wherever they stand, a space after them or not
    /// (`。`, `؟`, `।`, Greek `;`).
    pub script_terminals: Vec<char>,
    /// The script terminals that close a clause rather than a sentence (the Arabic comma `،`):
    /// they end one only before a clause of two words or more, never between the items of an
    /// enumeration (`الدم، والقلب،`).
    pub clause_terminals: Vec<char>,
    /// Characters a line of an unspaced script (Chinese, Japanese) does not end on when the
    /// next line goes on in that script: particles and conjunctions that bind to what follows
    /// (`の`, `を`, `的`): the line break is a wrap, not the end of a sentence or a heading.
    pub continues_after: Vec<char>,
    /// Closing quotes and brackets that may follow a terminal.
    pub closers: Vec<char>,
    /// Quotation pairs: opening mark (one or two characters: `,,`) and closing mark.
    pub quotes: Vec<(String, char)>,
    /// The longest quotation, in characters from its opening to its closing mark, whose
    /// punctuation ends no sentence: a longer one is split as running text.
    pub quote_max: usize,
    /// A question mark ends a sentence before a lower-case word that follows it directly
    /// (`кім? не?`), not only before a capital.
    pub question_before_lower: bool,
    abbreviations: WordSet,
    prepositive: WordSet,
    starters: WordSet,
    pub abbreviation_end: AbbreviationEnd,
    pub ordinal_dot: bool,
    /// The splitter's trimming sets of these rules, built at first use (rebuilding them for
    /// every segment cost 3% of `abridge sentences`).
    trim_sets: OnceLock<TrimSets>,
}

/// The terminals of Latin text, as the English rules have them.
const LATIN_TERMINALS: &[char] = &['.', '?', '!', '…', '‽'];

impl Rules {
    fn english() -> Rules {
        let mut rules = Rules {
            english: true,
            terminals: super::sentences::TERMINALS.to_vec(),
            script_terminals: Vec::new(),
            clause_terminals: Vec::new(),
            continues_after: Vec::new(),
            closers: super::sentences::CLOSERS.to_vec(),
            quotes: Vec::new(),
            quote_max: usize::MAX,
            question_before_lower: false,
            abbreviations: WordSet::default(),
            prepositive: WordSet::default(),
            starters: WordSet::default(),
            abbreviation_end: AbbreviationEnd::Capital,
            ordinal_dot: false,
            trim_sets: OnceLock::new(),
        };
        // English keeps its word lists (`vocab/en/*.txt`); its segmenter file sets its quotation
        // pairs.
        rules.apply(include_str!("vocab/en/segmenter.txt"), true);
        for &c in &rules.script_terminals {
            if !rules.terminals.contains(&c) {
                rules.terminals.push(c);
            }
        }
        rules
    }

    /// The rules of a language other than English from its data files (any may be missing).
    fn of(profile: Option<&str>, abbreviations: &str, prepositive: &str, starters: &str) -> Rules {
        let mut rules = Rules {
            english: false,
            terminals: LATIN_TERMINALS.to_vec(),
            script_terminals: Vec::new(),
            clause_terminals: Vec::new(),
            continues_after: Vec::new(),
            closers: super::sentences::CLOSERS.to_vec(),
            quotes: Vec::new(),
            quote_max: usize::MAX,
            question_before_lower: false,
            abbreviations: WordSet::parse(abbreviations),
            prepositive: WordSet::parse(prepositive),
            starters: WordSet::parse(starters),
            abbreviation_end: AbbreviationEnd::Capital,
            ordinal_dot: false,
            trim_sets: OnceLock::new(),
        };
        rules.apply(include_str!("vocab/default/segmenter.txt"), false);
        if let Some(p) = profile {
            rules.apply(p, true);
        }
        for &c in &rules.script_terminals {
            if !rules.terminals.contains(&c) {
                rules.terminals.push(c);
            }
        }
        rules
    }

    /// Applies a `segmenter.txt`; `own` when it is the language's file, whose `quote` lines
    /// replace the default pairs.
    fn apply(&mut self, data: &str, own: bool) {
        let mut own_quotes = false;
        for line in entries(data) {
            let Some((key, value)) = line.split_once('=') else {
                continue;
            };
            let values: Vec<&str> = value.split_whitespace().collect();
            let chars = || values.iter().filter_map(|v| v.chars().next());
            match key.trim() {
                "script-terminals" | "terminals" => self.script_terminals.extend(chars()),
                "clause-terminals" => {
                    self.script_terminals.extend(chars());
                    self.clause_terminals.extend(chars());
                }
                "closers" => self.closers.extend(chars()),
                "line-continues-after" => self.continues_after.extend(chars()),
                "not-terminals" => {
                    let drop: Vec<char> = chars().collect();
                    self.terminals.retain(|c| !drop.contains(c));
                }
                "quote" => {
                    if let [open, close] = values[..] {
                        if own && !own_quotes {
                            self.quotes.clear();
                            own_quotes = true;
                        }
                        if let Some(c) = close.chars().next() {
                            self.quotes.push((open.to_string(), c));
                        }
                    }
                }
                "abbreviations-end" => {
                    self.abbreviation_end = if value.trim() == "starter" {
                        AbbreviationEnd::Starter
                    } else {
                        AbbreviationEnd::Capital
                    }
                }
                "ordinal-dot" => self.ordinal_dot = value.trim() == "yes",
                "question-before-lower" => {
                    self.question_before_lower = value.trim() == "ends";
                }
                "quote-max" => {
                    if let Ok(n) = value.trim().parse() {
                        self.quote_max = n;
                    }
                }
                _ => {}
            }
        }
    }

    /// The splitter's trimming sets of these rules.
    pub(crate) fn trim_sets(&self) -> &TrimSets {
        self.trim_sets.get_or_init(|| TrimSets::of(self))
    }

    /// The rules of `lang`.
    pub(crate) fn of_language(lang: Language) -> &'static Rules {
        static ENGLISH: LazyLock<Rules> = LazyLock::new(Rules::english);
        static OTHERS: LazyLock<Vec<Rules>> = LazyLock::new(|| {
            Language::ALL
                .iter()
                .map(|(lang, code)| {
                    let (profile, abbreviations, prepositive, starters) = data_of(code);
                    let _ = lang;
                    Rules::of(profile, abbreviations, prepositive, starters)
                })
                .collect()
        });
        if lang == Language::English {
            return &ENGLISH;
        }
        let i = Language::ALL
            .iter()
            .position(|(l, _)| *l == lang)
            .unwrap_or(0);
        &OTHERS[i]
    }

    /// A word (without its final full stop) that a full stop may follow without ending the
    /// sentence: an abbreviation or a title. Elided articles are skipped (`l'Avv` → `avv`).
    pub(crate) fn is_abbreviation(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if self.english {
            return PREPOSITIVE.contains(&lower) || KNOWN.contains(&lower);
        }
        let key = elided(&lower);
        self.abbreviations.contains(key) || self.prepositive.contains(key)
    }

    /// A title that stands before a name and never ends a sentence (`Dr`, `Srta`, `Sig`).
    pub(crate) fn is_prepositive(&self, lower: &str) -> bool {
        if self.english {
            return PREPOSITIVE.contains(lower);
        }
        self.prepositive.contains(elided(lower))
    }

    /// A lower-case word that usually opens a sentence.
    pub(crate) fn is_starter(&self, lower: &str) -> bool {
        if self.english {
            return STARTERS.contains(lower);
        }
        self.starters.contains(lower)
    }

    /// The closing mark of the quotation that `token` opens, if it opens one.
    pub(crate) fn opens_quote(&self, token: &str) -> Option<char> {
        self.quotes
            .iter()
            .find(|(open, _)| token.starts_with(open.as_str()))
            .map(|&(_, close)| close)
    }
}

/// The word after an elided article or preposition (`l'avv` → `avv`, `dell’ing` → `ing`).
fn elided(lower: &str) -> &str {
    match lower.rfind(['\'', '’']) {
        Some(p) => &lower[p + lower[p..].chars().next().map_or(1, char::len_utf8)..],
        None => lower,
    }
}

/// The data files of a language: `segmenter.txt`, `abbreviations.txt`, `prepositive.txt` and
/// `starters.txt` (empty when it has none).
fn data_of(
    code: &str,
) -> (
    Option<&'static str>,
    &'static str,
    &'static str,
    &'static str,
) {
    macro_rules! lang {
        ($c:literal, $profile:expr, $abbr:expr, $prep:expr, $start:expr) => {
            if code == $c {
                return ($profile, $abbr, $prep, $start);
            }
        };
    }
    lang!(
        "ar",
        Some(include_str!("vocab/ar/segmenter.txt")),
        "",
        "",
        ""
    );
    lang!(
        "bg",
        Some(include_str!("vocab/bg/segmenter.txt")),
        include_str!("vocab/bg/abbreviations.txt"),
        "",
        ""
    );
    lang!(
        "da",
        Some(include_str!("vocab/da/segmenter.txt")),
        include_str!("vocab/da/abbreviations.txt"),
        include_str!("vocab/da/prepositive.txt"),
        include_str!("vocab/da/starters.txt")
    );
    lang!(
        "de",
        Some(include_str!("vocab/de/segmenter.txt")),
        include_str!("vocab/de/abbreviations.txt"),
        "",
        include_str!("vocab/de/starters.txt")
    );
    lang!(
        "el",
        Some(include_str!("vocab/el/segmenter.txt")),
        "",
        "",
        ""
    );
    lang!(
        "es",
        None,
        include_str!("vocab/es/abbreviations.txt"),
        include_str!("vocab/es/prepositive.txt"),
        ""
    );
    lang!(
        "fr",
        None,
        include_str!("vocab/fr/abbreviations.txt"),
        "",
        ""
    );
    lang!(
        "hy",
        Some(include_str!("vocab/hy/segmenter.txt")),
        "",
        "",
        ""
    );
    lang!(
        "it",
        None,
        include_str!("vocab/it/abbreviations.txt"),
        include_str!("vocab/it/prepositive.txt"),
        ""
    );
    lang!(
        "ja",
        Some(include_str!("vocab/ja/segmenter.txt")),
        "",
        "",
        ""
    );
    lang!(
        "kk",
        None,
        include_str!("vocab/kk/abbreviations.txt"),
        "",
        ""
    );
    lang!(
        "nl",
        None,
        include_str!("vocab/nl/abbreviations.txt"),
        "",
        ""
    );
    lang!(
        "pl",
        Some(include_str!("vocab/pl/segmenter.txt")),
        include_str!("vocab/pl/abbreviations.txt"),
        "",
        ""
    );
    lang!(
        "ru",
        Some(include_str!("vocab/ru/segmenter.txt")),
        include_str!("vocab/ru/abbreviations.txt"),
        "",
        ""
    );
    lang!(
        "sk",
        Some(include_str!("vocab/sk/segmenter.txt")),
        include_str!("vocab/sk/abbreviations.txt"),
        include_str!("vocab/sk/prepositive.txt"),
        ""
    );
    lang!(
        "zh",
        Some(include_str!("vocab/zh/segmenter.txt")),
        "",
        "",
        ""
    );
    (None, "", "", "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_are_read() {
        let de = Rules::of_language(Language::German);
        assert!(!de.english && de.ordinal_dot);
        assert_eq!(de.abbreviation_end, AbbreviationEnd::Starter);
        assert!(de.closers.contains(&'“') && de.terminals.contains(&'。'));
        assert_eq!(de.opens_quote("„Und"), Some('“'));
        assert_eq!(de.opens_quote(",,Wann"), Some('“'));
        assert!(de.is_abbreviation("bzw") && de.is_starter("wir"));
        let it = Rules::of_language(Language::Italian);
        assert!(it.is_prepositive("l'avv") && it.is_abbreviation("Sig"));
        assert_eq!(it.opens_quote("«Sì"), Some('»'));
        let el = Rules::of_language(Language::Greek);
        assert!(el.script_terminals.contains(&';'));
        assert!(Rules::of_language(Language::English).english);
        assert!(!Rules::of_language(Language::Spanish).ordinal_dot);
    }
}
