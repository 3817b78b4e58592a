"""Relevance figures with held-out folds: is a ranking change general, or fitted to the rows we read?

The handed-over real queries (../shared/search-queries-real*.tsv) are split
into FOLDS folds by a hash of the query, so a row keeps its fold whatever is
added to the files. Folds in TUNE_FOLDS are the ones whose misses an engineer
reads while trying a change; the others are only ever reported as totals. A
change that lifts the whole set but not the held-out folds is fitting and is
dropped (scripts/helpcenter/search/DESIGN.md). `python -m
helpcenter.bench.folds` prints the table from the built site's index with
the CLI's engine, which ranks exactly as the browser does.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from helpcenter.bench.queries import (
    BLIND_QUERIES,
    HOLDOUT_QUERIES,
    REAL_QUERIES,
    REAL_QUERIES_2,
    SHARED_QUERIES,
    Query,
    read_shared,
)
from helpcenter.paths import LANGUAGES, ROOT, SITE

if TYPE_CHECKING:
    from helpcenter.search.engine import Engine

FOLDS = 4
TUNE_FOLDS = (0, 1)
# The blind list (tests/search/blind-queries.tsv) in halves: its tuning half is the even folds.
BLIND_TUNE_FOLDS = (0, 2)
# Queries labelled with the section a page should lead with (page#anchor), written from the pages' headings.
SECTION_QUERIES = ROOT / "tests" / "search" / "sections.tsv"


def fold_of(query: Query) -> int:
    """A row's fold: stable under reordering and additions (a hash of language and text)."""
    digest = hashlib.sha256(f"{query.lang}\t{query.text}".encode()).digest()
    return digest[0] % FOLDS


def real_queries() -> list[Query]:
    """All handed-over real phrasing (both files), one row per language and text."""
    seen: set[tuple[str, str]] = set()
    out = []
    for path in (REAL_QUERIES, REAL_QUERIES_2):
        for q in read_shared(path, source=path.stem):
            if (q.lang, q.text) not in seen:
                seen.add((q.lang, q.text))
                out.append(q)
    return out


@dataclass(frozen=True)
class Figures:
    n: int
    hit1: float
    hit3: float
    mrr: float

    def __str__(self) -> str:
        return f"{self.hit1:.2f} / {self.hit3:.2f} / {self.mrr:.2f} ({self.n})"


def rank_of(pages: Sequence[str], accept: Sequence[str]) -> int | None:
    return next((i for i, p in enumerate(pages) if p in accept), None)


def figures(ranks: Sequence[int | None]) -> Figures:
    n = len(ranks)
    if not n:
        return Figures(0, 0.0, 0.0, 0.0)
    return Figures(n, sum(r == 0 for r in ranks) / n, sum(r is not None and r < 3 for r in ranks) / n,
                   sum(1 / (r + 1) for r in ranks if r is not None) / n)


def query_sets() -> dict[str, list[Query]]:
    """The lists measured, by name: real phrasing whole, tuning folds, held-out folds, ours, the blind halves."""
    real = real_queries()
    blind = read_shared(BLIND_QUERIES, source="blind")
    return {
        "real, whole": real,
        "real, tuning folds": [q for q in real if fold_of(q) in TUNE_FOLDS],
        "real, held-out folds": [q for q in real if fold_of(q) not in TUNE_FOLDS],
        "search-queries.tsv": read_shared(SHARED_QUERIES),
        "holdout-queries.tsv": read_shared(HOLDOUT_QUERIES, source="holdout"),
        "blind, tuning half": [q for q in blind if fold_of(q) in BLIND_TUNE_FOLDS],
        "blind, judging half": [q for q in blind if fold_of(q) not in BLIND_TUNE_FOLDS],
    }


def table(rank: Callable[[Query], list[str]]) -> dict[str, dict[str, Figures]]:
    """{set name: {lang: Figures}} for `rank` (query -> ranked page paths)."""
    cache: dict[tuple[str, str], list[str]] = {}

    def ranked(q: Query) -> list[str]:
        key = (q.lang, q.text)
        if key not in cache:
            cache[key] = rank(q)
        return cache[key]

    return {name: {lang: figures([rank_of(ranked(q), q.accept) for q in qs if q.lang == lang]) for lang in LANGUAGES}
            for name, qs in query_sets().items()}


def section_figures(lead: Callable[[Query], dict[str, str]]) -> dict[str, tuple[int, float, float]]:
    """{lang: (queries, section hit@1, page hit@1)} on SECTION_QUERIES. `lead` maps a query to
    {page listed: the entry it leads with}, in rank order; a section hit is the labelled page,
    wherever it ranks, leading with the labelled section."""
    out = {}
    labelled = read_shared(SECTION_QUERIES, source="sections")
    for lang in LANGUAGES:
        rows = [q for q in labelled if q.lang == lang]
        sections = pages = 0
        for q in rows:
            listed = lead(q)
            page = q.accept[0].partition("#")[0]
            sections += listed.get(page) in q.accept
            pages += next(iter(listed), None) == page
        out[lang] = (len(rows), sections / len(rows) if rows else 0.0, pages / len(rows) if rows else 0.0)
    return out


def leads(engine: Engine, text: str) -> dict[str, str]:
    """{page listed: the entry it leads with}, in rank order: what section_figures judges."""
    return {p.url: p.sections[0].location for p in engine.search(text)}


def render(rows: dict[str, dict[str, Figures]]) -> list[str]:
    lines = ["hit@1 / hit@3 / MRR (queries)", f"{'list':24} | {'ja':24} | {'en':24}"]
    lines += [f"{name:24} | {str(by['ja']):24} | {str(by['en']):24}" for name, by in rows.items()]
    return lines


def main(argv: list[str] | None = None) -> int:
    from helpcenter.search.engine import Engine

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=SITE)
    parser.add_argument("--misses", action="store_true",
                        help="list the queries of the tuning folds and the blind tuning half not ranked first")
    args = parser.parse_args(argv)
    engines = {lang: Engine.from_site(args.site_dir, lang) for lang in LANGUAGES}

    def rank(q: Query) -> list[str]:
        return [p.url for p in engines[q.lang].search(q.text)]

    print("\n".join(render(table(rank))))

    for lang, (n, sections, pages) in section_figures(lambda q: leads(engines[q.lang], q.text)).items():
        print(f"sections.tsv {lang}: section hit@1 {sections:.2f}, page hit@1 {pages:.2f} ({n})")
    if args.misses:
        sets = query_sets()
        for q in sets["real, tuning folds"] + sets["blind, tuning half"]:
            got = rank(q)
            if rank_of(got, q.accept) != 0:
                print(f"{q.lang}\t{q.text}\t{got[:3]}\taccept {list(q.accept)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
