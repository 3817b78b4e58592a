""""Did you mean …?" for a mistyped page or anchor: the closest existing name (difflib)."""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable

from helpcenter.check.model import Link, Project, Say


def closest(wrong: str, names: Iterable[str], cutoff: float = 0.6) -> str | None:
    found = difflib.get_close_matches(wrong, sorted(set(names)), n=1, cutoff=cutoff)
    return found[0] if found else None


def did_you_mean(name: str | None) -> Say:
    """The hint after a message, in both languages: ` (did you mean account.md?)`; empty without a name."""
    return Say(f"（{name} のことですか？）", f" (did you mean {name}?)") if name else Say("", "")


def page(project: Project, link: Link, target: str) -> Say:
    """Did you mean the closest page of the link's language, as the writer would link it (`account.md`)?"""
    source = link.page.source
    if source is None:
        return did_you_mean(None)
    pages = {s.built: s for s in project.sources if s.lang == source.lang}
    best = closest(target, pages)
    if best is None:
        return did_you_mean(None)
    return did_you_mean(posixpath.relpath(pages[best].rel, posixpath.dirname(source.rel) or "."))


def anchor(fragment: str, ids: Iterable[str]) -> Say:
    """Did you mean the closest id a writer gives (`#email`; not the template's `__` ids)?"""
    best = closest(fragment, (i for i in ids if not i.startswith("_") and "__" not in i))
    return did_you_mean(f"#{best}" if best else None)


REFERENCE_TEXT = {
    "official-website": {"ja": "公式サイト", "en": "official website"},
    "inquiry-form": {"ja": "お問い合わせフォーム", "en": "inquiry form"},
    "help-center": {"ja": "FAQ記事", "en": "FAQ articles"},
}


def _same_address(a: str, b: str) -> bool:
    def norm(u: str) -> str:
        return u.strip().lower().split("#", 1)[0].removeprefix("https://").removeprefix("http://").rstrip("/")
    return norm(a) == norm(b)


def reference_link(ref: str, lang: str) -> str:
    """How a page of `lang` writes the official reference link `ref`: `[公式サイト][official-website]`."""
    text = REFERENCE_TEXT.get(ref, {})
    return f"[{text.get(lang, text.get('en', 'text'))}][{ref}]"


def reference(project: Project, lang: str, url: str) -> str | None:
    """The reference link a writer types instead of `url`, e.g. `[公式サイト][official-website]`."""
    for ref, address in project.references(lang).items():
        if ref in REFERENCE_TEXT and _same_address(url, address):
            return reference_link(ref, lang)
    return None
