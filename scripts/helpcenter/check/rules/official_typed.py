"""official-typed: an official address that has a reference link is linked by it, not typed.

The addresses live once, in `mkdocs.yml` (`extra.official`); a typed copy
does not follow when one changes, and a typo in it is a lookalike link that
no reviewer sees. Deeper addresses on bitbank.cc (one FAQ article) have no
reference link and may be typed.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.build import official_links
from helpcenter.check import body, suggest
from helpcenter.check.model import Problem, Project

ID = "official-typed"
DESCRIPTION = "an official address with a reference link ([公式サイト][official-website] …) is not typed as a URL"


def check(project: Project) -> Iterator[Problem]:
    for link in project.links:
        source = link.page.source
        if (source is None or link.tag != "a" or not project.from_content(link)
                or not official_links.is_official_url(link.url)):
            continue  # an <iframe src> or an image is another rule's (html-element, link-image)
        ref = suggest.reference(project, source.lang, link.url)
        problem = project.problem(ID, link, "")
        typed = 0 < problem.line <= len(source.lines) and link.url in source.lines[problem.line - 1]
        if ref and typed:
            yield Problem(problem.path, problem.line, ID, body.say(
                source, f"公式のアドレス {link.url} を直接書かないでください。参照リンク {ref} を使います",
                f"official address {link.url} typed; use the reference link {ref}"), col=problem.col)
