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
(Markdown paths relative to the page, like links); the template writes it on
the placeholder as `data-hc-related-override`, with the page's source path,
so that this step needs only the site folder. A missing entry is skipped here
and reported by `scripts/check` (rule related-target).
"""

from __future__ import annotations

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

MIN_PAGES, MAX_PAGES = 3, 5
LINK_OUT, LINK_IN, SAME_FOLDER, SIMILARITY = 2.0, 1.5, 0.5, 4.0
VECTOR_FIELDS = ("words", "text")
PLACEHOLDER = re.compile(r'(<nav class="hc-related"[^>]*>.*?<ul class="hc-related__list">)(</ul>)', re.S)


@dataclass
class Candidate:
    path: str  # site-relative built path, e.g. "en/troubles/trading.html"
    title: str
    vector: dict[int, float] = field(default_factory=dict)
    links: set[str] = field(default_factory=set)


def _norm(vector: dict[int, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values())) or 1.0


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    small, large = (a, b) if len(a) < len(b) else (b, a)
    return sum(w * large.get(t, 0.0) for t, w in small.items()) / (_norm(a) * _norm(b))


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
        href = (a.attributes.get("href") or "").split("#", 1)[0]
        if not href or ":" in href:
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
        if target in known and target != page:
            found.add(target)
    return found


def choose(pages: dict[str, Candidate]) -> dict[str, list[str]]:
    """Up to MAX_PAGES related pages for every page, best first; ties by path, never the page itself."""
    chosen: dict[str, list[str]] = {}
    for path, page in pages.items():
        scores: dict[str, float] = defaultdict(float)
        for other_path, other in pages.items():
            if other_path == path:
                continue
            score = SIMILARITY * cosine(page.vector, other.vector)
            score += LINK_OUT * (other_path in page.links) + LINK_IN * (path in other.links)
            score += SAME_FOLDER * (posixpath.dirname(path) == posixpath.dirname(other_path))
            scores[other_path] = score
        ranked = sorted(scores, key=lambda p: (-round(scores[p], 9), p))
        chosen[path] = ranked[:MAX_PAGES]
    return chosen


def override(page: str, lang: str, source: str, entries: list[str], known: set[str]) -> list[str]:
    """A writer's `related:` (Markdown paths relative to the page's source) as built paths that exist.

    `source` is the page's path in docs/, with or without the language folder (docs/<lang>/).
    """
    source = source.removeprefix(f"{lang}/")
    prefix = language_prefix(lang)
    out = []
    for entry in entries:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(source), str(entry).split("#", 1)[0]))
        built = prefix + target.removesuffix(".md") + ".html"
        if built in known and built != page and built not in out:
            out.append(built)
    return out


def _items(page: str, related: list[str], pages: dict[str, Candidate]) -> str:
    here = posixpath.dirname(page) or "."
    return "".join(
        f'<li><a href="{html.escape(posixpath.relpath(target, here))}">{html.escape(pages[target].title)}</a></li>'
        for target in related
    )


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
        pages = _page_vectors(read_script(index_path(site_dir, lang)))
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
            items = _items(path, related, pages)
            file.write_text(PLACEHOLDER.sub(lambda m, items=items: m[1] + items + m[2], text, count=1),
                            encoding="utf-8")
    return result

