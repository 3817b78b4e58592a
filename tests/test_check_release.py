"""`scripts/check --release`: a published site's own address is real and under an official domain.

The help center teaches that only official (bitbank.cc) addresses are bitbank's, so the
deploy workflow must not publish it under a placeholder or any other domain. Each case
writes a copy of the real mkdocs.yml with one `site_url` and checks it the way the
workflow does; the official domains come from that copy's `extra.official`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpcenter.check.rules import release_site_url
from sources import copy_sources

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = re.compile(r"^site_url:.*$", re.MULTILINE)

PLACEHOLDERS = ["https://help.example.invalid/", "https://help.example.com/", "https://docs.example/",
                "http://localhost:8000/", "https://127.0.0.1/", ""]
OFF_DOMAIN = [
    "https://bitbank.cc.help-center.net/",  # the official name followed by another domain
    "https://evilbitbank.cc/",  # ends in the name, without the dot
    "https://help.bitb\u0430nk.cc/",  # a Cyrillic a
    "https://bitbank-support.com/",
    "https://bitbank-help.github.io/",  # where GitHub Pages publishes without a custom domain
]
NOT_HTTPS = ["http://help.bitbank.cc/"]
GOOD = ["https://help.bitbank.cc/", "https://bitbank.cc/help/", "https://support.bitbank.cc/guide/"]


def _config(tmp_path: Path, site_url: str) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    path = tmp_path / "mkdocs.yml"
    path.write_text(SITE_URL.sub(f"site_url: {site_url!r}" if site_url else "site_url: ''", text, count=1),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("url", PLACEHOLDERS + OFF_DOMAIN + NOT_HTTPS)
def test_a_site_url_a_release_must_not_have_is_named_with_the_fix(tmp_path, url):
    config = _config(tmp_path, url)
    problems = release_site_url.check_config(config)
    assert len(problems) == 1, problems
    lines = config.read_text(encoding="utf-8").splitlines()
    assert problems[0].path == "mkdocs.yml" and lines[problems[0].line - 1].startswith("site_url:")
    assert "set site_url in mkdocs.yml" in problems[0].message and "bitbank.cc" in problems[0].message


@pytest.mark.parametrize("url", GOOD)
def test_an_address_under_an_official_domain_passes(tmp_path, url):
    assert release_site_url.check_config(_config(tmp_path, url)) == []


def test_the_official_domains_come_from_the_config(tmp_path):
    """Change the one configuration place and the accepted domain follows it."""
    config = _config(tmp_path, "https://help.bitbank.cc/")
    text = config.read_text(encoding="utf-8").replace("bitbank.cc", "example-exchange.jp")
    config.write_text(text.replace("site_url: 'https://help.example-exchange.jp/'",
                                   "site_url: 'https://help.bitbank.cc/'"), encoding="utf-8")
    [problem] = release_site_url.check_config(config)
    assert "not under an official domain (example-exchange.jp)" in problem.message


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "helpcenter.check", "--config", str(root / "mkdocs.yml"), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)


def test_release_flag_fails_the_real_config_while_site_url_is_a_placeholder(tmp_path, site_dir):
    """The command the deploy workflow runs, on a copy of the project checked against the built site."""
    root = copy_sources(tmp_path / "project", link_scripts=True).parent
    (root / "mkdocs.yml").write_text(SITE_URL.sub("site_url: https://help.example.invalid/",
                                                  (root / "mkdocs.yml").read_text(encoding="utf-8"), count=1),
                                     encoding="utf-8")
    done = _run(root, "--release", "--site-dir", str(site_dir))
    assert done.returncode == 1, done.stderr
    line = next(no for no, text in enumerate((root / "mkdocs.yml").read_text().splitlines(), 1)
                if text.startswith("site_url:"))
    assert f"mkdocs.yml:{line}:1: release-site-url: site_url 'https://help.example.invalid/' is a placeholder" \
        in done.stdout, done.stdout
    without = _run(root, "--site-dir", str(site_dir))
    assert "release-site-url" not in without.stdout  # only the deploy asks for it


def test_release_rule_is_listed():
    done = _run(ROOT, "--list-rules")
    assert re.search(r"^release-site-url\s+\(--release only\)", done.stdout, re.MULTILINE), done.stdout


def test_deploy_workflow_runs_the_release_check():
    text = (ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8")
    assert re.search(r"^\s+run: scripts/check --release\s*$", text, re.MULTILINE)
