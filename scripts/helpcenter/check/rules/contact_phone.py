"""contact-phone: no phone-number-like text on any page.

bitbank offers no phone support, so on this site any number shaped like a
phone number reads as one to call: exactly what a scammer would add. Text
is normalized with NFKC first, so full-width digits (０３－１２３４) count;
dates, times and amounts do not match because Japanese numbers start with 0
or +81. A scam example belongs in the text as 0X-XXXX-XXXX.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from helpcenter.check.model import BuiltPage, Problem, Project

ID = "contact-phone"
DESCRIPTION = "no phone-number-like text (the service has no phone support)"

_DASH = "[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc]"
_SEP = rf"(?:\s?{_DASH}\s?|\s)"
PATTERNS = [
    # Japanese: 03-1234-5678, 0120 123 456, (03) 1234-5678, 03(1234)5678, 09012345678
    re.compile(rf"(?<!\d)0\d{{1,4}}{_SEP}\d{{1,4}}{_SEP}\d{{3,4}}(?!\d)"),
    re.compile(rf"\(0\d{{1,4}}\)\s?\d{{1,4}}{_SEP}\d{{3,4}}(?!\d)"),
    re.compile(r"(?<!\d)0\d{1,4}\(\d{1,4}\)\d{3,4}(?!\d)"),
    re.compile(r"(?<![0-9A-Za-z])0\d{9,10}(?![0-9A-Za-z])"),
    # International: +81 3-1234-5678, +81 (0)3 1234 5678, +819012345678
    re.compile(r"\+\d{1,3}[\s\-.]?(?:\(\d{1,4}\)[\s\-.]?)?\d{1,4}(?:[\s\-.]\d{2,4}){1,4}(?!\d)"),
    re.compile(r"\+\d{9,15}(?!\d)"),
    # North American: (555) 123-4567, 555-123-4567
    re.compile(r"(?<!\d)(?:\(\d{3}\)\s?|\d{3}[\-.\s])\d{3}[\-.\s]\d{4}(?!\d)"),
]


def phone_numbers(text: str) -> list[str]:
    """Phone-number-like strings in `text` (after NFKC), in order of appearance."""
    text = unicodedata.normalize("NFKC", text)
    spans: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            digits = sum(ch.isdigit() for ch in m.group(0))
            if 8 <= digits <= 15 and not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in spans):
                spans.append((m.start(), m.end()))
    return [text[s:e].strip() for s, e in sorted(spans)]


def _texts(page: BuiltPage) -> Iterator[tuple[bool, str]]:
    """(from content?, text) for the page's Markdown content and the rest of its template."""
    if page.content is not None:
        yield True, page.content.text(separator="")
    meta = page.tree.css_first('meta[name="description"]')
    if meta is not None:
        yield page.source is not None, meta.attributes.get("content") or ""
    body = page.tree.body
    if body is not None:
        rest = body.clone()
        content = "article" if page.tree.css_first("article") is not None else "main"
        for node in rest.css(f"{content}, script, style, svg, template, noscript"):
            node.decompose()
        yield False, rest.text(separator=" ")


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        for in_content, text in _texts(page):
            seen: dict[str, int] = {}
            for number in phone_numbers(text):
                nth = seen.get(number, 0)
                seen[number] = nth + 1
                digits = "".join(ch for ch in number if ch.isdigit())
                yield project.text_problem(
                    ID, page, in_content,
                    f"{number} looks like a phone number; bitbank has no phone support, so a number here"
                    " reads as one to call (a scam vector): remove it, or write an example as 0X-XXXX-XXXX",
                    [number], nth, digits)
