"""Steps that run once over the whole built site, after every language is built.

Each step reads and writes files in the site folder only, so the same steps
run from a hook, from `scripts/build` or on a site built by another generator.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def run(site_dir: Path, config: Any = None) -> None:
    from helpcenter.search import build_index

    build_index.write_indexes(site_dir)
    stock_index = site_dir / "search" / "search_index.json"
    if stock_index.exists():  # Material's mixed-language index; our per-language ones replace it
        stock_index.unlink()
