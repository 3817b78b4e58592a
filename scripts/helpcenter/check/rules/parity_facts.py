"""parity-facts: both languages of a page state the same hard facts.

A customer in trouble must get the same safety content in either language.
The two pages are written independently, so their prose is not compared;
what is compared, in the Markdown of each page pair, is what must never
differ:

* official addresses: the official reference links (`[...][inquiry-form]`),
  an official URL written out, and the official domain written as text
  (`bitbank.cc`, `support.bitbank.cc`);
* email addresses;
* numbers of two digits or more (24, 365, 14:30; NFKC, so full-width digits
  count). Single digits are left out: counts such as 6つ / six are written
  as digits in Japanese and as words in English;
* `warning` and `danger` admonitions (and their aliases), per `##` section;
* links to other pages of the site, by page (`troubles/account.md`; the
  fragment and query are not compared).

Raw HTML (the composer's form), comments and code fences state no fact here:
the pages link official addresses through the reference links.

A fact on one side only is reported at its line, with the line of the same
section in the twin page, where the counterpart belongs.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from helpcenter.check.model import Problem, Project, SourcePage
from helpcenter.check.rules.parity_sections import sections
from helpcenter.paths import DEFAULT_LANGUAGE

ID = "parity-facts"
DESCRIPTION = ("each page pair has the same official addresses, email addresses, numbers, warning/danger"
               " admonitions and links to other pages in both languages")

_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
_KINDS = {"warning": "warning", "caution": "warning", "attention": "warning", "danger": "danger", "error": "danger"}
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"\]\[([^\[\]\n]+)\]")
_URL = re.compile(r"\b(?:https?|mailto|tel|javascript):[^\s)\]>\"'`]*", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"\d{2,}")
_LIST_MARKER = re.compile(r"^\s*\d+[.)]\s")
_NOISE = re.compile(r"<!--.*?-->|<[^>\n]+>|\{[^{}\n]*\}|(?<![\w/:]):[a-z0-9][a-z0-9_+-]*:(?![\w/])")


@dataclass(frozen=True)
class Fact:
    """One comparable fact of a page: what kind, its value, where."""

    kind: str
    value: str
    line: int
    section: str  # id of the `##` section it is in; "" before the first


def _official_domain_pattern(domain: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w@.-])((?:[a-z0-9-]+\.)*{re.escape(domain)})(?![\w-])", re.IGNORECASE)


def _line_facts(line: str, rel: str, addresses: dict[str, str],
                domain: re.Pattern[str] | None) -> list[tuple[str, str]]:
    """(kind, value) of each fact on one Markdown line of page `rel`."""
    found: list[tuple[str, str]] = []
    if (m := _ADMONITION.match(line)) and m.group(1).lower() in _KINDS:
        found.append(("admonition", _KINDS[m.group(1).lower()]))
    line = _NOISE.sub(" ", line)  # raw HTML, comments, attribute lists and icons say no fact
    for m in _INLINE_LINK.finditer(line):
        target = m.group(2)
        path = target.split("#", 1)[0].split("?", 1)[0]
        if not m.group(1) and path.endswith(".md") and not _URL.match(target):
            found.append(("link", posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))))
        elif label := addresses.get(target.removeprefix("mailto:").rstrip("/").lower()):
            found.append(("official address", label))
    text = _INLINE_LINK.sub(lambda m: m.group(0).split("](", 1)[0], line)
    labels = set(addresses.values())
    found += [("official address", label) for label in _REFERENCE.findall(text) if label in labels]
    text = _REFERENCE.sub("]", text)
    for url in _URL.findall(text):
        if label := addresses.get(url.removeprefix("mailto:").rstrip("/").lower()):
            found.append(("official address", label))
    text = _URL.sub(" ", text)
    found += [("email address", email.lower()) for email in _EMAIL.findall(text)]
    text = _EMAIL.sub(" ", text)
    if domain:
        found += [("official address", host.lower()) for host in domain.findall(text)]
    text = unicodedata.normalize("NFKC", _LIST_MARKER.sub(" ", text))
    found += [("number", number) for number in _NUMBER.findall(text)]
    return found


def facts(source: SourcePage, project: Project) -> list[Fact]:
    """Every fact of `source`, in file order."""
    addresses = {url.removeprefix("mailto:").rstrip("/").lower(): label
                 for lang in {source.lang, DEFAULT_LANGUAGE, "en"}
                 for label, url in project.references(lang).items()}
    domain = _official_domain_pattern(project.official_domain) if project.official_domain else None
    heads = dict(sections(source))
    found: list[Fact] = []
    section = ""
    fence: str | None = None
    for no, line in enumerate(source.lines, start=1):
        if no <= source.front.end_line:
            continue
        if m := _FENCE.match(line):
            fence = None if fence and m.group(1)[0] == fence[0] else (fence or m.group(1))
            continue
        if fence:
            continue
        if no in heads:
            section = heads[no] or ""
        found += [Fact(kind, value, no, section) for kind, value in _line_facts(line, source.rel, addresses, domain)]
    return found


def _twin_line(twin: SourcePage, section: str) -> int:
    """Line of `section`'s heading in the twin page (its H1 for the text before the first `##`)."""
    for no, anchor in sections(twin):
        if anchor == section:
            return no
    for no, line in enumerate(twin.lines, start=1):
        if no > twin.front.end_line and line.startswith("# "):
            return no
    return 1


def _compare(page: SourcePage, mine: list[Fact], twin: SourcePage, theirs: list[Fact]) -> Iterator[Problem]:
    """Facts of `page` that `twin` lacks (admonitions counted per section, the rest per page)."""
    def key(fact: Fact) -> tuple[str, ...]:
        return (fact.kind, fact.value, fact.section) if fact.kind == "admonition" else (fact.kind, fact.value)

    have = Counter(key(f) for f in theirs)
    seen: Counter[tuple[str, ...]] = Counter()
    for fact in mine:
        k = key(fact)
        seen[k] += 1
        wanted = have[k] if fact.kind == "admonition" else min(have[k], 1)
        if seen[k] <= wanted or (fact.kind != "admonition" and seen[k] > 1):
            continue
        where = f"#{fact.section}" if fact.section else "the introduction"
        what = (f"a `{fact.value}` admonition in {where}" if fact.kind == "admonition"
                else f"{fact.kind} {fact.value!r}")
        there = f"{twin.display}:{_twin_line(twin, fact.section)}"
        yield Problem(page.display, fact.line, ID,
                      f"{what} is here but not in {twin.display} (twin: {there}); say the same in both languages")


def check(project: Project) -> Iterator[Problem]:
    for original, translation in project.translation_pairs():
        ours, theirs = facts(original, project), facts(translation, project)
        yield from _compare(original, ours, translation, theirs)
        yield from _compare(translation, theirs, original, ours)
