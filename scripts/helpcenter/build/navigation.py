"""Navigation at scale: a large site renders only the navigation a page shows.

Material renders the whole navigation into every page; at 1,000 pages per
language that is most of the build (bench/results.md) and ~300 kB of every
page. `navigation.prune` (mkdocs.yml) leaves out what is collapsed, but
`navigation.sections` shows every top-level section expanded, so with it
nothing is collapsed. On a site with more than LARGE_SITE_PAGES pages per
language the sections are therefore dropped: top-level sections become
collapsible, the current page's open, the others one click (their index page,
`navigation.indexes`) away. The real site keeps its expanded sections.
"""

from __future__ import annotations

from pathlib import Path

LARGE_SITE_PAGES = 200
SECTIONS = "navigation.sections"
PRUNE = "navigation.prune"


def count_pages(docs_language_dir: Path) -> int:
    return sum(1 for _ in docs_language_dir.rglob("*.md"))


def features_for(features: list[str], pages_per_language: int) -> list[str]:
    """The theme features for a site of this size (see the module docstring)."""
    if pages_per_language <= LARGE_SITE_PAGES or PRUNE not in features:
        return list(features)
    return [f for f in features if f != SECTIONS]
