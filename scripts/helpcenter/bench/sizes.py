"""Sizes on disk: the search indexes of both builds, and the search code this project adds.

gzip at level 9, as a static host that compresses would send it; raw is what
a page opened from disk (or an uncompressed server) reads.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from helpcenter.bench.sites import OVERRIDES
from helpcenter.paths import LANGUAGES
from helpcenter.search import build_index
from helpcenter.search.build_index import index_path

# Our search code beyond Material's bundle (the budget: <= 30 kB gzip, index excluded).
OUR_SEARCH_CODE = (
    "assets/javascripts/helpcenter/search.js",
    "assets/javascripts/helpcenter/analyzer.js",
    "assets/javascripts/helpcenter/no-sitemap.js",
    "assets/javascripts/vendor/lunr.min.js",
)


def file_size(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data, 9))}


def our_indexes(site_dir: Path) -> dict[str, dict[str, int]]:
    """One index per language: what a page of that language loads on first focus."""
    return {lang: file_size(index_path(site_dir, lang)) for lang in LANGUAGES}


def index_composition(site_dir: Path, lang: str) -> dict[str, int] | None:
    """Bytes of JSON per part of our payload: which part makes the index big (and slow to load)."""
    try:
        payload = build_index.read_script(build_index.index_path(site_dir, lang))
    except (ValueError, OSError):  # the payload format changed: leave this figure out
        return None

    def size(x: object) -> int:
        return len(json.dumps(x, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))

    index = payload.get("index", {})
    parts = {"docs (store for results)": size(payload.get("docs")),
             "index.invertedIndex": size(index.get("invertedIndex")),
             "index.fieldVectors": size(index.get("fieldVectors"))}
    parts["other"] = max(0, size(payload) - sum(parts.values()))
    return parts


def stock_index(site_dir: Path) -> dict[str, int]:
    """Material's one index, both languages, loaded on every page."""
    return file_size(site_dir / "search" / "search_index.json")


def our_search_code(overrides: Path = OVERRIDES) -> dict[str, object]:
    files = {rel: file_size(overrides / rel) for rel in OUR_SEARCH_CODE}
    return {"files": files, "raw": sum(f["raw"] for f in files.values()),
            "gzip": sum(f["gzip"] for f in files.values())}
