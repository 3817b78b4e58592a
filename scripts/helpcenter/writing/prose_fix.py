"""`scripts/lint-prose --fix`: the fixes the tools know to be safe, applied, and each one said.

* the site's terms (`data/prh.yml`): textlint's prh fix, computed on the
  page as textlint reads it (prose_lint.textlint_view) and applied to the
  real file only where the file holds exactly the text the fix replaces;
* American spellings: cspell's flagged words (`recognise->recognize`), at
  the place cspell names, keeping a capital first letter;
* whitespace: trailing spaces and tabs, runs of blank lines, the final
  newline (outside fenced code).

Everything else stays a message: only a writer can rewrite a sentence.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from helpcenter.paths import ROOT
from helpcenter.writing import prose_lint

_FLAGGED = re.compile(r"^(?P<wrong>\S+) => (?P<right>[^\s?]+) ")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


@dataclass(frozen=True)
class Change:
    path: str
    line: int
    col: int
    rule: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: fixed {self.rule}: {self.before!r} -> {self.after!r}"


def _replace(lines: list[str], line: int, col: int, before: str, after: str) -> bool:
    """Replace `before` at 1-based (line, col) when it is exactly there."""
    if not 0 < line <= len(lines) or lines[line - 1][col - 1: col - 1 + len(before)] != before:
        return False
    text = lines[line - 1]
    lines[line - 1] = text[: col - 1] + after + text[col - 1 + len(before):]
    return True


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character `index` of `text`."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _prh_fixes(path: Path, root: Path) -> list[tuple[int, int, str, str]]:
    """(line, column in the view, old text, new text) of every prh fix textlint offers for `path`."""
    view = prose_lint.textlint_view(path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="helpcenter-fix-") as tmp:
        target = Path(tmp) / path.name
        target.write_text(view, encoding="utf-8")
        cmd = [prose_lint._bin(root, "textlint"), "--config", str(ROOT / prose_lint.TEXTLINT_CONFIG), "--rulesdir",
               str(ROOT / prose_lint.TEXTLINT_RULES), "--format", "json", "--no-color", str(target)]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if done.returncode not in (0, 1) or not done.stdout.strip().startswith("["):
        raise RuntimeError(f"textlint failed (exit {done.returncode}):\n{done.stderr or done.stdout}")
    out = []
    for result in json.loads(done.stdout):
        for msg in result["messages"]:
            fix = msg.get("fix")
            if msg.get("ruleId") != "prh" or not fix:
                continue
            start, end = fix["range"]
            line, col = _position(view, start)
            out.append((line, col, view[start:end], fix["text"]))
    return out


def _view_col(original: str, view_line: str, col: int, before: str) -> int | None:
    """Where the view's text at `col` is in the original line (the view drops indentation, icons, {attrs})."""
    hits = [m.start() + 1 for m in re.finditer(re.escape(before), original)]
    if not hits:
        return None
    shift = len(original) - len(original.lstrip(" ")) - (len(view_line) - len(view_line.lstrip(" ")))
    return min(hits, key=lambda c: abs(c - (col + shift)))


def _whitespace(lines: list[str], display: str) -> list[Change]:
    changes: list[Change] = []
    fence: str | None = None
    out: list[str] = []
    for no, text in enumerate(lines, start=1):
        if m := _FENCE.match(text):
            fence = m.group(1) if fence is None else (None if text.strip().startswith(fence) else fence)
        if fence is None and text != text.rstrip(" \t"):
            changes.append(Change(display, no, len(text.rstrip(" \t")) + 1, "whitespace", "trailing spaces", ""))
            text = text.rstrip(" \t")
        if fence is None and not text.strip() and out and not out[-1].strip():
            changes.append(Change(display, no, 1, "whitespace", "second blank line", ""))
            continue
        out.append(text)
    while out and not out[-1].strip():
        out.pop()
    lines[:] = out
    return changes


def fix_file(path: Path, root: Path = ROOT) -> list[Change]:
    """Apply the safe fixes to `path`; what changed, in file order."""
    display = prose_lint._display(path, root)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    changes: list[Change] = []
    if prose_lint.is_japanese(path):
        view = prose_lint.textlint_view(text).split("\n")
        for line, col, before, after in sorted(_prh_fixes(path, root), reverse=True):
            if "\n" in before or not 0 < line <= len(lines):
                continue
            where = _view_col(lines[line - 1], view[line - 1], col, before)
            if where and _replace(lines, line, where, before, after):
                changes.append(Change(display, line, where, "textlint/prh", before, after))
    if prose_lint.is_english(path):
        for p in sorted(prose_lint.run_cspell([path], root), key=lambda p: (p.line, p.col), reverse=True):
            if p.rule == "cspell/flagged-word" and (m := _FLAGGED.match(p.message)):
                text_at = lines[p.line - 1][p.col - 1: p.col - 1 + len(m["wrong"])] if p.line <= len(lines) else ""
                after = m["right"][:1].upper() + m["right"][1:] if text_at[:1].isupper() else m["right"]
                if text_at.lower() == m["wrong"].lower() and _replace(lines, p.line, p.col, text_at, after):
                    changes.append(Change(display, p.line, p.col, "cspell/flagged-word", text_at, after))
    changes += _whitespace(lines, display)
    new = "\n".join(lines) + "\n"
    if new != text:
        path.write_text(new, encoding="utf-8")
    return sorted(changes, key=lambda c: (c.line, c.col))
