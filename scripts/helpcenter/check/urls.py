"""What a URL in a built page is, and whether it may leave the site.

Kept apart from the rules because several rules need the same answers
(is this internal? which host? is that host official?) and because these
small pure functions are where lookalike domains are caught, so they are
tested on their own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
# Browsers drop these anywhere in a URL before reading its scheme.
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")

CONTACT_SCHEMES = frozenset({"tel", "sms", "callto", "facetime", "facetime-audio", "skype", "viber", "whatsapp"})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript"})
# Schemes whose links neither leave the site nor are a phone channel; other rules own them.
NOT_EXTERNAL = frozenset({"mailto", "data", "about", "blob"}) | CONTACT_SCHEMES | SCRIPT_SCHEMES


def scheme(url: str) -> str:
    """Lower-case scheme as a browser reads it ('' for relative URLs)."""
    m = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", url))
    return m.group(1).lower() if m else ""


def is_internal(url: str) -> bool:
    return not scheme(url) and not url.startswith("//")


def is_external(url: str) -> bool:
    """A link that would make the browser leave the site (any scheme we do not own elsewhere)."""
    s = scheme(url)
    return url.startswith("//") or (bool(s) and s not in NOT_EXTERNAL)


def host_of(url: str) -> str | None:
    """Lower-cased host of an absolute URL, or None when it has none or is malformed."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if port not in (None, 443) or parts.username is not None or "\\" in parts.netloc:
        return None  # userinfo and odd ports are classic ways to disguise a host
    return parts.hostname or None


def non_ascii_note(host: str) -> str:
    """Name the characters that make a host only look like ASCII (homograph attack)."""
    odd = [ch for ch in host if ord(ch) > 127]
    if not odd:
        return ""
    names = ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in dict.fromkeys(odd))
    return f" (its name contains non-ASCII letters: {names}; a lookalike?)"


def is_official_host(host: str | None, official_domain: str) -> bool:
    """bitbank.cc itself or one of its subdomains, compared exactly (no lookalikes)."""
    if not host or not official_domain:
        return False
    return host == official_domain or host.endswith("." + official_domain)


@dataclass(frozen=True)
class AllowEntry:
    """One allowlist line: an https URL prefix (exact host, path prefix)."""

    host: str
    path: str
    line: int

    def allows(self, url: str) -> bool:
        parts = urlsplit(url)
        path = parts.path or "/"
        return host_of(url) == self.host and (path == self.path.rstrip("/") or path.startswith(self.path))


def read_allowlist(path: Path) -> tuple[list[AllowEntry], list[tuple[int, str]]]:
    """Entries, and (line, message) for lines that are not a plain https URL prefix."""
    entries: list[AllowEntry] = []
    errors: list[tuple[int, str]] = []
    if not path.exists():
        return entries, errors
    for no, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        text = raw.split("#", 1)[0].strip()  # '#' starts a comment; entries need no fragment
        if not text:
            continue
        host = host_of(text)
        if scheme(text) != "https" or not host or host != host.encode("ascii", "ignore").decode():
            errors.append((no, f"allowlist entry {text!r} must be an https:// URL with an ASCII host"
                               " (write internationalized names in punycode, xn--…)"))
            continue
        parts = urlsplit(text)
        path_prefix = parts.path or "/"
        entries.append(AllowEntry(host, path_prefix if path_prefix.endswith("/") else path_prefix + "/", no))
    return entries, errors


def mailto_addresses(url: str) -> list[str]:
    """Every recipient of a mailto: URL (to, cc, bcc), decoded and lower-cased."""
    body = url.split(":", 1)[1] if ":" in url else ""
    head, _, query = body.partition("?")
    found = [unquote(a).strip() for a in head.split(",")]
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key.lower() in ("to", "cc", "bcc"):
            found.extend(unquote(a).strip() for a in value.split(","))
    return [a.lower() for a in found if a]
