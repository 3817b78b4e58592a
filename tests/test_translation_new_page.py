"""`scripts/translation-status --diff` on a new page that was never committed: a clear message, not an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from helpcenter.writing import translation

ROOT = Path(__file__).resolve().parents[1]


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.com", *args],
                   check=True, capture_output=True)


def test_diff_on_an_uncommitted_new_page_says_what_to_do(tmp_path: Path):
    for lang in ("ja", "en"):
        (tmp_path / "docs" / lang).mkdir(parents=True)
    (tmp_path / "docs/ja/old.md").write_text("---\ntitle: 古い\n---\n\n# 古い\n", encoding="utf-8")
    _git(tmp_path, "init", "--quiet")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "--quiet", "-m", "an older page")
    ja, en = tmp_path / "docs/ja/new.md", tmp_path / "docs/en/new.md"
    ja.write_text("---\ntitle: 新しい\n---\n\n# 新しい\n\n本文です。\n", encoding="utf-8")
    en.write_text("---\ntitle: New\n---\n\n# New\n\nText.\n", encoding="utf-8")
    translation.update(en, tmp_path / "docs")
    ja.write_text(ja.read_text(encoding="utf-8") + "\n段落を足しました。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    cmd = [sys.executable, "-m", "helpcenter.writing.translation_status", "--docs", "docs", "--diff", "docs/en/new.md"]
    done = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "docs/ja/new.md is a new page, not committed yet" in done.stdout + done.stderr
    assert "scripts/translation-status --update docs/en/new.md" in done.stdout + done.stderr
    assert "git log -p" not in done.stdout + done.stderr
