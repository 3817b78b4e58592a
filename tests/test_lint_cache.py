"""The prose linters' cache (helpcenter.writing.lint_cache): a kept result is reused only for the same input.

The linters themselves are replaced by a recording stand-in here; the real
ones run through the cache in every prose test of the suite (conftest keeps
one cache per run).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpcenter.writing import lint_cache, prose_lint
from helpcenter.writing.prose_lint import Problem

BODY = "本文".encode()


class Recorder:
    """A linter that reports a problem on every line holding 'bad', and remembers what it was asked."""

    def __init__(self):
        self.asked: list[list[str]] = []

    def __call__(self, files: list[Path]) -> list[Problem]:
        self.asked.append([f.name for f in files])
        return [Problem(f.name, no, "fake/bad", "bad word", 3)
                for f in files for no, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
                if "bad" in line]


def lint(files: list[Path], linter: Recorder) -> list[Problem]:
    return sorted(lint_cache.run_cached("fake", files, linter, display=lambda p: p.name,
                                        content_of=Path.read_bytes, make=Problem))


@pytest.fixture
def pages(tmp_path, monkeypatch) -> list[Path]:
    monkeypatch.setenv("HELPCENTER_LINT_CACHE", str(tmp_path / "cache"))
    files = [tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"]
    for f, text in zip(files, ["fine\n", "one bad line\nfine\n", "fine\nbad\nbad again\n"], strict=True):
        f.write_text(text, encoding="utf-8")
    return files


def test_a_file_seen_before_is_not_linted_again(pages):
    linter = Recorder()
    first = lint(pages, linter)
    assert [(p.path, p.line) for p in first] == [("b.md", 1), ("c.md", 2), ("c.md", 3)]
    again = lint(pages, linter)
    assert again == first and linter.asked == [["a.md", "b.md", "c.md"]]


def test_an_edited_file_is_linted_again_and_alone(pages):
    linter = Recorder()
    lint(pages, linter)
    pages[0].write_text("now bad\n", encoding="utf-8")  # clean before: the kept "no problem" must not stand
    pages[2].write_text("fine\n", encoding="utf-8")  # had problems: they must not stay
    found = lint(pages, linter)
    assert linter.asked[-1] == ["a.md", "c.md"]
    assert [(p.path, p.line) for p in found] == [("a.md", 1), ("b.md", 1)]


def test_off_lints_every_time(pages, monkeypatch):
    monkeypatch.setenv("HELPCENTER_LINT_CACHE", "off")
    linter = Recorder()
    lint(pages, linter)
    lint(pages, linter)
    assert len(linter.asked) == 2


def test_a_problem_reported_at_a_path_not_asked_about_keeps_nothing(pages):
    def elsewhere(files: list[Path]) -> list[Problem]:
        return [Problem("somewhere/else.md", 1, "fake/bad", "bad word")]

    lint(pages, elsewhere)
    linter = Recorder()
    lint(pages, linter)
    assert linter.asked == [["a.md", "b.md", "c.md"]]


def test_the_key_covers_every_file_the_linters_read(tmp_path, monkeypatch):
    """Every toolchain entry exists, the configurations prose_lint passes are among them, and an edit to any
    of them changes the key."""
    root = lint_cache.ROOT
    for name in (prose_lint.TEXTLINT_CONFIG, prose_lint.TEXTLINT_RULES, prose_lint.MARKDOWNLINT_CONFIG,
                 prose_lint.CSPELL_CONFIG, "data/spelling/words.txt", "data/prh.yml"):
        assert any(name == entry or name.startswith(entry + "/") for entry in lint_cache.TOOLCHAIN), name
    copy = tmp_path / "repo"
    for name in lint_cache.TOOLCHAIN:
        assert (root / name).exists(), f"{name} is in lint_cache.TOOLCHAIN but not in the repository"
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if (root / name).is_dir() else shutil.copy)(root / name, copy / name)
    monkeypatch.setattr(lint_cache, "ROOT", copy)
    lint_cache.toolchain.cache_clear()
    try:
        keys = {lint_cache.key("textlint", "docs/ja/faq.md", BODY)}
        for name in lint_cache.TOOLCHAIN:
            target = next(p for p in sorted((copy / name).rglob("*")) if p.is_file()) if (copy / name).is_dir() \
                else copy / name
            target.write_bytes(target.read_bytes() + b"\n")
            lint_cache.toolchain.cache_clear()
            keys.add(lint_cache.key("textlint", "docs/ja/faq.md", BODY))
        assert len(keys) == len(lint_cache.TOOLCHAIN) + 1
        assert lint_cache.key("textlint", "docs/en/faq.md", BODY) not in keys  # the path is part of it
        assert lint_cache.key("cspell", "docs/ja/faq.md", BODY) not in keys  # and the linter
        assert lint_cache.key("cspell", "docs/en/x.md", b"\xff\xfe") != lint_cache.key("cspell", "docs/en/x.md", b"")
    finally:
        lint_cache.toolchain.cache_clear()


def test_nothing_in_the_repository_can_feed_the_cache(monkeypatch):
    """The keys are computable: a kept result inside the checkout would let a pull request commit its own pass."""
    monkeypatch.delenv("HELPCENTER_LINT_CACHE")
    folder = lint_cache.cache_dir()
    assert folder is not None and not folder.resolve().is_relative_to(lint_cache.ROOT.resolve()), folder
    monkeypatch.setenv("HELPCENTER_LINT_CACHE", "off")
    assert lint_cache.cache_dir() is None
