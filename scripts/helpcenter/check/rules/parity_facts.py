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
* `warning` and `danger` admonitions (and their aliases);
* links to other pages of the site, by page (`troubles/account.md`; the
  fragment and query are not compared).

Every fact is compared within its section: the innermost heading with an
`{#id}` (`##`, `###` …) that both languages have, so each FAQ answer (a `###`
question) is checked on its own. A link that the English FAQ's answer about a
withdrawal you did not make lacks is reported even when the page links the
same page in another answer. A heading whose id only one language has counts
as part of the section around it.

Raw HTML (the composer's form), comments and code fences state no fact here:
the pages link official addresses through the reference links.

A fact on one side only is reported at its line, with the line of the same
section's heading in the twin page, where the counterpart belongs.
"""

from __future__ import annotations

import contextlib
import posixpath
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from helpcenter.build import official_links
from helpcenter.check import body
from helpcenter.check.model import Problem, Project, SourcePage
from helpcenter.paths import DEFAULT_LANGUAGE

ID = "parity-facts"
DESCRIPTION = ("each section (## or ### with an {#id}, e.g. an FAQ answer) has the same official addresses,"
               " email addresses, numbers, warning/danger admonitions and links to other pages in both languages")

_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s+([\w-]+)")
_KINDS = {"warning": "warning", "caution": "warning", "attention": "warning", "danger": "danger", "error": "danger"}
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_INLINE_LINK = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_REFERENCE = re.compile(r"\]\[([^\[\]\n]+)\]")
_URL = re.compile(r"\b(?:https?|mailto|tel|javascript):[^\s)\]>\"'`]*", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_NUMBER = re.compile(r"\d{2,}")
_LIST_MARKER = re.compile(r"^\s*\d+[.)]\s")
_HEADING = re.compile(r"^ {0,3}(#{2,6})[ \t]+.*?\{[^}]*#([\w\-:.]+)[^}]*\}[ \t#]*$")
_NOISE = re.compile(r"<!--.*?-->|<[^>\n]+>|\{[^{}\n]*\}|(?<![\w/:]):[a-z0-9][a-z0-9_+-]*:(?![\w/])")


KINDS_JA = {"official address": "公式のアドレス", "email address": "メールアドレス", "number": "数値", "link": "リンク"}


@dataclass(frozen=True)
class Fact:
    """One comparable fact of a page: what kind, its value, where."""

    kind: str
    value: str
    line: int
    scope: tuple[str, ...]  # ids of the headings it is under, outermost first; () before the first


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
    found: list[Fact] = []
    scope: list[tuple[int, str]] = []  # (heading level, id)
    for no, line in _body(source):
        if m := _HEADING.match(line):
            level = len(m.group(1))
            scope = [s for s in scope if s[0] < level] + [(level, m.group(2))]
        ids = tuple(anchor for _, anchor in scope)
        with contextlib.suppress(official_links.UnknownPlaceholder):  # the build warns at that line
            line = official_links.fill(line, project.official)  # `{{ official.domain }}` states an address
        found += [Fact(kind, value, no, ids) for kind, value in _line_facts(line, source.rel, addresses, domain)]
    return found


def headings(source: SourcePage) -> dict[str, int]:
    """Heading id -> line, for every `##`…`######` heading with an `{#id}` outside code fences."""
    found: dict[str, int] = {}
    for no, line in _body(source):
        if m := _HEADING.match(line):
            found.setdefault(m.group(2), no)
    return found


def _body(source: SourcePage) -> Iterator[tuple[int, str]]:
    """(line number, line) of the Markdown after the front matter, outside code fences."""
    fence: str | None = None
    for no, line in enumerate(source.lines, start=1):
        if no <= source.front.end_line:
            continue
        if m := _FENCE.match(line):
            fence = None if fence and m.group(1)[0] == fence[0] else (fence or m.group(1))
        elif not fence:
            yield no, line


def _section(fact: Fact, shared: set[str]) -> str:
    """The innermost heading of `fact` that both languages have ("" for the introduction)."""
    return next((anchor for anchor in reversed(fact.scope) if anchor in shared), "")


def _twin_line(twin: SourcePage, section: str) -> int:
    """Line of `section`'s heading in the twin page (its H1 for the text before the first heading)."""
    if section and (no := headings(twin).get(section)):
        return no
    for no, line in enumerate(twin.lines, start=1):
        if no > twin.front.end_line and line.startswith("# "):
            return no
    return 1


def _compare(page: SourcePage, mine: list[Fact], twin: SourcePage, theirs: list[Fact]) -> Iterator[Problem]:
    """Facts of `page` that `twin` lacks in the same section (admonitions counted, the rest present or not)."""
    shared = set(headings(page)) & set(headings(twin))

    def key(fact: Fact) -> tuple[str, str, str]:
        return fact.kind, fact.value, _section(fact, shared)

    have = Counter(key(f) for f in theirs)
    seen: Counter[tuple[str, str, str]] = Counter()
    for fact in mine:
        k = key(fact)
        seen[k] += 1
        wanted = have[k] if fact.kind == "admonition" else min(have[k], 1)
        if seen[k] <= wanted or (fact.kind != "admonition" and seen[k] > 1):
            continue
        section = k[2]
        where = f"#{section}" if section else "the introduction"
        where_ja = f"#{section} の" if section else "導入部の"
        what = (f"a `{fact.value}` admonition in {where}" if fact.kind == "admonition"
                else f"{fact.kind} {fact.value!r} in {where}")
        what_ja = (f"{where_ja} `{fact.value}` の注記" if fact.kind == "admonition"
                   else f"{where_ja}{KINDS_JA.get(fact.kind, fact.kind)}「{fact.value}」")
        there = f"{twin.display}:{_twin_line(twin, section)}"
        yield Problem(page.display, fact.line, ID, body.say(
            page, f"{what_ja}が、ここにはありますが {twin.display} にはありません（対応する箇所：{there}）。"
                  "両方の言語で同じ内容を書いてください",
            f"{what} is here but not in {twin.display} (twin: {there}); say the same in both languages"))


def check(project: Project) -> Iterator[Problem]:
    for original, translation in project.translation_pairs():
        ours, theirs = facts(original, project), facts(translation, project)
        yield from _compare(original, ours, translation, theirs)
        yield from _compare(translation, theirs, original, ours)
