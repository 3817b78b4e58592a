"""never-send-prose: the secrets a customer must never send are listed once, not sentence by sentence.

The list lives in data/snippets/<lang>/never-send.md and is included where a
page says what not to send. A sentence that names three or more of the secrets
one by one is a second list, and second lists drift: one page once left out
the API secret. Such a line is reported with the fix: include the snippet or
link to the list. A new item in the snippet that this rule cannot recognise is
reported at the snippet, so the rule keeps up with the list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from helpcenter.check import body
from helpcenter.check.model import Problem, Project

ID = "never-send-prose"
DESCRIPTION = "no sentence lists the secrets never to send one by one (include data/snippets/<lang>/never-send.md)"

SNIPPETS = Path("data/snippets")
MINIMUM = 3  # one or two secrets named in context ("your password or a code") are prose, not a list
SECRETS = {  # how a sentence names each item of never-send.md, in the list's order
    "ja": [r"パスワード", r"二段階認証.{0,3}コード|認証コード", r"秘密鍵", r"リカバリーフレーズ", r"シークレット"],
    "en": [r"passwords?", r"(two-factor|2FA|verification)[^.,;]{0,25}codes?", r"private keys?", r"recovery phrases?",
           r"API secrets?"],
}
LIST_LINK = {"ja": "[誰にも教えてはいけない情報](…/security.md#never-share)",
             "en": "[What you must never share](…/security.md#never-share)"}


def named(lang: str, text: str) -> list[int]:
    """Indexes of the secrets `text` names."""
    return [i for i, pattern in enumerate(SECRETS.get(lang, [])) if re.search(pattern, text, re.IGNORECASE)]


def check(project: Project) -> Iterator[Problem]:
    yield from _unknown_items(project.root)
    for source in project.sources:
        for no, line in body.lines(source):
            if line.lstrip().startswith(("--8<--", "<")):
                continue
            found = named(source.lang, line)
            if len(found) >= MINIMUM:
                include = f'--8<-- "{source.lang}/never-send.md"'
                link = LIST_LINK.get(source.lang, LIST_LINK["en"])
                yield Problem(source.display, no, ID, body.say(
                    source,
                    f"この行は、送ってはいけない情報のうち {len(found)} つを一つずつ挙げています。この一覧は"
                    f"一か所にだけ書きます。一覧を取り込む（{include}）か一覧にリンクして（{link}）、"
                    "どのページでも同じ内容にしてください",
                    f"this line names {len(found)} of the secrets never to send one by one; the list is"
                    f" written once: include it ({include}) or link to it ({link}), so that every page says the"
                    " same"))


def _unknown_items(root: Path) -> Iterator[Problem]:
    """Each snippet item must be recognised as exactly its own secret."""
    for lang in SECRETS:
        path = root / SNIPPETS / lang / "never-send.md"
        if not path.is_file():
            continue
        items = [(no, line[2:]) for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if line.startswith("- ")]
        for index, (no, item) in enumerate(items):
            if named(lang, item) != [index]:
                yield Problem((SNIPPETS / lang / "never-send.md").as_posix(), no, ID,
                              f"{item!r} is not recognised as item {index + 1} of the list by"
                              " scripts/helpcenter/check/rules/never_send_prose.py: add or reorder its pattern there")
