"""The Japanese rules tuned, not silenced: the site's own phrasing passes, the same mistakes still warn.

`no-doubled-joshi` accepts the が of 〜ことがあります (CONTRIBUTING's
recommended phrasing) after an earlier が, and `max-kanji-continuous-len`
accepts the legal terms on its allow-list; a doubled が elsewhere and a
long run of ordinary kanji are still reported, as warnings that quote the
sentence and say the fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.writing import prose_lint

GOOD = [
    "入金が反映されるまで時間がかかることがあります。",
    "出金が遅れることがあります。",
    "メールが届かないときは、迷惑メールに振り分けられていることがあります。",
    "bitbankは暗号資産交換業者として登録されています。",
    "犯罪収益移転防止法にもとづき、本人確認をお願いしています。",
]
BAD = [
    ("銀行に振込に行きます。", "textlint/no-doubled-joshi", "「銀行に振込に行きます」"),
    ("二段階認証設定画面を開いてください。", "textlint/max-kanji-continuous-len", "二段階認証の設定画面"),
    ("至急！確認してください。", "textlint/no-exclamation-question-mark", "「！」「!」を削除してください"),
]
PAGE = "---\ntitle: テスト\ndescription: テスト用のページです。\n---\n\n# テスト\n\n{}\n"


@pytest.fixture(scope="module")
def linted(tmp_path_factory) -> dict[str, list[prose_lint.Problem]]:
    root = tmp_path_factory.mktemp("tuning")
    (root / "docs" / "ja").mkdir(parents=True)
    pages = {}
    for n, text in enumerate(GOOD + [b[0] for b in BAD]):
        path = root / "docs" / "ja" / f"p{n}.md"
        path.write_text(PAGE.format(text), encoding="utf-8")
        pages[path.name] = text
    found: dict[str, list[prose_lint.Problem]] = {text: [] for text in pages.values()}
    for problem in prose_lint.lint(root, sorted((root / "docs" / "ja").glob("*.md")), markdownlint=False):
        found[pages[Path(problem.path).name]].append(problem)
    return found


@pytest.mark.parametrize("text", GOOD)
def test_good_japanese_passes(linted, text: str):
    assert linted[text] == [], "\n".join(map(str, linted[text]))


@pytest.mark.parametrize(("text", "rule", "fix"), BAD)
def test_the_same_mistakes_still_warn_with_the_sentence_and_the_fix(linted, text: str, rule: str, fix: str):
    [problem] = linted[text]
    assert (problem.rule, problem.severity, problem.line) == (rule, "warning", 8)
    assert fix in problem.message and "— -" not in problem.message
