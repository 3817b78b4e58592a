"""`scripts/check --changed-since REF`: a change is blamed only for what it did.

A two-commit fixture repository (a copy of the real project): the first
commit has a problem already (a tel: link), the second adds a new one (a
broken anchor) on a line of its own and edits a Japanese page without its
English twin. Checked with --changed-since the first commit (as on a GitHub
runner), the new problems are the only errors (the anchor at its line, the
outdated translation on the English page) and the old one is listed once in
the summary; with nothing changed, the check passes and still lists them all.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpcenter.check import changed
from helpcenter.check.model import Problem
from sources import copy_sources
from test_check_github import ANNOTATION, _line_of, append

ROOT = Path(__file__).resolve().parents[1]
EN = "docs/en/contact/index.md"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.com",
                           *args], check=True, capture_output=True, text=True).stdout


def check(root: Path, *args: str, github_actions: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    if github_actions:
        env["GITHUB_ACTIONS"] = "true"  # as on a GitHub runner: annotations without --format
    return subprocess.run([sys.executable, "-m", "helpcenter.check", "--prose", "--config", "mkdocs.yml", *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    root = copy_sources(tmp_path_factory.mktemp("changed") / "repo", link_scripts=True).parent
    git(root, "init", "--quiet", "--initial-branch=main")
    append(EN, "[Call us](tel:+81-3-1234-5678)")(root)
    git(root, "add", "-A")
    git(root, "commit", "--quiet", "-m", "old problem")
    append(EN, "See [email support](#email-support).")(root)
    append("docs/ja/faq.md", "メールのリンクからログインしませんでしたか。")(root)  # the English twin is not updated
    git(root, "commit", "--quiet", "-am", "new problem")
    return root


@pytest.fixture(scope="module")
def since_first(repo: Path) -> subprocess.CompletedProcess:
    return check(repo, "--changed-since", "HEAD~1", github_actions=True)


def test_new_problems_are_the_only_errors(repo, since_first):
    assert since_first.returncode == 1, since_first.stderr
    errors = [m for line in since_first.stdout.splitlines() if (m := ANNOTATION.match(line))]
    line = _line_of(repo / EN, "(#email-support)")
    hash_line = _line_of(repo / "docs/en/faq.md", "source_hash:")
    assert [(m["file"], int(m["line"]), m["title"]) for m in errors] == [
        (EN, line, "link-anchor"), ("docs/en/faq.md", hash_line, "translation-outdated")], since_first.stdout
    assert "2 new errors in 2 files" in since_first.stderr


def test_japanese_change_without_its_twin_is_one_annotation_with_the_diff_command(since_first):
    """On the English page, though the pull request did not touch it."""
    found = [line for line in since_first.stdout.splitlines() if line.startswith("::") and "docs/en/faq.md" in line]
    assert len(found) == 1 and found[0].startswith("::error file=docs/en/faq.md,"), since_first.stdout
    assert "docs/ja/faq.md changed after this translation" in found[0]
    assert "`scripts/translation-status --diff docs/en/faq.md`" in found[0]


def test_listing_in_the_log_has_only_the_new_problems(repo, since_first):
    lines = since_first.stdout.splitlines()
    start = lines.index("::group::scripts/check: 2 problems as path:line:col: rule: message")
    listing = lines[start + 1:lines.index("::endgroup::")]
    assert [line.split(": ")[1] for line in listing] == ["link-anchor", "translation-outdated"]


def test_old_problem_is_listed_once_in_the_summary(repo, since_first):
    notices = [line for line in since_first.stdout.splitlines() if line.startswith("::notice ")]
    assert len(notices) == 1, since_first.stdout
    tel = _line_of(repo / EN, "tel:")
    assert re.search(rf"{re.escape(EN)}:{tel}:\d+: contact-tel: ", notices[0]), notices[0]
    assert "already there before HEAD~1" in notices[0]
    assert "link-anchor" not in notices[0]


def test_nothing_changed_passes_and_lists_what_is_there(repo):
    done = check(repo, "--changed-since", "HEAD")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
    for rule in ("contact-tel", "link-anchor", "translation-outdated"):
        assert rule in done.stderr
    assert "no new problems" in done.stderr


def test_unknown_ref_says_how_to_fix_it(repo):
    done = check(repo, "--changed-since", "origin/nope")
    assert done.returncode == 2
    assert "git does not know 'origin/nope'" in done.stderr and "fetch-depth: 0" in done.stderr


DIFF = """\
diff --git a/docs/en/a.md b/docs/en/a.md
--- a/docs/en/a.md
+++ b/docs/en/a.md
@@ -3 +3 @@ title
-old
+new
@@ -10,0 +11,2 @@
+one
+two
@@ -20,2 +21,0 @@
-gone
-gone
diff --git a/docs/en/new.md b/docs/en/new.md
--- /dev/null
+++ b/docs/en/new.md
@@ -0,0 +1 @@
+hello
diff --git a/docs/ja/old.md b/docs/ja/old.md
--- a/docs/ja/old.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
"""


def test_parse_diff_reads_changed_lines_added_and_deleted_files():
    lines, whole = changed.parse_diff(DIFF)
    assert lines == {"docs/en/a.md": {3, 11, 12}, "docs/en/new.md": {1}}
    assert whole == {"docs/en/new.md", "docs/ja/old.md"}


def test_split_blames_changed_lines_twins_and_what_was_not_there():
    changes = changed.Changes("base", {"docs/en/a.md": {3}, "docs/ja/b.md": {7}}, {"docs/en/new.md"})
    on_changed_line = Problem("docs/en/a.md", 3, "r", "m")
    untouched_old = Problem("docs/en/a.md", 9, "r", "old one (twin: docs/ja/a.md:12)")
    untouched_new = Problem("docs/en/a.md", 10, "r", "appeared: a link target was deleted")
    twin_changed = Problem("docs/en/b.md", 4, "translation-outdated", "x", origin="docs/ja/b.md")
    in_new_file = Problem("docs/en/new.md", 1, "r", "m")
    before = [Problem("docs/en/a.md", 3, "r", "m"), Problem("docs/en/a.md", 5, "r", "old one (twin: docs/ja/a.md:10)"),
              Problem("docs/en/b.md", 4, "translation-outdated", "x")]
    new, old = changed.split([on_changed_line, untouched_old, untouched_new, twin_changed, in_new_file],
                             changes, before)
    assert old == [untouched_old]  # moved, and its twin's line number too: still the same problem
    assert new == [on_changed_line, untouched_new, twin_changed, in_new_file]


def test_pull_request_workflow_annotates_changed_lines_then_tests():
    """pr.yml: scripts/check --changed-since the base branch with full history, then scripts/test."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/pr.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["test"]["steps"]
    checkout = next(s for s in steps if str(s.get("uses", "")).startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # merge base and translation history
    runs = [str(s.get("run", "")) for s in steps]
    check_at = next(i for i, r in enumerate(runs) if r.startswith("scripts/check"))
    test_at = runs.index("scripts/test")
    assert check_at < test_at
    assert runs[check_at] == 'scripts/check --changed-since "origin/${BASE_REF}"'
    assert steps[check_at]["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert "--format" not in runs[check_at]  # GitHub runners set GITHUB_ACTIONS=true: annotations by default
    assert "!cancelled()" in steps[test_at]["if"]  # one push shows the annotations and the tests
