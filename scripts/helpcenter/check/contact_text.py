"""Contact points written as plain text: email addresses, domains and messenger handles.

A scammer's edit needs no link: an address to write to, a lookalike domain
to type or a messenger handle to add is enough, also entity-encoded or in a
code span. Matched on folded text (textnorm.fold); official addresses
(official_links) and illustrations under example domains (example.com,
*.example, .invalid, .test: RFC 2606) pass. A domain is a name whose last
label is a real top-level domain (the Public Suffix List, `publicsuffixlist`),
so `index.html` is not one; file names the pages mention (`.md`, `.zip`)
count only when written as a host (after `//`, `@` or `www.`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from publicsuffixlist import PublicSuffixList

from helpcenter.build import official_links
from helpcenter.check.textnorm import fold

# A label may be in any script (ビットバンク.com is typed as it is), and a dot may be written as a
# bracketed dot or word (bitbank-help[.]com) or, between Latin labels, as 。 (browsers read it as a dot).
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
_DOT = r"(?:\.|\s?[\[(]\s?(?:\.|dot)\s?[\])]\s?)"
EMAIL = re.compile(rf"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*\s*(?:@|\[at\]|\(at\))\s*"
                   rf"{_LABEL}(?:{_DOT}{_LABEL})+", re.IGNORECASE)
DOMAIN = re.compile(rf"(?<![\w@.-])((?:https?://|//)?(?:{_LABEL}{_DOT})+"
                    r"(?:[a-z]{2,63}|xn--[a-z0-9-]+))(?![\w-])", re.IGNORECASE)
_WRITTEN_DOT = re.compile(_DOT, re.IGNORECASE)
_IDEOGRAPHIC_DOT = re.compile(r"(?<=[a-z0-9])\u3002(?=[a-z])", re.IGNORECASE)
HANDLE = re.compile(r"(?<![\w.@%+-])@[A-Za-z0-9_]{2,30}(?![\w@.])")
# A messenger's name, then an ID after a colon, or after "ID" alone when it looks like one (bitbank_help, desk24).
MESSENGER = re.compile(r"\b(LINE|Telegram|WhatsApp|Discord|Signal|WeChat|Skype|KakaoTalk|Viber)\s*(?:(?:ID)?\s*"
                       r"[:：]\s*@?[A-Za-z0-9_.-]{3,}|ID\s+@?(?=[A-Za-z.-]*[_\d])[A-Za-z0-9_.-]{3,})", re.IGNORECASE)
FILE_SUFFIXES = frozenset({"md", "zip", "html", "htm", "png", "jpg", "jpeg", "gif", "webp", "avif", "pdf", "txt",
                           "csv", "yml", "yaml", "json", "js", "css", "svg", "py", "sh", "exe", "apk", "dmg"})
# `{{ official.KEY }}` placeholders the build fills from extra.official: an unknown one has its own problem.
# (The build shows an unknown one as written, braces as &#123; where a code span keeps them literal.)
PLACEHOLDER = re.compile(r"(?:\{|&#123;){2}\s*official\.[A-Za-z0-9_.]+\s*\}\}")
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org", "example", "invalid", "test", "localhost")


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList(accept_unknown=False)


def is_example(domain: str) -> bool:
    domain = domain.lower().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in EXAMPLE_DOMAINS)


def emails(text: str) -> list[str]:
    """Email addresses (also `name [at] host`) that are neither official nor examples."""
    found = []
    folded = fold(text)
    for m in EMAIL.finditer(_IDEOGRAPHIC_DOT.sub(".", folded)):
        address = re.sub(r"\s*(?:\[at\]|\(at\))\s*", "@", m.group(0), flags=re.IGNORECASE).replace(" ", "")
        address = _WRITTEN_DOT.sub(".", address)
        domain = address.rpartition("@")[2]
        if not official_links.is_official_email(address) and not is_example(domain):
            found.append(folded[m.start():m.end()])  # as written: a 。 stays, so that it can be located
    return found


def _ascii(host: str) -> str:
    """The host as DNS reads it (ビットバンク.com is xn--…): the Public Suffix List is in ASCII."""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host


def domains(text: str) -> list[str]:
    """Host names of real top-level domains that are not official, not examples and not in an email."""
    folded = EMAIL.sub(lambda m: " " * len(m.group(0)), PLACEHOLDER.sub(lambda m: " " * len(m.group(0)), fold(text)))
    found = []
    for m in DOMAIN.finditer(_IDEOGRAPHIC_DOT.sub(".", folded)):
        written = folded[m.start(1):m.end(1)]  # as written: a 。 stays, so that it can be located
        bare = re.sub(r"^(?:https?:)?//", "", m.group(1), flags=re.IGNORECASE)
        host = _WRITTEN_DOT.sub(".", bare).lower()
        as_host = bare != m.group(1) or host.startswith("www.")  # after a scheme or //, or www.
        if host.rpartition(".")[2] in FILE_SUFFIXES and not as_host:
            continue
        if official_links.is_official_host(host) or is_example(host) or _psl().privatesuffix(_ascii(host)) is None:
            continue
        found.append(written)
    return found


def handles(text: str) -> list[str]:
    """Messenger handles: `@name`, or a messenger's name with an ID after it."""
    folded = EMAIL.sub(" ", fold(text))
    named = list(MESSENGER.finditer(folded))
    bare = [m for m in HANDLE.finditer(folded) if not any(n.start() <= m.start() < n.end() for n in named)]
    return [m.group(0) for m in sorted(bare + named, key=lambda m: m.start())]
