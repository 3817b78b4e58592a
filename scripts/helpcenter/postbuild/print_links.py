"""Where a link to another page of the help center leads, for the printout.

On paper a link cannot be followed, and a relative address (`../faq.html`)
means nothing: each such link in a page's content gets its page's public
address (from the page's canonical URL, i.e. site_url) in
`data-hc-print-href`, which print.css writes after the link. Links that
leave the site print their own address already; links within the page and
mail links print nothing more.
"""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path
from urllib.parse import urljoin

from helpcenter.postbuild.rewrite import rewrite_pages
from helpcenter.postbuild.seo import canonical_url

A_TAG = re.compile(r"<a\s[^>]*>", re.I)
HREF = re.compile(r"""\shref=(?:"([^"]*)"|'([^']*)')""", re.I)
SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|#|$)", re.I)  # any scheme, a fragment, empty


def mark_links(html: str) -> str:
    """`html` with `data-hc-print-href` on every link of its <article> to another page of the site."""
    canonical = canonical_url(html)
    start = html.find("<article")
    end = html.find("</article>", start)
    if not canonical or start < 0 or end < 0:
        return html

    def rewrite(match: re.Match[str]) -> str:
        tag = match.group(0)
        href = HREF.search(tag)
        if not href or "data-hc-print-href" in tag:
            return tag
        target = html_lib.unescape(href.group(1) if href.group(1) is not None else href.group(2))
        if SKIP.match(target):
            return tag
        address = html_lib.escape(urljoin(canonical, target), quote=True)
        return f'{tag[:-1]} data-hc-print-href="{address}">'

    return html[:start] + A_TAG.sub(rewrite, html[start:end]) + html[end:]


def write_print_links(site_dir: Path) -> None:
    """Every page of the built site, in place."""
    rewrite_pages(sorted(site_dir.glob("**/*.html")), mark_links)
