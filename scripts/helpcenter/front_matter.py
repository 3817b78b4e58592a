"""Front matter: the one list of keys a page may set, and a small parser for it.

The parser reads the Markdown file itself, not MkDocs' page.meta, so the
checker keeps line numbers and works for any generator that uses YAML front
matter between `---` lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

# Every key a page may set, with why it exists. Adding a key is one line here.
ALLOWED_KEYS: dict[str, str] = {
    "title": "page title: browser tab, navigation and search results",
    "description": "one-sentence summary: search results and link previews",
    "sections_differ": "why this page's languages have a different number of ## sections (parity rule)",
    "related": "pages listed under Related pages instead of the computed ones (Markdown paths, at most 5)",
    "source_hash": "English pages: which version of the Japanese page they translate (scripts/translation-status)",
    "keywords": "the words customers use for the page's topic, for search (CONTRIBUTING.md, Search keywords)",
    "keywords_shared": "keywords this page shares on purpose with another page of its language (search-keywords)",
}
REQUIRED_KEYS = ("title", "description")
PARITY_REASON_KEY = "sections_differ"


@dataclass
class FrontMatter:
    """Front matter of one Markdown file; lines are 1-based file lines."""

    data: dict[str, object] = field(default_factory=dict)
    present: bool = False  # the file starts with a `---` block
    end_line: int = 0  # line of the closing `---` (0 when absent)
    key_lines: dict[str, int] = field(default_factory=dict)
    error: str | None = None  # YAML that does not parse into a mapping
    error_line: int = 1
    error_key: str = ""  # the key on the line the YAML error is on, if any


def block_end(lines: list[str]) -> int | None:
    """Index of the line that closes the front matter (`---` or `...`); None without a closed block.

    The one definition of where front matter ends, for every reader of Markdown sources.
    """
    if not lines or lines[0].rstrip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)


def parse(lines: list[str]) -> FrontMatter:
    """Split off and parse the `---` block at the top of a Markdown file."""
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter()
    end = block_end(lines)
    if end is None:
        return FrontMatter(present=True, error="the front matter has no closing `---` line")
    fm = FrontMatter(present=True, end_line=end + 1)
    block = "\n".join(lines[1:end])
    try:
        data = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        if problem == "mapping values are not allowed here":
            problem = "a value contains ': ', which YAML reads as the start of another key"
        fm.error = f"the front matter is not valid YAML: {problem}"
        fm.error_line = 2 + (mark.line if mark else 0)
        if 1 <= fm.error_line - 1 < end and ":" in lines[fm.error_line - 1]:
            fm.error_key = lines[fm.error_line - 1].split(":", 1)[0].strip()
        return fm
    if not isinstance(data, dict):
        fm.error = "the front matter must be `key: value` lines"
        fm.error_line = 2
        return fm
    fm.data = {str(k): v for k, v in data.items()}
    for i in range(1, end):
        key = lines[i].split(":", 1)[0].strip()
        if ":" in lines[i] and not lines[i][:1].isspace() and key in fm.data:
            fm.key_lines.setdefault(key, i + 1)
    return fm
