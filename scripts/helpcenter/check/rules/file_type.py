"""file-type: docs/ holds only Markdown pages and real raster images.

Anything else would be published from the help center's own origin
unchecked (helpcenter/build/published_files.py says why for each type); the build
leaves such files out and warns, and this rule names each at its path.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.build import published_files
from helpcenter.check.model import Problem, Project

ID = "file-type"
DESCRIPTION = "docs/ publishes only .md pages and raster images (no SVG, HTML, scripts, PDF)"


def check(project: Project) -> Iterator[Problem]:
    docs = project.root / str(project.config.get("docs_dir", "docs"))
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        inside = path.relative_to(docs).parts
        if any(part.startswith(".") for part in inside):
            continue  # MkDocs publishes no dotfile
        why = published_files.refusal(path, inside[0] if len(inside) > 1 else "en")  # docs/ja/…: Japanese
        if why:
            yield Problem(path.relative_to(project.root).as_posix(), 1, ID, why)
