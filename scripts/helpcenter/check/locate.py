"""Find the Markdown line a problem in the built HTML came from.

Neither MkDocs nor Python-Markdown keeps source positions in the HTML, so we
search the source for what the writer typed: the link target as written
(`../faq.md#x`, the `.md` spelling of a built `.html` link, a reference
definition) or a `[text][ref]` that uses a reference whose address is the
built href. The n-th identical link in the page maps to the n-th match in the
file, so repeated links land on their own lines.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote

from helpcenter.check.textnorm import fold

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffd]")
_BEFORE = r"(?:^|(?<=[(<\"'\s]))"
_AFTER = r"(?=$|[)>\"'\s])"


def spellings(url: str) -> list[str]:
    """Ways a writer may have typed the link that was built into `url`."""
    out = [url]
    path, hash_, frag = url.partition("#")
    path, q, query = path.partition("?")
    if path.endswith(".html"):  # MkDocs turns links to .md files into .html
        out.append(path[: -len(".html")] + ".md" + q + query + hash_ + frag)
    for variant in list(out):
        out += [unquote(variant), html.escape(variant, quote=False)]
        if not variant.startswith(("#", "/", ".")) and ":" not in variant.split("/")[0]:
            out.append("./" + variant)
    return list(dict.fromkeys(o for o in out if o))


def _find(lines: list[str], pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [(no, m.start()) for no, line in enumerate(lines, start=1) for m in pattern.finditer(line)]


def link_line(lines: list[str], url: str, nth: int, references: Mapping[str, str] = {}) -> int | None:
    """Line of the `nth` (0-based) occurrence of a link to `url` in Markdown `lines`.

    `references` maps reference ids defined outside the file (the official
    addresses a hook appends) to their URLs, so `[form][inquiry-form]` is found.
    """
    hits: set[tuple[int, int]] = set()
    for spelling in spellings(url):
        hits.update(_find(lines, re.compile(_BEFORE + re.escape(spelling) + _AFTER)))
    ids = [ref for ref, target in references.items() if target == url]
    ids += [m.group(1) for line in lines
            for m in re.finditer(r"^\s{0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)", line) if m.group(2) in spellings(url)]
    for ref in dict.fromkeys(ids):
        name = re.escape(ref)
        usage = re.compile(rf"\]\[{name}\]|(?<!\])\[{name}\](?:\[\]|(?![\[(:]))", re.IGNORECASE)
        hits.update(_find(lines, usage))
    if not hits:
        # As the browser reads both: `&#116;el:` is tel:, `&#1;//host` is //host (control characters dropped).
        decoded = [_CONTROLS.sub("", html.unescape(line)) for line in lines]
        if decoded != lines:
            return link_line(decoded, _CONTROLS.sub("", url), nth, references)
        return None
    ordered = sorted(hits)
    return ordered[min(nth, len(ordered) - 1)][0]


def text_line(lines: list[str], needles: Iterable[str], nth: int = 0, ignore_case: bool = False) -> int | None:
    """Line of the `nth` occurrence of any of `needles` (plain text) in `lines`."""
    hits: set[tuple[int, int]] = set()
    for needle in needles:
        if needle:
            flags = re.IGNORECASE if ignore_case else 0
            hits.update(_find(lines, re.compile(re.escape(needle), flags)))
    if not hits:
        return None
    ordered = sorted(hits)
    return ordered[min(nth, len(ordered) - 1)][0]


def normalized_line(lines: list[str], needle: str, digits: str = "") -> int | None:
    """Line that contains `needle` once both are folded (textnorm: ０３ and 〇三 are 03; entities decoded),
    else whose digits contain `digits`.

    The second pass finds numbers that markup or separators split (`03-**1234**-5678`, `03・1234・5678`).
    """
    normalized = [fold(html.unescape(line)) for line in lines]
    for no, line in enumerate(normalized, start=1):
        if needle and fold(needle) in line:
            return no
    for no, line in enumerate(normalized, start=1):
        if digits and digits in "".join(ch for ch in line if ch.isdigit()):
            return no
    return None


def html_line(raw: str, attr: str, value: str, nth: int = 0) -> int:
    """Line in a built HTML file of the `nth` `attr="value"`; 1 when it cannot be found."""
    hits: list[int] = []
    for spelled in dict.fromkeys((value, html.escape(value, quote=True), html.escape(value, quote=False))):
        for quote_char in ('"', "'"):
            needle = f"{attr}={quote_char}{spelled}{quote_char}"
            start = 0
            while (pos := raw.find(needle, start)) >= 0:
                hits.append(pos)
                start = pos + 1
    if not hits:
        return 1
    pos = sorted(set(hits))[min(nth, len(set(hits)) - 1)]
    return raw.count("\n", 0, pos) + 1
