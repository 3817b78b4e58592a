"""`scripts/translation-status --diff PAGE`: exactly the Japanese paragraphs that changed since the translation.

A fixture repository: a Japanese page and its English page marked as
translated (commit 1); the Japanese page then changes in a commit (one
paragraph edited, one removed) and in the working tree (one paragraph added,
one list item edited). The diff must show those four paragraphs, at their
lines, under their headings, and none of the paragraphs that did not change.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.writing import translation, translation_diff

ROOT = Path(__file__).resolve().parents[1]
JA = """\
---
title: テスト
description: 説明です。
---

# テスト

## 概要 {#overview}

一つ目の段落です。変わりません。

二つ目の段落です。ここが変わります。

三つ目の段落です。消えます。

## 手順 {#steps}

- 項目Aです。
- 項目Bです。

四つ目の段落です。変わりません。
"""
EN = """\
---
title: Test
description: A description.
---

# Test

## Overview {#overview}

Text.

## Steps {#steps}

Text.
"""


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.com",
                           *args], check=True, capture_output=True, text=True).stdout


def run_diff(root: Path, page: str = "docs/en/p.md") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    command = [sys.executable, "-m", "helpcenter.writing.translation_status", "--docs", "docs", "--diff", page]
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "docs/ja").mkdir(parents=True)
    (tmp_path / "docs/en").mkdir(parents=True)
    (tmp_path / "docs/ja/p.md").write_text(JA, encoding="utf-8")
    (tmp_path / "docs/en/p.md").write_text(EN, encoding="utf-8")
    translation.update(tmp_path / "docs/en/p.md", tmp_path / "docs")
    git(tmp_path, "init", "--quiet")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "--quiet", "-m", "translated")
    ja = tmp_path / "docs/ja/p.md"
    edited = JA.replace("ここが変わります。", "ここを変えました。").replace("三つ目の段落です。消えます。\n\n", "")
    ja.write_text(edited, encoding="utf-8")
    git(tmp_path, "commit", "--quiet", "-am", "Japanese edited")
    ja.write_text(ja.read_text(encoding="utf-8").replace("- 項目Bです。", "- 項目Bを直しました。")
                  .replace("四つ目の段落です。", "新しい段落です。\n\n四つ目の段落です。"), encoding="utf-8")
    return tmp_path


def _line(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_diff_shows_exactly_the_changed_paragraphs(repo: Path):
    done = run_diff(repo)
    assert done.returncode == 1, done.stderr
    out = done.stdout
    ja = repo / "docs/ja/p.md"
    assert (f"  changed, line {_line(ja, 'ここを変えました')}:\n    - 二つ目の段落です。ここが変わります。\n"
            "    + 二つ目の段落です。ここを変えました。\n") in out, out
    assert "  removed (before line" in out and "    - 三つ目の段落です。消えます。" in out
    assert f"  added, line {_line(ja, '新しい段落です')}:\n    + 新しい段落です。" in out
    assert "    - - 項目Bです。\n    + - 項目Bを直しました。" in out
    for unchanged in ("一つ目の段落", "四つ目の段落", "項目A", "title", "説明です"):
        assert unchanged not in out, f"{unchanged!r} did not change but is shown:\n{out}"
    assert "## 概要 {#overview}" in out and "## 手順 {#steps}" in out
    assert out.count("  changed, line") + out.count("  added, line") + out.count("  removed (") == 4, out
    assert "scripts/translation-status --update docs/en/p.md" in out


def test_japanese_path_is_refused_with_the_fix(repo: Path):
    done = run_diff(repo, "docs/ja/p.md")
    assert done.returncode == 2 and "give the English page" in done.stderr


def test_fresh_page_has_nothing_to_catch_up_on(repo: Path):
    translation.update(repo / "docs/en/p.md", repo / "docs")
    done = run_diff(repo)
    assert done.returncode == 0 and "nothing to catch up on" in done.stdout


def test_hash_not_in_history_says_what_to_do(repo: Path):
    page = repo / "docs/en/p.md"
    page.write_text(translation.write_key(page.read_text(encoding="utf-8"), "0" * 12), encoding="utf-8")
    done = run_diff(repo)
    assert done.returncode == 2
    assert "no committed version of docs/ja/p.md has source_hash 000000000000" in done.stderr
    assert "git log -p -- docs/ja/p.md" in done.stderr


def test_blocks_keep_code_together_and_split_list_items():
    text = "---\ntitle: x\n---\n# H\nText.\n\n```text\na\n\nb\n```\n\n- one\n    more\n- two\n"
    found = [(b.text, b.line) for b in translation_diff.blocks(text)]
    assert found == [("# H", 4), ("Text.", 5), ("```text\na\n\nb\n```", 7), ("- one\n    more", 13), ("- two", 15)]


def test_marked_shows_the_changed_characters():
    marked = translation_diff.marked("出金が反映されない", "出金が遅れている")
    assert marked == "出金が[-反映さ-]{+遅+}れ[-な-]{+て+}い{+る+}"
