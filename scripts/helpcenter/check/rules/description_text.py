"""description-text: a page's description is a real summary, its own, of the stated length.

The description is what search results and link previews show. CONTRIBUTING
asks for one sentence of about 50–120 characters in Japanese and 80–160 in
English, different on every page: a one-word "Help." or a copy of another
page's description tells a customer nothing about this page.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project, SourcePage
from helpcenter.check.rules.draft_text import MARKER

ID = "description-text"
DESCRIPTION = "the description is 50–120 characters (ja) / 80–160 (en), not the title, not another page's"

LENGTHS = {"ja": (50, 120), "en": (80, 160)}


def _text(value: object) -> str:
    return " ".join(str(value).split()) if isinstance(value, str) else ""


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip(" 。.")


def _problem(source: SourcePage, ja: str, en: str) -> Problem:
    line = source.front.key_lines.get("description", 1)
    col = source.lines[line - 1].find(":") + 3 if 0 < line <= len(source.lines) else 1
    return Problem(source.display, line, ID, body.say(source, ja, en), col=max(col, 1))


def check(project: Project) -> Iterator[Problem]:
    seen: dict[tuple[str, str], SourcePage] = {}
    for source in project.sources:
        text = _text(source.front.data.get("description"))
        if source.front.error or not text or MARKER.search(text):
            continue  # frontmatter-syntax, frontmatter-required or draft-text says it
        low, high = LENGTHS.get(source.lang, LENGTHS["en"])
        if _key(text) == _key(_text(source.front.data.get("title"))):
            yield _problem(source, "description がタイトルと同じです。このページで分かることを一文で書いてください",
                           "the description repeats the title; say in one sentence what this page helps with")
        elif not low <= len(text) <= high:
            short = len(text) < low
            yield _problem(
                source,
                f"description が{len(text)}文字です（{low}〜{high}文字）。"
                + ("検索結果で内容が分かる一文にしてください" if short else "一文（長くても二文）に縮めてください"),
                f"the description has {len(text)} characters ({low}–{high}): "
                + ("say what this page helps a customer do" if short else "shorten it to one sentence"))
        key = (source.lang, _key(text))
        if key in seen:
            other = seen[key]
            yield _problem(source, f"description が {other.display} と同じです。このページだけの説明を書いてください",
                           f"the description is the same as {other.display}'s; write one for this page")
        else:
            seen[key] = source
