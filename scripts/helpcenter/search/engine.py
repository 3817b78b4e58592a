"""Run a query against a prebuilt index, as the browser does.

Mirrors the ranking in `overrides/assets/javascripts/helpcenter/search.js`:
- each query term is looked up weighing what the query words it stands for
  weigh (analyzer.factors): a word's bigrams share its weight, an intent word
  weighs a fifth, so grammar and "how to" cannot outscore the topic;
- lunr scores each page entry and section (BM25, a heading above the text;
  its fields merged into one, merge_fields.py, with the same scores);
- times the weighted share of the query the entry matches, squared, so that
  an entry about the whole query beats one that repeats one word (the
  weights, analyzer.factors, make grammar and intent words count less);
- a page ranks by its best entry plus DEPTH of its others: the page about a
  topic treats it in several sections, an overview mentions it once;
- a page scoring under MIN_SHARE of the best is not listed;
- a listed page leads with the entry whose own words (heading, text, what
  pointers say of it) answer the query best, scored as above on those fields
  only: the page title and keywords every entry carries rank the page, they
  do not choose its section (`lead_order`).
Scores are rounded to 6 decimal places before comparing, so float noise
between lunr.py and lunr.js cannot reorder results; ties break by the order
pages were indexed. The browser first finds the pages the list shows from the
postings and asks lunr.js about their entries only (search.js listedPages);
that changes its cost, not its answer, so the CLI asks lunr.py about every
entry.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass
from pathlib import Path

from lunr.index import Index
from lunr.query import Query

from helpcenter.search.analyzer import Analyzer, QueryTerm
from helpcenter.search.build_index import index_path, read_script
from helpcenter.search.merge_fields import merge_fields


@dataclass
class Hit:
    location: str
    title: str
    score: float
    lead: float = 0.0  # the entry's score on its own fields (lead_order), which orders a page's entries


@dataclass
class QueryVector:
    """lunr's query vector (search.js queryVector): index term id -> boost, the ids ascending, its length."""

    elements: dict[int, float]
    ids: list[int]
    magnitude: float


@dataclass
class PageResult:
    url: str
    title: str
    score: float
    sections: list[Hit]


DEPTH = 0.25
# The least weight a term is looked up with: a bigram across two query words weighs nothing by
# itself, and at this floor an entry where the words stand together (ン履 of ログイン履歴) scores
# above one holding them apart (DESIGN.md, "Query words standing together").
TERM_FLOOR = 0.2
MIN_SHARE = 0.2
# What a result list shows, as search.js shows it: at most MAX_PAGES pages, and
# on each its entries scoring at least SECTION_SHARE of the page's best, at
# most MAX_SECTIONS (a section matching one common bigram is noise, and
# Material renders every entry of a page, even those it folds away).
MAX_PAGES = 50
MAX_SECTIONS = 3
SECTION_SHARE = 0.2
# Fields every entry of a page carries alike (build_index.FIELDS): they say what the page is about, not
# which of its sections answers. A page's own entry is titled with the page title too.
PAGE_FIELDS = ("page", "keywords")
PAGE_ENTRY_FIELDS = (*PAGE_FIELDS, "title")


class Engine:
    def __init__(self, payload: dict):
        self.lang = payload["lang"]
        self.docs = payload["docs"]
        self.ref_of = {doc[0]: ref for ref, doc in enumerate(self.docs)}
        self.index = Index.load(merge_fields(payload["index"]))  # as the browser queries it
        self.own = own_vectors(payload["index"], [doc[2] < 0 for doc in self.docs])
        self.term_ids = {term: entry["_index"] for term, entry in payload["index"]["invertedIndex"]}
        self.term_of = {term_id: term for term, term_id in self.term_ids.items()}
        self.terms = sorted(self.term_ids)
        spec = payload["analyzer"]
        self.analyzer = Analyzer(spec["stopwords"], spec["synonyms"], spec["intent"], self.index.inverted_index,
                                 spec["words"], spec["readings"])

    @classmethod
    def from_site(cls, site_dir: Path, lang: str) -> Engine:
        return cls(read_script(index_path(site_dir, lang)))

    def search(self, text: str) -> list[PageResult]:
        terms = self.analyzer.query_terms(text)
        if not terms:
            return []
        weights = self.analyzer.factors(text)
        pages: dict[int, PageResult] = {}
        for match in self.matches(terms, weights):
            ref = int(match["ref"])
            location, title, parent, _ = self.docs[ref]
            page_ref = ref if parent < 0 else parent
            matched = covered(terms, match["match_data"].metadata)
            score = round(match["score"] * share(matched, weights) ** 2, 6)
            if page_ref not in pages:
                page_location, page_title, _, _ = self.docs[page_ref]
                pages[page_ref] = PageResult(page_location, page_title, 0.0, [])
            pages[page_ref].sections.append(Hit(location, title, score))
        for page in pages.values():
            page.score = page_score([hit.score for hit in page.sections])
        best = max((page.score for page in pages.values()), default=0.0)
        ranked = [page for _, page in sorted(pages.items(), key=lambda item: (-item[1].score, item[0]))
                  if page.score > 0 and page.score >= best * MIN_SHARE]
        query_vector = self.query_vector(terms, weights)
        for page in ranked[:MAX_PAGES]:
            top = max(hit.score for hit in page.sections)
            kept = [hit for hit in page.sections if hit.score >= top * SECTION_SHARE]
            for hit in kept:
                hit.lead = self.lead_score(self.ref_of[hit.location], query_vector, terms, weights)
            page.sections = sorted(kept, key=lambda hit: (-hit.lead, -hit.score,
                                                          self.ref_of[hit.location]))[:MAX_SECTIONS]
        return ranked[:MAX_PAGES]

    def query_vector(self, terms: list[QueryTerm], weights: list[float]) -> QueryVector:
        """lunr's query vector: each term's boost added to every index term it stands for, in query order."""
        vector: dict[int, float] = {}
        for t in terms:
            boost = t.boost * term_weight(t, weights)
            at = bisect.bisect_left(self.terms, t.term)
            while at < len(self.terms) and (self.terms[at].startswith(t.term) if t.prefix
                                            else self.terms[at] == t.term):
                term_id = self.term_ids[self.terms[at]]
                vector[term_id] = vector.get(term_id, 0) + boost
                at += 1
        ids = sorted(vector)
        return QueryVector(vector, ids, math.sqrt(sum(vector[i] * vector[i] for i in ids)))

    def lead_score(self, ref: int, query: QueryVector, terms: list[QueryTerm], weights: list[float]) -> float:
        """An entry's score on its own fields: lunr's cosine on them times the share of the query they match,
        squared (as `search` scores the whole entry), in the browser's arithmetic (search.js leadScores)."""
        own = self.own[ref]
        dot = 0.0
        matched: dict[str, None] = {}
        for i in query.ids:
            if i in own:
                dot += query.elements[i] * own[i]
                matched[self.term_of[i]] = None
        if not matched or not query.magnitude:
            return 0.0
        return round(dot / query.magnitude * share(covered(terms, matched), weights) ** 2, 6)

    def matches(self, terms: list[QueryTerm], weights: list[float], index: Index | None = None) -> list[dict]:
        """lunr's matches of the analyzed query, on `index` (this engine's, fields merged, by default)."""
        index = self.index if index is None else index
        query = index.create_query()
        for t in terms:
            query.term(t.term, use_pipeline=False, boost=t.boost * term_weight(t, weights),
                       wildcard=Query.WILDCARD_TRAILING if t.prefix else Query.WILDCARD_NONE)
        return index.query(query)


def own_vectors(index: dict, page_entry: list[bool]) -> list[dict[int, float]]:
    """Per entry, its field-vector elements summed over its own fields (not PAGE_FIELDS; a page's own entry
    not its title either), in field order from 0 as merge_fields and index-loader.js sum them."""
    vectors = dict(index["fieldVectors"])
    out: list[dict[int, float]] = []
    for ref, is_page in enumerate(page_entry):
        own: dict[int, float] = {}
        for field in index["fields"]:
            if field in (PAGE_ENTRY_FIELDS if is_page else PAGE_FIELDS):
                continue
            elements = vectors.get(f"{field}/{ref}", [])
            for i in range(0, len(elements), 2):
                own[elements[i]] = own.get(elements[i], 0) + elements[i + 1]
        out.append(own)
    return out


def page_score(scores: list[float]) -> float:
    """A page's best entry plus DEPTH of its other entries: the page about a topic treats it
    in several sections, an overview mentions it once."""
    ordered = sorted(scores, reverse=True)
    return round(ordered[0] + DEPTH * sum(ordered[1:]), 6)


def term_weight(term: QueryTerm, weights: list[float]) -> float:
    """What a term weighs in lunr's score: the factors of the query tokens it stands for, at most 1."""
    return min(1.0, max(TERM_FLOOR, sum(weights[p] for p in term.covers)))


def covered(terms: list[QueryTerm], matched: dict) -> set[int]:
    """Positions of the query's tokens an entry matched (itself, by a synonym or by a typo)."""
    out: set[int] = set()
    for t in terms:
        if t.term in matched or (t.prefix and any(m.startswith(t.term) for m in matched)):
            out.update(t.covers)
    return out


def share(positions: set[int], weights: list[float]) -> float:
    """The weighted share of the query's tokens at `positions` (analyzer.factors weighs them)."""
    total = sum(weights)
    return sum(w for p, w in enumerate(weights) if p in positions) / total if total else 1.0
