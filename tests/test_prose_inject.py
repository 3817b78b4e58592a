"""Inject each writing fault the issue lists into copies of real pages, lint, compare.

Each fault is appended to its own copy of a real page (Japanese faults to a
Japanese page, English ones to an English page) in a temporary project, and
`prose_lint.lint` checks all the copies in one run, as `scripts/lint-prose`
does. A fault must add a problem of its rule at the appended line, and nothing
else compared with the untouched page; a harmless change must add nothing.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpcenter.writing import prose_lint

ROOT = Path(__file__).resolve().parents[1]
JA_PAGE = ROOT / "docs" / "ja" / "troubles" / "account.md"
EN_PAGE = ROOT / "docs" / "en" / "troubles" / "account.md"


@dataclass(frozen=True)
class Fault:
    id: str
    lang: str
    text: str  # appended to the page after a blank line
    rule: str | None  # None: a harmless change, no new problem
    message: str = ""  # text the problem's message must contain


FAULTS = [
    # plain-form sentences in explanatory text (ja-desumasu-sentence), list items included
    Fault("plain-verb", "ja", "偽サイトの可能性がある。", "textlint/ja-desumasu-sentence", "可能性がある"),
    Fault("plain-negative", "ja", "サポートがそれらを聞くことはない。", "textlint/ja-desumasu-sentence"),
    Fault("plain-list-item", "ja", "- パスワードを変更する。", "textlint/ja-desumasu-sentence"),
    Fault("plain-step-explanation", "ja", "1. **パスワードを変更する**。再設定の手続きで新しいパスワードに変える。",
          "textlint/ja-desumasu-sentence", "変える"),
    Fault("plain-in-admonition", "ja", '!!! danger "ご注意ください"\n\n    障害が出ていることがある。',
          "textlint/ja-desumasu-sentence"),
    # the site's terms (data/prh.yml)
    Fault("term-inquiry-number", "ja", "問い合わせ番号を控えてください。", "textlint/prh", "お問い合わせ番号"),
    Fault("term-inquiry-text", "ja", "問い合わせ文を作ります。", "textlint/prh", "お問い合わせの文面"),
    Fault("term-tips", "ja", "詳しくは「問い合わせのコツ」をご覧ください。", "textlint/prh", "お問い合わせの書き方"),
    Fault("term-currency", "ja", "通貨の種類を書いてください。", "textlint/prh", "暗号資産の種類"),
    Fault("term-self", "ja", "自分で確認してください。", "textlint/prh", "ご自身で"),
    Fault("term-code", "ja", "認証コードは教えないでください。", "textlint/prh", "二段階認証のコード"),
    Fault("term-withdrawal", "ja", "出金が反映されないときは、お問い合わせください。", "textlint/prh",
          "出金が届かない"),
    Fault("term-recovery-gloss", "ja",
          "リカバリーフレーズ（ウォレットを復元するための言葉の並び）は送らないでください。",
          "textlint/prh", "単語の並び"),
    # English: American spelling (cspell)
    Fault("british-recognise", "en", "Report anything you don't recognise.", "cspell/flagged-word", "recognize"),
    Fault("british-cancelled", "en", "Your order was cancelled.", "cspell/flagged-word", "canceled"),
    Fault("british-unauthorised", "en", "This may be unauthorised access.", "cspell/flagged-word", "unauthorized"),
    Fault("misspelling", "en", "Plaese contact support.", "cspell/unknown-word", "Plaese"),
    # harmless: what the rules must leave alone
    Fault("step-name-alone", "ja",
          "1. **パスワードを変更する**。ログインできない場合は、再設定の手続きで変更してください。", None),
    Fault("symptom-phrases", "ja", "- ログインできない\n- 出金が遅れている", None),
    Fault("polite-question", "ja", "メールのリンクからログインしませんでしたか。", None),
    Fault("english-terms", "en", "Note the txid, and check that the address is `bitbank.cc` (暗号資産).", None),
]


@pytest.fixture(scope="module")
def problems(tmp_path_factory) -> dict[str, list[prose_lint.Problem]]:
    """New problems of each fault's copy, compared with an untouched copy of the same page."""
    root = tmp_path_factory.mktemp("prose-inject")
    pages: dict[str, Path] = {}
    for lang, page in (("ja", JA_PAGE), ("en", EN_PAGE)):
        (root / "docs" / lang).mkdir(parents=True)
        pages[f"baseline-{lang}"] = shutil.copy(page, root / "docs" / lang / "baseline.md")
    for fault in FAULTS:
        path = root / "docs" / fault.lang / f"{fault.id}.md"
        source = JA_PAGE if fault.lang == "ja" else EN_PAGE
        path.write_text(source.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + fault.text + "\n", encoding="utf-8")
        pages[fault.id] = path
    found = prose_lint.lint(root, list(pages.values()), markdownlint=False)
    by_page: dict[str, list[prose_lint.Problem]] = {name: [] for name in pages}
    names = {path.resolve(): name for name, path in pages.items()}
    for problem in found:
        by_page[names[(root / problem.path).resolve()]].append(problem)
    new = {}
    for fault in FAULTS:
        base = {(p.line, p.rule, p.message) for p in by_page[f"baseline-{fault.lang}"]}
        new[fault.id] = [p for p in by_page[fault.id] if (p.line, p.rule, p.message) not in base]
    return new


def test_real_pages_are_clean_baselines(problems):
    """The copied pages lint clean, so every new problem comes from the fault."""
    assert prose_lint.lint(ROOT, [JA_PAGE, EN_PAGE], markdownlint=False) == []


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.id)
def test_injected_writing_fault_is_reported(problems, fault: Fault):
    new = problems[fault.id]
    if fault.rule is None:
        assert new == [], "\n".join(map(str, new))
        return
    page = JA_PAGE if fault.lang == "ja" else EN_PAGE
    appended = len(page.read_text(encoding="utf-8").rstrip("\n").split("\n"))
    lines = range(appended + 2, appended + 2 + fault.text.count("\n") + 1)
    ours = [p for p in new if p.rule == fault.rule and p.line in lines]
    assert ours, f"expected {fault.rule} at line {list(lines)}; new problems:\n" + "\n".join(map(str, new))
    assert all(fault.message in p.message for p in ours), "\n".join(map(str, ours))
    stray = [p for p in new if p not in ours]
    assert not stray, "unexpected problems:\n" + "\n".join(map(str, stray))
