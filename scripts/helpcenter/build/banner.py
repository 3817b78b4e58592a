"""The incident banner: one data file (data/banner.yml) that writers flip on and off.

Read here and rendered to inline HTML per language, so that templates only
print it and a move to another generator keeps the same file. The banner is
on every page, so it is text with inline Markdown only: raw HTML is shown as
text, and a link stays a link only when it goes to an official address
(official_links); `scripts/check` reports both at data/banner.yml's line
(rule banner-text). Addresses written as text take the pages' placeholders
(`{{ official.domain }}`, `{{ official.support_email }}`), so that an address
changed in mkdocs.yml changes in the banner too.
"""

from __future__ import annotations

import html as html_lib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import markdown
import yaml
from selectolax.lexbor import LexborHTMLParser

from helpcenter.build import official_links
from helpcenter.paths import DATA, LANGUAGES

BANNER_YML = DATA / "banner.yml"
LEVELS = ("info", "warning", "critical")
INLINE_ELEMENTS = frozenset({"a", "strong", "em", "code", "br"})  # what inline Markdown makes of text and links


class BannerError(ValueError):
    """The data file is switched on but unusable: fail the build, not the page."""


def render_inline(text: str, official: Mapping[str, str], lang: str) -> str:
    """Inline Markdown to HTML without the wrapping <p>; placeholders and official reference links resolve,
    raw HTML is text. An unknown placeholder raises official_links.UnknownPlaceholder."""
    escaped = html_lib.escape(official_links.fill(text.strip(), official), quote=False)
    html = markdown.markdown(official_links.append_definitions(escaped, official, lang))
    return _inline_only(html, official)


def is_allowed_link(href: str, official: Mapping[str, str]) -> bool:
    """An https address on the official domain, or mail to the official support address."""
    email = str(official.get("support_email", ""))
    if href.lower().startswith("mailto:"):
        return official_links.is_official_email(email) and href[len("mailto:"):].lower() == email.lower()
    return official_links.is_official_url(href)


def _inline_only(html: str, official: Mapping[str, str]) -> str:
    """Keep inline text markup and official links; unwrap every other element, drop other attributes."""
    tree = LexborHTMLParser(f"<div id='hc-banner-text'>{html}</div>")
    box = tree.css_first("#hc-banner-text")
    for node in box.css("*"):
        if node.mem_id == box.mem_id:
            continue  # selectolax lists the box itself
        tag = node.tag or ""
        href = node.attributes.get("href") or ""
        if tag not in INLINE_ELEMENTS or (tag == "a" and not is_allowed_link(href, official)):
            if node.child is None:
                node.decompose()  # an image or another empty element: nothing to keep
            else:
                node.unwrap()
            continue
        for name in list(node.attributes):
            if not (tag == "a" and name == "href"):
                del node.attrs[name]
    return box.inner_html.strip()


def load(path: Path = BANNER_YML, official: Mapping[str, str] | None = None) -> dict[str, Any]:
    """{enabled, level, html: {lang: inline HTML}}; a missing file means no banner."""
    if not path.exists():
        return {"enabled": False, "level": "info", "html": {}}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    enabled = data.get("enabled") is True
    level = data.get("level", "info")
    texts = data.get("text") or {}
    if enabled:
        if level not in LEVELS:
            raise BannerError(f"{path}: level must be one of {', '.join(LEVELS)}, not {level!r}")
        missing = [lang for lang in LANGUAGES if not str(texts.get(lang) or "").strip()]
        if missing:
            raise BannerError(f"{path}: the banner is enabled but has no text for {', '.join(missing)}")
    html: dict[str, str] = {}
    for lang in LANGUAGES:
        if enabled and texts.get(lang):
            try:
                html[lang] = render_inline(str(texts[lang]), official or {}, lang)
            except official_links.UnknownPlaceholder as err:
                raise BannerError(f"{path}: line {_line_of(path, err.text)}: {err}") from err
    return {"enabled": enabled, "level": level, "html": html}


def _line_of(path: Path, needle: str) -> int:
    """The first line of the file that holds `needle` (1 when a folded line hides it)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next((no for no, line in enumerate(lines, 1) if needle in line), 1)
