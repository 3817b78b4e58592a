"""What `scripts/serve` does with a writer's mistake: say where it is, and keep serving.

`mkdocs serve` stops rebuilding after any exception ("The server will appear
stuck until build errors are resolved"), and a writer in the middle of typing
makes exactly those: a half-typed `--8<--` include names no file yet, a
banner switched on before its texts are written. In the preview only, these
become one `file:line` warning and the page is built without the broken
part; `scripts/build` and `scripts/check` still stop on them. The preview's
informational lines (the i18n plugin's counts, the git dates' fallback) are
not shown: a writer then sees only what needs their attention.

Each page whose build gave warnings also shows them at the top of its
content, in a box listing `file:line: message` (Japanese on Japanese pages),
so that a writer looking at the page sees what the terminal says. The box is
server-rendered escaped text with Material's admonition classes: no script,
no style attribute, nothing the Content Security Policy refuses. Only
`scripts/serve` adds it; `scripts/build` and `scripts/check` never do.
"""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path

from helpcenter.build import build_log

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
_WHERE = re.compile(r"^\S+?:\d+: (?=Doc file ')")  # WhereFilter's lead, when it saw the record first


def where(message: str, docs_dir: Path, root: Path) -> tuple[str, int] | None:
    """(`docs/…/page.md` as shown, line) of a warning that names a page; the line of its link when unstated."""
    page, line = build_log.page_and_line(message)
    if page is None:
        return None
    path = docs_dir / page
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    if line is None and (m := _LINK_WARNING.match(message)):
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
        line = next((no for no, text in enumerate(lines, 1) if f"]({m['url']}" in text), None) \
            or next((no for no, text in enumerate(lines, 1) if m["url"] and m["url"] in text), None)
    return shown, line or 1


class WhereFilter(logging.Filter):
    """Puts `docs/…/page.md:line:` in front of MkDocs' link warnings, which name the page but not the line."""

    def __init__(self, docs_dir: Path, root: Path) -> None:
        super().__init__()
        self.docs_dir, self.root = docs_dir, root

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.levelno >= logging.WARNING and _LINK_WARNING.match(message):
            found = where(message, self.docs_dir, self.root)
            if found is not None:
                record.msg, record.args = f"{found[0]}:{found[1]}: {message}", ()
        return True


def name_lines(docs_dir: Path, root: Path) -> None:
    """Install WhereFilter on MkDocs' output handlers (once)."""
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(f, WhereFilter) for f in handler.filters):
            handler.addFilter(WhereFilter(docs_dir.resolve(), root.resolve()))


class PageProblems(logging.Handler):
    """The warnings of the current build, by page (`ja/faq.md`), as (file, line, message) for the page's box."""

    def __init__(self, docs_dir: Path, root: Path) -> None:
        super().__init__(logging.WARNING)
        self.docs_dir, self.root = docs_dir, root
        self.pages: dict[str, list[tuple[str, int, str]]] = {}

    def emit(self, record: logging.LogRecord) -> None:
        message = _WHERE.sub("", record.getMessage(), count=1)
        page, _ = build_log.page_and_line(message)
        found = where(message, self.docs_dir, self.root)
        if page is None or found is None:
            return  # about the configuration or a data file: the terminal says it
        said = build_log.japanese(message) if page.split("/", 1)[0] == "ja" else message
        entry = (*found, said)
        if entry not in self.pages.setdefault(page, []):
            self.pages[page].append(entry)

    def clear(self) -> None:
        self.pages.clear()


def collect_problems(docs_dir: Path, root: Path) -> PageProblems:
    """The PageProblems handler on MkDocs' logger, installed once; it keeps its place across rebuilds."""
    logger = logging.getLogger("mkdocs")
    for handler in logger.handlers:
        if isinstance(handler, PageProblems):
            handler.docs_dir, handler.root = docs_dir.resolve(), root.resolve()
            return handler
    handler = PageProblems(docs_dir.resolve(), root.resolve())
    logger.addHandler(handler)
    return handler


TITLE = {"ja": "プレビューでのみ表示：このページのビルドで見つかった問題（scripts/build はここで止まります）",
         "en": "Shown in the preview only: problems the build found in this page (scripts/build stops on them)"}
_ARTICLE = re.compile(r"<article\b[^>]*>")


def problems_box(problems: list[tuple[str, int, str]], lang: str) -> str:
    """The box: escaped `file:line: message` lines under a title in the page's language."""
    items = "".join(f"<li><code>{html.escape(f'{path}:{line}:')}</code> {html.escape(message)}</li>"
                    for path, line, message in sorted(problems, key=lambda p: p[:2]))  # in reading order
    title = html.escape(TITLE.get(lang, TITLE["en"]))
    return (f'<div class="admonition failure hc-preview-problems" role="note">'
            f'<p class="admonition-title">{title}</p><ul>{items}</ul></div>')


def show_problems(page_html: str, problems: list[tuple[str, int, str]], lang: str) -> str:
    """The page with the box at the top of its content (unchanged when it has no problems or no article)."""
    if not problems or not (m := _ARTICLE.search(page_html)):
        return page_html
    return page_html[: m.end()] + problems_box(problems, lang) + page_html[m.end():]
