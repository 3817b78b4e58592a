"""Content Security Policy for every built page, and `_headers` for static hosts.

A page opened from disk has no server to send headers, so each page carries
its policy in a `<meta http-equiv>` as the first thing in `<head>`. The policy
allows only the site itself. Scripts get no 'unsafe-inline': each inline
script the theme writes is allowed by its sha256 hash, computed here from the
built page (data blocks such as JSON-LD and Material's #__config are not
scripts and need none). Styles keep 'unsafe-inline' because the theme sets
style attributes from its scripts.

Only scripts that come from the theme's templates (Material's and
overrides/) are hashed: an inline script is approved when it is one of the
templates' `<script>` blocks, with each Jinja expression standing for a plain
value. Anything else (a `<script>` in page content that slipped past the
content checks) is not hashed, so the browser refuses it, and is returned to
the caller, which fails the build naming the page and line.

`_headers` (Netlify, Cloudflare Pages and alike) repeats the policy for every
path, with the hashes of all pages, and adds what only a header can say:
frame-ancestors, X-Content-Type-Options and Referrer-Policy. GitHub Pages
reads no `_headers`, so what a page can carry itself is also in the page:
the policy, and the referrer policy as `<meta name="referrer">`. What each
kind of host must add is in README.md ("Hosting").
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from helpcenter.paths import ROOT

SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
META_MARKER = '<meta http-equiv="Content-Security-Policy"'
REFERRER_MARKER = '<meta name="referrer"'

BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],  # the service worker (sw.js); search runs on the page, not in a worker
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
HEADER_ONLY = {"frame-ancestors": ["'none'"]}
EXTRA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


_TEMPLATE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
# What a Jinja expression inside a template script may become: a plain value (a URL, a path), never code.
_VALUE = r"[^<>\"'`;(){}\\\n]*?"


@dataclass(frozen=True)
class Refused:
    """An inline script that no theme template writes: not hashed, reported."""

    page: str  # site-relative path of the built page
    line: int  # in the built page
    body: str


def theme_dirs() -> list[Path]:
    """Where the theme's templates are: this site's overrides/, then Material's own."""
    import material  # the theme package: only where the site is built

    return [ROOT / "overrides", Path(material.__file__).resolve().parent / "templates"]


@cache
def template_scripts(dirs: tuple[Path, ...]) -> tuple[re.Pattern[str], ...]:
    """A pattern per inline `<script>` block of the templates, Jinja expressions as plain values."""
    patterns = []
    for folder in dirs:
        for file in sorted(folder.rglob("*.html")):
            for m in _TEMPLATE_SCRIPT.finditer(file.read_text(encoding="utf-8")):
                if "src=" in m["attrs"] or re.search(r"type\s*=\s*[\"']?application/(?:ld\+)?json", m["attrs"]):
                    continue
                parts = _JINJA.split(m["body"])
                literal = [re.sub(r"(?:\\\s)+", r"\\s*", re.escape(p)) for p in parts]
                patterns.append(re.compile(_VALUE.join(literal), re.S))
    return tuple(patterns)


def _inline_scripts(html: str) -> list[str]:
    bodies = []
    for script in LexborHTMLParser(html).css("script"):
        if "src" in script.attributes:
            continue
        if (script.attributes.get("type") or "").strip().lower() not in SCRIPT_TYPES:
            continue
        bodies.append(script.text(deep=True))
    return bodies


def _hash(body: str) -> str:
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def inline_script_hashes(html: str, dirs: tuple[Path, ...] | None = None) -> tuple[list[str], list[str]]:
    """(CSP source expressions for the template's inline scripts, bodies of the other inline scripts)."""
    patterns = template_scripts(dirs if dirs is not None else tuple(theme_dirs()))
    hashes, refused = [], []
    for body in _inline_scripts(html):
        if any(p.fullmatch(body) for p in patterns):
            hashes.append(_hash(body))
        else:
            refused.append(body)
    return hashes, refused


def _line_of(html: str, body: str) -> int:
    at = html.find(body) if body else -1
    return html.count("\n", 0, at) + 1 if at >= 0 else 1


def policy(hashes: list[str], header: bool = False) -> str:
    directives = {**BASE_POLICY, **(HEADER_ONLY if header else {})}
    directives["script-src"] = directives["script-src"] + sorted(set(hashes))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_meta(html: str, hashes: list[str]) -> str:
    """The page with its policy and referrer policy first in <head> (replacing older ones)."""
    for marker in (META_MARKER, REFERRER_MARKER):
        if marker in html:
            start = html.index(marker)
            html = html[:start] + html[html.index(">", start) + 1 :]
    meta = (f'{META_MARKER} content="{policy(hashes)}">\n    '
            f'{REFERRER_MARKER} content="{EXTRA_HEADERS["Referrer-Policy"]}">')
    head = html.index("<head")
    insert_at = html.index(">", head) + 1
    return html[:insert_at] + "\n    " + meta + html[insert_at:]


def apply(site_dir: Path, dirs: list[Path] | None = None) -> list[Refused]:
    """Add the policy to every page and write `_headers`; returns the inline scripts left unapproved.

    `dirs`: the theme's template folders (MkDocs' config.theme.dirs); by default this repository's.
    """
    theme = tuple(dirs) if dirs is not None else tuple(theme_dirs())
    every_hash: set[str] = set()
    refused: list[Refused] = []
    for file in sorted(site_dir.rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        hashes, others = inline_script_hashes(html, theme)
        every_hash.update(hashes)
        rel = file.relative_to(site_dir).as_posix()
        refused += [Refused(rel, _line_of(html, body), body) for body in others]
        file.write_text(with_meta(html, hashes), encoding="utf-8")
    lines = ["/*", f"  Content-Security-Policy: {policy(sorted(every_hash), header=True)}"]
    lines += [f"  {name}: {value}" for name, value in EXTRA_HEADERS.items()]
    (site_dir / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return refused
