"""Front matter that reaches the HTML is plain text, whatever a writer puts in it.

Material prints `title` and `description` unescaped in <title>, <meta>, the
navigation of every page and the footer; a `<meta http-equiv="refresh">` in
one page's title would redirect the whole site. `scripts/check` refuses such
markup at its line (rule frontmatter-markup); here, at build time, the
values become escaped `Markup`, which every template prints as text (and
`| e` leaves as it is), and the strict build stops with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from pathlib import Path

from markupsafe import Markup

from helpcenter import front_matter

TEXT_KEYS = ("title", "description")  # the keys templates print
MARKUP = re.compile(r"[<>]|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")


def markup_in(value: object) -> str | None:
    """The first piece of markup (a tag bracket or a character reference) in `value`, if any."""
    m = MARKUP.search(value) if isinstance(value, str) else None
    return m.group(0) if m else None


def neutralize(meta: MutableMapping[str, object], shown: str, source: Path | str | None,
               warn: Callable[[str], object]) -> None:
    """Escape the text keys in place; warn "Doc file '<shown>': line N" for each that held markup."""
    lines: list[str] | None = None
    for key in TEXT_KEYS:
        value = meta.get(key)
        if not isinstance(value, str) or isinstance(value, Markup):
            continue
        if found := markup_in(value):
            if lines is None:
                lines = _lines(source)
            line = front_matter.parse(lines).key_lines.get(key, 1)
            warn(f"Doc file '{shown}': line {line}: front matter `{key}` holds markup ({found}),"
                 " shown as plain text: remove it")
        meta[key] = Markup.escape(value)


def _lines(source: Path | str | None) -> list[str]:
    path = Path(source) if source else None
    return path.read_text(encoding="utf-8").splitlines() if path and path.is_file() else []
