"""What `scripts/serve` does with a writer's mistake: say where it is, and keep serving.

`mkdocs serve` stops rebuilding after any exception ("The server will appear
stuck until build errors are resolved"), and a writer in the middle of typing
makes exactly those: a half-typed `--8<--` include names no file yet, a
banner switched on before its texts are written. In the preview only, these
become one `file:line` warning and the page is built without the broken
part; `scripts/build` and `scripts/check` still stop on them. The preview's
informational lines (the i18n plugin's counts, the git dates' fallback) are
not shown: a writer then sees only what needs their attention.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

QUIET_LOGGERS = ("mkdocs.plugins.mkdocs_static_i18n", "mkdocs.plugins.mkdocs_git_revision_date_localized_plugin",
                 "mkdocs_static_i18n", "mkdocs_git_revision_date_localized_plugin")
_SNIPPET = re.compile(r"""^\s*-{1,}8<-{1,}\s+(["']?)(?P<name>[^"'\s]+)\1\s*$""")


def quiet() -> None:
    """Only warnings and errors from the plugins that print a line per language on every rebuild."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def tolerate_missing_snippets(mdx_configs: dict) -> None:
    """A missing include is reported by `missing_snippets` instead of stopping the rebuild."""
    snippets = mdx_configs.get("pymdownx.snippets")
    if snippets is not None:
        snippets["check_paths"] = False


def missing_snippets(markdown_lines: list[str], base_paths: list[str]) -> list[tuple[int, str]]:
    """(line, message) for every `--8<-- "name"` whose file is in none of the include folders."""
    found = []
    for no, line in enumerate(markdown_lines, start=1):
        if (m := _SNIPPET.match(line)) and not any((Path(b) / m["name"]).is_file() for b in base_paths):
            found.append((no, f"--8<-- \"{m['name']}\" names no file in data/snippets/; the include is left out"
                              " of the preview until it does (e.g. \"ja/never-send.md\")"))
    return found


_LINK_WARNING = re.compile(r"^Doc file '(?P<page>[^']+)' contains an? (?:unrecognized relative )?link '(?P<url>[^']*)'")


class WhereFilter(logging.Filter):
    """Puts `docs/…/page.md:line:` in front of MkDocs' link warnings, which name the page but not the line."""

    def __init__(self, docs_dir: Path, root: Path) -> None:
        super().__init__()
        self.docs_dir, self.root = docs_dir, root

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING and (m := _LINK_WARNING.match(record.getMessage())):
            path = self.docs_dir / m["page"]
            lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
            line = next((no for no, text in enumerate(lines, 1) if f"]({m['url']}" in text), None) \
                or next((no for no, text in enumerate(lines, 1) if m["url"] and m["url"] in text), 1)
            shown = path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path.as_posix()
            record.msg, record.args = f"{shown}:{line}: {record.getMessage()}", ()
        return True


def name_lines(docs_dir: Path, root: Path) -> None:
    """Install WhereFilter on MkDocs' output handlers (once)."""
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, WhereFilter) for f in handler.filters):
            handler.addFilter(WhereFilter(docs_dir.resolve(), root.resolve()))
