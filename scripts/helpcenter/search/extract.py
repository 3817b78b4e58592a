"""Cut a built HTML page into searchable sections (page intro, then one per heading).

Works on the built HTML, not on MkDocs internals, so it serves any generator
that puts the page body in `<article>` (Material) or `<main>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

SECTION_TAGS = {"h2", "h3"}
SKIP_TAGS = {"script", "style", "template", "noscript", "svg", "form", "button", "nav"}
SKIP_CLASSES = {"headerlink", "md-source-file", "md-content__button"}
BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote",
    "pre", "section", "details", "summary", "br", "hr", "h4", "h5", "h6", "figure", "figcaption",
}
_SPACES = re.compile(r"\s+")


@dataclass
class Section:
    anchor: str | None  # None for the page's own entry (title and intro)
    title: str
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return _SPACES.sub(" ", "".join(self.parts)).strip()


@dataclass
class Page:
    path: str  # relative to the site root, e.g. "en/troubles/trading.html"
    lang: str
    title: str
    sections: list[Section]


def _skipped(node: LexborNode) -> bool:
    if node.tag in SKIP_TAGS or "data-search-exclude" in node.attributes:
        return True
    classes = set((node.attributes.get("class") or "").split())
    return bool(classes & SKIP_CLASSES)


def _heading_text(node: LexborNode) -> str:
    parts: list[str] = []
    for child in node.traverse(include_text=True):
        if child.tag == "-text" and not any(_skipped(a) for a in _ancestors(child, node)):
            parts.append(child.text_content or "")
    return _SPACES.sub(" ", "".join(parts)).strip()


def _ancestors(node: LexborNode, stop: LexborNode) -> Iterator[LexborNode]:
    current = node.parent
    while current is not None and current != stop:
        yield current
        current = current.parent


def _walk(node: LexborNode, sections: list[Section]) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            sections[-1].parts.append(child.text_content or "")
        elif tag == "-comment" or _skipped(child):
            continue
        elif tag == "h1":
            sections[0].title = _heading_text(child)
        elif tag in SECTION_TAGS and child.attributes.get("id"):
            sections.append(Section(child.attributes["id"], _heading_text(child)))
        else:
            block = tag in BLOCK_TAGS
            if block:
                sections[-1].parts.append(" ")
            _walk(child, sections)
            if block:
                sections[-1].parts.append(" ")


def extract_page(html: str, path: str, lang: str) -> Page:
    """The page's title and sections, in document order."""
    tree = LexborHTMLParser(html)
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    title_node = tree.css_first("title")
    fallback_title = (title_node.text() if title_node else path).split(" - ")[0].strip()
    sections = [Section(None, fallback_title)]
    if root is not None:
        _walk(root, sections)
    return Page(path=path, lang=lang, title=sections[0].title, sections=sections)


def page_language(path: str, languages: tuple[str, ...], default: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in languages and first != default else default


def iter_pages(site_dir: Path, languages: tuple[str, ...], default: str) -> Iterator[Page]:
    """Every content page of the built site (not 404 pages, not assets)."""
    for file in sorted(site_dir.rglob("*.html")):
        rel = file.relative_to(site_dir).as_posix()
        if file.name == "404.html" or rel.startswith(("assets/", "search/")):
            continue
        yield extract_page(file.read_text(encoding="utf-8"), rel, page_language(rel, languages, default))
