"""html-title-markup: no markup in `title` attributes of page content.

With `content.tooltips` on, Material shows a title as a tooltip by putting it
into the page as HTML: a title holding `<meta http-equiv="refresh">`, an
`<a>` or a `<form>` becomes live when the reader hovers. Markdown link titles
(`[x](page.md "title")`) and abbreviation definitions (`*[FAQ]: …`) end up in
the same attribute. Read as the browser decodes it, so `&lt;meta` counts too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check.model import Problem, Project, Say

ID = "html-title-markup"
DESCRIPTION = "no HTML in title attributes, link titles or abbreviation definitions (tooltips render it)"

TAG = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        if page.source is None or page.content is None:
            continue
        seen: set[str] = set()
        for node in page.content.css("[title]"):
            title = node.attributes.get("title") or ""
            tag = TAG.search(title)
            if not tag or title in seen:
                continue  # one abbreviation definition gives every use of the word the same title
            seen.add(title)
            needles = [title, title.replace('"', "&quot;"), title[tag.start() if tag else 0:][:30]]
            yield project.text_problem(ID, page, True, Say(
                f"<{node.tag}> の title「{title[:60]}」に HTML が入っています。ツールチップを表示したときに、"
                "ページの一部として動いてしまいます。title、リンクのタイトル、略語の定義には文字だけを書いてください",
                f"title \"{title[:60]}\" on <{node.tag}> holds HTML, which the tooltip would run as part of the"
                " page: write plain text in titles, link titles and abbreviation definitions"), needles)
