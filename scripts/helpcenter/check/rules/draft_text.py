"""draft-text: no placeholder sentence of `scripts/new-page` is left in a page.

The scaffold marks every sentence it writes （下書き） / (Draft) so that a page
can be previewed and committed at once; a page that still holds one is
unfinished and must not ship. Front matter (the description) counts too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project

ID = "draft-text"
DESCRIPTION = "no （下書き） / (Draft) placeholder of scripts/new-page is left in a page or its description"

MARKER = re.compile(r"[（(]\s*下書き\s*[)）]|\(\s*draft\s*\)", re.IGNORECASE)


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        front = range(2, source.front.end_line) if source.front.end_line else range(0)
        body_lines = [(no, source.lines[no - 1]) for no in front] + list(body.lines(source))
        for no, line in body_lines:
            if m := MARKER.search(line):
                shown = line[m.start():].strip()[:60]
                yield Problem(source.display, no, ID, body.say(
                    source,
                    f"scripts/new-page の下書きが残っています：「{shown}」。このページの内容に書き換えてください",
                    f"placeholder from scripts/new-page left in the page: \"{shown}\"; write the page's own text"),
                    col=m.start() + 1)
