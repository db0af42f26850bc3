"""The Python API gives the command's JSON records, for every fixture and the example corpus."""
import json
import subprocess
import threading
import time
from pathlib import Path

import pytest

import abridge
from conftest import REPO, abridge_bin, cli, cli_json, cli_jsonl, shared_dir

# Every input set of the per-document commands: the test fixtures (text dumps, markup cases,
# HTML pages, clusters, stories) and the example corpus, walked as the command walks them.
SETS = ["tests/fixtures", "examples/corpus"]


@pytest.fixture(autouse=True)
def at_repo_root(monkeypatch):
    # Sources are paths as given: the API and the command must be given the same ones.
    monkeypatch.chdir(REPO)


def per_file(records, call):
    """`call(bytes, source)` for each record's file, read as bytes (so the API decodes them)."""
    return [call((REPO / r["source"]).read_bytes(), r["source"]) for r in records]


COMMANDS = {
    # name: (command-line arguments, per-text call, *_files call)
    "clean": ([], lambda t, s: abridge.clean(t, source=s), lambda p: abridge.clean_files(p)),
    "tables": ([], lambda t, s: abridge.tables(t, source=s), lambda p: abridge.tables_files(p)),
    "tables-strict": (
        ["--strict"],
        lambda t, s: abridge.tables(t, source=s, strict=True),
        lambda p: abridge.tables_files(p, strict=True),
    ),
    "lists": ([], lambda t, s: abridge.lists(t, source=s), lambda p: abridge.lists_files(p)),
    "sentences": (
        [],
        lambda t, s: abridge.sentences(t, source=s),
        lambda p: abridge.sentences_files(p),
    ),
    "sentences-raw-terms": (
        ["--raw", "--terms"],
        lambda t, s: abridge.sentences(t, source=s, raw=True, terms=True),
        lambda p: abridge.sentences_files(p, raw=True, terms=True),
    ),
    "sentences-terms-de": (
        ["--terms", "--lang", "de"],
        lambda t, s: abridge.sentences(t, source=s, terms=True, lang="de"),
        lambda p: abridge.sentences_files(p, terms=True, lang="de"),
    ),
    "extract": ([], lambda t, s: abridge.extract(t, source=s), lambda p: abridge.extract_files(p)),
    "extract-words": (
        ["--words", "25"],
        lambda t, s: abridge.extract(t, source=s, words=25),
        lambda p: abridge.extract_files(p, words=25),
    ),
}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_records_equal_the_command(name):
    flags, one, files = COMMANDS[name]
    command = name.split("-")[0]
    expected = cli_jsonl(command, *SETS, *flags)
    assert len(expected) > 60, "every fixture has a record"
    # Text passed as bytes (decoded as the command decodes files) and as str.
    assert per_file(expected, one) == expected
    utf8 = [r for r in expected if not (REPO / r["source"]).read_bytes().startswith(b"\xef\xbb\xbf")]
    assert per_file(utf8, lambda b, s: one(b.decode("utf-8"), s)) == utf8
    assert files(SETS) == expected


def test_html_by_name_and_by_sniffing():
    page = (REPO / "tests/fixtures/html/article.html").read_text()
    by_name = abridge.clean(page, source="page.html")
    sniffed = abridge.clean(page)
    assert by_name["source"] == "page.html" and sniffed["source"] == "-"
    assert {k: v for k, v in by_name.items() if k != "source"} == {
        k: v for k, v in sniffed.items() if k != "source"
    }
    assert "author" in by_name or "site" in by_name or by_name["title"]


def summary_sets():
    sets = [REPO / "examples/corpus"] + sorted((REPO / "tests/fixtures/clusters").iterdir())
    return [str(p.relative_to(REPO)) for p in sets]


SUMMARY_OPTIONS = {
    "default": ([], {}),
    "truncate": (["--words", "40", "--truncate"], {"words": 40, "truncate": True}),
    "sentences-rank": (["--sentences", "3", "--order", "rank"], {"sentences": 3, "order": "rank"}),
    "ratio-lexrank": (
        ["--ratio", "0.2", "--algorithm", "lexrank", "--threshold", "0"],
        {"ratio": 0.2, "algorithm": "lexrank", "threshold": 0.0},
    ),
    "coverage-bm25": (
        ["--selection", "coverage", "--similarity", "bm25", "--alpha", "0.2"],
        {"selection": "coverage", "similarity": "bm25", "alpha": 0.2},
    ),
    "concepts": (["--selection", "concepts", "--min-documents", "1"], {"selection": "concepts", "min_documents": 1}),
    "query": (["--query", "What will it cost?"], {"query": "What will it cost?"}),
    "whole-sentences": (["--no-compress", "--words", "60"], {"compress": False, "words": 60}),
    "tuning": (
        ["--mmr-lambda", "0.7", "--min-words", "4", "--position-weight", "0", "--keep-quotes", "--graph", "sparse"],
        {"mmr_lambda": 0.7, "min_words": 4, "position_weight": 0.0, "keep_quotes": True, "graph": "sparse"},
    ),
}


@pytest.mark.parametrize("option", sorted(SUMMARY_OPTIONS))
@pytest.mark.parametrize("folder", summary_sets())
def test_summarize_equals_the_command(folder, option):
    flags, kwargs = SUMMARY_OPTIONS[option]
    expected = cli_json("summarize", folder, *flags)
    assert abridge.summarize_files([folder], **kwargs) == expected
    docs = [{"source": s, "text": (REPO / s).read_bytes()} for s in expected["sources"]]
    assert abridge.summarize(docs, **kwargs) == expected


def test_summarize_duc_topics_equal_the_command():
    docs_dir = shared_dir("eval", "duc2004-dev", "docs")
    topics = sorted(docs_dir.iterdir())
    assert len(topics) == 25
    for topic in topics:
        expected = cli_json("summarize", topic, "--words", "100", "--truncate")
        docs = [{"source": s, "text": Path(s).read_bytes()} for s in expected["sources"]]
        assert abridge.summarize(docs, words=100, truncate=True) == expected, topic.name


def test_plain_strings_are_named_by_index():
    texts = [(REPO / "examples/corpus" / n).read_text() for n in sorted(
        p.name for p in (REPO / "examples/corpus").iterdir())]
    summary = abridge.summarize(texts, words=60)
    assert summary["sources"] == [str(i) for i in range(len(texts))]
    assert summary["sentences"] and all(s["source"] in summary["sources"] for s in summary["sentences"])


@pytest.mark.parametrize("flags,kwargs", [
    ([], {}),
    (["--words", "30", "--min-documents", "2"], {"words": 30, "min_documents": 2}),
    (["--query", "rocket launch fuel valve", "--no-compress"], {"query": "rocket launch fuel valve", "compress": False}),
])
def test_stories_equal_the_command(flags, kwargs):
    folder = "tests/fixtures/stories/mixed"
    expected = cli_jsonl("stories", folder, *flags)
    assert len(expected) >= 2
    assert abridge.stories_files([folder], **kwargs) == expected
    docs = [{"source": str(p.relative_to(REPO)), "text": p.read_bytes()}
            for p in sorted((REPO / folder).iterdir())]
    # Any input order gives the same stories, as the command promises.
    assert abridge.stories(list(reversed(docs)), **kwargs) == expected
    assert cli_json("stories", folder, *flags) == {"stories": expected}


def test_rouge_equals_eval(tmp_path):
    references = tmp_path / "refs"
    summaries = tmp_path / "sums"
    references.mkdir()
    summaries.mkdir()
    refs = [
        "The council approved a tidal barrier on Tuesday.\nIt will cost 412 million pounds.\n",
        "Port Almsey voted for a movable barrier.\nWork starts next spring.\n",
    ]
    summary = "The council voted on Tuesday to build a tidal barrier.\nIt costs 412 million pounds.\n"
    for i, r in enumerate(refs):
        (references / f"t1.{chr(65 + i)}").write_text(r)
    (summaries / "t1.txt").write_text(summary)
    for flags, kwargs in [([], {}), (["--words", "8"], {"words": 8}), (["--bytes", "30"], {"bytes": 30})]:
        report = cli_json("eval", "--references", references, "--summaries", summaries, *flags)
        topic = report["per_topic"][0]
        expected = {k: topic[k] for k in ("rouge1", "rouge2", "rougeL")}
        assert abridge.rouge(summary, refs, **kwargs) == expected


# ---- options are checked with the command's messages ---------------------------------------


def cli_error(*args):
    proc = cli(*args, check=False)
    assert proc.returncode == 2, proc
    return proc.stderr.decode()


@pytest.mark.parametrize(
    "flags,kwargs",
    [
        (["--ratio", "5"], {"ratio": 5.0}),
        (["--words", "0"], {"words": 0}),
        (["--sentences", "0"], {"sentences": 0}),
        (["--sentences", "2", "--truncate"], {"sentences": 2, "truncate": True}),
        (["--mmr-lambda", "2"], {"mmr_lambda": 2.0}),
        (["--duplicate-threshold", "0"], {"duplicate_threshold": 0.0}),
        (["--algorithm", "lexrank", "--threshold", "1.5"], {"algorithm": "lexrank", "threshold": 1.5}),
        (["--selection", "coverage", "--alpha=-1"], {"selection": "coverage", "alpha": -1.0}),
        (["--position-weight=-0.5"], {"position_weight": -0.5}),
        (["--query", "the of and"], {"query": "the of and"}),
    ],
)
def test_summary_options_refused_with_the_command_message(flags, kwargs):
    stderr = cli_error("summarize", "examples/corpus", *flags)
    with pytest.raises(ValueError) as err:
        abridge.summarize(["Some text about a council vote on a barrier."], **kwargs)
    assert stderr == f"abridge: error: {err.value}\n"


@pytest.mark.parametrize(
    "flags,kwargs",
    [(["--threshold", "2"], {"threshold": 2.0}), (["--ratio", "0"], {"ratio": 0.0}), (["--words", "0"], {"words": 0})],
)
def test_story_options_refused_with_the_command_message(flags, kwargs):
    stderr = cli_error("stories", "examples/corpus", *flags)
    with pytest.raises(ValueError) as err:
        abridge.stories(["A text."], **kwargs)
    assert stderr == f"abridge: error: {err.value}\n"


def test_choices_and_languages_refused():
    stderr = cli_error("sentences", "examples/corpus", "--terms", "--lang", "xx")
    with pytest.raises(ValueError) as err:
        abridge.sentences("Text.", terms=True, lang="xx")
    assert str(err.value) in stderr  # clap wraps the library's message
    for kwargs in [{"order": "date"}, {"algorithm": "pagerank"}, {"selection": "best"}, {"graph": "dense"},
                   {"similarity": "jaccard"}, {"lang": "klingon"}]:
        with pytest.raises(ValueError):
            abridge.summarize(["Text."], **kwargs)
    with pytest.raises(ValueError, match="only one of"):
        abridge.summarize(["Text."], words=10, sentences=2)
    with pytest.raises(ValueError, match="at least 1"):
        abridge.extract("Text.", words=0)
    with pytest.raises(ValueError, match="--words must be at least 1"):
        abridge.rouge("a", ["a"], words=0)
    with pytest.raises(ValueError, match="--bytes must be at least 1"):
        abridge.rouge("a", ["a"], bytes=0)


# ---- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [abridge.clean, abridge.tables, abridge.lists, abridge.sentences, abridge.extract])
def test_none_and_wrong_types_raise_type_error(fn):
    for bad in (None, 12, ["text"], {"text": "x"}):
        with pytest.raises(TypeError):
            fn(bad)


def test_invalid_utf8_is_replaced_with_a_warning_as_the_command_does(tmp_path):
    data = b"Caf\xe9 owners protested on Monday. The council met \xff\xfe again on Tuesday.\n"
    (tmp_path / "bad.txt").write_bytes(data)
    expected = cli_jsonl("sentences", tmp_path / "bad.txt")[0]
    with pytest.warns(Warning, match="invalid UTF-8"):
        got = abridge.sentences(data, source=str(tmp_path / "bad.txt"))
    assert got == expected
    assert "\ufffd" in got["sentences"][0]["text"]


def test_binary_bytes_raise_value_error_and_binary_files_are_skipped(tmp_path):
    with pytest.raises(ValueError, match="binary"):
        abridge.extract(b"PK\x03\x04\x00\x00binary")
    (tmp_path / "a.txt").write_text("The harbour closed on Monday after the storm.\n")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02")
    with pytest.warns(Warning, match="binary"):
        records = abridge.clean_files([tmp_path])
    assert [r["source"] for r in records] == [str(tmp_path / "a.txt")]
    assert records == cli_jsonl("clean", tmp_path)


def test_lone_surrogates_raise_unicode_error():
    with pytest.raises(UnicodeEncodeError):
        abridge.clean("broken \udc80 text")


def test_missing_files_raise_os_error(tmp_path):
    with pytest.raises(OSError, match="missing.txt"):
        abridge.extract_files([tmp_path / "missing.txt"])
    with pytest.raises(TypeError):
        abridge.extract_files("examples/corpus")  # one str, not a list
    with pytest.raises(ValueError, match="standard input"):
        abridge.extract_files(["-"])


def test_empty_inputs_give_empty_results():
    assert abridge.clean("")["blocks"] == []
    assert abridge.tables("")["tables"] == []
    assert abridge.sentences("")["sentences"] == []
    empty = abridge.summarize([])
    assert empty["sources"] == [] and empty["sentences"] == [] and empty["words"] == 0
    assert abridge.stories([]) == []
    assert abridge.extract_files([]) == []
    with pytest.raises(TypeError, match="not one text"):
        abridge.summarize("one text, not a list")
    with pytest.raises(ValueError, match="needs a \"text\""):
        abridge.summarize([{"source": "a.txt"}])


def test_a_huge_string_is_processed():
    table = "Seats won:\nParty | Seats |\n---|---|\nGreens | 12 |\n\nThe council met on Monday.\n\n"
    n = 200_000  # about 14 MB
    found = abridge.tables(table * n)["tables"]
    assert len(found) == n
    assert found[-1]["rows"] == [["Greens", "12"]]


def test_the_gil_is_released_during_the_work():
    text = (REPO / "examples/corpus/harbor-herald-barrier-vote.txt").read_text() * 3000
    during = []
    window = {}

    def work():
        window["start"] = time.perf_counter()
        abridge.clean(text)
        window["end"] = time.perf_counter()

    worker = threading.Thread(target=work)
    worker.start()
    while worker.is_alive():
        during.append(time.perf_counter())
        time.sleep(0.001)
    worker.join()
    assert window["end"] - window["start"] > 0.05, "the call is long enough to observe"
    inside = [t for t in during if window["start"] < t < window["end"]]
    # With the GIL held for the whole call, this thread could not run at all in that window.
    assert len(inside) >= 5


def test_help_explains():
    doc = abridge.summarize.__doc__
    for word in ("docs", "words", "ratio", "truncate", "query", "ValueError", "abridge summarize"):
        assert word in doc
    assert abridge.summarize.__text_signature__.startswith("(docs, *, words=None")
    for name in ("clean", "tables", "lists", "sentences", "extract", "stories", "rouge"):
        assert getattr(abridge, name).__doc__ and getattr(abridge, name + "_files", abridge.rouge).__doc__
    assert "dicts" in abridge.__doc__


def test_stub_lists_every_function():
    stub = (REPO / "python/abridge.pyi").read_text()
    public = abridge.__all__
    assert "summarize" in public
    for name in public:
        if callable(getattr(abridge, name)):
            assert f"def {name}(" in stub, name
        else:
            assert f"{name}: " in stub, name


def test_records_are_json_serialisable_as_the_command_prints_them():
    record = abridge.extract_files(["examples/corpus"])[0]
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    expected = cli("extract", "examples/corpus", "--format", "jsonl").stdout.decode().splitlines()[0]
    assert line == expected


def test_deep_nesting_warns_as_the_command(tmp_path):
    deep = tmp_path / "deep.txt"
    deep.write_text("".join("  " * i + "- item\n" for i in range(150)))
    proc = cli("lists", deep, "--format", "jsonl")
    # cli() passes --quiet; the warning is checked without it.
    loud = subprocess.run([abridge_bin(), "lists", str(deep)], capture_output=True)
    assert b"nested deeper than 100 levels" in loud.stderr
    with pytest.warns(Warning, match="nested deeper than 100 levels"):
        got = abridge.lists(deep.read_text(), source=str(deep))
    assert got == json.loads(proc.stdout)


@pytest.mark.parametrize("code", ["de", "fr", "zh"])
def test_summaries_and_stories_of_other_languages_equal_the_command(code):
    # lang="auto" is the default on both sides: the language most documents are in.
    folder = f"tests/fixtures/lang/{code}"
    expected = cli_json("summarize", folder)
    assert abridge.summarize_files([folder]) == expected
    docs = [{"source": s, "text": (REPO / s).read_bytes()} for s in expected["sources"]]
    assert abridge.summarize(docs) == expected
    assert abridge.stories_files([folder]) == cli_jsonl("stories", folder)
