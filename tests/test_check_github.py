"""`scripts/check --format github`: every rule family as one well-formed annotation at the right line.

One copy of the real project gets one fault of each family the issue lists
(link, anchor, parity, contact policy, front matter, raw HTML, prose,
Markdown lint, spelling; translation freshness too), each at its own line;
what the check says about the real project is the baseline. Both are
checked as `scripts/check` checks them (site rules and writers' checks) with
`--format github`. Every fault
must add exactly one annotation, at its file and line, titled with its rule,
and nothing else may be added.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import CheckRun
from helpcenter.check import github
from helpcenter.check.model import Problem
from helpcenter.writing import translation
from sources import copy_sources

ROOT = Path(__file__).resolve().parents[1]
# ::error file=…,line=…,col=…,title=…::message, with GitHub's escaping: no raw ',' or ':' in a property,
# no raw CR or LF anywhere, every '%' part of an escape.
ANNOTATION = re.compile(r"^::(?P<level>error|warning) file=(?P<file>[^,:\r\n]+),line=(?P<line>[1-9]\d*),"
                        r"col=(?P<col>[1-9]\d*),title=(?P<title>[^,:\r\n]+)::(?P<message>[^\r\n]+)$")
ESCAPES = re.compile(r"%(?!25|0D|0A|3A|2C)")


def append(rel: str, text: str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    return run


def add_key(rel: str, line: str) -> Callable[[Path], None]:
    """Insert `line` as the first front matter key."""
    def run(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")
    return run


@dataclass(frozen=True)
class Fault:
    family: str
    path: str
    edit: Callable[[Path], None]
    rule: str
    needle: str  # the annotation's line is the last line of `path` containing this
    level: str = "error"  # style advice (prose, Markdown layout, spelling) is a warning: it does not fail


EN = "docs/en/contact/index.md"
FAULTS = [
    Fault("link", EN, append(EN, "![Diagram](diagram.png)"), "link-image", "diagram.png"),
    Fault("anchor", EN, append(EN, "See [email support](#email-support)."), "link-anchor", "(#email-support)"),
    Fault("parity", "docs/en/faq.md", append("docs/en/faq.md", "## Injected section {#injected-section}\n\nText."),
          "parity-sections", "{#injected-section}"),
    Fault("contact policy", EN, append(EN, "[Call us](tel:+81-3-1234-5678)"), "contact-tel", "tel:"),
    Fault("front matter", "docs/ja/security.md", add_key("docs/ja/security.md", "author: someone"),
          "frontmatter-unknown-key", "author:"),
    Fault("raw HTML", EN, append(EN, '<a href="#email" onclick="steal()">Email</a>'), "html-event-handler",
          "onclick="),
    Fault("prose", "docs/ja/contact/index.md", append("docs/ja/contact/index.md", "偽サイトの可能性がある。"),
          "textlint/ja-desumasu-sentence", "可能性がある", "warning"),
    Fault("Markdown lint", "docs/en/security.md", append("docs/en/security.md", "* A starred list item."),
          "markdownlint/MD004/ul-style", "* A starred", "warning"),
    Fault("spelling", "docs/en/first-response.md", append("docs/en/first-response.md", "Plaese contact support."),
          "cspell/unknown-word", "Plaese", "warning"),
    Fault("translation", "docs/en/faq.md", append("docs/ja/faq.md", "メールのリンクからログインしませんでしたか。"),
          "translation-outdated", "source_hash:"),
]


def _check(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "helpcenter.check", "--prose", "--config", str(root / "mkdocs.yml"),
                           *args], cwd=root, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def runs(tmp_path_factory, real_check_github) -> dict[str, tuple[subprocess.CompletedProcess | CheckRun, Path]]:
    """The faults' copy checked as GitHub annotations; the baseline is the real project's (`real_check_github`)."""
    root = copy_sources(tmp_path_factory.mktemp("github") / "faults", link_scripts=True).parent
    for fault in FAULTS:
        fault.edit(root)
    # The prose fault changes a Japanese page: its translator records it, so that it is one annotation.
    translation.update(root / EN, root / "docs")
    return {"faults": (_check(root, "--format", "github"), root), "baseline": (real_check_github, ROOT)}


def _line_of(path: Path, needle: str) -> int:
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert hits, f"{needle!r} not in {path}"
    return hits[-1]


def _new(runs) -> list[re.Match[str]]:
    baseline = set(runs["baseline"][0].stdout.splitlines())
    found = []
    for line in runs["faults"][0].stdout.splitlines():
        if line in baseline or not line.startswith(("::error", "::warning")):
            continue
        m = ANNOTATION.match(line)
        assert m, f"not a well-formed annotation: {line!r}"
        found.append(m)
    return found


def test_every_line_is_a_well_formed_annotation_then_the_same_in_a_collapsed_listing(runs):
    """GitHub puts at most 10 errors of a step on the diff: the log's group lists every problem with its place."""
    done, _ = runs["faults"]
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("::group::")))
    annotations, listing = lines[:start], lines[start + 1:]
    for line in annotations:
        assert ANNOTATION.match(line), line
        assert not ESCAPES.search(line), f"a bare % in {line!r}"
    assert listing[-1] == "::endgroup::"
    places = [(m["file"], m["line"], m["title"]) for m in map(ANNOTATION.match, annotations)]
    assert [tuple(line.split(": ")[0].split(":")[:2]) + (line.split(": ")[1],) for line in listing[:-1]] == places


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.family)
def test_each_rule_family_is_exactly_one_annotation_at_its_line(runs, fault: Fault):
    root = runs["faults"][1]
    line = _line_of(root / fault.path, fault.needle)
    here = [m for m in _new(runs) if m["file"] == fault.path and int(m["line"]) == line]
    assert len(here) == 1, f"{fault.path}:{line}: " + "\n".join(m[0] for m in _new(runs))
    assert here[0]["title"] == fault.rule and here[0]["level"] == fault.level, here[0][0]


def test_faults_add_nothing_else(runs):
    assert len(_new(runs)) == len(FAULTS), "\n".join(m[0] for m in _new(runs))


def test_translation_annotation_names_the_diff_command(runs):
    found = [m for m in _new(runs) if m["title"] == "translation-outdated"]
    assert [m["message"] for m in found if "scripts/translation-status --diff docs/en/faq.md" in m["message"]]


def test_plain_output_stays_the_default(tmp_path):
    root = copy_sources(tmp_path / "p", link_scripts=True).parent
    append(EN, "Plaese contact support.")(root)
    done = _check(root, "--site-dir", str(tmp_path / "none"), EN)  # no site: only the writers' checks matter
    line = _line_of(root / EN, "Plaese")
    assert done.stdout.splitlines() == [f"{EN}:{line}:1: cspell/unknown-word: warning: Plaese: not in the American"
                                        " English dictionary (did you mean Please?); if it is spelled right, add it to"
                                        " data/spelling/words.txt"], done.stdout + done.stderr


def test_escaping_follows_github_rules():
    p = Problem("docs/a,b:c.md", 3, "rule:x,y", "50% off\r\nnext: line, too", col=7)
    text = github.annotation(p)
    assert text == ("::error file=docs/a%2Cb%3Ac.md,line=3,col=7,title=rule%3Ax%2Cy::"
                    "50%25 off%0D%0Anext: line, too")
    assert ANNOTATION.match(text)


def test_warnings_are_warning_annotations():
    assert github.annotation(Problem("a.md", 1, "r", "m", severity="warning")).startswith("::warning file=a.md,")


def test_github_format_is_the_default_only_in_github_actions():
    assert github.default_format({"GITHUB_ACTIONS": "true"}) == "github"
    assert github.default_format({}) == "plain"
    assert github.default_format({"GITHUB_ACTIONS": "false"}) == "plain"


def test_summary_is_one_notice_with_every_problem():
    text = github.summary("2 already there", [Problem("a.md", 1, "r", "m"), Problem("b.md", 2, "s", "n")])
    assert text == "::notice title=2 already there::a.md:1:1: r: m%0Ab.md:2:1: s: n"


def test_file_arguments_check_just_those_pages(runs):
    """`scripts/check FILE…` on the faulty copy: the problems of those files and what they cause in the twin
    of a given page (translation freshness, parity), links still resolved against the whole site; nothing from
    other pages."""
    root = runs["faults"][1]
    done = _check(root, EN, "docs/ja/faq.md")
    assert done.returncode == 1, done.stderr
    found = {(line.split(": ")[0].rsplit(":", 1)[0], line.split(": ")[1]) for line in done.stdout.splitlines()}
    expected = {(f"{f.path}:{_line_of(root / f.path, f.needle)}", f.rule) for f in FAULTS
                if f.path == EN or f.family in ("translation", "parity")}  # parity: docs/ja/faq.md's twin
    assert found == expected, done.stdout
    assert "2 files given; the whole site: 30 Markdown pages" in done.stderr, done.stderr


def test_a_file_that_does_not_exist_is_named_with_the_fix():
    done = _check(ROOT, "docs/ja/nope.md")
    assert done.returncode == 2
    assert "docs/ja/nope.md: no such file" in done.stderr and "give pages such as docs/ja/faq.md" in done.stderr
