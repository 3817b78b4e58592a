"""Steps that run once over the whole built site, after every language is built.

Each step reads and writes files in the site folder only, so the same steps
run from the MkDocs hook, from `scripts/build`, or on a site built by another
generator. A step is a function (site_dir) -> None; they run in list order.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from helpcenter.postbuild import (
    csp,
    faq_schema,
    icons,
    lang_runs,
    offline_download,
    offline_site,
    print_links,
    related,
    seo,
)
from helpcenter.search import build_index

Step = Callable[[Path], None]


def drop_stock_search_index(site_dir: Path) -> None:
    """Material's mixed-language index; the per-language ones replace it."""
    stock = site_dir / "search" / "search_index.json"
    if stock.exists():
        stock.unlink()


def write_search_indexes(site_dir: Path) -> None:
    build_index.write_indexes(site_dir)


STEPS: list[Step] = [
    drop_stock_search_index,
    write_search_indexes,
    related.write_related,  # reads the search indexes
    seo.write_absolute_alternates,
    seo.write_sitemap_alternates,
    faq_schema.write_faq_jsonld,
    lang_runs.write_lang_runs,  # after the steps that read page text (search, related)
    print_links.write_print_links,  # after related pages are written in
    icons.write_hidden_icons,
]


def run(site_dir: Path, preview: bool = False, theme_dirs: list[Path] | None = None) -> list[csp.Refused]:
    """All steps; a live preview gets no CSP (so that its reload script may run), no download and no worker.

    Returns the inline scripts the CSP refused to approve (not from the theme's templates).
    """
    for step in STEPS:
        step(site_dir)
    if preview:
        offline_download.leave_out(site_dir)
        return []
    refused = csp.apply(site_dir, theme_dirs)  # it hashes the inline scripts the steps above leave
    offline_download.publish(site_dir)  # the zip holds the final pages (with their policy)
    offline_site.write_offline_site(site_dir)  # last: the worker keeps the final files
    return refused
