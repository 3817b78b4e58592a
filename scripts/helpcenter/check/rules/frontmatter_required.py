"""frontmatter-required: every page sets `title` and `description`.

The title names the page in navigation and search; the description is the
summary search engines and link previews show. Both are plain text.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project
from helpcenter.front_matter import REQUIRED_KEYS

ID = "frontmatter-required"
DESCRIPTION = "every page has a title and a description in its front matter"


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        if source.front.error:
            continue  # frontmatter-syntax says why
        for key in REQUIRED_KEYS:
            value = source.front.data.get(key)
            if not isinstance(value, str) or not value.strip():
                where = body.say(source, "先頭の --- の行の間に", "between the --- lines at the top") \
                    if source.front.present else body.say(
                        source, "先頭のフロントマター（--- の行、key: value の行、--- の行）に",
                        "in a front matter block (a --- line, key: value lines, a --- line) at the top")
                empty = key in source.front.data
                yield Problem(source.display, source.front.key_lines.get(key, 1), ID, body.say(
                    source,
                    f"フロントマターの `{key}` が{'空か、文字列ではありません' if empty else 'ありません'}。"
                    f"{where} `{key}: <テキスト>` を書いてください",
                    f"front matter `{key}` {'is empty or not text' if empty else 'is missing'};"
                    f" add `{key}: <text>` {where}"))
