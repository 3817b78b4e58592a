"""parity-pages: every page exists in both languages.

Compared on the Markdown files, so a page missing from one language is named
by the file that does exist, before anyone follows a language switcher into
a dead end.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project
from helpcenter.paths import LANGUAGES

ID = "parity-pages"
DESCRIPTION = "every page exists in every language"


def check(project: Project) -> Iterator[Problem]:
    docs = project.root / str(project.config.get("docs_dir", "docs"))
    present = {(s.lang, s.rel) for s in project.sources}
    for source in project.sources:
        for lang in LANGUAGES:
            if (lang, source.rel) not in present:
                missing = (docs / lang / source.rel).relative_to(project.root).as_posix()
                yield Problem(source.display, 1, ID, body.say(
                    source, f"このページには {lang} 版がありません。{missing} を作成してください（すべてのページが"
                            "すべての言語に必要です）",
                    f"this page has no {lang} version: create {missing} (every page must exist in every language)"))
