"""Search-engine metadata that needs the whole built site: absolute hreflang links and the sitemap.

Material writes each page's `<link rel="alternate" hreflang>` relative (from
`extra.alternate`, which mkdocs-static-i18n sets per page, and which the
language switcher in the header also uses; the switcher is left alone).
Search engines want absolute URLs and an x-default, so the head links are
rewritten against the page's canonical URL. The sitemap (one for both
languages, from mkdocs-static-i18n) gets the x-default too, and each page's
<lastmod> from its "Last update" date instead of the build date.
"""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin

from helpcenter.paths import DEFAULT_LANGUAGE

X_DEFAULT = "x-default"  # the default language at the site root serves everyone else
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

_LINK = re.compile(r"<link\b[^>]*>")
_ATTR = re.compile(r'([\w:-]+)="([^"]*)"')
_UPDATED = re.compile(r'class="[^"]*\bhc-updated\b[^"]*"[^>]*>.*?<time datetime="([^"]+)"', re.S)


def _attrs(tag: str) -> dict[str, str]:
    return dict(_ATTR.findall(tag))


def canonical_url(html: str) -> str | None:
    head = html[: html.find("</head>")]
    for tag in _LINK.findall(head):
        attrs = _attrs(tag)
        if attrs.get("rel") == "canonical":
            return attrs.get("href")
    return None


def absolute_alternates(html: str) -> str:
    """The page with absolute hreflang links in <head>, plus x-default; unchanged without a canonical URL."""
    end = html.find("</head>")
    canonical = canonical_url(html)
    if end < 0 or not canonical:
        return html
    head, rest = html[:end], html[end:]
    found: dict[str, str] = {}

    def rewrite(match: re.Match[str]) -> str:
        attrs = _attrs(match.group(0))
        if attrs.get("rel") != "alternate" or "hreflang" not in attrs or "type" in attrs:
            return match.group(0)
        if attrs["hreflang"] == X_DEFAULT:
            return ""  # written again below, so the step can run twice
        href = urljoin(canonical, attrs.get("href", ""))
        found[attrs["hreflang"]] = href
        return f'<link rel="alternate" hreflang="{attrs["hreflang"]}" href="{href}">'

    head = _LINK.sub(rewrite, head)
    if DEFAULT_LANGUAGE in found:  # after the last hreflang link, indented like it
        start = head.rfind('<link rel="alternate" hreflang=')
        end_of_link = head.index(">", start) + 1
        indent = head[head.rfind("\n", 0, start) : start]
        x_default = f'{indent}<link rel="alternate" hreflang="{X_DEFAULT}" href="{found[DEFAULT_LANGUAGE]}">'
        head = head[:end_of_link] + x_default + head[end_of_link:]
    return head + rest


def write_absolute_alternates(site_dir: Path) -> None:
    for file in sorted(site_dir.rglob("*.html")):
        html = file.read_text(encoding="utf-8")
        new = absolute_alternates(html)
        if new != html:
            file.write_text(new, encoding="utf-8")


def last_updated(site_dir: Path) -> dict[str, str]:
    """Canonical URL -> ISO date of the page's "Last update" line."""
    dates = {}
    for file in site_dir.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        url, match = canonical_url(html), _UPDATED.search(html)
        if url and match:
            dates[url] = match.group(1)
    return dates


def write_sitemap_alternates(site_dir: Path) -> None:
    """x-default and the real <lastmod> in sitemap.xml (and its .gz)."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.exists():
        return
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    tree = ET.parse(sitemap)
    dates = last_updated(site_dir)
    sm, xh = f"{{{SITEMAP_NS}}}", f"{{{XHTML_NS}}}"
    for url in tree.getroot().iter(f"{sm}url"):
        loc = (url.findtext(f"{sm}loc") or "").strip()
        if loc in dates:
            lastmod = url.find(f"{sm}lastmod")
            if lastmod is None:
                lastmod = ET.Element(f"{sm}lastmod")
                url.insert(1, lastmod)
            lastmod.text = dates[loc]
        links = url.findall(f"{xh}link")
        for link in links:
            if link.get("hreflang") == X_DEFAULT:
                url.remove(link)
        default = next((link.get("href") for link in links if link.get("hreflang") == DEFAULT_LANGUAGE), None)
        if default:
            ET.SubElement(url, f"{xh}link", {"rel": "alternate", "hreflang": X_DEFAULT, "href": default})
    ET.indent(tree, space="    ")
    tree.write(sitemap, encoding="UTF-8", xml_declaration=True)
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", "wb", mtime=0) as gz:
        gz.write(sitemap.read_bytes())
