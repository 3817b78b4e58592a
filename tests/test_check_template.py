"""scripts/check on a tiny hand-written site (tests/fixtures/check/mini, built pages under built/): what the site-wide
template does that must not be flagged, and template faults reported against built pages.

The fixture mimics Material's markup (article.md-content__inner, md-nav, md-footer,
md-select, inline scripts, a javascript:void(0) share button, root links in 404.html) without
running MkDocs, so these tests are fast and exercise the checker on the built HTML alone.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpcenter.check import cli
from helpcenter.check.model import Problem

FIXTURE = Path(__file__).parent / "fixtures" / "check" / "mini"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    target = tmp_path / "mini"
    shutil.copytree(FIXTURE, target)
    return target


def run(project: Path) -> list[Problem]:
    problems, _ = cli.check(project / "mkdocs.yml", project / "built")
    return problems


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(no for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_fixture_site_is_clean(mini: Path):
    """Inline template scripts, javascript:void(0) in the header, ?category= query strings,
    root links in 404.html, the canonical site_url and #top must not be flagged."""
    assert run(mini) == []


def test_broken_navigation_link_is_reported_once_against_a_built_page(mini: Path):
    pages = sorted((mini / "built").rglob("*.html"))
    for page in pages:
        if page.name != "404.html":
            edit(page, 'guide.html" class="md-nav__link"', 'gone.html" class="md-nav__link"')
    problems = run(mini)
    assert [p.rule for p in problems] == ["link-target", "link-target"]  # ja and en: two targets
    ja = next(p for p in problems if "link to gone.html" in p.message)
    assert ja.path.endswith("built/guide.html") or ja.path.endswith("built/index.html")
    assert "navigation" in ja.message and "the same on 1 other built page" in ja.message
    assert ja.line == line_of(mini / ja.path.split("mini/", 1)[1], "gone.html")


def test_broken_footer_next_link_is_reported(mini: Path):
    page = mini / "built" / "en" / "index.html"
    edit(page, 'guide.html" class="md-footer__link', 'guid.html" class="md-footer__link')
    [problem] = run(mini)
    assert (problem.rule, problem.path.split("mini/", 1)[1]) == ("link-target", "built/en/index.html")
    assert "footer" in problem.message and problem.line == line_of(page, "guid.html")


def test_broken_language_switcher_is_reported(mini: Path):
    page = mini / "built" / "guide.html"
    edit(page, 'href="en/guide.html" hreflang="en" class="md-select__link"',
         'href="en/guide-old.html" hreflang="en" class="md-select__link"')
    [problem] = run(mini)
    assert problem.rule == "link-target" and "language switcher" in problem.message
    assert problem.path.endswith("built/guide.html")


def test_root_link_outside_the_404_page_fails(mini: Path):
    page = mini / "built" / "index.html"
    edit(page, 'href="guide.html" class="md-nav__link"', 'href="/guide.html" class="md-nav__link"')
    [problem] = run(mini)
    assert problem.rule == "link-target" and "/guide.html" in problem.message
    assert problem.path.endswith("built/index.html")


def test_template_anchor_to_a_missing_id_fails(mini: Path):
    page = mini / "built" / "en" / "guide.html"
    edit(page, 'href="#__search"', 'href="#__find"')
    [problem] = run(mini)
    assert problem.rule == "link-anchor" and "#__find" in problem.message


def test_template_tel_link_and_phone_text_are_reported_against_the_built_page(mini: Path):
    for page in (mini / "built").rglob("*.html"):
        edit(page, '<a href="#top" class="md-top">top</a>',
             '<a href="tel:0120123456">Call us</a> 0120-123-456 <a href="#top" class="md-top">top</a>')
    problems = run(mini)
    assert sorted(p.rule for p in problems) == ["contact-phone", "contact-tel"]
    assert all(re.search(r"built/[\w/]*\.html$", p.path) for p in problems)
    assert all("the same on 5 other built pages" in p.message for p in problems)


def test_template_scripts_are_not_content(mini: Path):
    """Inline scripts outside the article are the template's: the raw-HTML rules leave them alone."""
    page = mini / "built" / "index.html"
    edit(page, "</header>", '<script>x()</script><button onclick="y()">b</button></header>')
    assert run(mini) == []


def test_script_in_article_is_reported_at_the_markdown_line(mini: Path):
    page = mini / "built" / "en" / "guide.html"
    source = mini / "docs" / "en" / "guide.md"
    edit(page, "</article>", '<script>alert(1)</script>\n      </article>')
    source.write_text(source.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    [problem] = run(mini)
    assert (problem.path, problem.line, problem.rule) == (
        "docs/en/guide.md", line_of(source, "<script>"), "html-element")


def test_content_anchor_is_reported_at_the_markdown_line(mini: Path):
    edit(mini / "built" / "index.html", 'guide.html#steps">ガイドの手順', 'guide.html#step">ガイドの手順')
    source = mini / "docs" / "ja" / "index.md"
    edit(source, "(guide.md#steps)、", "(guide.md#step)、")
    [problem] = run(mini)
    line = line_of(source, "guide.md#step)")
    col = source.read_text(encoding="utf-8").splitlines()[line - 1].index("guide.md#step)") + 1
    assert str(problem) == (f"docs/ja/index.md:{line}:{col}: link-anchor: #step は guide.md にありません"
                            "（#steps のことですか？）。リンク先の見出しの後ろにある id（{#id}）でリンクするか、"
                            "見出しの id を直してください")


def test_unknown_allowlisted_host_passes_only_when_listed(mini: Path):
    page = mini / "built" / "en" / "guide.html"
    edit(page, "</article>", '<p><a href="https://www.example.go.jp/policy/a.html">policy</a></p></article>')
    [problem] = run(mini)
    assert problem.rule == "external-domain"
    allowlist = mini / "data" / "check" / "external-allowlist.txt"
    allowlist.parent.mkdir(parents=True)
    allowlist.write_text("# the regulator's policy page\nhttps://www.example.go.jp/policy/\n", encoding="utf-8")
    assert run(mini) == []


def test_official_addresses_in_the_config_are_checked_too(mini: Path):
    config = mini / "mkdocs.yml"
    edit(config, "inquiry_form: https://support.bitbank.cc/", "inquiry_form: https://support.bitbank-help.com/")
    problems = run(mini)
    assert ("mkdocs.yml", line_of(config, "inquiry_form:"), "official-address") in {
        (p.path, p.line, p.rule) for p in problems}


def test_support_email_comes_from_the_config(mini: Path):
    """Changing the one official address makes every mailto to the old one fail."""
    edit(mini / "mkdocs.yml", "support_email: support@bitbank.cc", "support_email: help@bitbank.cc")
    problems = run(mini)
    assert sorted({(p.path, p.rule) for p in problems}) == [
        ("docs/en/index.md", "contact-mailto"), ("docs/ja/index.md", "contact-mailto")]
