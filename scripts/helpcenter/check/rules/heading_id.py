"""heading-id: every `##` and `###` heading has an explicit ASCII `{#id}`.

Without one, a Japanese heading gets an id like `_1`, links and bookmarks
break when a heading is reworded, and the parity rules cannot pair the
section with its twin. The id of the twin's heading at the same place is
suggested, since both languages use the same id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project, SourcePage

ID = "heading-id"
DESCRIPTION = "every ## and ### heading ends with an explicit id, lowercase ASCII with hyphens: {#symptoms}"

_HEADING = re.compile(r"^ {0,3}(?P<level>#{2,3})(?!#)[ \t]+(?P<text>.*?)[ \t#]*$")
_ATTRS = re.compile(r"\{[^{}]*#(?P<id>[^\s{}]+)[^{}]*\}\s*$")
_GOOD_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def headings(source: SourcePage) -> list[tuple[int, str, str | None]]:
    """(line, level marks, id or None) of each `##`/`###` heading outside code."""
    found = []
    for no, line in body.lines(source):
        if m := _HEADING.match(line):
            anchor = _ATTRS.search(m.group("text"))
            found.append((no, m.group("level"), anchor.group("id") if anchor else None))
    return found


def _twin(project: Project, source: SourcePage) -> SourcePage | None:
    return next((s for s in project.sources if s.rel == source.rel and s.lang != source.lang), None)


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        mine = headings(source)
        twin = _twin(project, source)
        theirs = headings(twin) if twin else []
        for index, (no, level, anchor) in enumerate(mine):
            col = len(source.lines[no - 1].rstrip()) + 1
            if anchor is not None and _GOOD_ID.fullmatch(anchor):
                continue
            if anchor is not None:
                yield Problem(source.display, no, ID, body.say(
                    source,
                    f"見出しの id「{anchor}」は英小文字・数字とハイフンで書いてください（例：{{#check-first}}）",
                    f"heading id {anchor!r}: use lowercase ASCII words joined by hyphens (e.g. {{#check-first}})"),
                    col=source.lines[no - 1].find("{") + 1)
                continue
            same = theirs[index] if index < len(theirs) and len(theirs) == len(mine) else None
            hint = f" {{#{same[2]}}}" if same and same[1] == level and same[2] else " {#english-words}"
            where = f" (twin: {twin.display}:{same[0]})" if same and same[2] and twin else ""
            yield Problem(source.display, no, ID, body.say(
                source,
                f"見出しに id がありません。行末に{hint} を付けてください（両言語で同じ id）{where}",
                f"heading without an id: end it with{hint} (the same id in both languages){where}"),
                col=col)
