"""parity-sections: a translation has as many `##` sections as the original.

A cheap signal that a translation is out of date, in the style of the
Kubernetes localization triage: when a section is added to one language and
not the other, the counts differ. Sections are counted in the Markdown
(ATX `## ` headings outside code fences). The translation (each
non-default language) is the file reported; headings with the same `{#id}` in
both languages name what is missing. A page may opt out by saying why in its
front matter (either language): `sections_differ: <reason>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project, SourcePage
from helpcenter.front_matter import PARITY_REASON_KEY

ID = "parity-sections"
DESCRIPTION = f"pages have the same number of ## sections in each language (unless `{PARITY_REASON_KEY}:` says why)"

_H2 = re.compile(r"^ {0,3}##(?!#)(?:[ \t]+(.*?))?[ \t#]*$")
_ID = re.compile(r"\{[^}]*#([\w\-:.]+)[^}]*\}\s*$")


def sections(source: SourcePage) -> list[tuple[int, str | None]]:
    """(line, explicit id or None) of each `##` heading outside front matter and code fences."""
    found: list[tuple[int, str | None]] = []
    for no, line in body.lines(source):
        if h := _H2.match(line):
            anchor = _ID.search(h.group(1) or "")
            found.append((no, anchor.group(1) if anchor else None))
    return found


def _reason(source: SourcePage) -> str:
    value = source.front.data.get(PARITY_REASON_KEY)
    return value.strip() if isinstance(value, str) else ""


def check(project: Project) -> Iterator[Problem]:
    for original, translation in project.translation_pairs():
        mine, theirs = sections(translation), sections(original)
        if len(mine) == len(theirs) or _reason(translation) or _reason(original):
            continue
        my_ids = {i for _, i in mine if i}
        their_ids = {i for _, i in theirs if i}
        only_here = [(no, i) for no, i in mine if i and i not in their_ids]
        missing = [i for _, i in theirs if i and i not in my_ids]
        lacking = ", ".join("#" + i for i in missing)
        extra = ", ".join("#" + i for _, i in only_here)
        yield Problem(translation.display, only_here[0][0] if only_here else 1, ID, body.say(
            translation,
            f"## の節がここには {len(mine)} つ、{original.display} には {len(theirs)} つあります"
            + (f"。ここにない節：{lacking}" if missing else "") + (f"。ここにだけある節：{extra}" if only_here else "")
            + f"。翻訳を最新にするか、違う理由をフロントマターに書いてください：`{PARITY_REASON_KEY}: <理由>`",
            f"{len(mine)} ## sections here but {len(theirs)} in {original.display}"
            + (f"; missing here: {lacking}" if missing else "") + (f"; only here: {extra}" if only_here else "")
            + f"; bring the translation up to date, or say why they differ in the front matter:"
            f" `{PARITY_REASON_KEY}: <reason>`"))
