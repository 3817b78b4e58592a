"""Related pages at the end of every page, chosen at build time from the built site.

A customer who finished a page and is still stuck needs the next page to
read, in their language, without a network. The choice is made once per
build, from what the built site already holds:

- links: a page that links to another, or is linked from it, is about the
  same trouble (the strongest sign a writer leaves);
- the search index's similarity: the cosine of two pages' term weights in
  search/index.<lang>.js (the lunr field vectors of their Sudachi words and
  text), so that pages about the same thing match even without a link;
- the same folder (the trouble types, the contact pages).

A writer overrides the choice with `related:` in the page's front matter
(Markdown paths relative to the page, like links, a #section allowed: it is
listed as "page: section"); the template writes it on
the placeholder as `data-hc-related-override`, with the page's source path,
so that this step needs only the site folder. A missing entry is skipped here
and reported by `scripts/check` (rule related-target).
"""

from __future__ import annotations

import heapq
import html
import json
import math
import posixpath
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from helpcenter.paths import LANGUAGES, language_prefix
from helpcenter.search.build_index import index_path, read_script
from helpcenter.search.extract import link_target

MIN_PAGES, MAX_PAGES = 3, 5
LINK_OUT, LINK_IN, SAME_FOLDER, SIMILARITY = 2.0, 1.5, 0.5, 4.0
VECTOR_FIELDS = ("words", "text")
TOP_TERMS = 40
# A top term more pages than this share is left out of the comparison, as
# Lucene's "more like this" leaves out terms above its maxDocFreq: it says
# little about which pages are alike, and comparing every pair of its
# holders costs pages² (10,000 pages of one template share most top terms).
MAX_HOLDERS = 200
PLACEHOLDER = re.compile(r'(<nav class="hc-related"[^>]*>.*?<ul class="hc-related__list">)(</ul>)', re.S)


@dataclass
class Candidate:
    path: str  # site-relative built path, e.g. "en/troubles/trading.html"
    title: str
    vector: dict[int, float] = field(default_factory=dict)
    links: set[str] = field(default_factory=set)


def top_terms(vector: dict[int, float]) -> dict[int, float]:
    """A page's TOP_TERMS heaviest terms, scaled to unit length. Comparing only these (as
    Lucene's "more like this" does) keeps the similarity of every pair of pages from
    costing pages² × terms at 1,000 pages and more, and ignores the long tail."""
    top = heapq.nlargest(TOP_TERMS, vector.items(), key=lambda item: (item[1], -item[0]))
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {term: w / norm for term, w in top}


def similarities(pages: dict[str, Candidate]) -> dict[str, dict[str, float]]:
    """The cosine of every two pages that share a top term (one at most MAX_HOLDERS pages
    share), through an inverted list."""
    tops = {path: top_terms(page.vector) for path, page in pages.items()}
    holders: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for path, top in tops.items():
        for term, weight in top.items():
            holders[term].append((path, weight))
    found: dict[str, dict[str, float]] = {path: defaultdict(float) for path in pages}
    for path, top in tops.items():
        for term, weight in top.items():
            if len(holders[term]) > MAX_HOLDERS:
                continue
            for other, other_weight in holders[term]:
                if other != path:
                    found[path][other] += weight * other_weight
    return found


def _page_vectors(payload: dict) -> dict[str, Candidate]:
    """One candidate per page of the index, its sections' term weights added up."""
    docs = payload["docs"]
    pages: dict[str, Candidate] = {}
    owner: dict[str, str] = {}
    for ref, (location, title, parent, _text) in enumerate(docs):
        if parent < 0:
            pages[location] = Candidate(location, title)
        owner[str(ref)] = docs[ref][0] if parent < 0 else docs[parent][0]
    for key, vector in payload["index"]["fieldVectors"]:
        field_name, ref = key.split("/", 1)
        if field_name not in VECTOR_FIELDS:
            continue
        target = pages[owner[ref]].vector
        for i in range(0, len(vector), 2):
            target[vector[i]] = target.get(vector[i], 0.0) + vector[i + 1]
    return pages


def _links(site_dir: Path, page: str, known: set[str]) -> set[str]:
    """Other pages of the site this page's content links to (not navigation, not its related list)."""
    tree = LexborHTMLParser((site_dir / page).read_text(encoding="utf-8"))
    article = tree.css_first("article")
    found: set[str] = set()
    for a in article.css("a[href]") if article else []:
        if a.parent and a.parent.css_first("ul.hc-related__list") is not None:
            continue
        target = (link_target(a.attributes.get("href") or "", page) or "").partition("#")[0]
        if target in known:
            found.add(target)
    return found


def choose(pages: dict[str, Candidate]) -> dict[str, list[str]]:
    """Up to MAX_PAGES related pages for every page, best first; ties by path, never the page itself."""
    similar = similarities(pages)
    linked_from: dict[str, set[str]] = defaultdict(set)
    folders: dict[str, set[str]] = defaultdict(set)
    for path, page in pages.items():
        folders[posixpath.dirname(path)].add(path)
        for target in page.links:
            linked_from[target].add(path)
    chosen: dict[str, list[str]] = {}
    for path, page in pages.items():
        folder = folders[posixpath.dirname(path)]
        candidates = (set(similar[path]) | page.links | linked_from[path] | folder) - {path}
        scores = {other: SIMILARITY * similar[path].get(other, 0.0) + LINK_OUT * (other in page.links)
                  + LINK_IN * (other in linked_from[path]) + SAME_FOLDER * (other in folder)
                  for other in candidates}
        chosen[path] = sorted(scores, key=lambda p: (-round(scores[p], 9), p))[:MAX_PAGES]
    return chosen


def override(page: str, lang: str, source: str, entries: list[str], known: set[str]) -> list[str]:
    """A writer's `related:` (Markdown paths relative to the page's source, a #section allowed)
    as built locations of pages that exist ("en/faq.html#account").

    `source` is the page's path in docs/, with or without the language folder (docs/<lang>/).
    """
    source = source.removeprefix(f"{lang}/")
    prefix = language_prefix(lang)
    out = []
    for entry in entries:
        path, _, anchor = str(entry).partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        built = prefix + target.removesuffix(".md") + ".html"
        location = f"{built}#{anchor}" if anchor else built
        if built in known and built != page and location not in out:
            out.append(location)
    return out


SECTION_SEPARATOR = {"ja": "：", "en": ": "}


def label(location: str, lang: str, pages: dict[str, Candidate], sections: dict[str, str]) -> str:
    """A page's title; for a section, "page title: section title" (a writer may point to one)."""
    path = location.partition("#")[0]
    if location == path or location not in sections:
        return pages[path].title
    return pages[path].title + SECTION_SEPARATOR.get(lang, ": ") + sections[location]


def _items(page: str, lang: str, related: list[str], pages: dict[str, Candidate], sections: dict[str, str]) -> str:
    here = posixpath.dirname(page) or "."
    out = []
    for location in related:
        path, hash_, anchor = location.partition("#")
        href = posixpath.relpath(path, here) + hash_ + anchor
        out.append(f'<li><a href="{html.escape(href)}">{html.escape(label(location, lang, pages, sections))}</a></li>')
    return "".join(out)


def _override_of(text: str) -> tuple[str, list[str]] | None:
    node = LexborHTMLParser(text).css_first("nav.hc-related")
    if node is None:
        return None
    try:
        entries = json.loads(node.attributes.get("data-hc-related-override") or "[]")
    except ValueError:
        entries = []
    return node.attributes.get("data-hc-source") or "", entries if isinstance(entries, list) else []


def write_related(site_dir: Path, languages: tuple[str, ...] = LANGUAGES) -> dict[str, list[str]]:
    """Fill every page's related list; returns {page: related pages} for tests and reports."""
    result: dict[str, list[str]] = {}
    for lang in languages:
        if not index_path(site_dir, lang).exists():
            continue
        payload = read_script(index_path(site_dir, lang))
        sections = {doc[0]: doc[1] for doc in payload["docs"] if doc[2] >= 0}
        pages = _page_vectors(payload)
        pages = {p: c for p, c in pages.items() if (site_dir / p).exists()}
        known = set(pages)
        for candidate in pages.values():
            candidate.links = _links(site_dir, candidate.path, known)
        computed = choose(pages)
        for path in pages:
            file = site_dir / path
            text = file.read_text(encoding="utf-8")
            found = _override_of(text)
            if found is None:
                continue
            source, entries = found
            related = override(path, lang, source, entries, known) if entries else []
            related = related or computed[path][:MAX_PAGES]
            result[path] = related
            items = _items(path, lang, related, pages, sections)
            file.write_text(PLACEHOLDER.sub(lambda m, items=items: m[1] + items + m[2], text, count=1),
                            encoding="utf-8")
    return result

