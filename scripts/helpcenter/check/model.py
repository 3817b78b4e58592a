"""The project as the rules see it: Markdown sources, built pages and their links.

Everything is read once, up front, from files: the config (`mkdocs.yml`, for
the docs folder, the site URL and the official addresses), the Markdown of
both languages, and the built HTML parsed with selectolax (Lexbor, a
browser-grade HTML parser: it reads attributes and entities the way a browser
does, which regular expressions cannot). Rules only read this model.
"""

from __future__ import annotations

import posixpath
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser, LexborNode

from helpcenter import front_matter
from helpcenter.build import official_links
from helpcenter.check import locate, plain, urls
from helpcenter.front_matter import FrontMatter
from helpcenter.paths import DEFAULT_LANGUAGE, LANGUAGES, language_prefix
from helpcenter.site_config import load_config

ALLOWLIST = Path("data/check/external-allowlist.txt")  # relative to the project root

# Elements and attributes that make the browser fetch or navigate to a URL.
URL_ATTRS: dict[str, tuple[str, ...]] = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src", "srcset"),
    "source": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "frame": ("src",),
    "embed": ("src",), "object": ("data",), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "form": ("action",), "button": ("formaction",), "input": ("src", "formaction"),
    "image": ("href",),
}
IMAGE_ATTRS = {("img", "src"), ("img", "srcset"), ("source", "srcset"), ("source", "src"),
               ("video", "poster"), ("input", "src"), ("image", "href")}
_SELECTOR = ", ".join(f"{tag}[{attr}]" for tag, attrs in URL_ATTRS.items() for attr in attrs)
# SVG links (<a xlink:href>, <image xlink:href>) navigate and load too; CSS selectors cannot name the attribute.
XLINK = "xlink:href"


def _url_nodes(root: LexborNode | LexborHTMLParser) -> list[LexborNode]:
    """Every node with a URL-valued attribute, in document order."""
    top = root.root if isinstance(root, LexborHTMLParser) else root
    if top is None:
        return []
    wanted = {n.mem_id for n in root.css(_SELECTOR)}
    return [n for n in top.traverse(include_text=False) if n.mem_id in wanted or XLINK in n.attributes]


class Say(NamedTuple):
    """A message in both languages: the file a problem is reported at picks one.

    A writer reads the message beside the page they are editing, so a problem
    at a docs/ja/ page is said in Japanese and one anywhere else (docs/en/,
    data/, mkdocs.yml, a built page's template) in English. Rules pass a `Say`
    to `Project.problem`/`text_problem`, or pick with `in_language` (`body.say`).
    """

    ja: str
    en: str

    def in_language(self, lang: str | None) -> str:
        return self.ja if lang == "ja" else self.en


def pick(message: str | Say, lang: str | None) -> str:
    """The message for a problem reported in a file of `lang` (None: not a page's Markdown)."""
    return message.in_language(lang) if isinstance(message, Say) else message


@dataclass(frozen=True)
class Problem:
    """One finding, printed as `path:line:col: rule: message` (plain.py)."""

    path: str
    line: int
    rule: str
    message: str
    template: bool = False  # from the site-wide template, so it repeats on many pages
    col: int = 1  # 1-based column when the tool knows it (annotations point at it); 1 = the line
    severity: str = "error"  # "error" or "warning", as the tool that found it says
    origin: str | None = None  # another file whose change raises it (an English page's Japanese source)

    def __str__(self) -> str:
        return plain.line(self.path, self.line, self.col, self.rule, self.message, self.severity)

    @property
    def is_error(self) -> bool:
        return self.severity != "warning"


@dataclass
class SourcePage:
    """One Markdown file of one language."""

    lang: str
    rel: str  # inside the language folder, e.g. "contact/index.md"
    path: Path
    display: str  # as printed, e.g. "docs/en/contact/index.md"
    lines: list[str]
    front: FrontMatter

    @property
    def built(self) -> str:
        return language_prefix(self.lang) + self.rel[: -len(".md")] + ".html"


@dataclass
class BuiltPage:
    """One built HTML page, parsed on first use."""

    rel: str  # inside the site, e.g. "en/contact/index.html"
    path: Path
    display: str
    lang: str
    source: SourcePage | None

    @cached_property
    def raw(self) -> str:
        return self.path.read_text(encoding="utf-8", errors="replace")

    @cached_property
    def tree(self) -> LexborHTMLParser:
        return LexborHTMLParser(self.raw)

    @cached_property
    def content(self) -> LexborNode | None:
        """The page body written in Markdown: Material's `<article>`, else `<main>`."""
        return self.tree.css_first(".md-content article") or self.tree.css_first("article") \
            or self.tree.css_first("main")

    @cached_property
    def markdown_nodes(self) -> list[LexborNode]:
        """The top-level elements the Markdown made: the article's children before the template's own.

        Material prints the page's "last update" (`div.md-source-file`) right after
        the Markdown, then the partials (feedback, related pages); the last such
        div marks the end, so a look-alike a writer adds earlier stays content.
        """
        if self.content is None:
            return []
        children = [c for c in self.content.iter() if c.tag and not c.tag.startswith("-")]
        ends = [i for i, c in enumerate(children) if "md-source-file" in (c.attributes.get("class") or "").split()]
        return children[: ends[-1]] if ends else children

    @cached_property
    def ids(self) -> set[str]:
        found = {n.attributes.get("id") or "" for n in self.tree.css("[id]")}
        found |= {n.attributes.get("name") or "" for n in self.tree.css("a[name]")}
        return found - {""}


@dataclass
class Link:
    """One URL-valued attribute in a built page."""

    page: BuiltPage
    tag: str
    attr: str
    url: str
    in_content: bool
    nth: int  # earlier links with the same URL in the same part (content or template) of the page
    node: LexborNode = field(repr=False, compare=False)

    @property
    def is_image(self) -> bool:
        return (self.tag, self.attr) in IMAGE_ATTRS


@dataclass
class Project:
    """The sources, the built site and the settings the rules need."""

    root: Path
    config_file: Path
    config: dict
    site_dir: Path
    site_label: str  # how built pages are named in messages, e.g. "site"
    sources: list[SourcePage] = field(default_factory=list)
    pages: dict[str, BuiltPage] = field(default_factory=dict)
    build_log: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, config_file: Path, site_dir: Path, site_label: str | None = None,
             build_log: list[str] | None = None) -> Project:
        root = config_file.resolve().parent
        config = load_config(config_file)
        site_dir = site_dir.resolve()
        project = cls(root, config_file.resolve(), config, site_dir, site_label or _display(site_dir),
                      build_log=build_log or [])
        docs = root / str(config.get("docs_dir", "docs"))
        for lang in LANGUAGES:
            for path in sorted((docs / lang).rglob("*.md")):
                lines = path.read_text(encoding="utf-8").splitlines()
                project.sources.append(SourcePage(lang, path.relative_to(docs / lang).as_posix(), path,
                                                  _display(path, root), lines, front_matter.parse(lines)))
        by_built = {s.built: s for s in project.sources}
        for path in sorted(project.site_dir.rglob("*.html")):
            rel = path.relative_to(project.site_dir).as_posix()
            project.pages[rel] = BuiltPage(rel, path, f"{project.site_label}/{rel}", _lang_of(rel),
                                           by_built.get(rel))
        return project

    def translation_pairs(self) -> Iterator[tuple[SourcePage, SourcePage]]:
        """(Japanese page, its English twin) for every page that exists in both languages."""
        originals = {s.rel: s for s in self.sources if s.lang == DEFAULT_LANGUAGE}
        for translation in self.sources:
            original = originals.get(translation.rel)
            if translation.lang != DEFAULT_LANGUAGE and original is not None:
                yield original, translation

    # -- settings ---------------------------------------------------------------------------

    @property
    def official(self) -> dict[str, str]:
        return dict((self.config.get("extra") or {}).get("official") or {})

    def has_page_script(self, page: BuiltPage) -> bool:
        """Whether an engineer gave the page scripts of its own (`extra.page_scripts`, keyed by the path within a
        language: the composer, with its form)."""
        scripts = (self.config.get("extra") or {}).get("page_scripts") or {}
        return page.source is not None and page.source.rel.removesuffix(".md") + ".html" in scripts

    @property
    def support_email(self) -> str:
        return str(self.official.get("support_email", "")).strip().lower()

    @property
    def official_domain(self) -> str:
        """bitbank.cc: fixed in code (official_links), never taken from the configuration being checked."""
        return official_links.OFFICIAL_DOMAIN

    @property
    def site_url(self) -> str:
        url = str(self.config.get("site_url") or "")
        return url if url.endswith("/") or not url else url + "/"

    @cached_property
    def allowlist(self) -> tuple[list[urls.AllowEntry], list[tuple[int, str]]]:
        return urls.read_allowlist(self.root / ALLOWLIST)

    def config_line(self, key: str) -> tuple[str, int]:
        """Where `key:` is set in the config file, for problems about a setting."""
        lines = self.config_file.read_text(encoding="utf-8").splitlines()
        return self.config_file.name, locate.text_line(lines, [f"{key}:"]) or 1

    def references(self, lang: str) -> dict[str, str]:
        """Reference ids the build defines on every page of `lang` (official_links hook)."""
        return official_links.definitions(self.official, lang)

    # -- links ------------------------------------------------------------------------------

    @cached_property
    def links(self) -> list[Link]:
        found: list[Link] = []
        for page in self.pages.values():
            content_ids = {n.mem_id for n in _url_nodes(page.content)} if page.content else set()
            seen: dict[tuple[bool, str], int] = {}
            for node in _url_nodes(page.tree):
                if _in_banner(node):
                    continue  # the banner's source is data/banner.yml: rule banner-text
                for attr in URL_ATTRS.get(node.tag or "", ()) + ((XLINK,) if XLINK in node.attributes else ()):
                    value = node.attributes.get(attr)
                    if value is None:
                        continue
                    values = _srcset(value) if attr == "srcset" else [value.strip()]
                    in_content = node.mem_id in content_ids
                    for url in values:
                        key = (in_content, url)
                        found.append(Link(page, node.tag or "", attr, url, in_content, seen.get(key, 0), node))
                        seen[key] = seen.get(key, 0) + 1
        return found

    def is_internal(self, url: str) -> bool:
        """Relative, root-relative, or an absolute URL of this very site (canonical links)."""
        return urls.is_internal(url) or bool(self.site_url and url.startswith(self.site_url))

    def is_external(self, url: str) -> bool:
        return urls.is_external(url) and not self.is_internal(url)

    def resolve(self, link: Link) -> str | None:
        """Site-relative path an internal link points to, as Chromium resolves it; None when it leaves the site root.

        The browser's reading (WHATWG URL, `urls.browser_url`) decides the target,
        so `..\\faq.html` is `../faq.html`; a relative path that climbs above the
        site's top folder is None, since from disk (file://) it leaves the site.
        """
        url = link.url
        if self.site_url and url.startswith(self.site_url):
            return posixpath.normpath(url[len(self.site_url):].split("#")[0].split("?")[0] or ".")
        parsed = urls.browser_url(url, link.page.rel)
        if parsed is None or not urls.on_site(parsed):
            return None
        written = unquote(url.split("#", 1)[0].split("?", 1)[0]).replace("\\", "/")
        if not written.strip():
            return link.page.rel
        if not written.startswith("/"):
            climbed = posixpath.normpath(posixpath.join(posixpath.dirname(link.page.rel), written))
            if climbed == ".." or climbed.startswith("../"):
                return None
        path = unquote(parsed.pathname)
        target = posixpath.normpath(path.lstrip("/") or ".")
        return target + ("/" if path.endswith("/") and target != "." else "")

    @staticmethod
    def from_content(link: Link) -> bool:
        return link.in_content and link.page.source is not None

    def label(self, link: Link) -> str:
        """How a message names a link: as written for content, by region and target for the template.

        Template links differ only by depth (`../faq.html`, `faq.html`); naming
        their target lets one broken navigation entry be reported once.
        """
        if self.from_content(link):
            return link.url
        shown = link.url
        if self.is_internal(link.url) and not link.url.startswith("#") and (target := self.resolve(link)):
            fragment = link.url.partition("#")[2]
            shown = target + (f"#{fragment}" if fragment else "")
        return f"{_region(link.node)} link to {shown}"

    # -- where to report --------------------------------------------------------------------

    def problem(self, rule: str, link: Link, message: str | Say) -> Problem:
        """A problem about `link`: at its Markdown line if it came from content, else at the built page.

        A content link that cannot be found in the Markdown is reported at line 1 of
        its page: the file is right even when the line is not. The message is said
        in the language of the file it is reported at (`Say`).
        """
        source = link.page.source
        if self.from_content(link) and source is not None:
            line = locate.link_line(source.lines, link.url, link.nth, self.references(source.lang))
            col = _column(source.lines, line, locate.spellings(link.url))
            return Problem(source.display, line or 1, rule, pick(message, source.lang), col=col)
        line = locate.html_line(link.page.raw, link.attr, link.url, link.nth)
        return Problem(link.page.display, line, rule, pick(message, None), template=True)

    def text_problem(self, rule: str, page: BuiltPage, in_content: bool, message: str | Say,
                     needles: list[str], nth: int = 0, digits: str = "") -> Problem:
        """A problem about text or markup found in a page, located by searching for `needles`."""
        source = page.source
        if in_content and source is not None:
            line = locate.text_line(source.lines, needles, nth, ignore_case=True)
            if line is None and needles:
                line = locate.normalized_line(source.lines, needles[0], digits)
            return Problem(source.display, line or 1, rule, pick(message, source.lang),
                           col=_column(source.lines, line, needles))
        line = locate.text_line(page.raw.splitlines(), needles, nth, ignore_case=True) or 1
        return Problem(page.display, line, rule, pick(message, None), template=True)

    def target_name(self, target: str, lang: str) -> str:
        """How to name a built page in a message: its Markdown path when it has one."""
        for s in self.sources:
            if s.built == target:
                return s.rel if s.lang == lang else f"{s.lang}/{s.rel}"
        return target


_REGIONS = (("md-select", "language switcher"), ("md-footer", "footer"), ("md-nav", "navigation"),
            ("md-tabs", "navigation"), ("md-header", "header"), ("md-search", "search"))


def _region(node: LexborNode | None) -> str:
    """Which part of the template a node is in, for messages."""
    while node is not None:
        if node.tag == "head":
            return "page head"
        classes = (node.attributes.get("class") or "").split()
        for prefix, name in _REGIONS:
            if any(c == prefix or c.startswith(prefix + "__") for c in classes):
                return name
        node = node.parent
    return "template"


def _in_banner(node: LexborNode | None) -> bool:
    """Inside the incident banner, which every page repeats from data/banner.yml."""
    while node is not None:
        if "hc-banner" in (node.attributes.get("class") or "").split():
            return True
        node = node.parent
    return False


def _column(lines: list[str], line: int | None, needles: list[str]) -> int:
    """1-based column of the first needle found on `line` (1 when none is: the line is still right)."""
    if not line or not 0 < line <= len(lines):
        return 1
    for text in (lines[line - 1], unicodedata.normalize("NFKC", lines[line - 1])):  # full-width digits
        found = [i for n in needles if n and (i := text.casefold().find(n.casefold())) >= 0]
        if found:
            return min(found) + 1
    return 1


def _srcset(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


def _lang_of(rel: str) -> str:
    for lang in LANGUAGES:
        prefix = language_prefix(lang)
        if prefix and rel.startswith(prefix):
            return lang
    return DEFAULT_LANGUAGE


def _display(path: Path, root: Path | None = None) -> str:
    """A path as printed: relative to `root` or the working directory when inside it."""
    for base in filter(None, (root, Path.cwd())):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.as_posix()
