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

import ada_url

from helpcenter.build.official_links import is_official_host as _is_official

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


# Stands for this site when a link is resolved as Chromium resolves it: a relative link stays on it.
SITE_HOST = "site.invalid"


def browser_url(url: str, page: str = "index.html") -> ada_url.URL | None:
    """`url` resolved from the built page `page` by the WHATWG URL standard (ada), as a browser does.

    A browser reads `\\/host/…` as `//host/…` and drops control characters
    before `//`, so a link that looks relative may leave the site: judge the
    parsed URL, never the string. None when a browser could not parse it.
    """
    try:
        return ada_url.URL(url, f"https://{SITE_HOST}/{page}")
    except ValueError:
        return None


def on_site(parsed: ada_url.URL) -> bool:
    """A resolved URL that stays on this site (https, this site's host)."""
    return parsed.protocol == "https:" and parsed.host == SITE_HOST


def is_internal(url: str, page: str = "index.html") -> bool:
    """The browser stays on this site: the link resolves to a file of it."""
    parsed = browser_url(url, page)
    return parsed is not None and on_site(parsed)


def is_external(url: str, page: str = "index.html") -> bool:
    """A link that would make the browser leave the site (any scheme we do not own elsewhere)."""
    parsed = browser_url(url, page)
    return parsed is not None and parsed.protocol[:-1] not in NOT_EXTERNAL and not on_site(parsed)


def host_of(url: str) -> str | None:
    """Lower-cased host of an absolute URL as a browser reads it, or None when it has none or is disguised."""
    parsed = browser_url(url)
    if parsed is None or parsed.host == SITE_HOST:
        return None
    if parsed.port not in ("", "443") or parsed.username or parsed.password:
        return None  # userinfo and odd ports are classic ways to disguise a host
    return parsed.hostname or None


def unicode_host(host: str) -> str:
    """A host as its owner registered it: punycode labels (xn--) decoded."""
    try:
        return host.encode("ascii").decode("idna") if "xn--" in host else host
    except (UnicodeError, ValueError):
        return host


def non_ascii_note(host: str, lang: str = "en") -> str:
    """Name the characters that make a host only look like ASCII (homograph attack); Japanese for `lang="ja"`."""
    odd = [ch for ch in unicode_host(host) if ord(ch) > 127]
    if not odd:
        return ""
    names = ", ".join(f"U+{ord(ch):04X} {unicodedata.name(ch, '?')}" for ch in dict.fromkeys(odd))
    if lang == "ja":
        return f"（名前に ASCII 以外の文字があります：{names}。見た目が似た別のドメインのおそれがあります）"
    return f" (its name contains non-ASCII letters: {names}; a lookalike?)"


def is_official_host(host: str | None) -> bool:
    """bitbank.cc itself or one of its subdomains, compared exactly (no lookalikes).

    The official domain is fixed in code (helpcenter.build.official_links), never read
    from the configuration it judges.
    """
    return _is_official(host)


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
        if scheme(text) != "https" or not host or not (urlsplit(text).hostname or "").isascii():
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
        if unquote(key).strip().lower() in ("to", "cc", "bcc"):  # %62cc is bcc to a mail app
            found.extend(unquote(a).strip() for a in value.split(","))
    return [a.lower() for a in found if a]
