"""banner-text: the incident banner holds text, inline Markdown and official links only.

The banner (data/banner.yml) is on every page in both languages, so one bad
line there reaches the whole site. Checked whether it is switched on or not
(an incident is no time to find out): raw HTML (the build shows it as text),
links to anything but an official address (the build drops them), phone
numbers, and email addresses, domains and handles that are not bitbank's,
each reported at its line in data/banner.yml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import markdown
import yaml
from selectolax.lexbor import LexborHTMLParser

from helpcenter.build import banner, official_links
from helpcenter.check import locate
from helpcenter.check.model import Problem, Project
from helpcenter.check.rules import contact_phone, contact_text
from helpcenter.paths import LANGUAGES

ID = "banner-text"
DESCRIPTION = "data/banner.yml: no raw HTML, links only to official addresses, no phone number or other contact"

BANNER = Path("data/banner.yml")
TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def _texts(path: Path) -> Iterator[tuple[str, str, int, int]]:
    """(lang, text, first line, last line) of each banner text, lines 1-based."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError:
        return  # the build says so (banner.BannerError or YAML's own error)
    if not isinstance(root, yaml.MappingNode):
        return
    for key, value in root.value:
        if key.value == "text" and isinstance(value, yaml.MappingNode):
            for lang_node, text_node in value.value:
                if lang_node.value in LANGUAGES and isinstance(text_node, yaml.ScalarNode):
                    yield lang_node.value, str(text_node.value), text_node.start_mark.line + 1, \
                        text_node.end_mark.line + 1


def check(project: Project) -> Iterator[Problem]:
    path = project.root / BANNER
    if not path.is_file():
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    for lang, text, first, last in _texts(path):
        def at(needle: str, digits: str = "", first: int = first, last: int = last) -> int:
            part = lines[first - 1:last]
            found = locate.text_line(part, [needle]) or locate.normalized_line(part, needle, digits)
            return first - 1 + found if found else first
        if tag := TAG.search(text):
            snippet = text[tag.start():tag.start() + 40].split(">")[0] + ">"
            yield _at_col(lines, at(snippet[:12]), snippet[:12],
                          f"raw HTML ({snippet}) in the {lang} banner: it is shown as text; the banner takes inline"
                          " Markdown only (**bold**, [text][official-website], [text][inquiry-form])")
        yield from _links(project, lang, text, at)
        for number in contact_phone.phone_numbers(text):
            digits = "".join(ch for ch in number if ch.isdigit())
            yield _at_col(lines, at(number, digits), number, contact_phone.message(number).en)
        for kind, item in contact_text.findings(text):
            yield _at_col(lines, at(item), item, contact_text.message(kind, item).en)


def _at_col(lines: list[str], line: int, needle: str, message: str) -> Problem:
    """A problem at `line`, at the column where `needle` starts (1 when it is written differently there)."""
    col = lines[line - 1].find(needle) + 1 if 0 < line <= len(lines) else 0
    return Problem(BANNER.as_posix(), line, ID, message, col=max(col, 1))


def _links(project: Project, lang: str, text: str, at) -> Iterator[Problem]:
    """Every link the Markdown makes that the build would drop (not an official address)."""
    source = official_links.append_definitions(text, project.official, lang)
    tree = LexborHTMLParser(markdown.markdown(source))
    for node in tree.css("a[href], img[src]"):
        url = node.attributes.get("href") or node.attributes.get("src") or ""
        if node.tag == "a" and banner.is_allowed_link(url, project.official):
            continue
        what = "an image" if node.tag == "img" else f"a link to {url}"
        yield Problem(BANNER.as_posix(), at(url), ID,
                      f"{what} in the {lang} banner: the banner links only to official addresses, which the build"
                      " keeps; write [text][official-website], [text][inquiry-form] or [text][support-email]")
