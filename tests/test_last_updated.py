"""Last updated (issue 7): every page shows when it last changed, from git, and builds without history.

Both builds run on a copy of the sources in a temporary folder: once with no
.git at all (a tarball, a shallow CI export), once in a fresh repository where
one page is committed with a known date and another is not committed yet.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from helpcenter.build.site import build_site
from site_map import ALL, built_path
from sources import copy_sources

LABEL = {"ja": "最終更新日：", "en": "Last update: "}
UPDATED = re.compile(r'class="md-source-file hc-updated">\s*<span class="md-source-file__fact">(.*?)'
                     r'<time datetime="(\d{4}-\d{2}-\d{2})">([^<]+)</time>', re.S)
COMMIT_DATE = "2024-03-05T12:00:00+09:00"
COMMITTED = {"ja": ("2024-03-05", "2024年3月5日"), "en": ("2024-03-05", "March 5, 2024")}
UNCOMMITTED = "docs/en/security.md"


def updated(site: Path, path: str) -> tuple[str, str, str]:
    match = UPDATED.search((site / path).read_text(encoding="utf-8"))
    assert match, f"{path} shows no 'Last update'"
    return match.group(1).strip(), match.group(2), match.group(3)


def today_in_tokyo() -> set[str]:
    """The build date as the pages show it (the build may straddle midnight)."""
    now = dt.datetime.now(ZoneInfo("Asia/Tokyo"))
    return {now.date().isoformat(), (now - dt.timedelta(minutes=5)).date().isoformat()}


def test_every_page_of_the_real_build_shows_its_date(site_dir):
    for lang, page in ALL:
        label, iso, shown = updated(site_dir, built_path(lang, page))
        assert label == LABEL[lang].strip()
        dt.date.fromisoformat(iso)
        if lang == "ja":
            assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", shown), shown
        else:
            assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", shown), shown


def test_strict_build_without_git_history(tmp_path):
    config = copy_sources(tmp_path / "src")
    assert not (tmp_path / "src" / ".git").exists()
    build_site(tmp_path / "site", config)  # raises if `mkdocs build --strict` fails
    for lang, page in ALL:
        _, iso, _ = updated(tmp_path / "site", built_path(lang, page))
        assert iso in today_in_tokyo(), "without history the date is the build date"


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE,
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "user.name=Help Center Test", "-c", "user.email=test@example.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def history_site(tmp_path_factory) -> Path:
    """A fresh repository: everything committed on COMMIT_DATE except UNCOMMITTED."""
    work = tmp_path_factory.mktemp("history")
    src = work / "src"
    config = copy_sources(src)
    git(src, "init", "-q")
    git(src, "add", ".")
    git(src, "rm", "-q", "--cached", UNCOMMITTED)
    git(src, "commit", "-q", "-m", "content")
    build_site(work / "site", config)
    return work / "site"


def test_dates_come_from_git_in_each_language(history_site):
    for lang, page in ALL:
        path = built_path(lang, page)
        if f"docs/{lang}/{page.replace('.html', '.md')}" == UNCOMMITTED:
            continue
        _, iso, shown = updated(history_site, path)
        assert (iso, shown) == COMMITTED[lang], f"{path}: {iso} {shown}"


def test_a_page_not_yet_committed_builds_with_the_build_date(history_site):
    _, iso, _ = updated(history_site, "en/security.html")
    assert iso in today_in_tokyo()
