"""Per-page `keywords:` (issue 33): written in front matter, checked by scripts/check, indexed by search.

The rule's tests build a project in memory (the rule reads only front matter);
the search tests read the real built site: the keywords reach the index, the
words no page says find their page, and the browser ranks them as the CLI.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import search_many
from helpcenter import front_matter
from helpcenter.bench.browser import distinct_pages
from helpcenter.check.model import Project, SourcePage
from helpcenter.check.rules import search_keywords
from helpcenter.paths import DEFAULT_LANGUAGE, LANGUAGES
from helpcenter.search.engine import Engine
from helpcenter.search.extract import Page, iter_pages

ROOT = Path(__file__).resolve().parents[1]
START_PAGE = {"ja": "troubles/index.html", "en": "en/troubles/index.html"}


def source(lang: str, rel: str, block: str) -> SourcePage:
    lines = ["---", "title: T", "description: D.", *block.splitlines(), "---", "", "# T"]
    return SourcePage(lang, rel, Path(rel), f"docs/{lang}/{rel}", lines, front_matter.parse(lines))


def problems(*sources: SourcePage) -> list[tuple[str, int, str]]:
    project = Project(ROOT, ROOT / "mkdocs.yml", {}, ROOT / "site", "site", sources=list(sources))
    return [(p.path, p.line, p.message) for p in search_keywords.check(project)]


# --------------------------------------------------------------------------- the check rule


@pytest.mark.parametrize(("first", "second"), [
    ("着金", "着金"),
    ("FAQ", "faq"),  # case folded, as search folds it
    ("ＦＡＱ", "faq"),  # full-width, NFKC
    ("ｽｸｼｮ", "スクショ"),  # half-width kana
    (" 着金", "着金 "),
])
def test_a_keyword_on_two_pages_of_a_language_names_both(first, second):
    found = problems(source("ja", "a.md", f"keywords: [送金, '{first}']"),
                     source("ja", "b.md", f"keywords:\n  - 入金\n  - '{second}'"))
    assert {(path, line) for path, line, _ in found} == {("docs/ja/a.md", 4), ("docs/ja/b.md", 6)}
    assert all("keywords_shared" in message for _, _, message in found)
    assert "docs/ja/b.md" in found[0][2] and "docs/ja/a.md" in found[1][2]


def test_the_same_keyword_in_two_languages_is_not_a_duplicate():
    assert not problems(source("ja", "a.md", "keywords: [FAQ]"), source("en", "a.md", "keywords: [FAQ]"))


def test_a_keyword_shared_on_purpose_is_listed_on_every_page_that_has_it():
    a = source("ja", "a.md", "keywords: [障害]\nkeywords_shared: [障害]")
    assert not problems(a, source("ja", "b.md", "keywords: [障害]\nkeywords_shared: [障害]"))
    one_side = problems(a, source("ja", "b.md", "keywords: [障害]"))
    assert len(one_side) == 2


@pytest.mark.parametrize(("block", "says"), [
    ("keywords: 着金", "must be a list"),
    ("keywords: []", "must be a list"),
    ("keywords: [着金, '']", "must be a list"),
    ("keywords: [着金, 3]", "must be a list"),
    ("keywords: {a: b}", "must be a list"),
    ("keywords_shared: 着金", "must be a list"),
    ("keywords: [着金, 着金]", "twice"),
    ("keywords: [Deposit, deposit]", "twice"),
    ("keywords: [" + ", ".join(f"w{i}" for i in range(17)) + "]", "17 words"),
    ("keywords: [" + "あ" * 41 + "]", "longer than 40"),
    ("keywords: ['着金, 送金']", "','"),
    ("keywords: ['<b>着金</b>']", "'<'"),
    ("keywords: ['&lt;script']", "'&'"),
    ("keywords: ['\"x\" onmouseover=alert(1)']", "'\"'"),
    ("keywords: [\"it's\"]", "\"'\""),
    ("keywords: ['`code`']", "'`'"),
])
def test_a_malformed_keyword_list_says_where_and_what_to_write(block, says):
    found = problems(source("en", "a.md", block))  # an English page: the English message (Japanese at docs/ja/)
    assert found, block
    path, line, message = found[0]
    assert path == "docs/en/a.md" and 4 <= line <= 4 + block.count("\n")
    assert says in message


def test_the_real_pages_pass_the_rule():
    project = Project(ROOT, ROOT / "mkdocs.yml", {}, ROOT / "site", "site")
    for lang in LANGUAGES:
        for path in sorted((ROOT / "docs" / lang).rglob("*.md")):
            lines = path.read_text(encoding="utf-8").splitlines()
            project.sources.append(SourcePage(lang, path.relative_to(ROOT / "docs" / lang).as_posix(), path,
                                              str(path.relative_to(ROOT)), lines, front_matter.parse(lines)))
    assert sum(bool(s.front.data.get("keywords")) for s in project.sources) >= 2
    assert not list(search_keywords.check(project))


# --------------------------------------------------------------------------- the built site


@pytest.fixture(scope="module")
def built_pages(site_dir) -> list[Page]:
    return list(iter_pages(site_dir, LANGUAGES, DEFAULT_LANGUAGE))


def unsaid_keywords(pages: list[Page], lang: str) -> list[tuple[str, str]]:
    """(keyword, its page) for the keywords no page of the language says: what only keywords can find."""
    said = " ".join(f"{p.title} {s.title} {s.text}" for p in pages if p.lang == lang for s in p.sections).casefold()
    return [(word, p.path) for p in pages if p.lang == lang for word in p.keywords if word.casefold() not in said]


def test_front_matter_keywords_reach_the_built_page_search_reads(built_pages):
    for built in built_pages:
        rel = built.path.removeprefix(f"{built.lang}/") if built.lang != DEFAULT_LANGUAGE else built.path
        md = ROOT / "docs" / built.lang / (rel.removesuffix(".html") + ".md")
        written = front_matter.parse(md.read_text(encoding="utf-8").splitlines()).data.get("keywords", [])
        assert built.keywords == written, built.path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_words_only_keywords_say_find_their_page(site_dir, built_pages, lang, figures):
    """A customer's word that no page uses finds the page it labels: first, or at least among three."""
    unsaid = unsaid_keywords(built_pages, lang)
    engine = Engine.from_site(site_dir, lang)
    ranks = []
    for word, page in unsaid:
        urls = [r.url for r in engine.search(word)]
        ranks.append(urls.index(page) if page in urls else None)
    first = sum(r == 0 for r in ranks) / len(ranks)
    top3 = sum(r is not None and r < 3 for r in ranks) / len(ranks)
    figures.append(f"search keywords {lang}: {len(ranks)} keywords no page says; their page first"
                   f" {first:.2f}, among three {top3:.2f}")
    assert len(ranks) >= 10
    assert first >= 0.75 and top3 >= 0.9


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_browser_ranks_keyword_queries_as_the_cli_from_disk(page, site_dir, built_pages, lang):
    engine = Engine.from_site(site_dir, lang)
    page.goto((site_dir / START_PAGE[lang]).as_uri())
    base = site_dir.resolve().as_uri() + "/"
    differences = []
    found = search_many(page, [word for word, _ in unsaid_keywords(built_pages, lang)])
    for word, links in found.items():
        browser = distinct_pages(links, base)[:3]
        cli = [r.url for r in engine.search(word)][:3]
        if browser != cli:
            differences.append((word, cli, browser))
    assert not differences
