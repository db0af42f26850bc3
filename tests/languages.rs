//! Sentence segmentation beyond English: each language's rules (abbreviations, titles, ordinal
//! numbers, quotation marks, the terminals of its script) on sentences written for these tests,
//! and no panic on text of any script. The pySBD cases are run by
//! `../shared/conformance/check_sentences_multi.py`; these are other sentences, so that the
//! rules are checked on text they were not tuned on.

use abridge::text::lang::{detect_text, Language};
use abridge::text::{split, split_in};
use proptest::prelude::*;

fn texts(input: &str, lang: Language) -> Vec<String> {
    split_in(input, lang)
        .iter()
        .map(|s| s.text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

#[track_caller]
fn check(lang: Language, input: &str, expected: &[&str]) {
    assert_eq!(texts(input, lang), expected, "{lang:?}: {input:?}");
}

#[test]
fn german_ordinal_dates_titles_and_quotes() {
    check(
        Language::German,
        "Die Wahl findet am 3. Oktober statt. Danach entscheidet der Rat.",
        &[
            "Die Wahl findet am 3. Oktober statt.",
            "Danach entscheidet der Rat.",
        ],
    );
    check(
        Language::German,
        "Prof. Dr. Weber sprach mit Frau Klein bzw. ihrem Anwalt. Es ging um Geld.",
        &[
            "Prof. Dr. Weber sprach mit Frau Klein bzw. ihrem Anwalt.",
            "Es ging um Geld.",
        ],
    );
    check(
        Language::German,
        "Sie sagte: „Wir kommen. Aber später.“ Dann ging sie.",
        &["Sie sagte: „Wir kommen. Aber später.“", "Dann ging sie."],
    );
    // English has no ordinal full stop: the same date splits there.
    assert_eq!(split("Sie kam am 3. Oktober.").len(), 2);
}

#[test]
fn romance_language_titles_and_abbreviations() {
    check(
        Language::Spanish,
        "La Sra. Gómez llegó tarde. El Dr. Ruiz no.",
        &["La Sra. Gómez llegó tarde.", "El Dr. Ruiz no."],
    );
    check(
        Language::Italian,
        "Ha parlato l'Avv. Rossi con il Dott. Bianchi. Poi se ne sono andati.",
        &[
            "Ha parlato l'Avv. Rossi con il Dott. Bianchi.",
            "Poi se ne sono andati.",
        ],
    );
    check(
        Language::French,
        "Il a dit « Je pars. Adieu. » Puis il est sorti.",
        &["Il a dit « Je pars. Adieu. »", "Puis il est sorti."],
    );
}

#[test]
fn cyrillic_abbreviations_and_quotes() {
    check(
        Language::Russian,
        "Встреча прошла на ул. Ленина. Выступил проф. Иванов.",
        &["Встреча прошла на ул. Ленина.", "Выступил проф. Иванов."],
    );
    check(
        Language::Russian,
        "«Вы готовы? – спросил он. – Тогда идём». Все встали.",
        &["«Вы готовы? – спросил он. – Тогда идём».", "Все встали."],
    );
}

#[test]
fn terminals_of_other_scripts() {
    check(
        Language::Chinese,
        "今天下雨了。我们在家看书！你呢？",
        &["今天下雨了。", "我们在家看书！", "你呢？"],
    );
    // A title in 《》 holds its own exclamation mark; a decimal point is no full stop.
    check(
        Language::Chinese,
        "他看了《你好！世界》电影。票价是３．５元。",
        &["他看了《你好！世界》电影。", "票价是３．５元。"],
    );
    check(
        Language::Japanese,
        "彼は「明日行く。」と言った。本当ですか？",
        &["彼は「明日行く。」と言った。", "本当ですか？"],
    );
    check(
        Language::Hindi,
        "आज बारिश हुई। हम घर पर रहे।",
        &["आज बारिश हुई।", "हम घर पर रहे।"],
    );
    check(
        Language::Arabic,
        "هل انتهى الاجتماع؟ نعم انتهى.",
        &["هل انتهى الاجتماع؟", "نعم انتهى."],
    );
    check(
        Language::Urdu,
        "آج بارش ہوئی۔ ہم گھر پر رہے۔",
        &["آج بارش ہوئی۔", "ہم گھر پر رہے۔"],
    );
    check(
        Language::Greek,
        "Πού πας; Στο σπίτι.",
        &["Πού πας;", "Στο σπίτι."],
    );
    check(
        Language::Armenian,
        "Այսօր անձրև է: Ժամը 10:30 է:",
        &["Այսօր անձրև է:", "Ժամը 10:30 է:"],
    );
    // A bare question mark ends before a word that follows it, not before a dash of dialogue.
    check(
        Language::Kazakh,
        "Ауыл шаруашылығы – кім? не?",
        &["Ауыл шаруашылығы – кім?", "не?"],
    );
    check(
        Language::Russian,
        "Кто там? — спросил он. Никто не ответил.",
        &["Кто там? — спросил он.", "Никто не ответил."],
    );
    // The Latin point is the Armenian middle stop: a pause, no sentence end.
    check(
        Language::Armenian,
        "Պատասխանում եմ. սեր, գիտելիք: Այսօր անձրև է:",
        &["Պատասխանում եմ. սեր, գիտելիք:", "Այսօր անձրև է:"],
    );
    check(
        Language::Amharic,
        "ዛሬ ዝናብ ዘነበ።ነገ ፀሐይ ይወጣል።",
        &["ዛሬ ዝናብ ዘነበ።", "ነገ ፀሐይ ይወጣል።"],
    );
}

#[test]
fn arabic_colons_and_clause_commas() {
    // A colon ends the heading run into the text; between digits or before `//` it does not.
    check(
        Language::Arabic,
        "أخبار اليوم: وصل الوفد في الساعة 10:30 صباحا. زوروا https://example.org للمزيد.",
        &[
            "أخبار اليوم:",
            "وصل الوفد في الساعة 10:30 صباحا.",
            "زوروا https://example.org للمزيد.",
        ],
    );
    // The Arabic comma ends a clause of two words or more, not an enumeration's one-word items.
    check(
        Language::Arabic,
        "اشترى الخبز، والحليب، والجبن، ثم عاد إلى البيت مساء، وجلس يقرأ الصحيفة",
        &[
            "اشترى الخبز، والحليب، والجبن،",
            "ثم عاد إلى البيت مساء،",
            "وجلس يقرأ الصحيفة",
        ],
    );
    // Persian and Urdu keep the comma inside the sentence.
    check(
        Language::Persian,
        "امروز باران آمد، ما در خانه ماندیم.",
        &["امروز باران آمد، ما در خانه ماندیم."],
    );
}

#[test]
fn wrapped_chinese_and_japanese_lines() {
    let joined = |input: &str, lang: Language| -> Vec<String> {
        split_in(input, lang)
            .iter()
            .map(|s| abridge::text::join_unspaced_lines(s.text).into_owned())
            .collect()
    };
    // A line ending on a particle that binds to what follows is wrapped, and joins without a
    // space.
    assert_eq!(
        joined("東京の新しい駅の\n開業は来月です。", Language::Japanese),
        ["東京の新しい駅の開業は来月です。"]
    );
    assert_eq!(
        joined("政府は新しい経済対策を\n発表した。", Language::Japanese),
        ["政府は新しい経済対策を発表した。"]
    );
    // A headline that ends on `へ` (a predicate left out) stands apart.
    assert_eq!(
        joined("首相、来月訪米へ\n政府は本日発表した。", Language::Japanese),
        ["首相、来月訪米へ", "政府は本日発表した。"]
    );
    assert_eq!(
        joined("这是北京市政府最新的\n交通计划。", Language::Chinese),
        ["这是北京市政府最新的交通计划。"]
    );
    // A full-width comma at the end of a line goes on too.
    assert_eq!(
        joined(
            "地铁三号线今天开通，\n沿线居民表示欢迎。",
            Language::Chinese
        ),
        ["地铁三号线今天开通，沿线居民表示欢迎。"]
    );
    // A headline without a particle at its end stands apart.
    assert_eq!(
        joined("地铁三号线开通\n沿线居民表示欢迎。", Language::Chinese),
        ["地铁三号线开通", "沿线居民表示欢迎。"]
    );
}

#[test]
fn english_rules_are_the_english_splitter() {
    let text =
        "Mr. Smith lives in the U.S. He works for I.B.M. in New York. 今天下雨了。我们在家。";
    assert_eq!(
        split_in(text, Language::English),
        split(text),
        "English through split_in is split"
    );
}

#[test]
fn every_language_keeps_spans_on_its_text() {
    let text =
        "Dr. A. Petrov kam am 12. Mai. 「はい。」と言った！ Fin. 1.Uno, 2.Dos. „Ja. Nein.“ Ende";
    for (lang, _) in Language::ALL {
        let mut last = 0;
        for s in split_in(text, lang) {
            assert_eq!(&text[s.span.range()], s.text, "{lang:?}");
            assert!(s.span.start >= last, "{lang:?}: spans in order");
            assert_eq!(s.text.trim(), s.text);
            last = s.span.end;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Text of many scripts, punctuation and quotes: no panic, spans on character boundaries,
    /// in order, every sentence the text at its span, deterministic.
    #[test]
    fn any_text_in_any_language(
        pieces in proptest::collection::vec(
            prop_oneof![
                Just("。"), Just("？"), Just("！"), Just("．"), Just("؟"), Just("۔"), Just("।"),
                Just("։"), Just(":"), Just("።"), Just("။"), Just(";"), Just("."), Just(".."),
                Just("«"), Just("»"), Just("„"), Just("“"), Just("”"), Just(",,"), Just("\""),
                Just("《"), Just("》"), Just("「"), Just("」"), Just("("), Just(")"), Just(" "),
                Just("\n"), Just("\n\n"), Just("12"), Just("XII"), Just("Dr"), Just("bzw"),
                Just("l'Avv"), Just("проф"), Just("Юг"), Just("中文"), Just("ab"), Just("Ab"),
                Just("３"), Just("ሰ"), Just("ա"), Just("ह"), Just("ع"),
            ],
            0..40,
        ),
        lang_index in 0..Language::ALL.len(),
    ) {
        let text: String = pieces.concat();
        let lang = Language::ALL[lang_index].0;
        let got = split_in(&text, lang);
        let mut last = 0;
        for s in &got {
            prop_assert_eq!(&text[s.span.range()], s.text);
            prop_assert!(s.span.start >= last);
            prop_assert!(!s.text.is_empty());
            last = s.span.end;
        }
        prop_assert_eq!(got, split_in(&text, lang));
    }
}

/// The detection test set: short news paragraphs in 20 languages (`tests/fixtures/lang/detect.tsv`,
/// written for these tests). At least 98% must be detected right; the mean time per paragraph is
/// printed (`cargo test --release --test languages -- --nocapture`).
#[test]
fn detection_of_short_news_paragraphs() {
    let data = include_str!("fixtures/lang/detect.tsv");
    let cases: Vec<(&str, &str)> = data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .collect();
    let languages: std::collections::BTreeSet<&str> = cases.iter().map(|(c, _)| *c).collect();
    assert!(languages.len() >= 15, "{} languages", languages.len());
    let start = std::time::Instant::now();
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(code, text)| {
            let got = detect_text(text).code();
            (got != *code).then(|| format!("{code} detected as {got}: {text}"))
        })
        .collect();
    let per_doc = start.elapsed() / cases.len() as u32;
    eprintln!(
        "detection: {}/{} right, {:?} per paragraph\n{}",
        cases.len() - wrong.len(),
        cases.len(),
        per_doc,
        wrong.join("\n")
    );
    assert!(
        (cases.len() - wrong.len()) * 100 >= cases.len() * 98,
        "{} wrong of {}:\n{}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

/// `--lang auto` (the default) splits each document by its detected language and says which in
/// the JSON; a language given with `--lang` is used as it is.
#[test]
fn cli_detects_each_documents_language() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let run = |args: &[&str], input: &str| -> serde_json::Value {
        let mut child = Command::new(env!("CARGO_BIN_EXE_abridge"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("abridge runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("input written");
        let out = child.wait_with_output().expect("abridge ends");
        assert!(out.status.success());
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let zh = "市议会周二投票决定关闭旧桥进行维修。数千名通勤者必须另寻路线！";
    let v = run(&["sentences", "--raw", "--format", "json", "-"], zh);
    assert_eq!(v[0]["language"], "zh");
    assert_eq!(v[0]["sentences"].as_array().map(Vec::len), Some(2));
    let v = run(
        &[
            "sentences",
            "--raw",
            "--format",
            "json",
            "--lang",
            "en",
            "-",
        ],
        zh,
    );
    assert_eq!(v[0]["language"], "en");
    // English text ends sentences at the full-width marks too.
    assert_eq!(v[0]["sentences"].as_array().map(Vec::len), Some(2));
    let de = "Die Wahl findet am 3. Oktober statt, wie die Stadt am Montag mitteilte. Danach entscheidet der Rat über den Haushalt.";
    let v = run(&["sentences", "--raw", "--format", "json", "-"], de);
    assert_eq!(v[0]["language"], "de");
    assert_eq!(v[0]["sentences"].as_array().map(Vec::len), Some(2));
    // Read as English, the ordinal date `3. Oktober` ends a sentence.
    let v = run(
        &[
            "sentences",
            "--raw",
            "--format",
            "json",
            "--lang",
            "en",
            "-",
        ],
        de,
    );
    assert_eq!(v[0]["language"], "en");
    assert_eq!(v[0]["sentences"].as_array().map(Vec::len), Some(3));
    let v = run(&["clean", "--format", "json", "-"], de);
    assert_eq!(v[0]["language"], "de");
    // `extract` reports the language and counts the sentences by its rules (`3. Oktober` is a
    // date, not a sentence end).
    let v = run(&["extract", "--format", "json", "-"], de);
    assert_eq!(v[0]["language"], "de");
    assert_eq!(v[0]["sentences"], 2);
    let v = run(&["extract", "--format", "json", "-"], zh);
    assert_eq!(v[0]["language"], "zh");
    assert_eq!(v[0]["sentences"], 2);
}

/// The cleaner's furniture words of a language (`article/vocab/<code>/furniture.txt`) drop the
/// subscription prompt and share button set between two paragraphs of a German article, which
/// the English words alone keep.
#[test]
fn german_furniture_words_clean_a_german_page() {
    use abridge::corpus::Document;
    let text = "Neue Brücke über die Elbe eröffnet\n\n\
        Die neue Brücke über die Elbe ist am Montag nach drei Jahren Bauzeit für den Verkehr freigegeben worden. Der Bürgermeister sprach von einem wichtigen Tag für die Region.\n\n\
        Jetzt abonnieren: alle Artikel der Zeitung ohne Werbung lesen, schon ab einem Euro im Monat.\n\n\
        Artikel teilen\n\n\
        Täglich sollen mehr als 20.000 Fahrzeuge die Brücke nutzen, die den Norden und den Süden der Stadt verbindet. Die Kosten lagen deutlich über dem Plan.\n";
    let doc = Document::new("de.txt", text);
    let body = |a: &abridge::article::Article<'_>| a.to_text();
    let german = body(&abridge::article::read_in(&doc, Language::German));
    assert!(
        !german.contains("abonnieren") && !german.contains("Artikel teilen"),
        "{german}"
    );
    assert!(
        german.contains("Täglich sollen") && german.contains("Bauzeit"),
        "{german}"
    );
    let english = body(&abridge::article::read(&doc));
    assert!(
        english.contains("abonnieren"),
        "the English words alone keep it"
    );
    assert_eq!(detect_text(text), Language::German);
}

/// Month names and dates of bylines and datelines in the document's language
/// (`article/vocab/<code>/months.txt`): `clean` dates each fixture of `tests/fixtures/lang/dates`
/// by its dateline (Chinese and Japanese by `2026年7月9日`), and the English one, whose byline
/// holds the French `14 mars 2026`, stays undated.
#[test]
fn clean_dates_articles_by_their_language_month_names() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lang/dates");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_abridge"))
        .args(["clean", dir, "--format", "json"])
        .output()
        .expect("abridge runs");
    assert!(out.status.success());
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let expected = [
        ("de", Some("2026-02-03")),
        ("en", None),
        ("es", Some("2026-03-14")),
        ("fr", Some("2026-04-01")),
        ("it", Some("2026-09-22")),
        ("ja", Some("2026-10-02")),
        ("pt", Some("2026-05-05")),
        ("ru", Some("2026-03-14")),
        ("zh", Some("2026-07-09")),
    ];
    let records = records.as_array().expect("records");
    assert_eq!(records.len(), expected.len());
    for (code, date) in expected {
        let record = records
            .iter()
            .find(|r| {
                r["source"]
                    .as_str()
                    .is_some_and(|s| s.ends_with(&format!("/{code}.txt")))
            })
            .unwrap_or_else(|| panic!("a record for {code}"));
        assert_eq!(record["language"], code, "{code}");
        assert_eq!(record["date"].as_str(), date, "{code}");
    }
}

#[test]
fn an_about_heading_ends_the_article_in_its_language() {
    use abridge::corpus::Document;
    let page = |heading: &str| {
        format!(
            "Neue Brücke über die Elbe eröffnet\n\n\
             Die neue Brücke über die Elbe ist am Montag nach drei Jahren Bauzeit für den Verkehr freigegeben worden. Der Bürgermeister sprach von einem wichtigen Tag für die Region.\n\n\
             Täglich sollen mehr als 20.000 Fahrzeuge die Brücke nutzen, die den Norden und den Süden der Stadt verbindet. Die Kosten lagen deutlich über dem Plan.\n\n\
             {heading}\n\n\
             Als Redakteur schreibt Max Mustermann seit zehn Jahren über Verkehr und Stadtentwicklung in der Region und lebt mit seiner Familie in der Altstadt.\n"
        )
    };
    let body = |text: String| {
        let doc = Document::new("de.txt", text);
        abridge::article::read_in(&doc, Language::German).to_text()
    };
    // `Über Max Mustermann`: the author's bio follows, not the article.
    let cut = body(page("Über Max Mustermann"));
    assert!(!cut.contains("Als Redakteur"), "{cut}");
    assert!(cut.contains("Täglich sollen"), "{cut}");
    // A sentence opening with `Über` is no heading.
    let kept = body(page(
        "Über 300 Menschen feierten die Eröffnung am Montagabend mit einem Fest am Ufer.",
    ));
    assert!(kept.contains("Als Redakteur"), "{kept}");
    // Portuguese `Sobre o autor`.
    let pt = "Nova ponte sobre o rio é inaugurada\n\n\
        A nova ponte sobre o rio foi aberta ao trânsito na segunda-feira depois de três anos de obras. O prefeito falou de um dia importante para a região.\n\n\
        Mais de 20 mil veículos devem usar a ponte todos os dias, ligando o norte e o sul da cidade. Os custos ficaram bem acima do previsto.\n\n\
        Sobre o autor\n\n\
        Jornalista há dez anos, Maria Silva escreve sobre transportes e cidades e mora com a família no centro histórico da cidade.\n";
    let doc = Document::new("pt.txt", pt);
    let text = abridge::article::read_in(&doc, Language::Portuguese).to_text();
    assert!(!text.contains("Jornalista há"), "{text}");
    assert!(text.contains("Mais de 20 mil"), "{text}");
}

#[test]
fn sentences_of_wrapped_chinese_have_no_line_breaks_cleaned_or_raw() {
    use abridge::corpus::Document;
    use abridge::output::document_sentences;
    let text = "市政府今天上午宣布，地铁新线路将\n\
        于明年开通，沿线居民对此表示欢迎。\n\
        新线路全长二十公里，设有十二个车\n\
        站。\n";
    let doc = Document::new("zh.txt", text);
    for raw in [false, true] {
        let (_, found) = document_sentences(&doc, raw, None);
        assert!(!found.is_empty());
        for (sentence, span) in &found {
            assert!(!sentence.contains('\n'), "raw {raw}: {sentence:?}");
            // The span still points at the input, line break and all.
            assert_eq!(text[span.range()].replace('\n', ""), *sentence);
        }
    }
}
