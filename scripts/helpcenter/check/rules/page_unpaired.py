"""page-unpaired: every built page comes from a Markdown page the checks read.

The rules that read content (markup, contact text, links) read each built
page beside its Markdown source, which they find by the page's name. A page
MkDocs publishes under another name than `<name>.html` (a `README.md` is
published as `index.html`) would have no source, and those rules would pass
it unread. published_files refuses the names known to do this; this rule
catches any other way a page reaches the site without its source.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check.model import Problem, Project
from helpcenter.paths import LANGUAGES, language_prefix

ID = "page-unpaired"
DESCRIPTION = "every built page is the page of a Markdown file (no page reaches the site unchecked)"

GENERATED = frozenset(language_prefix(lang) + "404.html" for lang in LANGUAGES)  # the theme's (overrides/404.html)


def check(project: Project) -> Iterator[Problem]:
    for rel, page in sorted(project.pages.items()):
        if page.source is None and rel not in GENERATED:
            yield Problem(page.display, 1, ID,
                          f"{rel} was built from no Markdown page the checks know of, so its content was not"
                          " checked: write the page as docs/<ja|en>/<path>.md (index.md for a folder's page)")
