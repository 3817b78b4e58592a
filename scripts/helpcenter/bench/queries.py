"""The benchmark's queries: the shared list of real questions, plus generated ones.

../shared/search-queries.tsv (lang, query, accepted pages) is the relevance
set for the real site and part of the timing set everywhere: its queries use
the same vocabulary as the synthetic pages, so they hit those too. Accepted
pages are written within a language ("faq.html"); here they become site
paths ("en/faq.html").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from helpcenter.bench.corpus import SyntheticQuery
from helpcenter.paths import ROOT, language_prefix

SHARED_QUERIES = ROOT.parent / "shared" / "search-queries.tsv"
REAL_QUERIES = ROOT.parent / "shared" / "search-queries-real.tsv"  # phrasing others wrote; `#` lines are comments
REAL_QUERIES_2 = ROOT.parent / "shared" / "search-queries-real-2.tsv"  # more of it, kept back until issue 33
TEAM_FILES_MISSING = ("is missing: the team's files (content facts, query lists) live in a folder named shared beside "
                      "this project's folder ({folder}); put a copy there (CI's checkout has it)")
HOLDOUT_QUERIES = ROOT / "tests" / "search" / "holdout-queries.tsv"  # ours, written apart from the shared list
BLIND_QUERIES = ROOT / "tests" / "search" / "blind-queries.tsv"  # written without the pages, labelled from them


@dataclass(frozen=True)
class Query:
    lang: str
    text: str
    accept: tuple[str, ...]  # site paths; empty when no page is known to answer it
    source: str  # "shared" or "synthetic"


def read_shared(path: Path = SHARED_QUERIES, source: str = "shared") -> list[Query]:
    """Queries from a TSV in the shared list's format (the test suite's hold-out list uses it too)."""
    if not path.is_file():
        raise FileNotFoundError(f"{path} " + TEAM_FILES_MISSING.format(folder=path.parent))
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))
    return [Query(r["lang"], r["query"], tuple(language_prefix(r["lang"]) + a for a in r["accept"].split()), source)
            for r in rows]


def from_synthetic(queries: list[SyntheticQuery]) -> list[Query]:
    return [Query(q.lang, q.query, tuple(language_prefix(q.lang) + a for a in q.accept), "synthetic")
            for q in queries]


def first_per_lang(queries: list[Query], n: int | None) -> list[Query]:
    """The first n queries of each language (all when n is None), in their order."""
    if n is None:
        return list(queries)
    seen: dict[str, int] = {}
    out = []
    for q in queries:
        if seen.get(q.lang, 0) < n:
            out.append(q)
            seen[q.lang] = seen.get(q.lang, 0) + 1
    return out


def hit_at_3(pages: list[str], accept: tuple[str, ...]) -> bool:
    return any(p in accept for p in pages[:3])
