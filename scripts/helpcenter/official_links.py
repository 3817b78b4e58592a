"""The official addresses: what they may be, and reference-link definitions for them.

Writers link with `[お問い合わせフォーム][inquiry-form]`; the address itself
lives once, under `extra.official` in mkdocs.yml. What an official address
may be is decided here, in code, not by the configuration it judges: moving
every address in mkdocs.yml to one lookalike domain must still fail
(`scripts/check`, and the strict build through the hook).
"""

from __future__ import annotations

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
                               " (the official domain is fixed in scripts/helpcenter/official_links.py)"))
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
