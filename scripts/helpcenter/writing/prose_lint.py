"""The writers' linters: textlint on the Japanese pages, markdownlint on every page (run by `scripts/lint-prose`).

Usage: python -m helpcenter.writing.lint_prose [--root DIR] [--no-textlint] [--no-markdownlint]
                                       [--no-spelling] [--no-translations] [PATH ...]

Without paths it lints docs/ja/**/*.md with textlint, docs/en/**/*.md with
cspell (American English, cspell.config.yaml) and docs/**/*.md with
markdownlint, and reports English pages whose Japanese source changed since
they were translated (helpcenter.writing.translation; the same lines as
scripts/translation-status), so that scripts/check needs one command for all
the writers' checks. With paths, it lints only those files (textlint only for
files in a `ja` folder, cspell only for files in an `en` folder). Problems
print as `path:line:col: rule: message` (style advice as `rule: warning:
message`); the exit status is 1 when there is an error, 2 when a linter
could not run.

Why a preprocessing step instead of textlint filter rules
----------------------------------------------------------
textlint reads CommonMark, and Material for MkDocs adds syntax it misreads:

* an admonition (`!!! warning "ご注意ください"`) is a paragraph without a
  full stop that is nothing but exclamation marks to textlint, and its body,
  indented by four spaces, is an indented *code block*, which textlint skips
  entirely. A filter rule could silence the first line, but the most
  important prose on the site (the warnings and the "do this now" steps)
  would then never be linted at all;
* attribute lists (`{#symptoms}`, `{ .lg .middle }`) and icon shortcodes
  (`:material-shield-alert:`) are read as words of the sentence.

So each page goes through `textlint_view`, a line-for-line rewrite (line
numbers stay the same, so messages point at the real file) that turns an
admonition, collapsible block or content tab title into a heading, dedents
its body so it is linted as prose, and removes attribute lists and icons.
The `description` in the front matter becomes a paragraph, so the sentence
search results show is linted too. The transformed copies live in a
temporary folder; the real files are never touched.

textlint-filter-rule-comments stays available for the rare passage that must
break a rule on purpose (quoting a scam message verbatim, say):
`<!-- textlint-disable rule-name -->` … `<!-- textlint-enable rule-name -->`.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from helpcenter import front_matter
from helpcenter.build import official_links
from helpcenter.check import plain, prose_messages, severity
from helpcenter.paths import MKDOCS_YML, ROOT
from helpcenter.site_config import load_config
from helpcenter.writing import lint_cache

TEXTLINT_CONFIG = ".textlintrc.yml"
TEXTLINT_RULES = "scripts/textlint-rules"  # the site's own textlint rules (--rulesdir)
MARKDOWNLINT_CONFIG = ".markdownlint-cli2.jsonc"
CSPELL_CONFIG = "cspell.config.yaml"

# `!!! type "title"`, `??? type "title"`, `???+ type "title"`; the title is optional.
_BLOCK_START = re.compile(
    r'^(?P<indent>[ ]*)(?:!!!|\?\?\?\+?)[ ]+[\w-]+(?:[ ]+[\w-]+)*(?:[ ]+"(?P<title>[^"]*)")?[ ]*$')
# `=== "Tab label"` (pymdownx.tabbed)
_TAB_START = re.compile(r'^(?P<indent>[ ]*)===\+?[ ]+"(?P<title>[^"]*)"[ ]*$')
# `{#id}`, `{ .lg .middle }`, `{: .class }`, `{data-hc-official="inquiry-form"}`
_ATTR_LIST = re.compile(r"[ ]*\{:?[ ]*(?:[#.]|[\w-]+=)[^{}\n]*\}")
# `:material-shield-alert:`, `:octicons-arrow-right-24:`, `:smile:`
_ICON = re.compile(r"(?<![\w/:]):[a-z0-9][a-z0-9_+-]*:(?![\w/])")
_FENCE = re.compile(r"^[ ]*(```|~~~)")
# the label of a full reference link, `[text][label]`
_REFERENCE = re.compile(r"\]\[([^\[\]\n]+)\]")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def textlint_view(text: str) -> str:
    """What textlint reads instead of `text`: same number of lines, Material syntax resolved."""
    lines = text.split("\n")
    out: list[str] = []
    start = 0
    fm = front_matter.parse(lines)  # broken front matter parses empty: scripts/check reports it
    if fm.end_line:
        end = fm.end_line - 1
        out.append("")
        for line in lines[1:end]:
            key = line.split(":", 1)[0] if not line[:1].isspace() else ""
            value = fm.data.get(key)
            if key == "title" and isinstance(value, str) and value.strip():
                out.append(f"# {' '.join(value.split())}")
            elif key == "description" and isinstance(value, str) and value.strip():
                out.append(" ".join(value.split()))
            else:
                out.append("")
        out.append("")
        start = end + 1
    containers: list[int] = []  # indentation of each open admonition/tab
    fence: str | None = None
    for line in lines[start:]:
        original_indent = _indent(line)
        if line.strip():
            while containers and original_indent <= containers[-1]:
                containers.pop()
        # remove the four spaces of indentation each open container adds
        for _ in containers:
            if line.startswith("    "):
                line = line[4:]
        if fence is not None:  # inside a fenced code block: nothing to rewrite
            if line.lstrip().startswith(fence):
                fence = None
            out.append(line)
            continue
        if m := _FENCE.match(line):
            fence = m.group(1)
            out.append(line)
            continue
        m = _BLOCK_START.match(line) or _TAB_START.match(line)
        if m:
            containers.append(original_indent)
            title = (m.group("title") or "").strip()
            out.append(f"{m.group('indent')}#### {title}" if title else "")
            continue
        line = _ATTR_LIST.sub("", line)
        line = _ICON.sub("", line)
        line = official_links.PLACEHOLDER.sub(lambda m: _official().get(m.group(1), m.group(0)), line)
        out.append(line)
    # The official addresses are reference links whose definitions a build hook appends
    # ([お問い合わせフォーム][inquiry-form]); without them CommonMark reads the brackets
    # and the label as words of the sentence. Define every label used, after the last line.
    labels = dict.fromkeys(_REFERENCE.findall("\n".join(out)))
    if labels:
        out += ["", *(f"[{label}]: #" for label in labels)]
    return "\n".join(out)


@cache
def _official() -> dict[str, str]:
    """What `{{ official.… }}` placeholders become, so sentence lengths count the text readers see."""
    return official_links.values((load_config(MKDOCS_YML).get("extra") or {}).get("official") or {})


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    rule: str
    message: str
    col: int = 1  # as the linter reports it; annotations point at it
    severity: str = "error"  # "error" or "warning": check/severity.py decides by the rule

    def __str__(self) -> str:
        return plain.line(self.path, self.line, self.col, self.rule, self.message, self.severity)


class LinterMissing(RuntimeError):
    """A linter is not installed (node_modules)."""


def _bin(root: Path, name: str) -> str:
    for base in (root, ROOT):
        candidate = base / "node_modules" / ".bin" / name
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise LinterMissing(f"{name} is not installed; run `npm ci` (scripts/test does it for you)")
    return found


def _display(path: Path, root: Path) -> str:
    path = path.resolve()
    for base in (root.resolve(), ROOT, Path.cwd().resolve()):
        if path.is_relative_to(base):
            return path.relative_to(base).as_posix()
    return path.as_posix()


def _cached(linter: str, files: list[Path], root: Path, run, content_of=Path.read_bytes) -> list[Problem]:
    """`run(files, root)` through lint_cache: only files whose result is not kept are linted."""
    if not files:
        return []
    return lint_cache.run_cached(linter, files, lambda todo: run(todo, root), display=lambda p: _display(p, root),
                                 content_of=content_of, make=Problem)


def run_textlint(files: list[Path], root: Path = ROOT) -> list[Problem]:
    """textlint (config: .textlintrc.json of this repository) on the textlint view of `files`."""
    return _cached("textlint", files, root, _textlint,
                   lambda p: textlint_view(p.read_text(encoding="utf-8")).encode("utf-8"))


def _textlint(files: list[Path], root: Path) -> list[Problem]:
    config = ROOT / TEXTLINT_CONFIG
    with tempfile.TemporaryDirectory(prefix="helpcenter-textlint-") as tmp:
        originals: dict[str, Path] = {}
        shifts: dict[Path, list[int]] = {}  # per line: indentation the view removed (admonition bodies)
        views: dict[Path, list[str]] = {}
        for n, path in enumerate(files):
            # one folder per file keeps names unique and the file name readable in messages
            target = Path(tmp) / str(n) / path.name
            target.parent.mkdir()
            text = path.read_text(encoding="utf-8")
            view = textlint_view(text)
            target.write_text(view, encoding="utf-8")
            originals[str(target.resolve())] = path
            shifts[path] = [_indent(a) - _indent(b) for a, b in zip(text.split("\n"), view.split("\n"), strict=False)]
            views[path] = view.split("\n")
        cmd = [_bin(root, "textlint"), "--config", str(config), "--rulesdir", str(ROOT / TEXTLINT_RULES),
               "--format", "json", "--no-color",
               *sorted(originals)]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if done.returncode not in (0, 1) or not done.stdout.strip().startswith("["):
            raise RuntimeError(f"textlint failed (exit {done.returncode}):\n{done.stderr or done.stdout}")
        results = json.loads(done.stdout)
    problems = []
    for result in results:
        source = originals[str(Path(result["filePath"]).resolve())]
        for msg in result["messages"]:
            rule = msg.get("ruleId", "textlint").removeprefix("ja-technical-writing/")
            line, col = msg.get("line", 1), msg.get("column", 1) or 1
            shift = shifts[source][line - 1] if 0 < line <= len(shifts[source]) else 0
            text = views[source][line - 1] if 0 < line <= len(views[source]) else ""
            if prose_messages.accepted(rule, text, col):
                continue
            problems.append(Problem(_display(source, root), line, f"textlint/{rule}",
                                    prose_messages.rewrite(rule, msg.get("message", ""), text, col),
                                    col + max(shift, 0), severity.of(f"textlint/{rule}")))
    return problems


# markdownlint-cli2's default formatter: `path:line[:column] [error|warning] MD001/alias Description [Detail]`
_MDL_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+)(?::(?P<col>\d+))?\s+(?:(?P<severity>error|warning)\s+)?"
                       r"(?P<rule>MD\d+/[\w/-]+)\s+(?P<message>.*)$")


def run_markdownlint(files: list[Path], root: Path = ROOT) -> list[Problem]:
    """markdownlint-cli2 (config: .markdownlint-cli2.jsonc of this repository) on `files`."""
    return _cached("markdownlint", files, root, _markdownlint)


def _markdownlint(files: list[Path], root: Path) -> list[Problem]:
    config = ROOT / MARKDOWNLINT_CONFIG
    cwd = root.resolve()
    args = [os.path.relpath(f.resolve(), cwd) for f in files]
    # a leading ':' makes markdownlint-cli2 read the argument as a literal path, not a glob
    cmd = [_bin(root, "markdownlint-cli2"), "--config", str(config), *[f":{a}" for a in args]]
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    problems = []
    for raw in (done.stdout + done.stderr).splitlines():
        if m := _MDL_LINE.match(raw.strip()):
            rule, message = m.group("rule"), m.group("message").strip()
            if is_japanese(cwd / m.group("path")):  # a Japanese page's writer reads Japanese
                message = prose_messages.markdownlint_japanese(rule, message)
            problems.append(Problem(_display(cwd / m.group("path"), root), int(m.group("line")),
                                    f"markdownlint/{rule}", message, int(m.group("col") or 1),
                                    severity.of(f"markdownlint/{rule}")))
    if done.returncode not in (0, 1) or (done.returncode == 1 and not problems):
        raise RuntimeError(f"markdownlint-cli2 failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return problems


# cspell's default reporter: `path:line:column - Unknown word (speling) fix: (spelling)`
_CSPELL_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+) - (?P<kind>Unknown|Forbidden) word"
                          r" \((?P<word>[^)]*)\)(?: fix: \((?P<fix>[^)]*)\))?")


def run_cspell(files: list[Path], root: Path = ROOT) -> list[Problem]:
    """cspell (config: cspell.config.yaml of this repository) on the English pages `files`."""
    return _cached("cspell", files, root, _cspell)


def _cspell(files: list[Path], root: Path) -> list[Problem]:
    cwd = root.resolve()
    cmd = [_bin(root, "cspell"), "--config", str(ROOT / CSPELL_CONFIG), "--no-progress", "--no-summary",
           "--no-color", "--no-must-find-files", *[os.path.relpath(f.resolve(), cwd) for f in files]]
    done = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    problems = []
    for raw in done.stdout.splitlines():
        if m := _CSPELL_LINE.match(raw.strip()):
            word, fix = m.group("word"), m.group("fix")
            if m.group("kind") == "Forbidden":
                rule, message = "cspell/flagged-word", f"{word} => {fix or '?'} — the site writes American English"
            else:
                rule = "cspell/unknown-word"
                hint = f" (did you mean {fix}?)" if fix else ""
                message = (f"{word}: not in the American English dictionary{hint};"
                           " if it is spelled right, add it to data/spelling/words.txt")
            problems.append(Problem(_display(cwd / m.group("path"), root), int(m.group("line")), rule, message,
                                    int(m.group("col")), severity.of(rule)))
    if done.returncode not in (0, 1) or (done.returncode == 1 and not problems):
        raise RuntimeError(f"cspell failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return problems


def is_japanese(path: Path) -> bool:
    return "ja" in path.resolve().parent.parts and path.suffix == ".md"


def is_english(path: Path) -> bool:
    return "en" in path.resolve().parent.parts and path.suffix == ".md"


def lint(root: Path = ROOT, paths: list[Path] | None = None, *, textlint: bool = True,
         markdownlint: bool = True, spelling: bool = True) -> list[Problem]:
    """Every prose and Markdown problem in the pages of `root` (or in `paths`)."""
    docs = root / "docs"
    if paths:
        md_files = [p for p in paths if p.suffix == ".md"]
        ja_files = [p for p in md_files if is_japanese(p)]
        en_files = [p for p in md_files if is_english(p)]
    else:
        md_files = sorted(docs.rglob("*.md"))
        ja_files = sorted((docs / "ja").rglob("*.md"))
        en_files = sorted((docs / "en").rglob("*.md"))
    problems: list[Problem] = []
    if textlint:
        problems += run_textlint(ja_files, root)
    if spelling:
        problems += run_cspell(en_files, root)
    if markdownlint:
        problems += run_markdownlint(md_files, root)
    return sorted(problems)
