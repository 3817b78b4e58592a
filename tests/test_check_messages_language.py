"""Every rule that reports at a page speaks the page's language: Japanese at docs/ja/, English elsewhere.

The same mistakes are written into a Japanese page and its English twin of a
small project (the real mkdocs.yml, a few Markdown pages, and the HTML the
build would make of them, written here so that no build runs: which language
a message is in depends only on where it is reported, and detection is tested
on real builds in test_check_inject.py). One run of every rule; then, rule by
rule, the problems at the Japanese page must be Japanese outside what they
quote, and those at the English page and at built pages (the template)
English. A rule added without Japanese messages fails here.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from helpcenter.check import prose_messages, runner
from helpcenter.check.model import Problem, Project
from helpcenter.check.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
# Rules that never report at a page: mkdocs.yml, data/banner.yml, built pages without a source, and the
# translation (English) side only.
NOT_AT_PAGES = {"official-address", "banner-text", "parity-sections", "config-yaml-tag", "nav-title-markup",
                "page-unpaired"}

# (Markdown, the HTML the build makes of it) of each mistake, the same in both languages
MISTAKES = [
    ("[a](nope.md)", '<p><a href="nope.html">a</a></p>'),
    ("[b](#nowhere)", '<p><a href="#nowhere">b</a></p>'),
    ("![c](missing.png)", '<p><img src="missing.png" alt="c"></p>'),
    ("[d][no-such-ref]", "<p>[d][no-such-ref]</p>"),
    ("[e](http://bitbank.cc/fees)", '<p><a href="http://bitbank.cc/fees">e</a></p>'),
    ("[f](https://bitbank-support.com/)", '<p><a href="https://bitbank-support.com/">f</a></p>'),
    ("[g](mailto:help@bitbank-help.net)", '<p><a href="mailto:help@bitbank-help.net">g</a></p>'),
    ("[h](tel:0312345678)", '<p><a href="tel:0312345678">h</a></p>'),
    ("[i](https://bitbank.cc/)", '<p><a href="https://bitbank.cc/">i</a></p>'),
    ("03-1234-5678", "<p>03-1234-5678</p>"),
    ("help@bitbank-support.com", "<p>help@bitbank-support.com</p>"),
    ('<iframe src="https://bitbank.cc/"></iframe>', '<iframe src="https://bitbank.cc/"></iframe>'),
    ('<span onclick="x()">j</span>', '<p><span onclick="x()">j</span></p>'),
    ("[k](javascript:alert(1))", '<p><a href="javascript:alert(1)">k</a></p>'),
    ('<span title="<b>l</b>">l</span>', '<p><span title="<b>l</b>">l</span></p>'),
    ('<u style="color:red">m</u>', '<p><u style="color:red">m</u></p>'),
    ('<a href="#top" download="fix.exe">n</a>', '<p><a href="#top" download="fix.exe">n</a></p>'),
    ("## No id", "<h2>No id</h2>"),
    ("!!! note", '<div class="admonition note"><p class="admonition-title">Note</p></div>'),
    ('<span data-hc-solved>o</span>', '<p><span data-hc-solved>o</span></p>'),
]
SAID = {  # text written in each language: a placeholder, three secrets listed, a fact only one side has
    "ja": ["（下書き）ここに書きます。", "パスワード、認証コード、秘密鍵は送らないでください。", "48時間"],
    "en": ["(Draft) Write here.", "Never send passwords, verification codes or private keys.", "72 hours"],
}
FRONT = """---
title: <b>T</b>
description: Short.
descripton: typo
related: [gone.md]
keywords: one word
---"""


def _html(body: str, nav: str = "") -> str:
    return (f'<html><body><div class="md-content"><article>{body}<h2 id="nowhere-near">x</h2></article></div>'
            f'<nav class="md-nav">{nav}</nav></body></html>')


@pytest.fixture(scope="module")
def problems(tmp_path_factory) -> list[Problem]:
    root = tmp_path_factory.mktemp("language")
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    site = root / "site"
    (site / "en").mkdir(parents=True)
    log = []
    for lang, prefix in (("ja", ""), ("en", "en/")):
        docs = root / "docs" / lang
        docs.mkdir(parents=True)
        draft, secrets, fact = SAID[lang]
        lines = [FRONT, "# Title", "", draft, "", secrets, "", fact, "", "Built.", ""]
        lines += [md + "\n" for md, _ in MISTAKES] + ["<!-- never closed"]
        (docs / "fault.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        body = "".join(html for _, html in MISTAKES) + f"<p>{draft}</p><p>{secrets}</p><p>{fact}</p>"
        (site / f"{prefix}fault.html").write_text(_html(body, '<a href="gone.html">nav</a>'), encoding="utf-8")
        (docs / "bare.md").write_text("# No front matter\n", encoding="utf-8")
        (site / f"{prefix}bare.html").write_text(_html(""), encoding="utf-8")
        (docs / "yaml.md").write_text("---\ntitle: a: b\n---\n# Bad YAML\n", encoding="utf-8")
        (site / f"{prefix}yaml.html").write_text(_html(""), encoding="utf-8")
        (docs / f"only-{lang}.md").write_text("# Only here\n", encoding="utf-8")  # parity-pages
        (site / f"{prefix}only-{lang}.html").write_text(_html(""), encoding="utf-8")
        (docs / "logo.svg").write_text("<svg/>", encoding="utf-8")  # file-type
        built = FRONT.count("\n") + 1 + lines.index("Built.")  # the line of "Built.", where nothing else is wrong
        log.append(f"Doc file '{lang}/fault.md': line {built}: {{{{ official.phone }}}} names nothing in"
                   " extra.official of mkdocs.yml; use one of website")
    project = Project.load(root / "mkdocs.yml", site, site_label="site", build_log=log)
    return runner.run(project)


_QUOTED = re.compile(r"「[^」]*」|`[^`]*`|\"[^\"]*\"|'[^']*'|\[[^\]]*\]|<[^>]*>|\{[^}]*\}|\S+://\S+|\S+@\S+")
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _own_words(message: str) -> str:
    """The message without what it quotes (the writer's text, Markdown, addresses), which may be either language."""
    return _QUOTED.sub(" ", message)


def _at(problems: list[Problem], prefix: str) -> dict[str, list[Problem]]:
    found: dict[str, list[Problem]] = {}
    for p in problems:
        if p.path.startswith(prefix):
            found.setdefault(p.rule, []).append(p)
    return found


def test_every_rule_that_reports_at_a_page_is_exercised_in_both_languages(problems):
    wanted = {rule.ID for rule in RULES} - NOT_AT_PAGES
    assert wanted - set(_at(problems, "docs/ja/")) == set()
    assert wanted - set(_at(problems, "docs/en/")) == set()


def test_problems_at_japanese_pages_are_in_japanese(problems):
    english = [str(p) for ps in _at(problems, "docs/ja/").values() for p in ps
               if not _JAPANESE.search(_own_words(p.message))]
    assert english == [], "\n".join(english)


def test_problems_at_english_pages_and_the_template_are_in_english(problems):
    found = [p for prefix in ("docs/en/", "site/") for ps in _at(problems, prefix).values() for p in ps]
    assert any(p.path.startswith("site/") for p in found)  # the navigation's broken link, from a Japanese page
    japanese = [str(p) for p in found if _JAPANESE.search(_own_words(p.message))]
    assert japanese == [], "\n".join(japanese)


# What the writer wrote, which each rule's message must quote in both languages
QUOTED = {"link-target": "nope.html", "link-image": "missing.png", "link-reference": "[no-such-ref]",
          "external-https": "http://bitbank.cc/fees", "external-domain": "bitbank-support.com",
          "contact-mailto": "help@bitbank-help.net", "contact-phone": "03-1234-5678",
          "contact-text": "help@bitbank-support.com", "html-javascript-url": "javascript:alert(1)",
          "link-download": "fix.exe", "frontmatter-unknown-key": "descripton", "related-target": "gone.md",
          "html-title-markup": "<b>l</b>", "html-event-handler": "onclick="}


def test_the_same_content_is_said_in_both_languages(problems):
    """What is wrong, the quoted text, and the hint ("did you mean") appear in both languages."""
    ja, en = _at(problems, "docs/ja/"), _at(problems, "docs/en/")
    anchor_ja, anchor_en = ja["link-anchor"][0].message, en["link-anchor"][0].message
    assert "#nowhere-near のことですか" in anchor_ja and "did you mean #nowhere-near?" in anchor_en
    assert "`descripton`" in ja["frontmatter-unknown-key"][0].message  # and its hint
    assert "`description` のことですか" in ja["frontmatter-unknown-key"][0].message
    missing = [(rule, lang) for rule, text in QUOTED.items() for lang, found in (("ja", ja), ("en", en))
               if not any(text in p.message for p in found[rule])]
    assert missing == []


@pytest.mark.parametrize("rule", [*sorted(prose_messages.MARKDOWNLINT_JA), "MD999"])
def test_markdownlint_speaks_japanese_with_its_details_as_printed(rule):
    said = prose_messages.markdownlint_japanese(f"{rule}/x", "Some description [Expected: 1; Actual: 2]")
    assert _JAPANESE.search(_own_words(said)) and said.endswith("[Expected: 1; Actual: 2]"), said
