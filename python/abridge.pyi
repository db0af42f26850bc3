"""Type stub of the abridge extension module (PyO3). Records are the JSON records of the
`abridge` command as plain dicts; docs/schema.md describes every field."""

from os import PathLike
from typing import Any, Dict, Iterable, List, Literal, Optional, Sequence, Union

__version__: str

Text = Union[str, bytes]
Path = Union[str, "PathLike[str]"]
Doc = Union[Text, Dict[str, Any]]
Record = Dict[str, Any]

Order = Literal["source", "rank"]

def clean(text: Text, *, source: Optional[str] = None) -> Record:
    """The cleaned article: {"source", "title", "date", "blocks"} (HTML adds "author", "site")."""

def clean_files(paths: Iterable[Path], *, glob: Optional[Sequence[str]] = None) -> List[Record]: ...
def tables(text: Text, *, source: Optional[str] = None, strict: bool = False) -> Record:
    """{"source", "tables": [{"caption", "header", "alignments", "rows", "lines"}]}."""

def tables_files(
    paths: Iterable[Path], *, strict: bool = False, glob: Optional[Sequence[str]] = None
) -> List[Record]: ...
def lists(text: Text, *, source: Optional[str] = None) -> Record:
    """{"source", "lists": [{"ordered", "items", "lines"}]}."""

def lists_files(paths: Iterable[Path], *, glob: Optional[Sequence[str]] = None) -> List[Record]: ...
def sentences(
    text: Text,
    *,
    source: Optional[str] = None,
    raw: bool = False,
    terms: bool = False,
    lang: str = "auto",
) -> Record:
    """{"source", "sentences": [{"text", "span", "terms"?}]}."""

def sentences_files(
    paths: Iterable[Path],
    *,
    raw: bool = False,
    terms: bool = False,
    lang: str = "auto",
    glob: Optional[Sequence[str]] = None,
) -> List[Record]: ...
def extract(text: Text, *, source: Optional[str] = None, words: int = 60) -> Record:
    """One `abridge extract` record: source, language, title, date, sentences, blocks, tables, lists,
    summary. `language` is the ISO 639-1 code of the document's detected language, whose cleaner
    vocabulary, sentence rules, stop words and stemmer the record is built with."""

def extract_files(
    paths: Iterable[Path], *, words: int = 60, glob: Optional[Sequence[str]] = None
) -> List[Record]: ...
def summarize(
    docs: Iterable[Doc],
    *,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    truncate: bool = False,
    order: Order = "source",
    algorithm: Literal["textrank", "lexrank"] = "textrank",
    threshold: float = 0.1,
    similarity: Literal["tfidf", "overlap", "bm25"] = "tfidf",
    lang: str = "auto",
    selection: Literal["auto", "mmr", "coverage", "concepts"] = "auto",
    query: Optional[str] = None,
    keep_quotes: bool = False,
    graph: Literal["auto", "exact", "sparse"] = "auto",
    alpha: Optional[float] = None,
    diversity: Optional[float] = None,
    cost_exponent: Optional[float] = None,
    min_documents: Optional[int] = None,
    unigram_weight: Optional[float] = None,
    mmr_lambda: Optional[float] = None,
    duplicate_threshold: Optional[float] = None,
    min_words: Optional[int] = None,
    position_weight: Optional[float] = None,
    compress: bool = True,
) -> Record:
    """{"sources", "words", "sentences": [{"text", "source", "index", "score", "relevance"?}]}."""

def summarize_files(
    paths: Iterable[Path],
    *,
    glob: Optional[Sequence[str]] = None,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    truncate: bool = False,
    order: Order = "source",
    algorithm: Literal["textrank", "lexrank"] = "textrank",
    threshold: float = 0.1,
    similarity: Literal["tfidf", "overlap", "bm25"] = "tfidf",
    lang: str = "auto",
    selection: Literal["auto", "mmr", "coverage", "concepts"] = "auto",
    query: Optional[str] = None,
    keep_quotes: bool = False,
    graph: Literal["auto", "exact", "sparse"] = "auto",
    alpha: Optional[float] = None,
    diversity: Optional[float] = None,
    cost_exponent: Optional[float] = None,
    min_documents: Optional[int] = None,
    unigram_weight: Optional[float] = None,
    mmr_lambda: Optional[float] = None,
    duplicate_threshold: Optional[float] = None,
    min_words: Optional[int] = None,
    position_weight: Optional[float] = None,
    compress: bool = True,
) -> Record: ...
def stories(
    docs: Iterable[Doc],
    *,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    truncate: bool = False,
    order: Order = "source",
    lang: str = "auto",
    min_documents: int = 1,
    threshold: Optional[float] = None,
    compress: bool = True,
    query: Optional[str] = None,
) -> List[Record]:
    """Story records: {"id", "title", "dates", "documents", "summary"}, largest first."""

def stories_files(
    paths: Iterable[Path],
    *,
    glob: Optional[Sequence[str]] = None,
    words: Optional[int] = None,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    truncate: bool = False,
    order: Order = "source",
    lang: str = "auto",
    min_documents: int = 1,
    threshold: Optional[float] = None,
    compress: bool = True,
    query: Optional[str] = None,
) -> List[Record]: ...
def rouge(
    summary: str,
    references: Sequence[str],
    *,
    words: Optional[int] = None,
    bytes: Optional[int] = None,
) -> Record:
    """{"rouge1", "rouge2", "rougeL"}: each {"recall", "precision", "f1", "hits", "reference_count", "summary_count"}."""
