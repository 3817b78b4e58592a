"""Writers' workflow: new-page scaffolding, prose and Markdown lint, translation freshness.

Scaffolding and the outdated-translation notice are tested on a copy of the
project in a temporary folder (mkdocs.yml, docs, overrides, scripts, data),
built strictly there; the real site is never written.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser

from helpcenter.writing import new_page, prose_lint, translation
from sources import copy_sources

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "writers"
LINT_FIXTURES = FIXTURES / "lint"
TRANSLATION_FIXTURES = FIXTURES / "translation" / "docs"
PROBLEM_LINE = re.compile(r"^(?P<path>[^:\s]+\.md):(?P<line>\d+):(?P<col>\d+): (?P<rule>\S+): (?P<message>.+)$")


def run(*args: str, cwd: Path = ROOT, scripts: Path = ROOT / "scripts") -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(scripts), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True)


def copy_project(target: Path) -> Path:
    return copy_sources(target).parent


def strict_build(project: Path, site: Path) -> None:
    done = run("-m", "mkdocs", "build", "--strict", "--config-file", str(project / "mkdocs.yml"),
               "--site-dir", str(site), cwd=project, scripts=project / "scripts")
    assert done.returncode == 0, done.stdout + done.stderr


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def section_ids(path: Path) -> list[str]:
    return re.findall(r"^## .+ \{#([a-z0-9-]+)\}$", path.read_text(encoding="utf-8"), flags=re.M)


def nav_label(html_file: Path, href: str) -> str:
    tree = LexborHTMLParser(html_file.read_text(encoding="utf-8"))
    link = tree.css_first(f'nav.md-nav--primary a.md-nav__link[href="{href}"]')
    assert link is not None, f"{href} not in the navigation of {html_file}"
    return " ".join(link.text().split())


# --- scaffolding -------------------------------------------------------------------------------

TITLE_JA, TITLE_EN = "ログインできないとき（例）", "Example: can't log in"


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory) -> tuple[Path, Path, str]:
    """A copy of the project with troubles/example scaffolded, built strictly."""
    project = copy_project(tmp_path_factory.mktemp("new-page") / "project")
    before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    done = run("-m", "helpcenter.writing.new_page", "troubles/example", "--title-ja", TITLE_JA, "--title-en", TITLE_EN,
               "--root", str(project), scripts=project / "scripts")
    assert done.returncode == 0, done.stderr
    site = project.parent / "site"
    strict_build(project, site)
    return project, site, before


def test_new_page_creates_both_languages_with_the_same_sections(scaffolded):
    project, _, _ = scaffolded
    ja, en = (project / "docs" / lang / "troubles" / "example.md" for lang in ("ja", "en"))
    assert front_matter(ja)["title"] == TITLE_JA and front_matter(en)["title"] == TITLE_EN
    for path in (ja, en):
        meta = front_matter(path)
        assert isinstance(meta["description"], str) and meta["description"].strip()
        assert f"\n# {meta['title']}\n" in path.read_text(encoding="utf-8")
    assert section_ids(ja) == section_ids(en) == [s.id for s in new_page.TROUBLE_SECTIONS]
    assert front_matter(en)[translation.KEY] == translation.source_hash(ja.read_text(encoding="utf-8"))
    assert translation.KEY not in front_matter(ja)


def test_new_page_adds_one_nav_line_in_its_section(scaffolded):
    project, _, before = scaffolded
    old = before.split("\n")
    after = (project / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    assert len(after) == len(old) + 1
    i = next(i for i, (a, b) in enumerate(zip(after, [*old, None], strict=True)) if a != b)
    assert after[i] == "      - troubles/example.md"
    assert after[i - 1] == "      - troubles/other.md"
    assert after[:i] + after[i + 1:] == old  # comments and everything else untouched


def test_new_page_is_built_and_in_the_nav_of_both_languages(scaffolded):
    _, site, _ = scaffolded
    assert (site / "troubles" / "example.html").is_file()
    assert (site / "en" / "troubles" / "example.html").is_file()
    assert nav_label(site / "index.html", "troubles/example.html") == TITLE_JA
    assert nav_label(site / "en" / "index.html", "troubles/example.html") == TITLE_EN


def test_new_page_passes_the_writers_checks(scaffolded):
    project, _, _ = scaffolded
    pages = [project / "docs" / lang / "troubles" / "example.md" for lang in ("ja", "en")]
    assert prose_lint.lint(project, pages) == []
    assert translation.problems(project / "docs", project) == []


DRAFT_MARK = re.compile(r"（下書き）|\(Draft\)")
FINISHED = {"ja": ("ログインできないときに、まず確認することと、ご自身で試せる手順、"
                   "お問い合わせの前に用意するものを説明します。", "ログインできないときの手順です。"),
            "en": ("What to check first when you cannot log in, the steps you can try on your own, and what to "
                   "have ready before you contact support.", "The steps to follow when you cannot log in.")}


def test_new_page_fails_scripts_check_until_every_draft_is_replaced(scaffolded, tmp_path):
    """A scaffold left as generated is unfinished: one draft-text error per placeholder line, nothing else."""
    project, site, _ = scaffolded
    project = Path(shutil.copytree(project, tmp_path / "project", symlinks=True))
    pages = {lang: project / "docs" / lang / "troubles" / "example.md" for lang in ("ja", "en")}
    # The scaffold as generated was built (strictly) by the fixture: checked without building it again.
    done = run("-m", "helpcenter.check", "--config", str(project / "mkdocs.yml"), "--site-dir", str(site))
    assert done.returncode == 1, done.stdout + done.stderr
    found = [(m["path"], int(m["line"]), m["rule"]) for m in map(PROBLEM_LINE.match, done.stdout.splitlines()) if m]
    expected = [(f"docs/{lang}/troubles/example.md", no, "draft-text") for lang, path in pages.items()
                for no, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if DRAFT_MARK.search(text)]
    assert sorted(found) == sorted(expected) and len(expected) >= 8, done.stdout
    for lang, path in pages.items():
        description, sentence = FINISHED[lang]
        lines = path.read_text(encoding="utf-8").splitlines()
        lines = [f"description: {description}" if text.startswith("description:")
                 else DRAFT_MARK.sub("", text).split(" ")[0] + " " + sentence
                 if text.lstrip().startswith("-") and DRAFT_MARK.search(text)
                 else sentence if DRAFT_MARK.search(text) else text for text in lines]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run("-m", "helpcenter.check", "--config", str(project / "mkdocs.yml"))
    assert done.returncode == 0, done.stdout + done.stderr


def test_new_page_outside_a_section_goes_to_the_end_of_nav():
    config = "site_name: x\n# a comment\nnav:\n  - Home: index.md\n  - Guide:\n      - guide/index.md\n\n"
    text, where = new_page.add_to_nav(config, "about.md")
    assert where == "nav, at the end"
    assert text == "site_name: x\n# a comment\nnav:\n  - Home: index.md\n  - Guide:\n      - guide/index.md\n" \
                   "  - about.md\n\n"
    text, where = new_page.add_to_nav(config, "guide/more.md")
    assert "      - guide/index.md\n      - guide/more.md\n" in text and where == "nav, after guide/index.md"


@pytest.mark.parametrize(("args", "message"), [
    (["troubles/account", "--title-ja", "ア", "--title-en", "A"], "already exist: edit the existing page"),
    (["Troubles/New Page", "--title-ja", "ア", "--title-en", "A"], "use lowercase ASCII words joined by hyphens"),
    (["../outside", "--title-ja", "ア", "--title-en", "A"], "bad page path"),
    (["docs/ja/troubles/x.md", "--title-ja", "ア", "--title-en", "A"], "without 'docs/ja/'"),
    (["troubles/new-one", "--title-en", "A"], "--title-ja missing"),
    (["troubles/new-one", "--title-ja", " ", "--title-en", ""], "--title-ja and --title-en missing"),
])
def test_new_page_rejects_bad_input_and_says_how_to_fix_it(tmp_path, args, message):
    project = tmp_path / "project"
    (project / "docs" / "ja" / "troubles").mkdir(parents=True)
    (project / "docs" / "en" / "troubles").mkdir(parents=True)
    for lang in ("ja", "en"):
        (project / "docs" / lang / "troubles" / "account.md").write_text("---\ntitle: t\n---\n", encoding="utf-8")
    config = "nav:\n  - troubles/account.md\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    done = run("-m", "helpcenter.writing.new_page", *args, "--root", str(project))
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and message in done.stderr, done.stderr
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == config
    assert sorted(p.name for p in (project / "docs").rglob("*.md")) == ["account.md", "account.md"]


# --- prose lint (textlint) and Markdown lint (markdownlint) -------------------------------------


def test_textlint_view_keeps_line_numbers_and_resolves_material_syntax():
    source = (LINT_FIXTURES / "docs" / "ja" / "good.md").read_text(encoding="utf-8")
    lines = source.split("\n")
    view = prose_lint.textlint_view(source).split("\n")
    # line for line, then the definitions of the reference links the build hook adds
    assert view[len(lines):] == ["", "[inquiry-form]: #", "[support-email]: #"]
    description = front_matter(LINT_FIXTURES / "docs" / "ja" / "good.md")["description"]
    assert view[:4] == ["", "# 書き方の見本", description, ""]
    admonition = lines.index('!!! warning "ご注意ください"')
    assert view[admonition] == "#### ご注意ください"
    assert view[admonition + 2] == "パスワードや二段階認証のコードは、誰にも教えないでください。"  # prose, not code
    assert view[admonition + 4].startswith("1. **パスワードを変更する**")
    card = next(i for i, line in enumerate(lines) if ":material-shield-alert:" in line)
    assert view[card] == "-    __セキュリティ__"
    heading = next(i for i, line in enumerate(lines) if "{#faq}" in line)
    assert view[heading] == "## よくある質問"


def test_good_fixtures_pass():
    pages = [LINT_FIXTURES / "docs" / "ja" / "good.md", LINT_FIXTURES / "docs" / "en" / "good-markdown.md"]
    assert prose_lint.lint(LINT_FIXTURES, pages) == []


def test_prose_lint_reports_the_known_violations():
    page = LINT_FIXTURES / "docs" / "ja" / "bad-prose.md"
    found = {(p.line, p.rule) for p in prose_lint.lint(LINT_FIXTURES, [page], markdownlint=False)}
    assert {
        (12, "textlint/prh"),  # 仮想通貨 inside an admonition: the body is linted
        (14, "textlint/no-mix-dearu-desumasu"),  # である調 in a です・ます page
        (16, "textlint/prh"),  # 2段階認証
        (20, "textlint/ja-no-weak-phrase"),  # かもしれません
    } <= found
    messages = [p.message for p in prose_lint.lint(LINT_FIXTURES, [page], markdownlint=False)]
    assert any("仮想通貨 => 暗号資産" in m for m in messages)
    assert any("2段階認証 => 二段階認証" in m for m in messages)


def test_markdownlint_reports_the_known_violations():
    page = LINT_FIXTURES / "docs" / "en" / "bad-markdown.md"
    found = {(p.line, p.rule) for p in prose_lint.lint(LINT_FIXTURES, [page])}
    assert found == {
        (8, "markdownlint/MD052/reference-links-images"),  # [inquiry-from]: a misspelt official label
        (10, "markdownlint/MD033/no-inline-html"),  # <iframe>
        (12, "markdownlint/MD022/blanks-around-headings"),
        (13, "markdownlint/MD022/blanks-around-headings"),
    }


def test_lint_prose_command_prints_path_line_rule_message_and_fails():
    done = run("-m", "helpcenter.writing.lint_prose", "--root", str(LINT_FIXTURES))
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert lines and all(PROBLEM_LINE.match(line) for line in lines), lines
    assert {PROBLEM_LINE.match(line)["path"] for line in lines} == {"docs/ja/bad-prose.md", "docs/en/bad-markdown.md"}
    clean = run("-m", "helpcenter.writing.lint_prose", str(LINT_FIXTURES / "docs" / "ja" / "good.md"))
    assert clean.returncode == 0 and clean.stdout == "", clean.stdout + clean.stderr


# --- translation freshness ---------------------------------------------------------------------


def test_hash_ignores_what_no_reader_sees():
    text = "---\ntitle: a\n---\n\n# 見出し\n\n本文です。\n\n- 項目\n"
    same = ("---\ntitle: changed title\ndescription: x\n---\r\n# 見出し  \r\n\r\n\r\n<!-- textlint-disable -->\n"
            "本文です。\n\n- 項目\n\n\n")
    assert translation.source_hash(text) == translation.source_hash(same)
    assert translation.source_hash(text) != translation.source_hash(text.replace("本文です。", "本文でした。"))
    assert re.fullmatch(r"[0-9a-f]{12}", translation.source_hash(text))


def test_write_key_changes_one_line_only():
    text = "---\ntitle: T\n# a comment\ndescription: \"D: d\"\n---\n\n# T\n"
    added = translation.write_key(text, "0123456789ab")
    assert added == "---\ntitle: T\n# a comment\ndescription: \"D: d\"\nsource_hash: \"0123456789ab\"\n---\n\n# T\n"
    assert translation.read_key(added) == ("0123456789ab", 5)
    replaced = translation.write_key(added, "00000000000f")
    assert replaced == added.replace("0123456789ab", "00000000000f")
    assert yaml.safe_load(replaced.split("---\n")[1])["source_hash"] == "00000000000f"  # a string, not a number
    with pytest.raises(ValueError, match="no front matter"):
        translation.write_key("# T\n", "0123456789ab")


def test_fixtures_fresh_and_outdated():
    states = {s.page.name: s.state for s in translation.statuses(TRANSLATION_FIXTURES)}
    assert states == {"fresh.md": "fresh", "outdated.md": "outdated"}
    problems = translation.problems(TRANSLATION_FIXTURES, TRANSLATION_FIXTURES.parent)
    assert len(problems) == 1
    m = PROBLEM_LINE.match(problems[0])
    assert m and (m["path"], m["line"], m["rule"]) == ("docs/en/outdated.md", "4", "translation-outdated")
    assert "docs/ja/outdated.md changed" in m["message"]
    assert "scripts/translation-status --update docs/en/outdated.md" in m["message"]


def test_translation_status_command_reports_then_update_fixes(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(TRANSLATION_FIXTURES, docs)
    done = run("-m", "helpcenter.writing.translation_status", "--docs", str(docs), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout.startswith("docs/en/outdated.md:4:1: translation-outdated: ")
    (docs / "en" / "fresh.md").write_text("---\ntitle: t\ndescription: d\n---\n\n# t\n", encoding="utf-8")
    done = run("-m", "helpcenter.writing.translation_status", "--docs", str(docs), cwd=tmp_path)
    assert "docs/en/fresh.md:1:1: translation-unrecorded: " in done.stdout
    done = run("-m", "helpcenter.writing.translation_status", "--docs", str(docs), "--update", "docs/en/outdated.md",
               "docs/ja/fresh.md", cwd=tmp_path)  # a Japanese path updates its translation
    assert done.returncode == 0, done.stderr
    assert run("-m", "helpcenter.writing.translation_status", "--docs", str(docs), cwd=tmp_path).returncode == 0
    bad = run("-m", "helpcenter.writing.translation_status", "--docs", str(docs), "--update", cwd=tmp_path)
    assert bad.returncode == 2 and "--update needs English pages" in bad.stderr


def test_real_english_pages_translate_the_current_japanese_pages():
    assert translation.problems() == []
    assert {s.state for s in translation.statuses()} == {"fresh"}


def test_notice_goes_under_the_title():
    notice = translation.notice("../x.html")
    assert translation.add_notice("# Title\n\nText.\n", notice).startswith("# Title\n\n!!! info ")
    assert translation.add_notice("Text.\n", notice).startswith("!!! info ")
    assert translation.NOTICE_TEXT in notice


@pytest.fixture(scope="module")
def outdated(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the site where one Japanese page changed after its translation, built strictly."""
    project = copy_project(tmp_path_factory.mktemp("translation") / "project")
    ja = project / "docs" / "ja" / "troubles" / "account.md"
    added = "\nこの文は、英語版を翻訳したあとで書き足しました。\n"
    ja.write_text(ja.read_text(encoding="utf-8") + added, encoding="utf-8")
    hooks = (project / "scripts" / "helpcenter" / "mkdocs_hooks.py").read_text(encoding="utf-8")
    if "translation" not in hooks:  # until mkdocs_hooks.py calls helpcenter.writing.translation
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        hook = "  - scripts/helpcenter/mkdocs_hooks.py\n"
        assert hook in text
        config.write_text(text.replace(hook, hook + f"  - {FIXTURES / 'translation_hook.py'}\n"), encoding="utf-8")
    done = run("-m", "helpcenter.writing.translation_status", "--docs", str(project / "docs"), cwd=project,
               scripts=project / "scripts")
    assert done.returncode == 1
    _, key_line = translation.read_key((project / "docs" / "en" / "troubles" / "account.md").read_text("utf-8"))
    assert [line.split(": ")[:2] for line in done.stdout.splitlines()] == [
        [f"docs/en/troubles/account.md:{key_line}:1", "translation-outdated"]]
    site = project.parent / "site"
    strict_build(project, site)
    return project, site


def test_lint_prose_reports_outdated_translations_too(outdated):
    project, _ = outdated
    done = run("-m", "helpcenter.writing.lint_prose", "--root", str(project), "--no-textlint", "--no-markdownlint")
    assert done.returncode == 1
    assert [PROBLEM_LINE.match(line)["rule"] for line in done.stdout.splitlines()] == ["translation-outdated"]
    quiet = run("-m", "helpcenter.writing.lint_prose", "--root", str(project), "--no-textlint", "--no-markdownlint",
                "--no-translations")
    assert quiet.returncode == 0, quiet.stdout


def test_outdated_english_page_shows_the_notice(outdated):
    _, outdated_site = outdated
    page = outdated_site / "en" / "troubles" / "account.html"
    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    notices = tree.css(f"article .admonition.{translation.NOTICE_CLASS}")
    assert len(notices) == 1
    assert translation.NOTICE_TEXT in notices[0].text()
    previous = notices[0].prev
    while previous is not None and previous.tag == "-text":
        previous = previous.prev
    assert previous is not None and previous.tag == "h1"  # right under the title
    link = notices[0].css_first('a[hreflang="ja"]')
    assert (page.parent / link.attributes["href"]).resolve() == (outdated_site / "troubles" / "account.html")


@pytest.mark.parametrize("built", ["en/troubles/trading.html", "en/index.html", "troubles/account.html"])
def test_fresh_and_japanese_pages_show_no_notice(outdated, built):
    _, outdated_site = outdated
    assert translation.NOTICE_CLASS not in (outdated_site / built).read_text(encoding="utf-8")
