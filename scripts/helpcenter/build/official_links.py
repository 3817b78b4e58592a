"""The official addresses: what they may be, reference-link definitions and placeholders.

Writers link with `[お問い合わせフォーム][inquiry-form]`, and write an address
as text with a placeholder: `{{ official.domain }}` (the official website's
host, bitbank.cc), `{{ official.KEY }}` (a value of `extra.official`, e.g.
`{{ official.support_email }}`) or `{{ official.KEY.host }}` (its host). The
addresses themselves live once, under `extra.official` in mkdocs.yml. Both are
plain text transformations of the Markdown, so any generator can apply them.
What an official address may be is decided here, in code, not by the
configuration it judges: moving every address in mkdocs.yml to one lookalike
domain must still fail (`scripts/check`, and the strict build through the hook).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from urllib.parse import urlsplit

OFFICIAL_DOMAIN = "bitbank.cc"  # the exchange's own domain; only an engineer's reviewed change moves it

REFERENCE_IDS = {
    "official-website": "website",
    "inquiry-form": "inquiry_form",
}
EMAIL_KEYS = frozenset({"support_email"})


def is_official_host(host: str | None) -> bool:
    """bitbank.cc itself or one of its subdomains, compared exactly (no lookalikes)."""
    host = (host or "").lower()
    return host == OFFICIAL_DOMAIN or host.endswith("." + OFFICIAL_DOMAIN)


def is_official_url(url: str) -> bool:
    """An https:// address on the official domain, with no user name, odd port or backslash to disguise it."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return False
    return (parts.scheme == "https" and port in (None, 443) and parts.username is None and "\\" not in url
            and is_official_host(parts.hostname))


def is_official_email(address: str) -> bool:
    """A plain address whose domain is exactly bitbank.cc (support mail is not sent to subdomains)."""
    local, at, domain = address.strip().lower().rpartition("@")
    return bool(at and local) and domain == OFFICIAL_DOMAIN and all(c.isalnum() or c in "._+-" for c in local)


def problems(official: Mapping[str, object]) -> list[tuple[str, str]]:
    """(key, message) for each `extra.official` entry that is not an official address."""
    found: list[tuple[str, str]] = []
    for key, value in official.items():
        text = str(value)
        if key in EMAIL_KEYS:
            if not is_official_email(text):
                found.append((key, f"extra.official.{key} is {text!r}, which is not an email address at"
                                   f" {OFFICIAL_DOMAIN}: write the support address (support@{OFFICIAL_DOMAIN})"))
        elif not is_official_url(text):
            found.append((key, f"extra.official.{key} is {text!r}, which is not an https:// address on"
                               f" {OFFICIAL_DOMAIN} or one of its subdomains: write the official address"
                               " (the official domain is fixed in scripts/helpcenter/build/official_links.py)"))
    return found


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
