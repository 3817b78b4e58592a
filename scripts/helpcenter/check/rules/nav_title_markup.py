"""nav-title-markup: navigation titles in mkdocs.yml are plain text.

The theme prints a navigation title (`nav`, and each language's
`nav_translations`) as it is written, in the menu and the footer of every
page, outside the article the markup rules read: a `<meta http-equiv>` in a
title would redirect the whole site.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check import locate
from helpcenter.check.model import Problem, Project

ID = "nav-title-markup"
DESCRIPTION = "navigation titles in mkdocs.yml (nav, nav_translations) are plain text, without HTML"

MARKUP = re.compile(r"[<>]|&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.I)


def _nav_titles(nav) -> Iterator[str]:
    for item in nav if isinstance(nav, list) else []:
        if isinstance(item, dict):
            for title, target in item.items():
                yield str(title)
                yield from _nav_titles(target)


def _translations(node) -> Iterator[str]:
    """Every title under a `nav_translations` key, wherever a plugin's settings put it."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "nav_translations" and isinstance(value, dict):
                yield from (str(v) for v in value.values())
            else:
                yield from _translations(value)
    elif isinstance(node, list):
        for value in node:
            yield from _translations(value)


def check(project: Project) -> Iterator[Problem]:
    lines = project.config_file.read_text(encoding="utf-8").splitlines()
    titles = [*_nav_titles(project.config.get("nav")), *_translations(project.config.get("plugins"))]
    for title in dict.fromkeys(t for t in titles if MARKUP.search(t)):
        line = locate.text_line(lines, [title]) or 1
        yield Problem(project.config_file.name, line, ID,
                      f"the navigation title {title[:60]!r} holds HTML, which every page would print as it is: write"
                      " the title as plain text")
