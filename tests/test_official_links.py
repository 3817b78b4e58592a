"""Official addresses written as text come from `extra.official` (helpcenter/build/official_links.py).

The pages write `{{ official.domain }}` and the like instead of bitbank.cc, so that the
address lives in one place. These tests check the substitution itself, that the built
site shows no placeholder, and that every page stating an official domain got it from
the configuration (changing the configuration changes the page).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.build import official_links
from helpcenter.site_config import load_config

ROOT = Path(__file__).resolve().parents[1]
OFFICIAL = {"website": "https://bitbank.cc/", "help_center_ja": "https://support.bitbank.cc/hc/ja",
            "support_email": "support@bitbank.cc"}


def test_placeholders_become_the_configured_text():
    text = ("`{{ official.domain }}` `{{official.help_center_ja.host}}` {{ official.support_email }}"
            " {{ official.website }}")
    assert official_links.fill(text, OFFICIAL) == \
        "`bitbank.cc` `support.bitbank.cc` support@bitbank.cc https://bitbank.cc/"


def test_another_configuration_gives_other_text():
    other = {"website": "https://exchange.example.jp/", "support_email": "help@exchange.example.jp"}
    assert official_links.fill("{{ official.domain }} / {{ official.support_email.host }}", other) == \
        "exchange.example.jp / exchange.example.jp"


@pytest.mark.parametrize("text", ["{{ official.phone }}", "{{ official.website.path }}", "{{ official. }}"])
def test_an_unknown_name_is_refused_with_the_names_that_exist(text):
    with pytest.raises(official_links.UnknownPlaceholder) as err:
        official_links.fill(f"電話：{text}", OFFICIAL)
    assert err.value.text == text and "{{ official.domain }}" in str(err.value)


def test_text_without_placeholders_is_unchanged():
    text = "{{ not.official }} {official.domain} `{{ official_domain }}`"
    assert official_links.fill(text, OFFICIAL) == text


def test_the_built_site_shows_no_placeholder_and_the_configured_domain(site_dir):
    domain = official_links.host(load_config(ROOT / "mkdocs.yml")["extra"]["official"]["website"])
    written = [p for p in sorted((ROOT / "docs").rglob("*.md")) if "{{ official.domain }}" in p.read_text("utf-8")]
    assert written, "no page writes {{ official.domain }}"
    for html in sorted(site_dir.rglob("*.html")):
        assert "{{ official" not in html.read_text(encoding="utf-8"), html
    for page in written:
        lang, *rest = page.relative_to(ROOT / "docs").parts
        built = site_dir / ("" if lang == "ja" else "en") / Path(*rest).with_suffix(".html")
        assert f"<code>{domain}</code>" in built.read_text(encoding="utf-8"), built
