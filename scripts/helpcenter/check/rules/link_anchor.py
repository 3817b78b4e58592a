"""link-anchor: every `#fragment` names an element that exists in the page it points to.

Fragments are checked against the ids of the built page (heading ids from
`{#id}`, footnotes, the template's own ids), so a renamed heading shows up
wherever it is linked from, in either language.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from helpcenter.check import suggest
from helpcenter.check.model import Problem, Project, Say

ID = "link-anchor"
DESCRIPTION = "#fragments point to an id that exists in the target page"


def check(project: Project) -> Iterator[Problem]:
    for link in project.links:
        if link.is_image or "#" not in link.url or not project.is_internal(link.url):
            continue
        fragment = unquote(link.url.split("#", 1)[1])
        if not fragment or fragment == "top":
            continue  # "#" and "#top" scroll to the top of any page
        target = project.resolve(link)
        page = project.pages.get(target or "")
        if page is None:
            continue  # a missing page is link-target's problem, not ours
        if fragment not in page.ids:
            where = project.target_name(page.rel, link.page.lang)
            prefix = "" if link.in_content and link.page.source else f"{project.label(link)}: "
            hint = suggest.anchor(fragment, page.ids)
            yield project.problem(ID, link, Say(
                f"#{fragment} は {where} にありません{hint.ja}。リンク先の見出しの後ろにある id（{{#id}}）で"
                "リンクするか、見出しの id を直してください",
                f"{prefix}#{fragment} does not exist in {where}{hint.en}; link to one of"
                " its headings by the id after it ({#id}), or fix the heading's id"))
