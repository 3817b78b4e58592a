"""The lines of a page a writer's rule reads: after the front matter, outside fenced code.

Code blocks show text as written (a scam message quoted, a command), so the
writing rules leave them alone; several rules need the same walk.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check.model import Say, SourcePage

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def lines(source: SourcePage) -> Iterator[tuple[int, str]]:
    """(1-based line number, text) of every body line outside fenced code blocks."""
    fence: str | None = None
    for no, line in enumerate(source.lines, start=1):
        if no <= source.front.end_line:
            continue
        if m := _FENCE.match(line.lstrip(" ") if fence is None else line.strip()):
            mark = m.group(1)
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = None
            continue
        if fence is None:
            yield no, line


def say(source: SourcePage, ja: str, en: str) -> str:
    """A message in the page's language: Japanese pages get Japanese messages (model.Say)."""
    return Say(ja, en).in_language(source.lang)
