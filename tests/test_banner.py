"""Incident banner (issue 7): one data file switches it on, in both languages, and off again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, watch
from helpcenter.bench.server import serve
from helpcenter.build import banner, official_links
from helpcenter.build.site import build_site
from site_map import ALL, built_path
from sources import copy_sources

PAGES = [built_path(lang, page) for lang, page in ALL] + ["404.html", "en/404.html"]
EXPECTED_TEXT = {"ja": "障害が発生しています", "en": "affected by an outage"}


def switch_on(banner_yml: Path, level: str = "critical") -> None:
    """What a writer does in an incident: flip `enabled`, maybe change the level."""
    text = banner_yml.read_text(encoding="utf-8")
    text, flipped = re.subn(r"(?m)^enabled:\s*false\s*$", "enabled: true", text)
    assert flipped == 1, "data/banner.yml should hold one top-level `enabled: false`"
    text = re.sub(r"(?m)^level:.*$", f"level: {level}", text)
    banner_yml.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def banner_site(tmp_path_factory) -> Path:
    """The site built from a copy of the sources with the banner switched on."""
    work = tmp_path_factory.mktemp("banner")
    config = copy_sources(work / "src")
    switch_on(work / "src" / "data" / "banner.yml")
    build_site(work / "site", config)
    return work / "site"


def test_banner_is_off_in_the_real_build(site_dir):
    for path in PAGES:
        html = (site_dir / path).read_text(encoding="utf-8")
        assert "md-banner" not in html and "hc-banner" not in html, f"{path} shows a banner"


def test_banner_is_on_everywhere_in_the_page_language(banner_site):
    for path in PAGES:
        lang = "en" if path.startswith("en/") else "ja"
        html = (banner_site / path).read_text(encoding="utf-8")
        assert 'class="hc-banner hc-banner--critical"' in html, f"{path}: no banner"
        assert EXPECTED_TEXT[lang] in html, f"{path}: banner not in {lang}"
        other = EXPECTED_TEXT["en" if lang == "ja" else "ja"]
        assert other not in html, f"{path}: banner in the other language"


@pytest.mark.parametrize("path", ["index.html", "en/index.html", "en/troubles/system-outage.html"])
def test_banner_is_visible_and_links_work(warm_tab, banner_site, path):
    with serve(banner_site) as site:
        check_banner(warm_tab(viewport={"width": 375, "height": 812}, bypass_csp=True), site.url, path)  # for axe


def check_banner(page, url: str, path: str) -> None:
    seen = watch(page)
    page.goto(url + path)
    box = page.locator(".md-banner .hc-banner")
    assert box.is_visible()
    lang = "en" if path.startswith("en/") else "ja"
    assert EXPECTED_TEXT[lang] in box.inner_text()
    assert box.locator("a[href='https://bitbank.cc/']").count() == 1, "the official-website reference link"
    assert page.evaluate("() => document.scrollingElement.scrollWidth <= innerWidth")
    page.add_script_tag(path=str(ROOT / "node_modules" / "axe-core" / "axe.min.js"))
    found = page.evaluate("async () => (await axe.run('.md-banner')).violations.map(v => v.id)")
    assert not found, f"axe on the banner: {found}"
    assert not seen.problems(), seen.problems()


def test_enabled_banner_needs_both_texts(tmp_path):
    yml = tmp_path / "banner.yml"
    yml.write_text("enabled: true\nlevel: warning\ntext:\n  ja: 障害が発生しています。\n", encoding="utf-8")
    with pytest.raises(banner.BannerError, match="en"):
        banner.load(yml)
    yml.write_text("enabled: true\nlevel: urgent\ntext:\n  ja: あ\n  en: a\n", encoding="utf-8")
    with pytest.raises(banner.BannerError, match="level"):
        banner.load(yml)


def test_disabled_banner_may_be_incomplete(tmp_path):
    yml = tmp_path / "banner.yml"
    yml.write_text("enabled: false\n", encoding="utf-8")
    assert banner.load(yml) == {"enabled": False, "level": "info", "html": {}}
    assert banner.load(tmp_path / "missing.yml")["enabled"] is False


def official_config() -> dict[str, str]:
    from helpcenter.site_config import load_config
    return load_config(ROOT / "mkdocs.yml")["extra"]["official"]


def banner_with(tmp_path: Path, ja: str, en: str) -> Path:
    yml = tmp_path / "banner.yml"
    yml.write_text(f"enabled: true\nlevel: warning\ntext:\n  ja: >-\n    {ja}\n  en: >-\n    {en}\n", encoding="utf-8")
    return yml


def test_banner_fills_official_placeholders_from_the_configuration(tmp_path):
    official = official_config()
    yml = banner_with(tmp_path, "{{ official.support_email }} 以外からのメールにご注意ください。",
                      "Only mail from `{{ official.domain }}` is ours; write to {{official.support_email}}.")
    html = banner.load(yml, official)["html"]
    domain = official_links.host(official["website"])
    assert official["support_email"] in html["ja"] and official["support_email"] in html["en"]
    assert f"<code>{domain}</code>" in html["en"]
    assert "{{" not in html["ja"] + html["en"] and "official." not in html["ja"] + html["en"]


def test_banner_follows_an_address_changed_in_the_configuration(tmp_path):
    other = {"website": "https://www.bitbank.cc/", "support_email": "help@bitbank.cc"}
    yml = banner_with(tmp_path, "{{ official.domain }} をご確認ください。",
                      "See {{ official.domain }}, {{ official.support_email }}.")
    html = banner.load(yml, other)["html"]
    assert "www.bitbank.cc" in html["ja"] and "help@bitbank.cc" in html["en"]
    assert "support@" not in html["en"]


@pytest.mark.parametrize("placeholder", ["{{ official.phone }}", "{{ official.website.path }}", "{{ official. }}"])
def test_banner_refuses_an_unknown_placeholder_at_its_line(tmp_path, placeholder):
    yml = banner_with(tmp_path, "障害が発生しています。", f"An outage; write to {placeholder}.")
    with pytest.raises(banner.BannerError) as err:
        banner.load(yml, official_config())
    message = str(err.value)
    assert str(yml) in message and "line 7:" in message, message  # the en text's line in banner_with's file
    assert placeholder in message and "{{ official.support_email }}" in message, "names what exists"


def test_a_switched_off_banner_with_an_unknown_placeholder_builds(tmp_path):
    yml = tmp_path / "banner.yml"
    yml.write_text("enabled: false\ntext:\n  ja: '{{ official.nothing }}'\n  en: x\n", encoding="utf-8")
    assert banner.load(yml, official_config())["html"] == {}
