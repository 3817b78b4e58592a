"""link-reference: no `[text][ref]` was left as plain text because `ref` is not defined.

Python-Markdown prints an unresolved reference link as the literal brackets,
with no warning, so a typo in `[form][inquiry-form]` silently removes the
link to the inquiry form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check.model import Problem, Project, Say

ID = "link-reference"
DESCRIPTION = "every [text][ref] became a link (the reference is defined)"

_UNRESOLVED = re.compile(r"\[([^\[\]\n]+)\]\[([^\[\]\n]*)\]")


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        if page.source is None or page.content is None:
            continue
        content = page.content.clone()
        for node in content.css("code, pre, kbd"):
            node.decompose()
        known = ", ".join(f"[{ref}]" for ref in project.references(page.lang))
        seen: dict[str, int] = {}
        for m in _UNRESOLVED.finditer(content.text(separator="")):
            ref = m.group(2) or m.group(1)
            nth = seen.get(m.group(0), 0)
            seen[m.group(0)] = nth + 1
            yield project.text_problem(ID, page, True, Say(
                f"{m.group(0)} はリンクになっていません。[{ref}] という参照が定義されていないためです。"
                f"{known} のどれかを使うか、`[{ref}]: <アドレス>` の行を追加してください",
                f"{m.group(0)} is not a link: no reference named [{ref}] is defined; use one of {known},"
                f" or add a line `[{ref}]: <address>`"), [m.group(0)], nth)
