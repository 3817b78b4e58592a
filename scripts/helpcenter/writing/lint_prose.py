"""`scripts/lint-prose`: the writers' prose and Markdown lint, and its safe fixes.

The command lives apart from `prose_lint` (the linters, which `scripts/check`
also runs) so that `prose_fix`, which reads the page as `prose_lint` does, can
be offered here without an import circle.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from helpcenter.paths import ROOT
from helpcenter.writing import prose_fix, translation
from helpcenter.writing.prose_lint import LinterMissing, lint, textlint_view


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/lint-prose", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="Markdown files (default: every page under docs/)")
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder whose docs/ to lint")
    parser.add_argument("--no-textlint", action="store_true", help="skip the Japanese prose lint")
    parser.add_argument("--no-markdownlint", action="store_true", help="skip the Markdown lint")
    parser.add_argument("--no-spelling", action="store_true", help="skip the English spelling check (cspell)")
    parser.add_argument("--no-translations", action="store_true",
                        help="skip the translation freshness report (scripts/translation-status)")
    parser.add_argument("--fix", action="store_true",
                        help="first apply the safe fixes (the site's terms, American spellings, whitespace)"
                             " and say each one; then report what is left")
    parser.add_argument("--show-view", type=Path, metavar="FILE",
                        help="print what textlint reads for FILE (the preprocessed page) and exit")
    args = parser.parse_args(argv)
    if args.show_view:
        print(textlint_view(args.show_view.read_text(encoding="utf-8")))
        return 0
    missing = [p for p in args.paths if not p.is_file()]
    if missing:
        print(f"error: no such file: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    try:
        if args.fix:
            _fix([p.resolve() for p in args.paths] or sorted((args.root.resolve() / "docs").rglob("*.md")),
                 args.root.resolve())
        problems = lint(args.root.resolve(), [p.resolve() for p in args.paths] or None,
                        textlint=not args.no_textlint, markdownlint=not args.no_markdownlint,
                        spelling=not args.no_spelling)
    except (LinterMissing, RuntimeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    lines = [str(p) for p in problems]
    errors = sum(p.severity != "warning" for p in problems)
    if not args.paths and not args.no_translations:
        root = args.root.resolve()
        found = translation.problems(root / "docs", root)
        lines += found
        errors += len(found)
    for line in lines:
        print(line)
    sys.stdout.flush()
    if lines:
        files = len({line.split(":", 1)[0] for line in lines})
        warnings = len(lines) - errors
        print(f"scripts/lint-prose: {errors} error{'s' * (errors != 1)} and {warnings} warning{'s' * (warnings != 1)}"
              f" (style: shown, not failing) in {files} file{'s' * (files != 1)};"
              " CONTRIBUTING.md says how to fix each rule", file=sys.stderr)
        return 1 if errors else 0
    print("scripts/lint-prose: no problems", file=sys.stderr)
    return 0


def _fix(paths: list[Path], root: Path) -> None:
    changes = [change for path in paths for change in prose_fix.fix_file(path, root)]
    for change in changes:
        print(change)
    files = len({c.path for c in changes})
    print(f"scripts/lint-prose --fix: {len(changes)} fix{'es' * (len(changes) != 1)} in {files}"
          f" file{'s' * (files != 1)}" + ("; what is left follows" if changes else ""), file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
