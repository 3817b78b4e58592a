"""Sizes on disk: the search indexes of both builds, and the search code this project adds.

gzip at level 9, as a static host that compresses would send it; raw is what
a page opened from disk (or an uncompressed server) reads.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

from helpcenter.bench.sites import OVERRIDES
from helpcenter.paths import LANGUAGES
from helpcenter.search import compact
from helpcenter.search.build_index import index_path

# Our search code beyond Material's bundle (the budget: <= 30 kB gzip, index excluded).
OUR_SEARCH_CODE = (
    "assets/javascripts/helpcenter/search.js",
    "assets/javascripts/helpcenter/analyzer.js",
    "assets/javascripts/helpcenter/index-loader.js",
    "assets/javascripts/helpcenter/no-sitemap.js",
    "assets/javascripts/vendor/lunr.min.js",
)


def file_size(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data, 9))}


# Matched last to first: ".pages.js" before ".p".
PARTS = {"manifest (first focus)": ".js", "field lengths": ".lengths.js", "postings": ".p", "store (results)": ".s",
         "page addresses (404 page)": ".pages.js"}


def _part(path: Path, lang: str) -> str:
    rest = path.name.removeprefix(f"index.{lang}")
    return next(name for name, mark in reversed(PARTS.items()) if rest.startswith(mark))


def our_indexes(site_dir: Path) -> dict[str, dict[str, Any]]:
    """All index files of each language (what a page could load at most), and the manifest first focus loads."""
    out: dict[str, dict[str, Any]] = {}
    for lang in LANGUAGES:
        files = compact.files(index_path(site_dir, lang).parent, lang)
        sizes = [file_size(f) for f in files]
        out[lang] = {"raw": sum(s["raw"] for s in sizes), "gzip": sum(s["gzip"] for s in sizes),
                     "files": len(files), "first_focus": sizes[0]}
    return out


def index_composition(site_dir: Path, lang: str) -> dict[str, int] | None:
    """Raw bytes per kind of index file: which part makes the index big."""
    parts = dict.fromkeys(PARTS, 0)
    for f in compact.files(index_path(site_dir, lang).parent, lang):
        parts[_part(f, lang)] += f.stat().st_size
    return parts


def loaded_bytes(site_dir: Path, names: list[str]) -> dict[str, int]:
    """Raw and gzip bytes of these search/ files."""
    sizes = [file_size(site_dir / "search" / n) for n in dict.fromkeys(names)]
    return {"raw": sum(s["raw"] for s in sizes), "gzip": sum(s["gzip"] for s in sizes), "files": len(sizes)}


def stock_index(site_dir: Path) -> dict[str, int]:
    """Material's one index, both languages, loaded on every page."""
    return file_size(site_dir / "search" / "search_index.json")


def our_search_code(overrides: Path = OVERRIDES) -> dict[str, object]:
    files = {rel: file_size(overrides / rel) for rel in OUR_SEARCH_CODE}
    return {"files": files, "raw": sum(f["raw"] for f in files.values()),
            "gzip": sum(f["gzip"] for f in files.values())}
