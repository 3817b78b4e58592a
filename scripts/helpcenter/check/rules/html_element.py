"""html-element: page content has no <script>, <iframe> or other embedded code.

Checked on the built content (`<article>`), as a browser parses it, so the
template's own scripts are not flagged and HTML shown inside code blocks is
not mistaken for markup. A page that needs behaviour gets it from overrides/
or assets/, where an engineer reviews it.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check.model import Problem, Project

ID = "html-element"
DESCRIPTION = "no <script>, <iframe>, <frame>, <object> or <embed> in page content"

FORBIDDEN = ("script", "iframe", "frame", "frameset", "object", "embed")


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        if page.source is None or page.content is None:
            continue
        seen: dict[str, int] = {}
        for node in page.content.css(", ".join(FORBIDDEN)):
            tag = node.tag or ""
            nth = seen.get(tag, 0)
            seen[tag] = nth + 1
            yield project.text_problem(ID, page, True, f"<{tag}> in page content; Markdown pages may not run or"
                                                       " embed code: remove it (ask an engineer for a feature"
                                                       " that needs it)", [f"<{tag}"], nth)
