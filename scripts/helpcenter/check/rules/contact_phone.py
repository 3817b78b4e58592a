"""contact-phone: no phone-number-like text on any page.

bitbank offers no phone support, so on this site any number shaped like a
phone number reads as one to call: exactly what a scammer would add. Text
is folded first (textnorm: NFKC, format characters removed, kanji digits and
digits of other scripts as digits), and any separator a reader skips (dots,
「・」, slashes, spaces, dashes, brackets, 「の」) between digits counts as one,
so ０３・１２３４・５６７８, 〇三の一二三四の五六七八 and 03 (1234) 5678 count;
dates, times and amounts do not match because Japanese numbers start with 0,
+81 or 81. Read in the page text, in `title`
(tooltips) and `alt` attributes, in front matter (at its line) and in the
template; the banner has its own rule (banner-text). A scam example belongs
in the text as 0X-XXXX-XXXX.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.build import front_matter_text
from helpcenter.check.model import BuiltPage, Problem, Project, Say
from helpcenter.check.textnorm import fold

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
    # Any writing once separators are one: 0 and 9-10 more digits, or + and 9-15 digits.
    re.compile(r"(?<![\d-])0(?:-?\d){9,10}(?![\d])"),
    re.compile(r"(?<![\d-])\+(?:-?\d){9,15}(?![\d])"),
    # Japan's country code without its plus, grouped: 81-3-1234-5678, 81 (0)3 1234 5678.
    re.compile(r"(?<![\d-])81-(?:-?\d){9,11}(?![\d])"),
]
# Between two digits, whatever a reader skips: spaces, dots, 「・」, slashes, dashes, the long vowel mark,
# brackets, other punctuation a number is grouped with (_ , : | ~ 〜 = * → ×) and 「の」 (〇三の一二三四…).
_SKIPPED = re.compile(r"(?<=\d)[\s.\u30fb/\-\u2010-\u2015\u2212\u30fc()\[\]_,:|~\u301c=*\u2192\u00d7\u306e]+(?=\d)")


def phone_numbers(text: str) -> list[str]:
    """Phone-number-like strings in `text` (folded), in order of appearance."""
    text = fold(text)
    spans: list[tuple[int, int]] = []
    for candidate in (text, _SKIPPED.sub("-", text)):
        for pattern in PATTERNS:
            for m in pattern.finditer(candidate):
                digits = sum(ch.isdigit() for ch in m.group(0))
                if 8 <= digits <= 15 and not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in spans):
                    spans.append((m.start(), m.end()))
        if spans:
            return [candidate[s:e].strip() for s, e in sorted(spans)]
    return []


def _texts(page: BuiltPage) -> Iterator[tuple[bool, str]]:
    """(from content?, text) for the page's Markdown content, its tooltips and alt texts, and the template."""
    if page.content is not None:
        yield True, page.content.text(separator="")
        for node in page.content.css("[title], [alt]"):
            yield True, " ".join(filter(None, (node.attributes.get("title"), node.attributes.get("alt"))))
    meta = page.tree.css_first('meta[name="description"]')
    if meta is not None:
        yield page.source is not None, meta.attributes.get("content") or ""
    body = page.tree.body
    if body is not None:
        rest = body.clone()
        content = "article" if page.tree.css_first("article") is not None else "main"
        for node in rest.css(f"{content}, script, style, svg, template, noscript, .hc-banner"):
            node.decompose()
        yield False, rest.text(separator=" ")


MESSAGE = Say("{number} は電話番号に見えます。bitbank には電話サポートがないため、ここに番号があると"
              "かけてよい番号だと読まれます（詐欺の手口です）。削除するか、例なら 0X-XXXX-XXXX と書いてください",
              "{number} looks like a phone number; bitbank has no phone support, so a number here reads as one to"
              " call (a scam vector): remove it, or write an example as 0X-XXXX-XXXX")


def message(number: str) -> Say:
    return Say(MESSAGE.ja.format(number=number), MESSAGE.en.format(number=number))


def check(project: Project) -> Iterator[Problem]:
    in_front: set[str] = set()  # digits of numbers reported at a front-matter line: not again in the navigation
    for source in project.sources:
        for key in front_matter_text.TEXT_KEYS:
            value = source.front.data.get(key)
            for number in phone_numbers(value) if isinstance(value, str) else []:
                in_front.add("".join(ch for ch in number if ch.isdigit()))
                yield Problem(source.display, source.front.key_lines.get(key, 1), ID,
                              message(number).in_language(source.lang))
    for page in project.pages.values():
        for in_content, text in _texts(page):
            seen: dict[str, int] = {}
            for number in phone_numbers(text):
                if not in_content and "".join(ch for ch in number if ch.isdigit()) in in_front:
                    continue
                nth = seen.get(number, 0)
                seen[number] = nth + 1
                digits = "".join(ch for ch in number if ch.isdigit())
                yield project.text_problem(ID, page, in_content, message(number), [number], nth, digits)
