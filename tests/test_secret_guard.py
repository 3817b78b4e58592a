"""The composer's secret guard (secret-guard.js) on the cases in data/composer/guard-cases.yml.

The cases are data so that writers and reviewers can add one line without
touching code; each runs in real Chromium on the built composer page of both
languages (the guard must not depend on the page's language), through the
same window.hcSecretGuard the composer uses.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from conftest import ROOT
from test_composer import LANGS, open_composer

CASES_FILE = ROOT / "data" / "composer" / "guard-cases.yml"
KINDS = ["password", "otp", "phrase", "private-key", "api-secret"]


def _load() -> tuple[list[tuple[str, dict[str, Any]]], dict[str, str]]:
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    values = data.pop("values")
    cases = [(f"{group}-{i}", case) for group, items in data.items() for i, case in enumerate(items)]
    return cases, values


CASES, VALUES = _load()


def fill_in(text: str) -> str:
    for name, value in VALUES.items():
        text = text.replace("{" + name + "}", value)
    return text


@pytest.fixture(scope="module")
def guard(browser, site_dir):
    """One composer page per language, shared: the cases only read."""
    pages, contexts = {}, []
    for lang in LANGS:
        ctx, page, seen = open_composer(browser, site_dir, lang)
        contexts.append(ctx)
        pages[lang] = (page, seen)
    yield pages
    for lang, (_, seen) in pages.items():
        assert seen.problems() == [], lang
    for ctx in contexts:
        ctx.close()


def test_case_file_is_well_formed():
    assert len(CASES) >= 100
    for name, case in CASES:
        assert set(case) <= {"field", "text", "expect", "ask", "fields"}, name
        expected = case["expect"].values() if "fields" in case else [case["expect"]]
        for kinds in expected:
            assert kinds == [k for k in KINDS if k in kinds], f"{name}: kinds in the documented order"
    both = {"ja": 0, "en": 0}
    for _, case in CASES:
        text = case.get("text") or " ".join(case.get("fields", {}).values())
        both["ja" if any("\u3040" <= ch <= "\u9fff" for ch in text) else "en"] += 1
    assert min(both.values()) >= 30, both  # cases in both languages
    flagged = sum(1 for _, c in CASES if c.get("expect"))
    assert flagged >= 40 and len(CASES) - flagged >= 40  # as many false alarms ruled out as secrets found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "case"), CASES, ids=[n for n, _ in CASES])
def test_guard_verdict(guard, lang, name, case):
    page, _ = guard[lang]
    assert page.evaluate("window.hcSecretGuard.wordsLoaded()")
    if "fields" in case:
        values = {field: fill_in(text) for field, text in case["fields"].items()}
        found = page.evaluate("v => window.hcSecretGuard.scanFields(v)", values)
        assert {f: [x["kind"] for x in v] for f, v in found.items()} == case["expect"]
        return
    findings = page.evaluate("([t, f]) => window.hcSecretGuard.scan(t, f)",
                             [fill_in(case["text"]), case.get("field", "details")])
    assert [f["kind"] for f in findings] == case["expect"]
    assert any(f.get("hint") == "hex" for f in findings) == bool(case.get("ask"))


def test_bare_hex_is_found_as_typed(guard):
    page, _ = guard["ja"]
    hex64 = VALUES["HEX"]
    assert page.evaluate("([t, f]) => window.hcSecretGuard.askHex(t, f)", [f"送金 {hex64} です", "details"]) == [hex64]
    assert page.evaluate("([t, f]) => window.hcSecretGuard.askHex(t, f)", [f"txid {hex64}", "details"]) == []
    assert page.evaluate("([t, f]) => window.hcSecretGuard.askHex(t, f)", [hex64, "reference_id"]) == []
