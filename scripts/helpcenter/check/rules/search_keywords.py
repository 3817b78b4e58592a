"""search-keywords: a page's `keywords:` are a short list of plain words, each on one page of its language.

Search gives every keyword to its page (search/build_index.py), so a keyword
on two pages pulls both up for the same query and tells neither apart: the
rule names both pages, unless each lists the keyword under `keywords_shared:`
(shared on purpose). A keyword is compared as search compares it: NFKC and
case folded (ＦＡＱ is faq).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project, SourcePage

ID = "search-keywords"
DESCRIPTION = "`keywords:` is a list of 1 to 16 plain words or phrases, none on two pages of a language" \
              " unless both list it under `keywords_shared:`"
MAX_KEYWORDS = 16
MAX_CHARS = 40
FORBIDDEN = set(",<>&\"'`\n")  # the template joins keywords with ", " into an HTML attribute


def normal(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold().strip()


def _line(source: SourcePage, key: str, word: str | None = None) -> int:
    """The front-matter line holding `word` after `key:` (the key's line if not found)."""
    start = source.front.key_lines.get(key, 1)
    if word is not None:
        for no in range(start, source.front.end_line):
            if word in source.lines[no - 1]:
                return no
    return start


def _words(source: SourcePage, key: str) -> Iterator[Problem | str]:
    """The page's list under `key`, or a Problem saying what is wrong with it."""
    value = source.front.data.get(key)
    if value is None:
        return
    line = _line(source, key)
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        yield Problem(source.display, line, ID, body.say(
            source, f"`{key}:` は語のリストにしてください。例：`{key}: [着金, 送金]`（YAML のリスト一つで、"
                    "各項目は一語か短い言い回し）",
            f"`{key}:` must be a list of words, e.g. `{key}: [着金, 送金]` (one YAML list, each item a word or"
            " short phrase)"))
        return
    if key == "keywords" and len(value) > MAX_KEYWORDS:
        yield Problem(source.display, line, ID, body.say(
            source, f"`keywords:` に {len(value)} 語あります。このページの話題でお客さまがよく使う"
                    f" {MAX_KEYWORDS} 語までに絞ってください",
            f"`keywords:` lists {len(value)} words; keep the {MAX_KEYWORDS} that customers use most for this"
            " page's topic"))
    seen: set[str] = set()
    for word in value:
        bad = sorted(set(word) & FORBIDDEN)
        if bad or len(word) > MAX_CHARS:
            chars = " ".join(repr(c) for c in bad)
            yield Problem(source.display, _line(source, key, word), ID, body.say(
                source,
                f"`{key}:` の項目 `{word}` "
                + (f"に {chars} があります。" if bad else f"が {MAX_CHARS} 文字を超えています。")
                + "キーワードは一語か短い言い回しです。一項目に一語を、カンマ、引用符、マークアップなしで"
                "書いてください",
                f"`{key}:` item `{word}` "
                + (f"holds {chars}" if bad else f"is longer than {MAX_CHARS} characters")
                + ": a keyword is a plain word or short phrase; write one item per word, without commas, quotes"
                " or markup"))
            continue
        if normal(word) in seen:
            yield Problem(source.display, _line(source, key, word), ID, body.say(
                source, f"`{key}:` に `{word}` が二回あります。一つを削除してください",
                f"`{key}:` lists `{word}` twice: remove one"))
        seen.add(normal(word))
        yield word


def check(project: Project) -> Iterator[Problem]:
    owners: dict[tuple[str, str], list[tuple[SourcePage, str]]] = {}
    shared: dict[str, set[str]] = {}
    for source in project.sources:
        shared[source.display] = set()
        for item in _words(source, "keywords_shared"):
            if isinstance(item, Problem):
                yield item
            else:
                shared[source.display].add(normal(item))
        for item in _words(source, "keywords"):
            if isinstance(item, Problem):
                yield item
            else:
                owners.setdefault((source.lang, normal(item)), []).append((source, item))
    for (_, _), pages in owners.items():
        pages = list({s.display: (s, w) for s, w in pages}.values())
        if len(pages) < 2 or all(normal(w) in shared[s.display] for s, w in pages):
            continue
        for source, word in pages:
            others = ", ".join(s.display for s, _ in pages if s is not source)
            yield Problem(source.display, _line(source, "keywords", word), ID, body.say(
                source,
                f"キーワード `{word}` は {others} にもあります。検索で両方のページが出て、どちらが目的のページか"
                "分かりません。その話題のページだけに残すか、このキーワードを持つすべてのページで"
                " `keywords_shared:` に書いてください",
                f"keyword `{word}` is also on {others}: search would pull both pages up for it and tell neither"
                " apart; keep it on the page about it, or list it under `keywords_shared:` on every page that has"
                " it"))
