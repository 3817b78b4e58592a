"""frontmatter-required: every page sets `title` and `description`.

The title names the page in navigation and search; the description is the
summary search engines and link previews show. Both are plain text.
"""

from __future__ import annotations

from collections.abc import Iterator

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
                where = "between the --- lines at the top" if source.front.present else \
                    "in a front matter block (a --- line, key: value lines, a --- line) at the top"
                state = "is empty or not text" if key in source.front.data else "is missing"
                yield Problem(source.display, source.front.key_lines.get(key, 1), ID,
                              f"front matter `{key}` {state}; add `{key}: <text>` {where}")
