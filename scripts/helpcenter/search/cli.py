"""`scripts/search QUERY --lang ja`: ranked results from the site's prebuilt index.

Reads the same `search/index.<lang>.js` the browser loads and ranks as the
browser does, so a writer can see what a customer would get.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcenter.paths import LANGUAGES, SITE
from helpcenter.search.build_index import index_path
from helpcenter.search.engine import Engine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query", help="what a customer would type, e.g. '出金 遅延'")
    parser.add_argument("--lang", choices=LANGUAGES, default="ja")
    parser.add_argument("--site-dir", type=Path, default=SITE, help="a built site (default: site/)")
    parser.add_argument("--limit", type=int, default=10, help="pages to show (default: 10)")
    parser.add_argument("--sections", action="store_true", help="also list the matching sections, the one shown first")
    args = parser.parse_args(argv)
    if not index_path(args.site_dir, args.lang).exists():
        print(f"error: no search index in {args.site_dir}; run scripts/build first", file=sys.stderr)
        return 2
    results = Engine.from_site(args.site_dir, args.lang).search(args.query)
    if not results:
        print("no results")
        return 1
    for rank, page in enumerate(results[: args.limit], 1):
        print(f"{rank:2}. {page.url}\t{page.title}\t{page.score:.3f}")
        if args.sections:
            for hit in page.sections:  # the one the page leads with first, as the browser shows them
                print(f"      {hit.location}\t{hit.title}\t{hit.score:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
