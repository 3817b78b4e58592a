"""html-event-handler: no inline event handlers (onclick=, onerror=, …) in page content.

Any attribute whose name starts with `on` runs JavaScript; checked on the
built content as the browser parses it.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check.model import Problem, Project, Say

ID = "html-event-handler"
DESCRIPTION = "no on…= event handler attributes in page content"


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        if page.source is None or page.content is None:
            continue
        seen: dict[str, int] = {}
        for node in page.content.traverse():
            for name in node.attributes:
                if not name.lower().startswith("on"):
                    continue
                nth = seen.get(name.lower(), 0)
                seen[name.lower()] = nth + 1
                yield project.text_problem(ID, page, True, Say(
                    f"<{node.tag}> の {name}= は JavaScript を実行します。Markdown のページではコードを実行"
                    "できません。この属性を削除してください",
                    f"{name}= on <{node.tag}> runs JavaScript; Markdown pages may not run code: remove the attribute"),
                    [f"{name}=", f"{name} ="], nth)
