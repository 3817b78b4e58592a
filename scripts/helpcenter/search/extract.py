"""Cut a built HTML page into searchable sections (page intro, then one per heading).

Works on the built HTML, not on MkDocs internals, so it serves any generator
that puts the page body in `<article>` (Material) or `<main>`.

A list item that points to another page (it opens with a link, or it is a
card with a link) describes that page, not its own: an overview's "入金が反映
されない → 入出金に関する問題" is about the deposits page. Its text is kept
apart as a `Pointer` and indexed with the page it points to, the way web
search credits anchor text to the target, so that the page about a topic
outranks the overview that lists it.
"""

from __future__ import annotations

import posixpath
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
class Pointer:
    target: str  # the page pointed to, relative to the site root, with its #anchor if any
    text: str


@dataclass
class Page:
    path: str  # relative to the site root, e.g. "en/troubles/trading.html"
    lang: str
    title: str
    sections: list[Section]
    pointers: list[Pointer] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)  # the writer's `keywords:` (meta name="keywords")


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


def link_target(href: str, page_path: str) -> str | None:
    """The site path (with #anchor) an href on `page_path` opens, if it is another page of the site."""
    if not href or href.startswith(("#", "/", "//")) or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", href):
        return None
    path, _, anchor = href.partition("#")
    if not path.endswith(".html"):
        return None
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), path))
    if target == page_path or target.startswith("../"):
        return None
    return f"{target}#{anchor}" if anchor else target


def _pointer_target(item: LexborNode, page_path: str) -> str | None:
    """Where a list item points, when it is a pointer: it opens with a link to one other
    page (bold around the link is fine), or it is a card of a `.cards` grid with one."""
    links = [n for n in item.traverse() if n.tag == "a" and not _skipped(n)]
    targets = {t for t in (link_target(n.attributes.get("href") or "", page_path) for n in links) if t}
    if len({t.partition("#")[0] for t in targets}) != 1:
        return None
    target = next(iter(targets)) if len(targets) == 1 else next(iter(targets)).partition("#")[0]
    grid = item.parent.parent if item.parent is not None else None
    if grid is not None and "cards" in (grid.attributes.get("class") or "").split():
        return target
    for node in item.traverse(include_text=True):
        if node.tag == "-text" and (node.text_content or "").strip():
            inside = any(a.tag == "a" for a in _ancestors(node, item))
            return target if inside else None
    return None


def _walk(node: LexborNode, sections: list[Section], page: Page | None = None) -> None:
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            sections[-1].parts.append(child.text_content or "")
        elif tag == "-comment" or _skipped(child):
            continue
        elif tag == "li" and page is not None and (target := _pointer_target(child, page.path)):
            text: list[Section] = [Section(None, "")]
            _walk(child, text)
            page.pointers.append(Pointer(target, text[0].text))
        elif tag == "h1":
            sections[0].title = _heading_text(child)
        elif tag in SECTION_TAGS and child.attributes.get("id"):
            sections.append(Section(child.attributes["id"], _heading_text(child)))
        else:
            block = tag in BLOCK_TAGS
            if block:
                sections[-1].parts.append(" ")
            _walk(child, sections, page)
            if block:
                sections[-1].parts.append(" ")


def extract_page(html: str, path: str, lang: str) -> Page:
    """The page's title and sections, in document order."""
    tree = LexborHTMLParser(html)
    root = tree.css_first("article") or tree.css_first("main") or tree.body
    title_node = tree.css_first("title")
    fallback_title = (title_node.text() if title_node else path).split(" - ")[0].strip()
    page = Page(path=path, lang=lang, title=fallback_title, sections=[Section(None, fallback_title)])
    if root is not None:
        _walk(root, page.sections, page)
    page.title = page.sections[0].title
    page.keywords = meta_keywords(tree)
    return page


def meta_keywords(tree: LexborHTMLParser) -> list[str]:
    """The page's `<meta name="keywords">`, as the template writes front matter `keywords:` (", " between)."""
    node = tree.css_first('meta[name="keywords"]')
    content = (node.attributes.get("content") or "") if node is not None else ""
    return [word.strip() for word in content.split(",") if word.strip()]


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
