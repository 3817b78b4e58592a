"""Reference-link definitions for the official addresses, appended to each page.

Writers link with `[お問い合わせフォーム][inquiry-form]`; the address itself
lives once, under `extra.official` in mkdocs.yml.
"""

from __future__ import annotations

from collections.abc import Mapping

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
