"""never-send-prose (check rule): a sentence listing the secrets one by one is named at its file and line.

Run on copies of the real Markdown with the sentences this help center once had
put back (issue 29), on the real pages (clean), and on a snippet that gained an
item the rule cannot recognise.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT
from helpcenter import front_matter
from helpcenter.check.model import SourcePage
from helpcenter.check.rules import RULES, never_send_prose

# Sentences the pages held before the list was written once, and where they stood.
OLD_SENTENCES = [
    ("ja", "troubles/security-threats.md",
     "- パスワード、二段階認証のコード、秘密鍵、リカバリーフレーズを求めるメッセージは偽物です。"),
    ("ja", "faq.md",
     "本物の返信が、パスワード、二段階認証のコード、秘密鍵、リカバリーフレーズを尋ねることはありません。"),
    ("en", "troubles/account.md",
     "    6. **Never give anyone your password or 2FA codes.** The same goes for private keys and recovery phrases."),
    ("en", "troubles/security-threats.md", "    - Never share your password, two-factor codes, private key or"
                                           " recovery phrase."),
]


def project_of(root: Path) -> SimpleNamespace:
    """What the rule reads of a project: its root and its Markdown pages."""
    sources = []
    for lang in ("ja", "en"):
        for path in sorted((root / "docs" / lang).rglob("*.md")):
            lines = path.read_text(encoding="utf-8").splitlines()
            sources.append(SourcePage(lang, path.relative_to(root / "docs" / lang).as_posix(), path,
                                      path.relative_to(root).as_posix(), lines, front_matter.parse(lines)))
    return SimpleNamespace(root=root, sources=sources)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "data" / "snippets", tmp_path / "data" / "snippets")
    return tmp_path


def test_the_rule_runs_with_scripts_check():
    assert never_send_prose in RULES


def test_the_real_pages_have_no_list_in_prose():
    assert list(never_send_prose.check(project_of(ROOT))) == []


@pytest.mark.parametrize("lang, rel, sentence", OLD_SENTENCES, ids=[f"{o[0]}/{o[1]}" for o in OLD_SENTENCES])
def test_a_list_in_prose_is_named_at_its_line_with_the_fix(copy, lang, rel, sentence):
    page = copy / "docs" / lang / rel
    lines = page.read_text(encoding="utf-8").splitlines()
    at = len(lines) // 2
    lines.insert(at, sentence)
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = list(never_send_prose.check(project_of(copy)))
    assert [(p.path, p.line) for p in found] == [(f"docs/{lang}/{rel}", at + 1)], found
    assert f'--8<-- "{lang}/never-send.md"' in found[0].message and "security.md#never-share" in found[0].message


@pytest.mark.parametrize("text", [
    "```text\nパスワード、二段階認証のコード、秘密鍵、リカバリーフレーズ\n```",  # a fenced example is not prose
    "Don't send your password or a two-factor code.",  # two in context
])
def test_what_is_not_a_list_in_prose(copy, text):
    page = copy / "docs" / "en" / "faq.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    assert list(never_send_prose.check(project_of(copy))) == []


def test_a_new_item_the_rule_cannot_recognise_is_named_at_the_snippet(copy):
    snippet = copy / "data" / "snippets" / "en" / "never-send.md"
    snippet.write_text(snippet.read_text(encoding="utf-8") + "- your bank PIN\n", encoding="utf-8")
    found = list(never_send_prose.check(project_of(copy)))
    assert [(p.path, p.line) for p in found] == [("data/snippets/en/never-send.md", 6)], found
    assert "never_send_prose.py" in found[0].message
