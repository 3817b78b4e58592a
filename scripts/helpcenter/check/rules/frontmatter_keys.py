"""frontmatter-unknown-key: front matter sets only keys the site knows.

A misspelt key (`descripton`) is otherwise ignored without a word. The
allowed keys live in helpcenter/front_matter.py (ALLOWED_KEYS).
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import body, suggest
from helpcenter.check.model import Problem, Project
from helpcenter.front_matter import ALLOWED_KEYS

ID = "frontmatter-unknown-key"
DESCRIPTION = "front matter uses only the keys in ALLOWED_KEYS (scripts/helpcenter/front_matter.py)"


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        for key in source.front.data:
            if key in ALLOWED_KEYS:
                continue
            close = suggest.closest(key, ALLOWED_KEYS)
            allowed = ", ".join(ALLOWED_KEYS)
            yield Problem(source.display, source.front.key_lines.get(key, 1), ID, body.say(
                source,
                f"フロントマターのキー `{key}` はありません。{f'`{close}` のことですか？' if close else ''}"
                f"使えるキー：{allowed}（新しいキーが必要なら、エンジニアに依頼してください）",
                f"unknown front matter key `{key}`; {f'did you mean `{close}`? ' if close else ''}allowed keys:"
                f" {allowed} (for a new key, ask an engineer)"))
