"""contact-text: no email address, domain or messenger handle in text other than bitbank's own.

A page that says "write to help@bitbank-support.com" or "add @bitbank_help"
sends customers to a scammer without a single link. Read in the page text
(code spans included, entities decoded by the parser), `title` and `alt`
attributes, headings' table-of-contents labels, and front matter (at its line); the banner has its own rule.
Illustrations under example domains stay allowed (helpcenter/check/contact_text.py).
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.build import front_matter_text
from helpcenter.check import contact_text
from helpcenter.check.model import BuiltPage, Problem, Project, Say

ID = "contact-text"
DESCRIPTION = "no email address, domain or messenger handle in text except bitbank.cc's (examples: example.com)"

FIX = {
    "email": Say("ページに書いてよいメールアドレスはサポートの宛先だけです。[support@bitbank.cc][support-email]"
                 " と書いてください",
                 "the only address pages may give is the support address: write [support@bitbank.cc][support-email]"),
    "domain": Say("ページに書いてよいドメインは bitbank.cc とそのサブドメインだけです。公式の参照リンク"
                  "（[公式サイト][official-website]）を使ってください。説明用の例なら例示用ドメイン"
                  "（bitbank-cc.example.com）を使います",
                  "pages name only bitbank.cc and its subdomains: use the official reference links"
                  " ([official website][official-website]); for an illustration use an example domain"
                  " (bitbank-cc.example.com)"),
    "handle": Say("bitbank のサポートはお問い合わせフォームとメールだけです。このアカウント名を削除してください",
                  "bitbank offers support only through the inquiry form and email: remove the handle"),
}
KIND_JA = {"email": "メールアドレス", "domain": "ドメイン", "handle": "メッセンジャーのアカウント名"}


def findings(text: str) -> Iterator[tuple[str, str]]:
    """(kind, what was written) for every contact point in `text` that is not official."""
    for kind, found in (("email", contact_text.emails(text)), ("domain", contact_text.domains(text)),
                        ("handle", contact_text.handles(text))):
        for item in found:
            yield kind, item


def message(kind: str, item: str) -> Say:
    return Say(f"本文の{KIND_JA[kind]}「{item}」は bitbank のものではありません。{FIX[kind].ja}",
               f"{kind} {item!r} in the text is not bitbank's; {FIX[kind].en}")


def _texts(page: BuiltPage) -> Iterator[str]:
    if page.content is None:
        return
    yield page.content.text(separator=" ")
    for node in page.content.css("[title], [alt]"):
        yield " ".join(filter(None, (node.attributes.get("title"), node.attributes.get("alt"))))
    # A heading's table-of-contents label (`{data-toc-label="…"}`) is shown beside the article, not in it.
    headings = {h.text(strip=True) for h in page.content.css("h1, h2, h3, h4, h5, h6")}
    for entry in page.tree.css("nav.md-nav--secondary a.md-nav__link"):
        label = entry.text(strip=True)
        if label not in headings:
            yield label


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        for key in front_matter_text.TEXT_KEYS:
            value = source.front.data.get(key)
            for kind, item in findings(value) if isinstance(value, str) else ():
                yield Problem(source.display, source.front.key_lines.get(key, 1), ID,
                              message(kind, item).in_language(source.lang))
    for page in project.pages.values():
        if page.source is None:
            continue
        seen: dict[str, int] = {}
        for text in _texts(page):
            for kind, item in findings(text):
                nth = seen.get(item, 0)
                seen[item] = nth + 1
                yield project.text_problem(ID, page, True, message(kind, item), [item, item.replace("@", "&#64;")],
                                           nth)
