//! What `abridge::article::clean` must keep and drop on each page-layout fixture in
//! `tests/fixtures/pages/`.
//!
//! Every fixture is an article written for this project, wrapped in the furniture of one kind of
//! site (wire service, local paper with a mega-menu, blog with comments, tabloid, magazine, live
//! blog, press release, broadcaster, financial news, explainer with headings/list/table, cookie
//! banner and newsletter prompts, hard-wrapped text edition, repeated headline with breadcrumbs,
//! related headlines, desk byline, photo credits, advertisements inside the article, opinion
//! column). The expectations below are the author's reading of each page: the headline, the
//! publication date, sentences of the body that must be kept, furniture that must not be in any
//! block, and the kind of the blocks that are headings, lists or tables.
//!
//! They state the correct result, not the current one: a page whose test fails is a cleaner
//! failure (see `snapshots/clean@<file>.snap` for what the cleaner does now). Each test reports
//! every mismatch of its page at once.

mod common;

use abridge::article::body_sentences;
use abridge::article::{clean, Article, BlockKind};
use std::path::PathBuf;

/// The expectations for one page.
struct Page {
    file: &'static str,
    /// The headline.
    title: Option<&'static str>,
    /// Publication date, `YYYY-MM-DD`.
    date: Option<&'static str>,
    /// Article text that must be in some block (whitespace runs compared as one space).
    keep: &'static [&'static str],
    /// Furniture that must not be in any block.
    drop: &'static [&'static str],
    /// Article text and the kind of the block that must hold it.
    kinds: &'static [(&'static str, BlockKind)],
    /// Lines shown on their own that must not be a block of their own (a pull quote repeating a
    /// sentence of the body), compared with the whole text of each block.
    not_a_block: &'static [&'static str],
    /// Inclusive ranges of 1-based lines every non-blank line of which must be inside a block.
    body_lines: &'static [(usize, usize)],
}

const PAGE: Page = Page {
    file: "",
    title: None,
    date: None,
    keep: &[],
    drop: &[],
    kinds: &[],
    not_a_block: &[],
    body_lines: &[],
};

fn load(file: &str) -> String {
    common::load_as(&common::fixture_path(&["pages", file]), file.to_string())
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn describe(article: &Article<'_>) -> String {
    let mut out = format!("title: {:?}\ndate: {:?}\n", article.title, article.date);
    for b in &article.blocks {
        let text: String = b.text().chars().take(90).collect();
        out.push_str(&format!(
            "  {:?} {:?} {}\n",
            b.kind(),
            b.lines,
            text.replace('\n', " / ")
        ));
    }
    out
}

/// Checks every expectation of `page` and panics with the list of mismatches.
fn check(page: &Page) {
    let text = load(page.file);
    let article = clean(&text);
    let blocks: Vec<String> = article.blocks.iter().map(|b| squash(&b.text())).collect();
    let mut failures: Vec<String> = Vec::new();

    let title = article.title.as_deref();
    if title != page.title {
        failures.push(format!("title: expected {:?}, got {:?}", page.title, title));
    }
    let date = article.date.map(|d| d.to_string());
    let date = date.as_deref();
    if date != page.date {
        failures.push(format!("date: expected {:?}, got {:?}", page.date, date));
    }
    for want in page.keep {
        let want = squash(want);
        if !blocks.iter().any(|b| b.contains(&want)) {
            failures.push(format!("dropped article text: {want:?}"));
        }
    }
    for furniture in page.drop {
        if let Some(i) = blocks.iter().position(|b| b.contains(furniture)) {
            let b = &article.blocks[i];
            failures.push(format!(
                "kept furniture {furniture:?} in {:?} block at lines {:?}",
                b.kind(),
                b.lines
            ));
        }
    }
    for (want, kind) in page.kinds {
        let want = squash(want);
        let found: Vec<BlockKind> = article
            .blocks
            .iter()
            .zip(&blocks)
            .filter(|(_, t)| t.contains(&want))
            .map(|(b, _)| b.kind())
            .collect();
        if found.is_empty() {
            failures.push(format!("{kind:?} missing: {want:?}"));
        } else if !found.contains(kind) {
            failures.push(format!("{want:?}: expected {kind:?}, got {found:?}"));
        }
    }
    for line in page.not_a_block {
        let line = squash(line);
        if let Some(i) = blocks.iter().position(|b| *b == line) {
            failures.push(format!(
                "repeated line kept as its own block at lines {:?}: {line:?}",
                article.blocks[i].lines
            ));
        }
    }
    for &(first, last) in page.body_lines {
        for (n, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
            if n < first || n > last || line.trim().is_empty() {
                continue;
            }
            if !article
                .blocks
                .iter()
                .any(|b| b.lines[0] <= n && n <= b.lines[1])
            {
                failures.push(format!("body line {n} dropped: {:?}", line.trim()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}: {} mismatch(es):\n- {}\ncleaned:\n{}",
        page.file,
        failures.len(),
        failures.join("\n- "),
        describe(&article)
    );
}

const PAGES: &[Page] = &[
    WIRE_SERVICE,
    LOCAL_MEGAMENU,
    BLOG_COMMENTS,
    TABLOID_MOST_READ,
    MAGAZINE_PULLQUOTE,
    LIVE_BLOG,
    PRESS_RELEASE,
    BROADCASTER_VIDEO,
    FINANCIAL_TICKER,
    HEADINGS_LIST_TABLE,
    COOKIE_NEWSLETTER,
    HARD_WRAPPED,
    REPEATED_HEADLINE_BREADCRUMBS,
    RELATED_HEADLINES,
    DESK_BYLINE_IST,
    PHOTO_CREDITS,
    ADS_INTERLEAVED,
    OPINION_COLUMN,
];

/// Wire-service page: section menu, headline, byline, reading time and timestamps, dateline
/// without a year, the reporting credit in parentheses, trust principles, "Read Next".
const WIRE_SERVICE: Page = Page {
    file: "wire-service.txt",
    title: Some("Ferry operator halts Vestrafjord crossings after hull crack found"),
    date: Some("2025-03-03"),
    keep: &[
        "VESTRAVIK, Norway, March 3 (Nordwire) - A regional ferry operator suspended all crossings",
        "\"Safety comes before the timetable, and we will not take risks with our passengers,\"",
        "fell 4.2% in Brennvik trading by midday.",
        "but she could not say when a full service would resume.",
    ],
    drop: &[
        "Skip to main content",
        "By Ingrid Solvang and Pavel Marek",
        "3 minute read",
        "Updated 2 hours ago",
        "Reporting by Ingrid Solvang",
        "Our Standards",
        "Rail strike in Ostmark enters third day",
        "Harbour crane maker wins order",
        "All quotes delayed",
        "All rights reserved",
    ],
    ..PAGE
};

/// Local paper: a 40-link mega-menu, byline with published and updated dates, an author contact
/// line, tags and a legal footer.
const LOCAL_MEGAMENU: Page = Page {
    file: "local-megamenu.txt",
    title: Some("Brindle Creek board votes to keep Oakhollow Elementary open"),
    date: Some("2024-06-14"),
    keep: &[
        "voted 5-2 on Thursday night to keep Oakhollow Elementary open",
        "count the miles, not just the dollars.",
        "\"We would be putting six-year-olds on a bus for an hour each way to save money on paper,\"",
        "\"I hope we are not back here in three years with less money and fewer options,\" Voss said.",
    ],
    drop: &[
        "Community Calendar",
        "High School Sports",
        "Public Notices",
        "By Martha Quill",
        "Updated Jun 15, 2024",
        "covers education for the Carrow Falls Ledger",
        "Reach her at 555-0142",
        "Tags",
        "Cookie Settings",
    ],
    ..PAGE
};

/// Blog: tagline, post date line, share and like widgets, related post, two comments written as
/// prose, and the reply form.
const BLOG_COMMENTS: Page = Page {
    file: "blog-comments.txt",
    title: Some("Apple Day brings a record crowd to the Fennick orchard"),
    date: Some("2023-10-05"),
    keep: &[
        "the community orchard on Fennick Lane held its ninth Apple Day",
        "The Fennick Russet, which was thought lost until a cutting turned up",
        "the first session is on the second Sunday in January.",
        "See you next October.",
    ],
    drop: &[
        "Small news from a small valley",
        "Posted on October 5, 2023 by hedda",
        "Share this:",
        "Like Loading",
        "Pruning day dates for the winter",
        "Posted in Community",
        "3 thoughts on",
        "Tomas Brel says",
        "My daughter still talks about the cider press",
        "The russet juice was the best thing I have tasted all year.",
        "Leave a Reply",
        "Your email address will not be published",
        "Save my name, email, and website",
        "Post Comment",
        "Theme: Orchardly",
    ],
    ..PAGE
};

/// Tabloid: capitals kicker above the headline, standfirst, byline with published/updated
/// stamps, share buttons, one-sentence paragraphs, a tip-line appeal and a numbered MOST READ
/// list.
const TABLOID_MOST_READ: Page = Page {
    file: "tabloid-most-read.txt",
    title: Some("Shoppers flee as giant sinkhole swallows three cars at Tadmere retail park"),
    date: Some("2024-08-09"),
    keep: &[
        "A 20-metre crater opened up in the car park just after 11am on Saturday",
        "TERRIFIED shoppers ran for cover after a giant sinkhole opened up",
        "\"It sounded like a bomb going off.",
        "The shops are expected to stay shut until at least Tuesday.",
    ],
    drop: &[
        "HOLE LOT OF TROUBLE",
        "Kerry Dunstable",
        "Published: 21:04",
        "Comments 42",
        "WhatsApp",
        "Do you have a story for The Daily Blaze",
        "We pay for videos too",
        "MOST READ IN NEWS",
        "Landlord bans regulars after darts final",
        "Seagull steals chips from mayor",
        "Cookie Policy",
    ],
    ..PAGE
};

/// Magazine feature: standfirst, byline and photographer, a subheading, a pull quote repeating a
/// sentence of the body, the author's bio, a print-edition note and more stories.
const MAGAZINE_PULLQUOTE: Page = Page {
    file: "magazine-pullquote.txt",
    title: Some("The Last Glassworks of Saltry Bay"),
    date: Some("2023-10-02"),
    keep: &[
        "When the furnace at Hollin & Sons went cold, a town lost its oldest trade.",
        "the chimney of Hollin & Sons was the first thing sailors saw of Saltry Bay.",
        "\"We are not saving a factory. We are saving a way of working with your hands,\" Kerrigan says",
        "\"We only need ours to burn until we have taught someone else.\"",
    ],
    drop: &[
        "Features | Culture",
        "By Lena Ostrova",
        "Photographs by Dario Fenn",
        "is a contributing editor at Meridian Quarterly",
        "This article appears in the November 2023 print edition",
        "More from Meridian Quarterly",
        "The Lighthouse Keepers Who Never Left",
    ],
    kinds: &[("A furnace that never slept", BlockKind::Heading)],
    not_a_block: &[
        "“We are not saving a factory. We are saving a way of working with your hands.”",
    ],
    ..PAGE
};

/// Live blog: headline and standfirst, key-events box repeating two entry headings, refresh
/// controls, entries each under a timestamp and a heading, topics and a newsletter prompt.
const LIVE_BLOG: Page = Page {
    file: "live-blog.txt",
    title: Some(
        "Storm Elspeth: ferries cancelled and thousands without power on the Harrow coast – as it happened",
    ),
    date: Some("2024-10-12"),
    keep: &[
        "Red warning for wind in place until 6pm; gusts of 92mph recorded at Skelness Point",
        "Northgrid says its crews have reconnected about half of the 28,000 homes",
        "two walkers were lifted from a ledge below the Skelness cliff path",
        "It had been due to end at 3pm",
        "Harrow Isles Ferries has cancelled every sailing for the rest of Saturday.",
    ],
    drop: &[
        "Jonah Whitlow and Aisha Brennock",
        "Key events",
        "Show key events only",
        "Please turn on JavaScript",
        "2h ago",
        "Refresh",
        "Updated at 15.10 BST",
        "14.22 BST",
        "11.40 BST",
        "Sign up to Morning Briefing",
        "Privacy Notice",
    ],
    kinds: &[
        (
            "Power company says 14,000 homes still cut off",
            BlockKind::Heading,
        ),
        (
            "Coastguard rescues two walkers on Skelness cliffs",
            BlockKind::Heading,
        ),
        ("Red warning extended until 6pm", BlockKind::Heading),
        ("All Harrow ferries cancelled for the day", BlockKind::Heading),
    ],
    ..PAGE
};

/// Press release: distributor header, share links, headline and subheadline, dateline with the
/// wire name, quotes, then the "About" boilerplate, media contact block and distributor advert.
const PRESS_RELEASE: Page = Page {
    file: "press-release.txt",
    title: Some("Brightwater Cold Storage Opens Solar-Powered Warehouse in Halverton"),
    date: Some("2025-01-15"),
    keep: &[
        "Facility cuts energy use by 60% and adds 120 local jobs",
        "HALVERTON, Ontario, Jan. 15, 2025 /Newsline/ -- Brightwater Cold Storage, a family-owned operator",
        "\"Halverton shows that a freezer warehouse can be built to run on sunshine, even in an Ontario winter.\"",
        "fit solar panels to three of its older warehouses by the end of 2026.",
    ],
    drop: &[
        "News provided by",
        "Share to LinkedIn",
        "About Brightwater Cold Storage",
        "operates 14 temperature-controlled warehouses",
        "Media Contact",
        "press@brightwater-cold.example",
        "+1 555 014 2200",
        "SOURCE Brightwater Cold Storage",
        "Journalists Opted In",
        "GET STARTED",
    ],
    ..PAGE
};

/// Broadcaster: menu, date, share/save, reporter and bureau, a "Watch:" video link, image and
/// media captions between paragraphs, related topics, more on this story, follow prompt.
const BROADCASTER_VIDEO: Page = Page {
    file: "broadcaster-video.txt",
    title: Some("Fire crews contain wildfire on Morrow Hill after 30 homes evacuated"),
    date: Some("2025-03-02"),
    keep: &[
        "they have contained a wildfire on Morrow Hill above Lannock",
        "\"one of the most difficult we have faced on the hill in twenty years\".",
        "\"You grab the dog and the passports and you just go,\" he said.",
        "An investigation into the cause of the fire has begun.",
    ],
    drop: &[
        "Edith Carrow",
        "C6 News, Lannock",
        "Watch: Drone footage",
        "Image caption",
        "Smoke from the fire could be seen across the Lannock valley",
        "Media caption",
        "filmed flames reaching the fence",
        "Related topics",
        "More on this story",
        "Watch: How crews fight fires",
        "Moorland fires three times more common",
        "Follow C6 Lannock",
        "approach to external linking",
    ],
    ..PAGE
};

/// Financial news: a stock ticker line, published/updated stamps, the article's "Key Points"
/// list, a video teaser, an investment disclaimer and a market-data note.
const FINANCIAL_TICKER: Page = Page {
    file: "financial-ticker.txt",
    title: Some("Kellan Foods shares jump 18% after grocer raises full-year outlook"),
    date: Some("2025-05-06"),
    keep: &[
        "Kellan Foods raised its full-year profit forecast for the second time this year.",
        "their biggest one-day gain in more than a decade",
        "\"We cut the price of more than 2,000 products, and they came back.\"",
        "The stock had fallen 22% in the twelve months before Tuesday's results.",
    ],
    drop: &[
        "DOW 39,112.16",
        "NASDAQ",
        "Watchlist",
        "@oskarvenn_mp",
        "VIDEO 2:14",
        "Kellan chief on price cuts and the Ardmoor push",
        "Disclaimer",
        "is not investment advice",
        "Data is delayed at least 15 minutes",
        "All Rights Reserved",
    ],
    kinds: &[(
        "The grocer plans to open 25 stores in the Ardmoor region by next spring.",
        BlockKind::List,
    )],
    ..PAGE
};

/// Explainer with the article's own headings, a colon-introduced pipe table and bulleted list,
/// an advertisement marker, a newsletter prompt and a most-popular box.
const HEADINGS_LIST_TABLE: Page = Page {
    file: "headings-list-table.txt",
    title: Some("New bus fares in Ravensholm: what changes on July 1"),
    date: Some("2024-06-18"),
    keep: &[
        "Bus fares across Ravensholm will fall on July 1 for the first time in more than a decade",
        "children under eleven will travel free at all times.",
        "The new fares are:",
        "\"If the buses fill up, we will make the case to keep the fares down for good,\" she said.",
    ],
    drop: &[
        "What's On",
        "News › Transport",
        "By Corin Maddox",
        "Advertisement",
        "Sign up to our daily newsletter",
        "Most Popular",
        "Ravensholm market to close",
        "Tributes paid to former lord mayor",
    ],
    kinds: &[
        ("What is changing", BlockKind::Heading),
        ("Who pays less", BlockKind::Heading),
        ("How to pay", BlockKind::Heading),
        ("| Day pass | £5.80 | £5.00 |", BlockKind::Table),
        ("| Student weekly | £15.00 | £12.00 |", BlockKind::Table),
        (
            "- families with young children, who no longer pay for under-elevens;",
            BlockKind::List,
        ),
        (
            "- students at Ravensholm College, whose weekly ticket falls by a fifth.",
            BlockKind::List,
        ),
    ],
    ..PAGE
};

/// Consent banner written as prose above the page, a newsletter signup inside the article and a
/// subscription appeal after it.
const COOKIE_NEWSLETTER: Page = Page {
    file: "cookie-newsletter.txt",
    title: Some("Swimming banned at Lake Orrin after toxic algae found"),
    date: Some("2025-04-22"),
    keep: &[
        "Swimming and paddle boarding have been banned at Lake Orrin",
        "\"It is very early in the year for us to see this, and it is the worst we have measured,\"",
        "Fishing from the bank is still allowed",
        "would move its weekly sessions to the outdoor pool at Tollbury Leisure Centre",
    ],
    drop: &[
        "We value your privacy",
        "We and our 214 partners",
        "Accept All",
        "Reject All",
        "Manage Preferences",
        "Sophie Garrow",
        "The Tollbury Briefing: Sign up",
        "Enter your email address",
        "By signing up you agree",
        "Never miss a story",
        "Subscribe now",
        "Cookie Policy",
    ],
    ..PAGE
};

/// Plain-text edition hard-wrapped at 70 columns: header and menu, capitals headline, date and
/// byline lines, the body with no blank line between paragraphs, rule and footer.
const HARD_WRAPPED: Page = Page {
    file: "hard-wrapped.txt",
    title: Some("MILL FIRE DESTROYS HISTORIC WOOL STORE IN BRAXHOLM"),
    date: Some("2025-11-20"),
    keep: &[
        "BRAXHOLM -- A fire tore through the former wool store on Tannery Lane early on Wednesday",
        "Six crews from Braxholm and Corriemoor fought the blaze for more than five hours",
        "\"That building was the last of its kind in the valley, and we were so close to saving it.\"",
        "were allowed home at breakfast time.",
    ],
    drop: &[
        "TEXT EDITION",
        "Plain text for screen readers",
        "Menu: [1] News",
        "=====",
        "By Ailsa Mundy, Courier staff",
        "-----",
        "Farm prices hold steady",
        "Letters: the bus shelter",
        "Courier text edition (c) 2025",
        "reply STOP",
    ],
    body_lines: &[(10, 29)],
    ..PAGE
};

/// The headline three times (sticky header, page heading, share bar), breadcrumbs, reporter
/// line with a role, share controls, a tip-line prompt and a most-read box.
const REPEATED_HEADLINE_BREADCRUMBS: Page = Page {
    file: "repeated-headline-breadcrumbs.txt",
    title: Some("Harbour wall repairs to close Quayside Road for six months"),
    date: Some("2025-02-06"),
    keep: &[
        "Quayside Road in Pellingford will close to traffic for six months from March",
        "Buses will follow the same diversion",
        "\"Six months of diggers outside the window is going to hurt.\"",
        "reopen one lane of the road by the start of the school summer holidays.",
    ],
    drop: &[
        "Harbour wall repairs to close Quayside Road for six months",
        "Home › News",
        "By Priya Castellan",
        "Local Democracy Reporter",
        "Copy link",
        "Have you got a story?",
        "Most Read",
        "Pellingford school rated outstanding",
        "Man charged after break-in",
    ],
    ..PAGE
};

/// Related and more-from lists of sentence-case headlines (no final punctuation) right after
/// the article.
const RELATED_HEADLINES: Page = Page {
    file: "related-headlines.txt",
    title: Some("Council approves 300 homes on former Ashgrove airfield"),
    date: Some("2024-09-10"),
    keep: &[
        "Plans for 300 homes on the former Ashgrove airfield were approved on Monday evening",
        "\"If we turn down good schemes on brownfield land, we will end up with worse ones on green fields,\"",
        "will move to a new building on the edge of the site.",
    ],
    drop: &[
        "Nell Barrowby",
        "Ashgrove residents launch petition",
        "Why the district needs 4,000 new homes by 2030",
        "Airfield museum to move to new site next spring",
        "More from the Tribune",
        "Bypass plan back on the table",
        "School meals supplier replaced",
        "Weekend weather: bright but cold",
        "Westmere Wanderers sign striker",
        "Sign up for our newsletter",
    ],
    ..PAGE
};

/// Desk byline `Desk | City | Updated: DD-MM-YYYY HH:MM IST`, lead above it, the headline again
/// below it, an illustration disclaimer, a region list, agency note and a trending list.
const DESK_BYLINE_IST: Page = Page {
    file: "desk-byline-ist.txt",
    title: Some("Karvanpur Metro Completes First Trial Run Across Saranga River"),
    date: Some("2025-06-05"),
    keep: &[
        "ran its first test train across the new Saranga river bridge on Thursday",
        "completed the first trial run of a train across the Saranga river",
        "open the first eleven stations to passengers by April next year.",
        "they were relieved to see a train running at last.",
    ],
    drop: &[
        "Main Menu",
        "Eastline News Desk",
        "Updated: 05-06-2025 14:05 IST",
        "Representative image",
        "Region:",
        "With inputs from agencies",
        "TRENDING",
        "Monsoon Likely to Reach Coastal Districts",
        "Textile Exports Rise",
        "OPINION / BLOG / INTERVIEW",
        "Why mid-sized cities need metro rail",
        "Latest News",
    ],
    ..PAGE
};

/// Photo credits `(Photo: Name/Agency)` alone and at the end of captions, a caption between
/// paragraphs, and a credit line above a caption without one.
const PHOTO_CREDITS: Page = Page {
    file: "photo-credits.txt",
    title: Some("Hundreds of volunteers rebuild Eastmoor Bay pier after storm"),
    date: Some("2024-11-17"),
    keep: &[
        "More than 400 volunteers spent Sunday clearing and repairing the Eastmoor Bay pier",
        "\"We had to send someone to buy every pair of work gloves in town,\"",
        "donated the oak for the new deck",
        "to reopen the pier before Christmas.",
    ],
    drop: &[
        "Search the Gazette",
        "COMMUNITY",
        "By Tomasz Lind",
        "Photo: Mira Tallis/Brackwater Press",
        "Volunteers lift broken planks",
        "hands out gloves to volunteers",
        "Photo: Tomasz Lind/Eastmoor Gazette",
        "Children from Eastmoor Primary paint the new railings",
        "Comments (12)",
        "Sign in to comment",
        "All content ©",
    ],
    ..PAGE
};

/// Newspaper page with a deck under the headline, "Advertisement" and "Story continues below
/// advertisement" markers between paragraphs and a "Recommended" box of links inside the
/// article.
const ADS_INTERLEAVED: Page = Page {
    file: "ads-interleaved.txt",
    title: Some("Night buses return to Corbridge after four-year gap"),
    date: Some("2025-01-28"),
    keep: &[
        "Transit board restores three overnight routes from the university to the east-end suburbs",
        "Overnight buses will return to Corbridge next month",
        "the agency had hired 140 drivers in the past year",
        "taxis home after a late shift cost them up to a third of a night's pay.",
        "This changes my life.",
        "decide whether to add a fourth route to the airport.",
    ],
    drop: &[
        "By Hamid Oyelaran",
        "Staff Reporter",
        "Advertisement",
        "Story continues below",
        "Recommended",
        "Corbridge transit fares to rise 3 per cent",
        "Driver shortage eases",
        "Opinion: Our city shuts down too early",
        "Report an error",
        "Journalistic Standards",
        "Sign up for the Corbridge Commute newsletter",
    ],
    ..PAGE
};

/// Opinion column: section label, columnist byline, audio player, first-person body, the
/// columnist's tagline with a views disclaimer, letters prompt and comments box.
const OPINION_COLUMN: Page = Page {
    file: "opinion-column.txt",
    title: Some(
        "Opinion: Our libraries are not a luxury, and Lowfield should stop treating them like one",
    ),
    date: Some("2024-03-12"),
    keep: &[
        "three of Lowfield's eight branch libraries will close on Saturdays from April.",
        "I counted 73 people there one Saturday last month",
        "they are used most by the people with the least of it.",
        "Councillors should vote to keep the branches open.",
    ],
    drop: &[
        "Today's Paper",
        "OPINION",
        "Harriet Vell, Columnist",
        "Listen to this article",
        "5 min",
        "writes about life in Lowfield every Tuesday",
        "The views expressed in this column",
        "Share your opinion",
        "Write a letter to the editor",
        "Join the conversation",
        "Copyright ©",
    ],
    ..PAGE
};

#[test]
fn every_fixture_has_expectations_and_a_page_sized_length() {
    let dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "fixtures", "pages"]
        .iter()
        .collect();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixtures/pages exists")
        .map(|e| {
            e.expect("readable entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".txt"))
        .collect();
    files.sort();
    let mut covered: Vec<&str> = PAGES.iter().map(|p| p.file).collect();
    covered.sort_unstable();
    assert_eq!(files, covered, "every fixture page has one entry in PAGES");
    assert!(files.len() >= 16);
    for file in &files {
        let lines = load(file).lines().count();
        assert!((25..=80).contains(&lines), "{file}: {lines} lines");
    }
}

#[test]
fn expectations_name_text_that_is_on_the_page() {
    // Guards the expectations themselves: every string must occur in its fixture, so a typo
    // cannot make a `drop` assertion pass vacuously.
    for page in PAGES {
        let text = squash(&load(page.file));
        let strings = page
            .keep
            .iter()
            .chain(page.drop)
            .chain(page.not_a_block)
            .chain(page.title.iter())
            .chain(
                page.kinds
                    .iter()
                    .map(|(s, _)| s)
                    .filter(|s| !s.starts_with(['|', '-'])),
            );
        for s in strings {
            assert!(
                text.contains(&squash(s)),
                "{}: not on the page: {s:?}",
                page.file
            );
        }
    }
}

#[test]
fn wire_service() {
    check(&WIRE_SERVICE);
}

#[test]
fn local_megamenu() {
    check(&LOCAL_MEGAMENU);
}

#[test]
fn blog_comments() {
    check(&BLOG_COMMENTS);
}

#[test]
fn tabloid_most_read() {
    check(&TABLOID_MOST_READ);
}

#[test]
fn magazine_pullquote() {
    check(&MAGAZINE_PULLQUOTE);
}

#[test]
fn live_blog() {
    check(&LIVE_BLOG);
}

#[test]
fn press_release() {
    check(&PRESS_RELEASE);
}

#[test]
fn broadcaster_video() {
    check(&BROADCASTER_VIDEO);
}

#[test]
fn financial_ticker() {
    check(&FINANCIAL_TICKER);
}

#[test]
fn headings_list_table() {
    check(&HEADINGS_LIST_TABLE);
}

#[test]
fn cookie_newsletter() {
    check(&COOKIE_NEWSLETTER);
}

#[test]
fn hard_wrapped() {
    check(&HARD_WRAPPED);
}

#[test]
fn repeated_headline_breadcrumbs() {
    check(&REPEATED_HEADLINE_BREADCRUMBS);
}

#[test]
fn related_headlines() {
    check(&RELATED_HEADLINES);
}

#[test]
fn desk_byline_ist() {
    check(&DESK_BYLINE_IST);
}

#[test]
fn photo_credits() {
    check(&PHOTO_CREDITS);
}

#[test]
fn ads_interleaved() {
    check(&ADS_INTERLEAVED);
}

#[test]
fn opinion_column() {
    check(&OPINION_COLUMN);
}

// --- sentences of the cleaned body ---

#[test]
fn hard_wrapped_sentences_cross_line_breaks_and_skip_the_byline() {
    let text = load("hard-wrapped.txt");
    let article = clean(&text);
    let sentences: Vec<String> = body_sentences(&text, &article)
        .iter()
        .map(|s| squash(s.text))
        .collect();
    assert!(
        sentences.iter().any(|s| s == "No one was hurt."),
        "{sentences:#?}"
    );
    assert!(
        sentences.iter().any(|s| s
            == "Tannery Lane will stay closed while engineers decide whether the remaining walls must come down."),
        "{sentences:#?}"
    );
    assert!(
        !sentences.iter().any(|s| s.contains("Ailsa Mundy")),
        "{sentences:#?}"
    );
}

#[test]
fn table_gives_no_sentences_and_list_items_lose_their_markers() {
    let text = load("headings-list-table.txt");
    let article = clean(&text);
    let sentences: Vec<&str> = body_sentences(&text, &article)
        .iter()
        .map(|s| s.text)
        .collect();
    assert!(!sentences.iter().any(|s| s.contains('|')), "{sentences:#?}");
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("commuters who buy a weekly ticket")),
        "{sentences:#?}"
    );
    assert!(sentences.contains(&"What is changing"), "{sentences:#?}");
}
