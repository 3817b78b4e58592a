"""The official addresses in a page: reference-link definitions and placeholders.

Writers link with `[お問い合わせフォーム][inquiry-form]`, and write an address
as text with a placeholder: `{{ official.domain }}` (the official website's
host, bitbank.cc), `{{ official.KEY }}` (a value of `extra.official`, e.g.
`{{ official.support_email }}`) or `{{ official.KEY.host }}` (its host). The
addresses themselves live once, under `extra.official` in mkdocs.yml. Both are
plain text transformations of the Markdown, so any generator can apply them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

REFERENCE_IDS = {
    "official-website": "website",
    "inquiry-form": "inquiry_form",
}


def definitions(official: Mapping[str, str], lang: str) -> dict[str, str]:
    """Reference id -> URL for a page in `lang`."""
    refs = {ref: official[key] for ref, key in REFERENCE_IDS.items() if key in official}
    help_key = "help_center_ja" if lang == "ja" else "help_center_en"
    if help_key in official:
        refs["help-center"] = official[help_key]
    if "support_email" in official:
        refs["support-email"] = f"mailto:{official['support_email']}"
    return refs


def append_definitions(markdown: str, official: Mapping[str, str], lang: str) -> str:
    lines = [f"[{ref}]: {url}" for ref, url in definitions(official, lang).items()]
    return markdown.rstrip("\n") + "\n\n" + "\n".join(lines) + "\n"


PLACEHOLDER = re.compile(r"\{\{\s*official\.([A-Za-z0-9_.-]*)\s*\}\}")


class UnknownPlaceholder(ValueError):
    """A `{{ official.… }}` that names nothing in `extra.official`; `text` is the placeholder as written."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


def host(value: str) -> str:
    """Host of an official URL or email address (bitbank.cc, support.bitbank.cc)."""
    value = value.strip()
    if "://" not in value and "@" in value:
        return value.rpartition("@")[2].lower()
    return (urlsplit(value).hostname or "").lower()


def values(official: Mapping[str, str]) -> dict[str, str]:
    """Placeholder name -> text: `domain`, every key, and every key's `.host`."""
    found = {key: str(value) for key, value in official.items()}
    found |= {f"{key}.host": host(str(value)) for key, value in official.items() if host(str(value))}
    if "website" in official:
        found["domain"] = host(str(official["website"]))
    return found


def fill(markdown: str, official: Mapping[str, str]) -> str:
    """`markdown` with every `{{ official.… }}` replaced; UnknownPlaceholder names the line and the fix."""
    known = values(official)

    def replace(m: re.Match[str]) -> str:
        if m.group(1) in known:
            return known[m.group(1)]
        names = ", ".join(f"{{{{ official.{name} }}}}" for name in sorted(known))
        raise UnknownPlaceholder(f"{m.group(0)} names nothing in extra.official of mkdocs.yml;"
                                 f" use one of {names}", m.group(0))

    return PLACEHOLDER.sub(replace, markdown)
