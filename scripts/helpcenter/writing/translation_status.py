"""`scripts/translation-status`: which English pages translate an older Japanese page.

The command lives apart from `translation` (the freshness model, which the
build and the checks import) so that `translation_diff`, which builds on that
model, can be offered here without an import circle.

Usage: python -m helpcenter.writing.translation_status [--update PAGE… | --all] [--diff PAGE]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcenter.paths import DOCS
from helpcenter.writing import translation_diff
from helpcenter.writing.translation import KEY, SOURCE_LANGUAGE, _rel, _split, problems, translated_pages, update


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/translation-status",
        description="List English pages whose Japanese source changed since they were translated;"
                    " with --update, record that pages are up to date.")
    parser.add_argument("pages", nargs="*", type=Path,
                        help="with --update: English pages (or their Japanese sources) to mark as up to date")
    parser.add_argument("--update", action="store_true",
                        help="write the current source_hash into the given English pages")
    parser.add_argument("--all", action="store_true", help="with --update: every translated page")
    parser.add_argument("--docs", type=Path, default=DOCS, help="docs folder (default: docs/)")
    parser.add_argument("--diff", type=Path, metavar="PAGE",
                        help="show the Japanese source's changes since PAGE (an English page) was translated,"
                             " paragraph by paragraph")
    args = parser.parse_args(argv)
    docs = args.docs.resolve()
    base = Path.cwd().resolve()
    if args.diff:
        code, lines = translation_diff.report(args.diff, docs, base)
        print("\n".join(lines), file=sys.stderr if code == 2 else sys.stdout)
        return code
    if not args.update:
        if args.pages or args.all:
            parser.error("page arguments and --all go with --update")
        found = problems(docs, base)
        for line in found:
            print(line)
        sys.stdout.flush()
        total = len(translated_pages(docs))
        if found:
            print(f"scripts/translation-status: {len(found)} of {total} English pages need attention",
                  file=sys.stderr)
            return 1
        print(f"scripts/translation-status: all {total} English pages translate the current Japanese pages",
              file=sys.stderr)
        return 0
    if args.all == bool(args.pages):
        parser.error("--update needs English pages (docs/en/x.md …) or --all, not both")
    pages = translated_pages(docs) if args.all else []
    for given in args.pages:
        path = given.resolve()
        split = _split(path, docs)
        if split is not None and split[0] == SOURCE_LANGUAGE:  # a Japanese path: update its translations
            pages += [lang / split[1] for lang in sorted(docs.iterdir())
                      if lang.is_dir() and lang.name != SOURCE_LANGUAGE and (lang / split[1]).is_file()]
        else:
            pages.append(path)
    status_code = 0
    for page in pages:
        if not page.is_file():
            print(f"error: {_rel(page, base)} does not exist", file=sys.stderr)
            status_code = 1
            continue
        try:
            s = update(page, docs)
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            status_code = 1
            continue
        print(f"{_rel(s.page, base)}: {KEY} {s.current} (translates {_rel(s.source, base)})")
    return status_code


if __name__ == "__main__":
    sys.exit(main())
