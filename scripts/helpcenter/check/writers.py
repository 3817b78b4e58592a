"""The writers' checks (prose lint, spelling, Markdown lint, translation freshness) as check problems.

`scripts/check` reports them with the site's rules in one list, so that one
output format (plain or GitHub annotations) and one `--changed-since` covers
every rule family.
"""

from __future__ import annotations

from pathlib import Path

from helpcenter.check.model import Problem
from helpcenter.writing import prose_lint, translation


def problems(root: Path, files: list[Path] | None = None) -> list[Problem]:
    """Every writers' problem in the pages of `root`, or only in `files` (translation freshness: all)."""
    found = [Problem(p.path, p.line, p.rule, p.message, col=p.col, severity=p.severity)
             for p in prose_lint.lint(root, files or None)]
    found += [Problem(f.path, f.line, f.rule, f.message, origin=f.source)
              for f in translation.findings(root / "docs", root)]
    return found
