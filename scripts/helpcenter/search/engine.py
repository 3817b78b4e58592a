"""Run a query against a prebuilt index, as the browser does.

Mirrors the ranking in `overrides/assets/javascripts/helpcenter/search.js`:
lunr scores each page and section, times the weighted share of the query it
matches, squared; a page ranks by its best-scoring entry plus DEPTH of its
other entries; ties break by the order pages were indexed. Scores are rounded to 6 decimal
places before comparing, so float noise between lunr.py and lunr.js cannot
reorder results.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lunr.index import Index
from lunr.query import Query

from helpcenter.search.analyzer import Analyzer, QueryTerm
from helpcenter.search.build_index import index_path, read_script


@dataclass
class Hit:
    location: str
    title: str
    score: float


@dataclass
class PageResult:
    url: str
    title: str
    score: float
    sections: list[Hit]


# What a result list shows, as search.js shows it: at most MAX_PAGES pages, and
# on each its sections scoring at least SECTION_SHARE of the page's best, at
# most MAX_SECTIONS (a section matching one common bigram is noise).
MAX_PAGES = 50
DEPTH = 0.25
MAX_SECTIONS = 5
SECTION_SHARE = 0.2


class Engine:
    def __init__(self, payload: dict):
        self.lang = payload["lang"]
        self.docs = payload["docs"]
        self.ref_of = {doc[0]: ref for ref, doc in enumerate(self.docs)}
        self.index = Index.load(payload["index"])
        spec = payload["analyzer"]
        self.analyzer = Analyzer(spec["stopwords"], spec["synonyms"], spec["intent"], self.index.inverted_index)

    @classmethod
    def from_site(cls, site_dir: Path, lang: str) -> Engine:
        return cls(read_script(index_path(site_dir, lang)))

    def search(self, text: str) -> list[PageResult]:
        terms = self.analyzer.query_terms(text)
        if not terms:
            return []
        query = self.index.create_query()
        for t in terms:
            query.term(t.term, use_pipeline=False, boost=t.boost,
                       wildcard=Query.WILDCARD_TRAILING if t.prefix else Query.WILDCARD_NONE)
        weights = self.analyzer.factors(text)
        pages: dict[int, PageResult] = {}
        for match in self.index.query(query):
            ref = int(match["ref"])
            location, title, parent, _ = self.docs[ref]
            page_ref = ref if parent < 0 else parent
            score = round(match["score"] * coverage_factor(terms, match["match_data"].metadata, weights), 6)
            if page_ref not in pages:
                page_location, page_title, _, _ = self.docs[page_ref]
                pages[page_ref] = PageResult(page_location, page_title, 0.0, [])
            pages[page_ref].sections.append(Hit(location, title, score))
        for page in pages.values():
            page.score = page_score([hit.score for hit in page.sections])
        ranked = [page for _, page in sorted(pages.items(), key=lambda item: (-item[1].score, item[0]))]
        for page in ranked[:MAX_PAGES]:
            top = max(hit.score for hit in page.sections)
            kept = [hit for hit in page.sections if hit.score >= top * SECTION_SHARE]
            page.sections = sorted(kept, key=lambda hit: (-hit.score, self.ref_of[hit.location]))[:MAX_SECTIONS]
        return ranked[:MAX_PAGES]


def page_score(scores: list[float]) -> float:
    """A page's best entry plus DEPTH of its other entries: the page about a topic treats it
    in several sections, an overview mentions it once."""
    ordered = sorted(scores, reverse=True)
    return round(ordered[0] + DEPTH * sum(ordered[1:]), 6)


def coverage_factor(terms: list[QueryTerm], matched: dict, weights: list[float]) -> float:
    """Weight by the weighted share of the query's tokens an entry matched (itself, by a
    synonym or by a typo), squared.

    lunr adds up term scores, so an entry that matches one query word very
    often can outrank one that matches every word; squaring the share favours
    entries about the whole query ("recovery phrase", not just "recovery").
    The weights (analyzer.factors) make grammar and intent words ("対処法")
    count less than the topic.
    """
    covered: set[int] = set()
    for t in terms:
        if t.term in matched or (t.prefix and any(m.startswith(t.term) for m in matched)):
            covered.update(t.covers)
    total = sum(weights)
    share = sum(w for p, w in enumerate(weights) if p in covered) / total if total else 1.0
    return share * share
