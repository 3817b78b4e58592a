"""A picture of what a writer sees on a pull request, rendered from a saved example, offline.

Reads a unified diff and the `--format github` output of `scripts/check` for
that change (tests/fixtures/check/pr-example/), lays the annotations under
the lines they name as GitHub's "Files changed" tab does, and, with --png,
screenshots the page in Chromium for CONTRIBUTING.md. Nothing is fetched:
the page has no external resources.

    python -m helpcenter.check.preview --png contributing/annotated-pull-request.png
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from helpcenter.paths import ROOT

EXAMPLE = ROOT / "tests" / "fixtures" / "check" / "pr-example"
_COMMAND = re.compile(r"^::(?P<level>error|warning|notice)(?: (?P<props>[^:]*))?::(?P<message>.*)$")
_HUNK = re.compile(r"^@@ -(?P<old>\d+)(?:,\d+)? \+(?P<new>\d+)(?:,\d+)? @@(?P<rest>.*)$")


def unescape(text: str) -> str:
    """The reverse of github.escape_property (and escape_data): `%25` last."""
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


@dataclass(frozen=True)
class Annotation:
    level: str
    file: str
    line: int
    title: str
    message: str


def parse_annotations(text: str) -> list[Annotation]:
    found = []
    for raw in text.splitlines():
        if not (m := _COMMAND.match(raw)):
            continue
        props = dict(p.split("=", 1) for p in (m["props"] or "").split(",") if "=" in p)
        found.append(Annotation(m["level"], unescape(props.get("file", "")), int(props.get("line", 0) or 0),
                                unescape(props.get("title", "")), unescape(m["message"])))
    return found


def parse_diff(text: str) -> dict[str, list[tuple[str, int | None, int | None, str]]]:
    """Per new path: rows (kind ' '/'+'/'-'/'@', old line, new line, text) of a unified diff."""
    files: dict[str, list[tuple[str, int | None, int | None, str]]] = {}
    rows: list[tuple[str, int | None, int | None, str]] = []
    old = new = 0
    for raw in text.splitlines():
        if raw.startswith("+++ "):
            rows = files.setdefault(raw[len("+++ b/"):], [])
        elif raw.startswith(("--- ", "diff ", "index ")):
            continue
        elif m := _HUNK.match(raw):
            old, new = int(m["old"]), int(m["new"])
            rows.append(("@", None, None, raw))
        elif raw.startswith("+"):
            rows.append(("+", None, new, raw[1:]))
            new += 1
        elif raw.startswith("-"):
            rows.append(("-", old, None, raw[1:]))
            old += 1
        elif raw.startswith(" ") or raw == "":
            rows.append((" ", old, new, raw[1:]))
            old += 1
            new += 1
    return files


STYLE = """
body { font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans CJK JP", sans-serif; margin: 16px; color: #1f2328;
       background: #fff; width: 1100px; }
.file { border: 1px solid #d1d9e0; border-radius: 6px; margin-bottom: 16px; overflow: hidden; }
.file h2 { font: 600 13px ui-monospace, monospace; margin: 0; padding: 8px 12px; background: #f6f8fa;
           border-bottom: 1px solid #d1d9e0; }
table { border-collapse: collapse; width: 100%; font: 12px/20px ui-monospace, "Noto Sans Mono CJK JP", monospace; }
td.n { width: 40px; text-align: right; padding: 0 8px; color: #59636e; vertical-align: top; }
td.c { white-space: pre-wrap; word-break: break-all; padding: 0 8px; }
tr.add td { background: #dafbe1; } tr.del td { background: #ffebe9; }
tr.hunk td { background: #ddf4ff; color: #59636e; }
.ann { margin: 6px 12px; border: 1px solid #d1d9e0; border-left: 4px solid #d1242f; border-radius: 6px;
       padding: 8px 12px; font: 13px/1.5 -apple-system, "Segoe UI", "Noto Sans CJK JP", sans-serif;
       white-space: normal; background: #fff; }
.ann.warning { border-left-color: #9a6700; } .ann.notice { border-left-color: #0969da; }
.ann b { display: block; } .ann .where { color: #59636e; font-size: 12px; }
.summary h2 { background: #fff8c5; }
"""


def _box(a: Annotation, with_file: bool = False) -> str:
    kind = {"error": "Check failure", "warning": "Check warning", "notice": "Check notice"}[a.level]
    where = f"{html.escape(a.file)}, line {a.line}" if with_file else f"line {a.line}"
    return (f'<div class="ann {a.level}" data-file="{html.escape(a.file)}" data-line="{a.line}">'
            f'<span class="where">{kind} on {where}: scripts/check</span>'
            f"<b>{html.escape(a.title)}</b>{html.escape(a.message)}</div>")


def render(diff: str, annotations: list[Annotation]) -> str:
    """The "Files changed" view: each annotation under its line; the rest (files or lines not in the diff) first."""
    files = parse_diff(diff)
    shown = {(path, row[2]) for path, rows in files.items() for row in rows if row[2] is not None}
    elsewhere = [a for a in annotations if (a.file, a.line) not in shown]
    parts = [f"<!doctype html><html lang='en'><meta charset='utf-8'><title>Annotated pull request</title>"
             f"<style>{STYLE}</style><body>"]
    if elsewhere:
        parts.append("<div class='file summary'><h2>Annotations outside the diff (shown in the checks summary)</h2>")
        parts += [_box(a, with_file=True) for a in elsewhere]
        parts.append("</div>")
    for path, rows in files.items():
        parts.append(f"<div class='file'><h2>{html.escape(path)}</h2><table>")
        for kind, old, new, text in rows:
            css = {"+": "add", "-": "del", "@": "hunk", " ": ""}[kind]
            sign = kind if kind in "+-" else " "
            parts.append(f"<tr class='{css}'><td class='n'>{old or ''}</td><td class='n'>{new or ''}</td>"
                         f"<td class='c'>{html.escape(sign + text if kind != '@' else text)}</td></tr>")
            for a in annotations:
                if kind != "-" and new is not None and (a.file, a.line) == (path, new):
                    parts.append(f"<tr><td colspan='3'>{_box(a)}</td></tr>")
        parts.append("</table></div>")
    parts.append("</body></html>")
    return "".join(parts)


def screenshot(page_html: str, out: Path) -> None:
    """`page_html` as a PNG, in Debian's Chromium (as the browser tests), with no network."""
    from playwright.sync_api import sync_playwright

    from helpcenter.bench.browser import CHROMIUM, CHROMIUM_FLAGS

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1132, "height": 400})
        page.route("**/*", lambda r: r.abort() if not r.request.url.startswith(("data:", "about:")) else r.continue_())
        page.set_content(page_html)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=True)
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpcenter.check.preview", description=__doc__.splitlines()[0])
    parser.add_argument("--example", type=Path, default=EXAMPLE,
                        help="folder with change.diff and annotations.txt (scripts/check --format github output)")
    parser.add_argument("--png", type=Path, help="write a screenshot here instead of printing the HTML")
    args = parser.parse_args(argv)
    page_html = render((args.example / "change.diff").read_text(encoding="utf-8"),
                       parse_annotations((args.example / "annotations.txt").read_text(encoding="utf-8")))
    if args.png:
        screenshot(page_html, args.png)
        print(f"wrote {args.png}", file=sys.stderr)
    else:
        print(page_html)
    return 0


if __name__ == "__main__":
    sys.exit(main())
