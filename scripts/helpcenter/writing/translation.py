"""Translation freshness: which version of its Japanese source each English page translates.

Every English page records, in its front matter,

    source_hash: "3f9a0c1d2b4e"

the first 12 hex digits of the SHA-256 of its Japanese source's body (the
Markdown after the front matter), normalised so that edits nobody reads do
not count: Unicode NFC, line endings, trailing spaces, HTML comments (lint
directives) and runs of blank lines. When the Japanese body changes, the
recorded hash no longer matches:

* `scripts/translation-status` lists every such page as
  `docs/en/x.md:4: translation-outdated: …` and exits 1 (scripts/check runs it);
* the built English page shows a short notice under its title
  (`on_page_markdown`, called from scripts/helpcenter/mkdocs_hooks.py).

After updating the English text, the translator records the new version with
`scripts/translation-status --update docs/en/x.md`.

A hash in the file rather than git history: it works in a shallow CI clone, in
a zip of the repository and before anything is committed, and a reviewer sees
the translator's claim ("this translates that version") in the diff.

The title and description are not hashed: they are translated as metadata,
and a wording fix there should not flag the page body as outdated. A Japanese
page without an English counterpart is left to scripts/check's parity rule.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from helpcenter.check import plain
from helpcenter.front_matter import block_end
from helpcenter.paths import DEFAULT_LANGUAGE, DOCS, ROOT

KEY = "source_hash"
HASH_LENGTH = 12
SOURCE_LANGUAGE = DEFAULT_LANGUAGE  # "ja": the language translations are made from
NOTICE_CLASS = "hc-translation-outdated"
NOTICE_TITLE = "Translation update pending"
NOTICE_TEXT = "The Japanese version of this page was updated after this translation."

_HASH_VALUE = re.compile(rf"^[0-9a-f]{{{HASH_LENGTH}}}$")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


# --- pure functions on Markdown text ---------------------------------------------------------


def body(text: str) -> str:
    """The Markdown after the front matter."""
    lines = text.splitlines()
    end = block_end(lines)
    return "\n".join(lines if end is None else lines[end + 1:])


def normalise(markdown: str) -> str:
    """The parts of a Markdown body a reader sees; the same text always gives the same result."""
    text = unicodedata.normalize("NFC", markdown.replace("\r\n", "\n").replace("\r", "\n"))
    text = _COMMENT.sub("", text)
    lines = [line.rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip("\n") + "\n"


def source_hash(text: str) -> str:
    """Version of a Japanese page: 12 hex digits of the SHA-256 of its normalised body."""
    return hashlib.sha256(normalise(body(text)).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def read_key(text: str) -> tuple[str | None, int]:
    """(recorded source_hash or None, its 1-based line or 1) of a page's front matter."""
    lines = text.splitlines()
    end = block_end(lines)
    if end is None:
        return None, 1
    for i in range(1, end):
        key, sep, value = lines[i].partition(":")
        if sep and key.strip() == KEY and not lines[i][:1].isspace():
            return value.strip().strip("'\"") or None, i + 1
    return None, 1


def write_key(text: str, value: str) -> str:
    """`text` with `source_hash: "value"` in its front matter: replaced in place, else added last.

    Only that one line changes, so comments, key order and quoting of the rest stay as they are.
    """
    if not _HASH_VALUE.match(value):
        raise ValueError(f"not a {HASH_LENGTH}-digit hex hash: {value!r}")
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    end = block_end(lines)
    if end is None:
        raise ValueError("the page has no front matter (--- lines at the top); add title and description first")
    entry = f'{KEY}: "{value}"'
    for i in range(1, end):
        key, sep, _ = lines[i].partition(":")
        if sep and key.strip() == KEY and not lines[i][:1].isspace():
            lines[i] = entry
            break
    else:
        lines.insert(end, entry)
    return newline.join(lines)


def notice(ja_link: str | None = None) -> str:
    """The admonition an outdated English page shows under its title."""
    more = ""
    if ja_link:
        more = (f' Some details here may be out of date: see <a href="{ja_link}" hreflang="ja" lang="ja">'
                "the Japanese page</a> for the latest version.")
    return f'!!! info {NOTICE_CLASS} "{NOTICE_TITLE}"\n\n    {NOTICE_TEXT}{more}\n'


def add_notice(markdown: str, admonition: str) -> str:
    """`markdown` (a page body) with `admonition` right after its `# H1`, or at the top without one."""
    lines = markdown.split("\n")
    fence = False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence and re.match(r"^# \S", line):
            return "\n".join([*lines[:i + 1], "", admonition, *lines[i + 1:]])
    return admonition + "\n" + markdown


# --- pages on disk ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Status:
    """One English page and the Japanese page it translates."""

    page: Path
    source: Path
    recorded: str | None
    current: str
    line: int

    @property
    def state(self) -> str:
        if self.recorded is None:
            return "unrecorded"
        return "fresh" if self.recorded == self.current else "outdated"


def _split(path: Path, docs: Path) -> tuple[str, Path] | None:
    """('en', Path('troubles/account.md')) for docs/en/troubles/account.md; None outside docs."""
    try:
        rel = path.resolve().relative_to(docs.resolve())
    except ValueError:
        return None
    if len(rel.parts) < 2:
        return None
    return rel.parts[0], Path(*rel.parts[1:])


def source_path(page: Path, docs: Path = DOCS) -> Path | None:
    """The Japanese page an English (or other translated) page translates; None for a Japanese page."""
    split = _split(page, docs)
    if split is None or split[0] == SOURCE_LANGUAGE:
        return None
    return docs / SOURCE_LANGUAGE / split[1]


def status(page: Path, docs: Path = DOCS) -> Status | None:
    """Freshness of one translated page; None when it has no Japanese source."""
    source = source_path(page, docs)
    if source is None or not source.is_file():
        return None
    recorded, line = read_key(page.read_text(encoding="utf-8"))
    return Status(page, source, recorded, source_hash(source.read_text(encoding="utf-8")), line)


def translated_pages(docs: Path = DOCS) -> list[Path]:
    """Every Markdown page under docs/<lang>/ for each language other than Japanese."""
    if not docs.is_dir():
        return []
    return sorted(p for lang in sorted(docs.iterdir()) if lang.is_dir() and lang.name != SOURCE_LANGUAGE
                  for p in lang.rglob("*.md"))


def statuses(docs: Path = DOCS) -> list[Status]:
    return [s for p in translated_pages(docs) if (s := status(p, docs)) is not None]


def _rel(path: Path, base: Path = ROOT) -> str:
    path = path.resolve()
    return path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix()


@dataclass(frozen=True)
class Finding:
    """A translated page that is not fresh, where to report it and the file whose change caused it."""

    path: str
    line: int
    rule: str
    message: str
    source: str  # the Japanese page, as printed

    def __str__(self) -> str:
        return plain.line(self.path, self.line, 1, self.rule, self.message)


def findings(docs: Path = DOCS, base: Path = ROOT) -> list[Finding]:
    """Every translated page that is not fresh, with the command that fixes it."""
    out = []
    for s in statuses(docs):
        page, source = _rel(s.page, base), _rel(s.source, base)
        fix = f"scripts/translation-status --update {page}"
        if s.state == "outdated":
            out.append(Finding(page, s.line, "translation-outdated",
                               f"{source} changed after this translation ({KEY} {s.recorded}, now {s.current});"
                               f" see what changed with `scripts/translation-status --diff {page}`, bring the"
                               f" English text up to date, then run {fix}", source))
        elif s.state == "unrecorded":
            out.append(Finding(page, 1, "translation-unrecorded",
                               f"no `{KEY}` in the front matter; when the page translates the current {source},"
                               f" run {fix}", source))
    return out


def problems(docs: Path = DOCS, base: Path = ROOT) -> list[str]:
    """Every translated page that is not fresh, as `path:line:col: rule: message` lines."""
    return [str(f) for f in findings(docs, base)]


def update(page: Path, docs: Path = DOCS) -> Status:
    """Record the current version of the Japanese source in `page` (an English page)."""
    source = source_path(page, docs)
    if source is None:
        raise ValueError(f"{page} is not a translated page under {docs}/<lang>/ (Japanese pages are the sources)")
    if not source.is_file():
        raise ValueError(f"{page} has no Japanese source: {source} does not exist")
    current = source_hash(source.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    new = write_key(text, current)
    if new != text:
        page.write_text(new, encoding="utf-8")
    recorded, line = read_key(new)
    return Status(page, source, recorded, current, line)


# --- MkDocs hook (called from scripts/helpcenter/mkdocs_hooks.py) ------------------------------


def on_page_markdown(markdown: str, page, config, **_) -> str:
    """Show the outdated-translation notice on a translated page whose Japanese source changed."""
    src = getattr(page.file, "abs_src_path", None)
    if not src or NOTICE_CLASS in markdown:  # no source file, or the notice is already there
        return markdown
    docs = Path(config["docs_dir"])
    state = status(Path(src), docs)
    if state is None or state.state != "outdated":
        return markdown
    link = None
    dest = getattr(page.file, "dest_uri", None)
    split = _split(Path(src), docs)
    if dest and split and dest.startswith(f"{split[0]}/"):
        ja_dest = dest[len(split[0]) + 1:]  # the default language is built at the site's root
        link = posixpath.relpath(ja_dest, posixpath.dirname(dest) or ".")
    return add_notice(markdown, notice(link))
