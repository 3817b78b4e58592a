"""What the English must catch up on: the Japanese source's changes since the translation, by paragraph.

An English page records the version of the Japanese page it translates as a
hash (`source_hash`, helpcenter.writing.translation). To show a translator what
changed since, the version with that hash is looked up in the Japanese
page's git history (newest first, following renames), and the two versions
are compared paragraph by paragraph, as Kubernetes' localization tooling
shows translators the source's changes since their last sync: only the
paragraphs that changed, each under the `##` heading it belongs to and at
its line in today's file, with the changed words marked inside a changed
paragraph ([-old-]{+new+}), because a Japanese paragraph is one long line
and a line diff would show all of it twice for a one-word edit.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from helpcenter.front_matter import block_end
from helpcenter.writing import translation

_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s")
_HEADING = re.compile(r"^#{1,6}\s")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Block:
    """One paragraph, heading, list item, admonition or code block, and its first line in the file."""

    text: str
    line: int

    @property
    def key(self) -> str:
        """What counts as a change: the same as for source_hash (comments and trailing spaces do not)."""
        return translation.normalise(self.text).strip("\n")


def blocks(text: str) -> list[Block]:
    """The body of a Markdown page cut into blocks, each with its 1-based line in the whole file.

    Blank lines separate blocks, except inside a fenced code block; a
    heading and each top-level list item start a block of their own.
    """
    lines = text.split("\n")
    end = block_end(lines)
    start = 0 if end is None else end + 1
    out: list[Block] = []
    current: list[str] = []
    first = 0
    fence: str | None = None

    def flush() -> None:
        if current and any(line.strip() for line in current):
            out.append(Block("\n".join(current).rstrip(), first + 1))
        current.clear()

    for n in range(start, len(lines)):
        line = lines[n]
        if fence is None and (m := _FENCE.match(line)):
            if not current:
                first = n
            current.append(line)
            fence = m.group(1)
            continue
        if fence is not None:
            current.append(line)
            if line.strip().startswith(fence) and len(current) > 1:
                fence = None
            continue
        if not line.strip():
            flush()
            continue
        if current and (_HEADING.match(line) or _LIST_ITEM.match(line) or _HEADING.match(current[0])):
            flush()
        if not current:
            first = n
        current.append(line)
    flush()
    return [b for b in out if b.key]


def marked(old: str, new: str) -> str:
    """`new` with the characters that differ from `old` marked as [-removed-]{+added+}."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    parts = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            parts.append(new[b0:b1])
            continue
        if a1 > a0:
            parts.append(f"[-{old[a0:a1]}-]")
        if b1 > b0:
            parts.append(f"{{+{new[b0:b1]}+}}")
    return "".join(parts)


def _indented(prefix: str, text: str) -> list[str]:
    return [f"    {prefix} {line}".rstrip() for line in text.split("\n")]


def diff(old_text: str, new_text: str) -> list[str]:
    """Readable lines saying which blocks changed from `old_text` to `new_text` (empty when none did)."""
    old, new = blocks(old_text), blocks(new_text)
    matcher = difflib.SequenceMatcher(None, [b.key for b in old], [b.key for b in new], autojunk=False)
    out: list[str] = []
    section = None
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        heading = _section(new, b0) if b0 < len(new) else _section(new, len(new))
        if heading != section:
            section = heading
            out += ["", f"{heading.text.splitlines()[0]} (line {heading.line})" if heading else "(top of the page)"]
        gone, came = old[a0:a1], new[b0:b1]
        for k in range(max(len(gone), len(came))):
            before = gone[k] if k < len(gone) else None
            after = came[k] if k < len(came) else None
            if before and after:
                out += _changed(before, after)
            elif after:
                out.append(f"  added, line {after.line}:")
                out += _indented("+", after.text)
            elif before:
                where = f"before line {came[-1].line + 1}" if came else (
                    f"before line {new[b0].line}" if b0 < len(new) else "at the end")
                out.append(f"  removed ({where}):")
                out += _indented("-", before.text)
    return out


def _changed(before: Block, after: Block) -> list[str]:
    """A changed block: the whole paragraph with its words marked, or only the changed lines of a long block.

    A block of several lines (an HTML form, a list with nested items) is
    compared line by line, so one edited line is not shown as the whole block.
    """
    old_lines, new_lines = before.text.split("\n"), after.text.split("\n")
    if len(old_lines) == len(new_lines) == 1:
        return [f"  changed, line {after.line}:", *_indented("-", before.text), *_indented("+", after.text),
                *_indented("~", marked(before.key, after.key))]
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            continue
        out.append(f"  changed, line {after.line + b0}:")
        out += [f"    - {line}".rstrip() for line in old_lines[a0:a1]]
        out += [f"    + {line}".rstrip() for line in new_lines[b0:b1]]
        if a1 - a0 == b1 - b0 == 1:
            out += _indented("~", marked(old_lines[a0].strip(), new_lines[b0].strip()))
    return out


def _section(blocks_: list[Block], index: int) -> Block | None:
    """The nearest heading at or before `blocks_[index]`."""
    for block in reversed(blocks_[: index + 1]):
        if _HEADING.match(block.text):
            return block
    return None


# --- the translated version, from git ----------------------------------------------------------


class NotFound(LookupError):
    """No version of the Japanese page in git history has the recorded hash."""


class NeverCommitted(NotFound):
    """The Japanese page has no history yet (a new page): there is no earlier version to compare with."""


def _git(cwd: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "core.quotepath=off", "-C", str(cwd), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise NotFound(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def translated_version(source: Path, recorded: str) -> tuple[str, str]:
    """(commit, text) of the newest committed version of `source` whose source_hash is `recorded`."""
    top = Path(_git(source.parent, "rev-parse", "--show-toplevel").strip())
    rel = source.resolve().relative_to(top.resolve()).as_posix()
    log = _git(top, "log", "--format=%x00%H", "--name-only", "--follow", "--", rel)
    if not log.strip():
        raise NeverCommitted(rel)
    for entry in log.split("\x00")[1:]:
        commit, *names = [line for line in entry.split("\n") if line.strip()]
        path = names[0] if names else rel
        try:
            text = _git(top, "show", f"{commit}:{path}")
        except NotFound:
            continue  # deleted in that commit
        if translation.source_hash(text) == recorded:
            return commit, text
    raise NotFound(f"no committed version of {rel} has source_hash {recorded} (translated from an uncommitted"
                   f" version?); compare by hand with `git log -p -- {rel}`")


def report(page: Path, docs: Path, base: Path) -> tuple[int, list[str]]:
    """(exit status, lines) for `scripts/translation-status --diff PAGE`."""
    state = translation.status(page.resolve(), docs)
    if state is None:
        given = translation.source_path(page.resolve(), docs)
        return 2, [f"error: {page} is not an English page with a Japanese source under {docs}"
                   + (" (give the English page: docs/en/…)" if given is None else "")]
    name, source = translation._rel(state.page, base), translation._rel(state.source, base)
    if state.state == "unrecorded":
        return 1, [f"{name} has no source_hash: nothing records which version it translates;"
                   f" compare it with {source} and run scripts/translation-status --update {name}"]
    if state.state == "fresh":
        return 0, [f"{name} translates the current {source} (source_hash {state.current}): nothing to catch up on"]
    try:
        commit, old = translated_version(state.source, state.recorded or "")
    except NeverCommitted:
        return 1, [f"{source} is a new page, not committed yet: there is no earlier version to compare with, so"
                   f" the whole page is what {name} must say. When it does, run"
                   f" scripts/translation-status --update {name}; after a commit, --diff shows later changes"]
    except NotFound as err:
        return 2, [f"error: {err}"]
    lines = diff(old, state.source.read_text(encoding="utf-8"))
    head = (f"{source} changed since {name} was translated (source_hash {state.recorded}, commit {commit[:12]};"
            f" now {state.current}). Lines are those of today's {source}; [-…-]{{+…+}} marks the words that changed.")
    tail = ["", f"When {name} says the same again: scripts/translation-status --update {name}"]
    return 1, [head, *lines, *tail]
