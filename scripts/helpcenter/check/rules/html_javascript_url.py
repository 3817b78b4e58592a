"""html-javascript-url: no javascript: (or vbscript:) URLs in page content.

Read from every attribute of the built content, after the parser has decoded
entities and the browser's rules have dropped tabs and newlines, so
`&#106;avascript:` and `java\tscript:` are caught too. Material's own
`javascript:void(0)` buttons live in the template and are not content.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import urls
from helpcenter.check.model import Problem, Project, Say

ID = "html-javascript-url"
DESCRIPTION = "no javascript: URLs in page content"

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "poster", "xlink:href", "background",
                            "cite", "ping", "srcset", "manifest", "codebase"})


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        if page.source is None or page.content is None:
            continue
        for node in page.content.traverse():
            for name, value in node.attributes.items():
                if name.lower() in URL_ATTRIBUTES and value and urls.scheme(value) in urls.SCRIPT_SCHEMES:
                    scheme = urls.scheme(value)
                    yield project.text_problem(ID, page, True, Say(
                        f"<{node.tag}> の {name}=\"{value}\" はコードを実行します。Markdown のページでは"
                        "コードを実行できません。代わりにページか公式のアドレスにリンクしてください",
                        f"{name}=\"{value}\" on <{node.tag}> runs code; Markdown pages may not run code: link to a"
                        " page or an official address instead"), [value, f"{scheme}:"], 0)
