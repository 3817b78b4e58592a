"""Content Security Policy for every built page, and `_headers` for static hosts.

A page opened from disk has no server to send headers, so each page carries
its policy in a `<meta http-equiv>` as the first thing in `<head>`. The policy
allows only the site itself. Scripts get no 'unsafe-inline': each inline
script the theme writes is allowed by its sha256 hash, computed here from the
built page (data blocks such as JSON-LD and Material's #__config are not
scripts and need none). Styles keep 'unsafe-inline' because the theme sets
style attributes from its scripts.

`_headers` (Netlify, Cloudflare Pages and alike) repeats the policy for every
path, with the hashes of all pages, and adds what only a header can say:
frame-ancestors, X-Content-Type-Options and Referrer-Policy.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
META_MARKER = '<meta http-equiv="Content-Security-Policy"'

BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
HEADER_ONLY = {"frame-ancestors": ["'none'"]}
EXTRA_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def inline_script_hashes(html: str) -> list[str]:
    """CSP source expressions for the page's inline scripts, in page order."""
    hashes = []
    for script in LexborHTMLParser(html).css("script"):
        if "src" in script.attributes:
            continue
        if (script.attributes.get("type") or "").strip().lower() not in SCRIPT_TYPES:
            continue
        body = script.text(deep=True)
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    return hashes


def policy(hashes: list[str], header: bool = False) -> str:
    directives = {**BASE_POLICY, **(HEADER_ONLY if header else {})}
    directives["script-src"] = directives["script-src"] + sorted(set(hashes))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def with_meta(html: str, hashes: list[str]) -> str:
    """The page with its policy as the first element of <head> (replacing an older one)."""
    if META_MARKER in html:
        start = html.index(META_MARKER)
        html = html[:start] + html[html.index(">", start) + 1 :]
    meta = f'{META_MARKER} content="{policy(hashes)}">'
    head = html.index("<head")
    insert_at = html.index(">", head) + 1
    return html[:insert_at] + "\n    " + meta + html[insert_at:]


def apply(site_dir: Path) -> None:
    """Add the policy to every page and write `_headers`."""
    every_hash: set[str] = set()
    for file in sorted(site_dir.rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        hashes = inline_script_hashes(html)
        every_hash.update(hashes)
        file.write_text(with_meta(html, hashes), encoding="utf-8")
    lines = ["/*", f"  Content-Security-Policy: {policy(sorted(every_hash), header=True)}"]
    lines += [f"  {name}: {value}" for name, value in EXTRA_HEADERS.items()]
    (site_dir / "_headers").write_text("\n".join(lines) + "\n", encoding="utf-8")
