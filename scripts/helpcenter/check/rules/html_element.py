"""html-element: page content has no <script>, <iframe>, <meta> or other embedded code.

Checked on the built content (`<article>`), as a browser parses it, so the
template's own scripts are not flagged and HTML shown inside code blocks is
not mistaken for markup. A page that needs behaviour gets it from overrides/
or assets/, where an engineer reviews it. `<meta>` (a refresh redirects the
reader elsewhere), `<base>` (re-points every relative link) and `<link>`
belong to the template's head, never to content.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check.model import Problem, Project, Say

ID = "html-element"
DESCRIPTION = "no <script>, <iframe>, <frame>, <object>, <embed>, <meta>, <base> or <link> in page content"

FORBIDDEN = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal", "meta", "base", "link")
WHY = {
    "meta": Say("本文の <meta> は読者を別の場所へ移動させたり（http-equiv=\"refresh\"）、ページの動作を"
                "変えたりできます",
                "a <meta> in content can redirect the reader elsewhere (http-equiv=\"refresh\") or change how the"
                " page behaves"),
    "base": Say("<base> はページのすべての相対リンクの行き先を変えます",
                "a <base> re-points every relative link of the page"),
    "link": Say("<link> はほかのリソースを読み込みます", "a <link> loads or prefetches other resources"),
}
CODE = Say("Markdown のページではコードを実行したり埋め込んだりできません", "Markdown pages may not run or embed code")


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        if page.source is None or page.content is None:
            continue
        seen: dict[str, int] = {}
        for node in page.content.css(", ".join(FORBIDDEN)):
            tag = node.tag or ""
            nth = seen.get(tag, 0)
            seen[tag] = nth + 1
            why = WHY.get(tag, CODE)
            yield project.text_problem(ID, page, True, Say(
                f"本文に <{tag}> があります。{why.ja}。削除してください（これが必要な機能はエンジニアに"
                "依頼してください）",
                f"<{tag}> in page content; {why.en}: remove it (ask an engineer for a feature that needs it)"),
                [f"<{tag}"], nth)
