"""Issue 27: what a writer commits beside the Markdown bodies cannot take over a page.

One fault per class (files beside the pages, the banner, front matter, the official
addresses, links a browser resolves off-site, markup a help page has no use for,
contact points in other writings, problems reported at the right place), each in its
own file, all committed together to a fresh repository made from the project's
sources, as a writer's pull request would be. `scripts/check` must report each at the
file and line the writer edits, in plain output and as GitHub annotations (the
pull-request route, `--changed-since`); the site built from the same commit must
publish none of it.
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
from selectolax.lexbor import LexborHTMLParser

from conftest import ROOT
from helpcenter.build.site import build_site
from sources import copy_sources

PLAIN = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[\w-]+): (?P<message>.*)$")
ANNOTATION = re.compile(r"^::error file=(?P<path>[^,]+),line=(?P<line>\d+)(?:,col=\d+)?,title=(?P<rule>[\w-]+)::")

BANNER = """\
# A writer's incident banner, with a fault in each language.
enabled: true
level: critical
text:
  ja: >-
    **障害が発生しています。**
    <meta http-equiv="refresh" content="0;url=https://evil.example/">
    お急ぎの方は〇三・一二三四・五六七八へ。
  en: >-
    **Some services are down.**
    See the [status page](https://bitbank-status.net/) for the latest.
"""


@dataclass(frozen=True)
class Fault:
    id: str
    path: str  # the file the writer edits, where the problem must be reported
    text: str | None  # appended to `path` (None: `edit` does the change)
    rule: str
    needle: str  # the problem's line is the last line of `path` holding this
    edit: Callable[[Path], None] | None = None


def _write(rel: str, data: bytes | str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return run


def _title(rel: str, title: str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^title:.*$", lambda _: f"title: '{title}'", text, count=1), encoding="utf-8")
    return run


def _move_official(root: Path) -> None:
    """Every address under extra.official to one lookalike domain, consistently."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    block = re.search(r"(?m)^  official:\n((?:    .*\n)+)", text)
    assert block, "mkdocs.yml should have extra.official"
    moved = block.group(1).replace("bitbank.cc", "bitbank-cc.com")
    path.write_text(text[: block.start(1)] + moved + text[block.end(1):], encoding="utf-8")


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script href="sw-install.js"/></svg>'
# A page MkDocs would publish as notice/index.html, where the checks pairing `<name>.html` would not read it.
README_PAGE = """---
title: お知らせ
description: 重要なお知らせです。ログインの前に必ずお読みください。内容は随時更新します。
---

# お知らせ

<meta http-equiv="refresh" content="0;url=https://evil.example/">
"""
MANIFEST = '{"name": "bitbank 公式アプリ", "start_url": "notice/"}'
FAULTS = [
    # 1. files beside the pages
    Fault("file-svg", "docs/ja/logo.svg", None, "file-type", "", _write("docs/ja/logo.svg", SVG)),
    Fault("file-html", "docs/en/go.html", None, "file-type", "",
          _write("docs/en/go.html", '<meta http-equiv="refresh" content="0;url=https://evil.example/">')),
    Fault("file-script", "docs/ja/sw-install.js", None, "file-type", "",
          _write("docs/ja/sw-install.js", "navigator.serviceWorker.register('/sw-install.js')")),
    Fault("file-fake-image", "docs/en/diagram.png", None, "file-type", "", _write("docs/en/diagram.png", SVG)),
    Fault("file-readme-page", "docs/ja/notice/README.md", None, "file-type", "",
          _write("docs/ja/notice/README.md", README_PAGE)),
    Fault("file-upper-case-md", "docs/ja/app.MD", None, "file-type", "", _write("docs/ja/app.MD", MANIFEST)),
    # 2. the banner
    Fault("banner-html", "data/banner.yml", None, "banner-text", "<meta", _write("data/banner.yml", BANNER)),
    Fault("banner-link", "data/banner.yml", None, "banner-text", "bitbank-status.net"),
    Fault("banner-phone", "data/banner.yml", None, "banner-text", "〇三"),
    # 3. front matter
    Fault("title-markup", "docs/ja/security.md", None, "frontmatter-markup", "title:",
          _title("docs/ja/security.md", 'セキュリティ<meta http-equiv="refresh" content="0;url=https://evil.example/">')),
    # 4. every official address moved together
    Fault("official-moved", "mkdocs.yml", None, "official-address", "inquiry_form:", _move_official),
    # 5. links a browser resolves off-site
    Fault("backslash-link", "docs/en/contact/index.md", '<a href="\\/evil.example/../../index.html">Home</a>',
          "external-domain", "evil.example/../../"),
    Fault("control-link", "docs/ja/contact/index.md", '<a href="&#1;//evil.example/login">ログイン</a>',
          "external-domain", "&#1;//"),
    # 6. markup a help page has no use for
    Fault("style-overlay", "docs/en/troubles/trading.md",
          '<div style="position:fixed;inset:0;background:#fff">Log in again</div>', "html-markup", "position:fixed"),
    Fault("style-attr-list", "docs/ja/troubles/trading.md",
          "再度ログインしてください。\n{ style=\"position:fixed;top:0\" }", "html-markup",
          'style="position:fixed;top:0"'),
    Fault("password-form", "docs/ja/first-response.md",
          '<form action="index.html"><input type="password" name="p"></form>', "html-markup", "<form"),
    Fault("ping", "docs/en/first-response.md", '<a href="../faq.html" ping="https://evil.example/">FAQ</a>',
          "html-markup", "ping="),
    # 7. contact points in other writings
    Fault("domain-text", "docs/ja/troubles/account.md", "ログインは bitbank-login.com からどうぞ。", "contact-text",
          "bitbank-login.com"),
    Fault("email-entities", "docs/en/troubles/account.md", "Write to help&#64;bitbank-support.net for help.",
          "contact-text", "help&#64;"),
    Fault("email-code", "docs/en/troubles/other.md", "Write to `help@bitbank-help.net`.", "contact-text",
          "bitbank-help.net"),
    Fault("handle", "docs/ja/troubles/other.md", "LINE ID: bitbank_support にご連絡ください。", "contact-text",
          "LINE ID"),
    Fault("phone-kanji-dots", "docs/ja/resolution-flow.md", "お電話は〇三・一二三四・五六七八へ。", "contact-phone",
          "〇三"),
    Fault("phone-zero-width", "docs/en/resolution-flow.md", "Call 03\u200b-1234\u200b-5678.", "contact-phone",
          "Call 03"),
    Fault("phone-tooltip", "docs/en/security.md", '<span title="0120.123.456">Support line</span>', "contact-phone",
          "0120.123.456"),
    # 8. at the right place
    Fault("tel-entities", "docs/ja/security.md", '<a href="&#116;el:0312345678">電話</a>', "contact-tel", "&#116;el:"),
    # 7. the hooks of the site's own scripts and styles, worn by content
    Fault("theme-hook-feedback", "docs/ja/troubles/trading.md",
          '<div class="hc-solved" data-hc-solved data-hc-compose="https://evil.example/inquiry" markdown>\n\n'
          '<button type="button" data-hc-answer="no">いいえ</button>\n\n</div>', "html-theme-hook", "data-hc-compose"),
    Fault("theme-hook-manifest", "docs/en/troubles/trading.md",
          '<div data-hc-offline data-hc-manifest="../app.MD" hidden></div>', "html-theme-hook", "data-hc-manifest"),
    Fault("theme-class-overlay", "docs/en/troubles/other.md", '<div class="md-consent__overlay"></div>',
          "html-theme-hook", "md-consent__overlay"),
    Fault("theme-config-id", "docs/ja/faq.md", '<div id="__config" hidden>{}</div>', "html-theme-hook", "__config"),
    Fault("toc-label-email", "docs/en/faq.md", '## Write to us {#write-to-us data-toc-label="help@bitbank-help.net"}',
          "contact-text", "help@bitbank-help.net"),
    Fault("unclosed-comment", "docs/en/troubles/system-outage.md", "## Still down? <!--<script>",
          "html-comment", "<!--<script>"),
]


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=root, check=True,
                   capture_output=True)


def _check(root: Path, *args: str) -> tuple[int, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([sys.executable, "-m", "helpcenter.check", "--config", str(root / "mkdocs.yml"), *args],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600)
    return done.returncode, done.stdout.splitlines()


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory) -> Path:
    """A fresh repository of the sources, then one commit with every fault."""
    root = copy_sources(tmp_path_factory.mktemp("writer") / "repo", link_scripts=True).parent
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "base")
    for fault in FAULTS:
        if fault.edit is not None:
            fault.edit(root)
        if fault.text is not None:
            path = root / fault.path
            path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + fault.text + "\n",
                            encoding="utf-8")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "a writer's change")
    return root


@pytest.fixture(scope="module")
def reported(pull_request: Path) -> dict[str, list[tuple[str, int, str]]]:
    """(path, line, rule) of every problem, in plain output and as annotations of the pull-request check."""
    code, plain = _check(pull_request)
    assert code == 1
    code, github = _check(pull_request, "--format", "github", "--changed-since", "HEAD~1")
    assert code == 1
    out = {}
    for name, lines, pattern in (("plain", plain, PLAIN), ("github", github, ANNOTATION)):
        out[name] = [(m["path"], int(m["line"]), m["rule"]) for line in lines if (m := pattern.match(line))]
    return out


def _line(root: Path, fault: Fault) -> int:
    if not fault.needle:
        return 1
    lines = (root / fault.path).read_text(encoding="utf-8").splitlines()
    hits = [no for no, line in enumerate(lines, start=1) if fault.needle in line]
    assert hits, f"{fault.needle!r} not in {fault.path}"
    return hits[-1]


@pytest.mark.parametrize("output", ["plain", "github"])
@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.id)
def test_fault_is_reported_where_the_writer_edits(pull_request, reported, fault: Fault, output: str):
    found = reported[output]
    expected = (fault.path, _line(pull_request, fault), fault.rule)
    assert expected in found, f"{expected} not in:\n" + "\n".join(map(str, found))


def test_every_official_address_is_reported_at_its_line(pull_request, reported):
    config = (pull_request / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    lines = {no for no, text in enumerate(config, start=1) if "bitbank-cc.com" in text}
    assert len(lines) == 5
    assert lines <= {line for path, line, rule in reported["plain"] if rule == "official-address"}


def test_no_problem_names_a_built_page(reported):
    """Every fault above is in a source a writer edits: none may be reported at site/…"""
    built = [p for p in reported["plain"] if p[0].startswith("site/")]
    assert not built, built


@pytest.fixture(scope="module")
def built(pull_request: Path, tmp_path_factory) -> Path:
    """The same commit built as the site is (not strict: the strict build stops on these faults)."""
    site = tmp_path_factory.mktemp("writer-site") / "site"
    build_site(site, pull_request / "mkdocs.yml", strict=False)
    return site


def test_the_strict_build_stops(pull_request, tmp_path):
    with pytest.raises(subprocess.CalledProcessError):
        build_site(tmp_path / "site", pull_request / "mkdocs.yml")


def test_files_that_could_run_are_not_published(built: Path):
    published = {p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()}
    assert not {"logo.svg", "en/go.html", "sw-install.js", "en/diagram.png", "notice/index.html", "app.MD"} \
        & published


def test_nothing_a_writer_committed_runs_or_redirects(built: Path):
    """The banner, the title and the pages hold no markup of the writer's: no refresh, no foreign link."""
    for path in built.rglob("*.html"):
        tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
        rel = path.relative_to(built).as_posix()
        refresh = [m for m in tree.css("meta[http-equiv]") if m.attributes["http-equiv"].lower() == "refresh"]
        assert not refresh, rel
        for link in tree.css(".hc-banner a[href]"):
            assert link.attributes["href"].startswith("https://bitbank-cc.com/") or \
                link.attributes["href"].startswith("mailto:"), rel
        assert tree.css_first(".hc-banner") is not None, f"{rel}: the banner is switched on"
    security = LexborHTMLParser((built / "security.html").read_text(encoding="utf-8"))
    assert "<meta http-equiv" in security.css_first("title").text()  # shown as text, as the writer typed it
