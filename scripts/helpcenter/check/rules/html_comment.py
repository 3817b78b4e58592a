"""html-comment: every HTML comment in a page's Markdown is closed.

An unclosed `<!--` hides everything after it: a FAQ heading holding
`<!--<script>` empties the rest of the page, and the only problems the other
rules then see are broken links from other files. Reported where it opens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project

ID = "html-comment"
DESCRIPTION = "HTML comments (<!-- … -->) in Markdown are closed"

_FENCE = re.compile(r"^\s*(```|~~~)")


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        text_lines = []
        fenced = False
        for no, line in enumerate(source.lines, start=1):
            if _FENCE.match(line):
                fenced = not fenced
            text_lines.append((no, "" if fenced else re.sub(r"`[^`]*`", "", line)))
        text = "\n".join(line for _, line in text_lines)
        pos = 0
        while (start := text.find("<!--", pos)) >= 0:
            end = text.find("-->", start + 4)
            if end < 0:
                line = text.count("\n", 0, start) + 1
                yield Problem(source.display, line, ID, body.say(
                    source, "HTML コメントがここで始まり、閉じられていません。このため以降の内容がすべてページから"
                            "消えます。--> で閉じるか、削除してください",
                    "an HTML comment opens here and is never closed, so everything after it disappears from the"
                    " page: close it with -->, or remove it"))
                break
            pos = end + 3
