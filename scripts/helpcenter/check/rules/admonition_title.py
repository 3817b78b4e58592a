"""admonition-title: every admonition has a title in the page's language.

A bare `!!! note` gets Material's default title, the English word "Note",
on a Japanese page too; CONTRIBUTING asks for a title every time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project

ID = "admonition-title"
DESCRIPTION = 'every admonition (`!!! type`, `??? type`) has a title in quotes: `!!! warning "ご注意ください"`'

# `!!! note`, `??? tip`, `???+ info inline end`: a type (and classes), no quoted title
_BARE = re.compile(r"^(?P<indent>\s*)(?P<mark>!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)(?:[ \t]+[\w-]+)*[ \t]*$")
EXAMPLES = {"ja": {"warning": "ご注意ください", "danger": "今すぐ対応してください", "tip": "ヒント"},
            "en": {"warning": "Be careful", "danger": "Act now", "tip": "Tip"}}
DEFAULT = {"ja": "補足", "en": "Note"}


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        for no, line in body.lines(source):
            if not (m := _BARE.match(line)):
                continue
            kind = m.group("type")
            title = EXAMPLES.get(source.lang, EXAMPLES["en"]).get(kind, DEFAULT.get(source.lang, "Note"))
            fixed = f'{line.rstrip()} "{title}"'.strip()
            yield Problem(source.display, no, ID, body.say(
                source,
                f"注記に見出しがありません（英語の既定の見出し「{kind.title()}」が出ます）。"
                f"日本語の見出しを付けてください：{fixed}",
                f"admonition without a title (it would show the default \"{kind.title()}\"); add one: {fixed}"),
                col=len(m.group("indent")) + 1)
