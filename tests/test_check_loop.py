"""The writer's loop (issue 31): one injected mistake per class, in both output formats.

A copy of the real project gets one mistake of each class a writer makes
(an unfinished page, a weak description, a heading without an id, a bare
admonition, a typed official address, a phone number, an iframe, a misspelt
front-matter key, a doubled particle, a misspelling, a mistyped anchor), each
at its own line, plus good Japanese that the tuned rules must accept. The
copy is checked as `scripts/check` checks it, in plain and GitHub format;
every mistake must give exactly one message, at its file, line and column,
at the right level (errors fail, style warnings do not), and nothing else
may appear beyond an untouched copy's output.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CheckRun
from helpcenter.build.site import build_site
from helpcenter.check import plain
from helpcenter.writing import translation
from sources import copy_sources
from test_check_github import _check

ROOT = Path(__file__).resolve().parents[1]
ANNOTATION = re.compile(r"^::(?P<level>error|warning) file=(?P<path>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
                        r"title=(?P<rule>[^,:]+)::(?P<message>.*)$")


@dataclass(frozen=True)
class Mistake:
    id: str
    path: str
    text: str  # appended to the page (or, with `key`, put into its front matter)
    rule: str
    needle: str  # the message's line is the last line holding this; its column is where this starts
    level: str = "error"
    message: str = ""  # a part the message must contain
    key: bool = False  # a front-matter line instead of appended text
    col_at_end: bool = False  # the column is the end of the line (a heading's missing {#id})
    edit: Callable[[Path], None] | None = None  # instead of appending `text` to `path`


JA, EN = "docs/ja/contact/index.md", "docs/en/contact/index.md"
MISTAKES = [
    Mistake("draft", "docs/ja/security.md", "（下書き）ここに手順を書きます。", "draft-text", "（下書き）",
            message="下書き"),
    Mistake("short-description", "docs/en/faq.md", "description: Help.", "description-text", "Help.",
            message="5 characters (80–160)", key=True),
    Mistake("heading-without-id", "docs/en/security.md", "### One more thing\n\nText.", "heading-id",
            "### One more thing", message="{#", col_at_end=True),
    Mistake("bare-note", "docs/ja/troubles/trading.md", "!!! note\n\n    本文です。", "admonition-title", "!!! note",
            message='!!! note "補足"'),
    Mistake("typed-official-url", "docs/en/troubles/other.md", "See the [website](https://bitbank.cc/).",
            "official-typed", "https://bitbank.cc/", message="[official website][official-website]"),
    Mistake("phone", JA, "お急ぎの方はお電話で：０３－１２３４－５６７８", "contact-phone", "０３－"),
    Mistake("iframe", "docs/ja/first-response.md", '<iframe src="https://bitbank.cc/"></iframe>', "html-element",
            "<iframe"),
    Mistake("front-matter-key", "docs/en/troubles/trading.md", "descripton: x", "frontmatter-unknown-key",
            "descripton:", message="ask an engineer", key=True),
    Mistake("doubled-particle", "docs/ja/troubles/account.md", "銀行に振込に行きます。", "textlint/no-doubled-joshi",
            "に行きます", "warning", message="「銀行に振込に行きます」"),
    Mistake("misspelling", "docs/en/first-response.md", "Plaese contact support.", "cspell/unknown-word", "Plaese",
            "warning", message="did you mean Please?"),
    Mistake("banner-raw-link", "data/banner.yml", "", "banner-text", '<a href="https://bitbank-status.example/">',
            message="raw HTML", edit=lambda root: _banner(root, '<a href="https://bitbank-status.example/">状況</a>')),
    Mistake("mistyped-anchor", EN, "See [after you send](#after-sendng).", "link-anchor", "#after-sendng",
            message="did you mean #after-sending?"),
]
# Good text the tuned rules accept: 〜ことがあります after a が, a legal term of eight kanji.
GOOD = {"docs/ja/resolution-flow.md": "入金が反映されるまで時間がかかることがあります。",
        "docs/ja/troubles/other.md": "bitbankは暗号資産交換業者として登録されています。"}


TWIN = "docs/ja/faq.md"
TWIN_SECTION = "## 追加の説明 {#extra-explanation}\n\n本文です。"


def _banner(root: Path, tail: str) -> None:
    """The banner switched on, `tail` typed at the end of its Japanese text (a raw link: raw HTML and a link)."""
    path = root / "data" / "banner.yml"
    text = path.read_text(encoding="utf-8").replace("enabled: false", "enabled: true")
    path.write_text(text.replace("でご確認ください。\n", f"でご確認ください。{tail}\n", 1), encoding="utf-8")


def _append(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")


def _front(root: Path, rel: str, line: str) -> None:
    """Put `line` in the front matter, replacing the key it sets when the page has it."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    key = line.split(":", 1)[0]
    if re.search(rf"(?m)^{key}:", text):
        text = re.sub(rf"(?m)^{key}:.*$", lambda _: line, text, count=1)
    else:
        text = text.replace("---\n", f"---\n{line}\n", 1)
    path.write_text(text, encoding="utf-8")


def _inject(root: Path) -> None:
    for m in MISTAKES:
        if m.edit is not None:
            m.edit(root)
        else:
            (_front if m.key else _append)(root, m.path, m.text)
    for rel, text in GOOD.items():
        _append(root, rel, text)
    # the Japanese pages changed: their translators record it, so translation freshness adds nothing
    for rel in {m.path for m in MISTAKES if m.path.startswith("docs/")} | set(GOOD):
        english = root / rel.replace("docs/ja/", "docs/en/")
        translation.update(english, root / "docs")


@pytest.fixture(scope="module")
def runs(tmp_path_factory, real_check) -> dict[str, tuple[subprocess.CompletedProcess | CheckRun, Path]]:
    """The mistakes' copy built once and checked in both formats; the twin's copy checked for one file.

    None of the mistakes is a build warning, so the two formats check the same build (`--site-dir`).
    """
    base = tmp_path_factory.mktemp("loop")
    roots = {name: copy_sources(base / name, link_scripts=True).parent for name in ("mistakes", "twin")}
    _inject(roots["mistakes"])
    _append(roots["twin"], TWIN, TWIN_SECTION)
    with ThreadPoolExecutor(max_workers=2) as pool:
        twin = pool.submit(_check, roots["twin"], TWIN)
        built = base / "mistakes-site"
        build_site(built, roots["mistakes"] / "mkdocs.yml", strict=False)
        jobs = {"plain": (), "github": ("--format", "github")}
        futures = {name: pool.submit(_check, roots["mistakes"], "--site-dir", str(built), *args)
                   for name, args in jobs.items()}
        out = {name: (f.result(), roots["mistakes"]) for name, f in futures.items()}
        out["twin"] = (twin.result(), roots["twin"])
    out["baseline"] = (real_check, ROOT)
    return out


def _found(runs, output: str) -> list[dict[str, str]]:
    """What the mistakes added to the untouched copy's output: path, line, col, rule, level, message."""
    baseline = {(m["rule"], m["message"]) for line in runs["baseline"][0].stdout.splitlines()
                if (m := plain.PATTERN.match(line))}
    found = []
    for line in runs[output][0].stdout.splitlines():
        if output == "plain" and (m := plain.PATTERN.match(line)):
            item = m.groupdict() | {"level": m["severity"] or "error"}
        elif output == "github" and (m := ANNOTATION.match(line)):
            item = m.groupdict()
        else:
            continue
        if (item["rule"], item["message"]) not in baseline:
            found.append(item)
    return found


def _place(root: Path, m: Mistake) -> tuple[int, int]:
    lines = (root / m.path).read_text(encoding="utf-8").splitlines()
    no = max(i for i, text in enumerate(lines, 1) if m.needle in text)
    col = len(lines[no - 1].rstrip()) + 1 if m.col_at_end else lines[no - 1].index(m.needle) + 1
    return no, col


@pytest.mark.parametrize("output", ["plain", "github"])
@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.id)
def test_one_message_at_the_right_place_and_level(runs, mistake: Mistake, output: str):
    root = runs["plain"][1]
    line, col = _place(root, mistake)
    here = [f for f in _found(runs, output) if f["path"] == mistake.path and int(f["line"]) == line]
    assert len(here) == 1, f"{mistake.path}:{line}: expected one message, got\n" + "\n".join(map(str, here))
    got = here[0]
    assert (got["rule"], got["level"], int(got["col"])) == (mistake.rule, mistake.level, col), got
    assert mistake.message in got["message"], got["message"]


@pytest.mark.parametrize("output", ["plain", "github"])
def test_nothing_else_and_errors_fail(runs, output: str):
    found = _found(runs, output)
    assert len(found) == len(MISTAKES), "\n".join(map(str, found))  # the good Japanese added nothing
    assert runs[output][0].returncode == 1


def test_warnings_alone_do_not_fail(tmp_path):
    root = copy_sources(tmp_path / "p", link_scripts=True).parent
    _append(root, "docs/en/first-response.md", "Plaese contact support.")
    done = _check(root, "--site-dir", str(tmp_path / "none"), "docs/en/first-response.md")
    assert done.returncode == 0, done.stdout + done.stderr
    [line] = done.stdout.splitlines()
    assert plain.PATTERN.match(line)["severity"] == "warning"
    assert "1 warning" in done.stderr


def test_checking_one_page_shows_the_twins_problem(runs):
    """An extra section in the Japanese page only: `scripts/check docs/ja/faq.md` names the English twin."""
    done, root = runs["twin"]
    found = [m for line in done.stdout.splitlines() if (m := plain.PATTERN.match(line))]
    twin = TWIN.replace("docs/ja/", "docs/en/")
    assert [(m["path"], m["rule"]) for m in found if m["rule"] == "parity-sections"] == [(twin, "parity-sections")]
    assert "extra-explanation" in next(m["message"] for m in found if m["rule"] == "parity-sections")
    assert done.returncode == 1


def test_fix_applies_the_safe_fixes_and_says_each(tmp_path):
    (tmp_path / "docs" / "ja").mkdir(parents=True)
    (tmp_path / "docs" / "en").mkdir(parents=True)
    ja, en = tmp_path / "docs" / "ja" / "page.md", tmp_path / "docs" / "en" / "page.md"
    ja.write_text("---\ntitle: テスト\n---\n\n# テスト\n\n!!! warning \"ご注意ください\"\n\n"
                  "    問い合わせ番号を控えてください。  \n\n\n2段階認証を設定してください。\n", encoding="utf-8")
    en.write_text("---\ntitle: Test\n---\n\n# Test\n\nRecognise an unauthorised login.\t\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    cmd = [sys.executable, "-m", "helpcenter.writing.lint_prose", "--root", str(tmp_path), "--no-markdownlint", "--fix",
           str(ja), str(en)]
    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    fixed = ("---\ntitle: テスト\n---\n\n# テスト\n\n!!! warning \"ご注意ください\"\n\n"
             "    お問い合わせ番号を控えてください。\n\n"
             "二段階認証を設定してください。\n")
    assert ja.read_text(encoding="utf-8") == fixed
    assert en.read_text(encoding="utf-8") == "---\ntitle: Test\n---\n\n# Test\n\nRecognize an unauthorized login.\n"
    said = [line for line in done.stdout.splitlines() if ": fixed " in line]
    assert {line.split(": fixed ")[1].split(":")[0] for line in said} == {"textlint/prh", "cspell/flagged-word",
                                                                           "whitespace"}
    assert "'問い合わせ番号' -> 'お問い合わせ番号'" in done.stdout and "'Recognise' -> 'Recognize'" in done.stdout
    again = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert ": fixed " not in again.stdout and "0 fixes" in again.stderr


@pytest.mark.parametrize("name", ["problem-matcher.json", "vscode-tasks.json"])
def test_editor_problem_matchers_read_the_plain_line(name: str):
    """The documented matchers find file, line, column, rule and level in what scripts/check prints."""
    config = json.loads((ROOT / "contributing" / name).read_text(encoding="utf-8"))
    matchers = config.get("problemMatcher") or [task["problemMatcher"] for task in config["tasks"]]
    for matcher in matchers:
        pattern = matcher["pattern"][0] if isinstance(matcher["pattern"], list) else matcher["pattern"]
        regexp = re.compile(pattern["regexp"])
        for severity in ("error", "warning"):
            text = plain.line("docs/ja/faq.md", 12, 5, "textlint/prh", "2段階認証 => 二段階認証: x", severity)
            m = regexp.match(text)
            assert m, text
            got = {key: m.group(pattern[key]) for key in ("file", "line", "column", "code", "message")}
            assert got == {"file": "docs/ja/faq.md", "line": "12", "column": "5", "code": "textlint/prh",
                           "message": "2段階認証 => 二段階認証: x"}
            assert (m.group(pattern["severity"]) or matcher["severity"]) == severity
