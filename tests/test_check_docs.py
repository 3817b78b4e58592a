"""CONTRIBUTING explains every rule scripts/check can print, with how to fix it."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from helpcenter.check.rules import RULES, release_site_url


@pytest.mark.parametrize("rule", [*RULES, release_site_url], ids=lambda r: r.ID)
def test_every_rule_has_a_row_with_its_fix(rule):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    row = re.search(rf"(?m)^\| `{re.escape(rule.ID)}` \|(?P<enforces>[^|]+)\|(?P<fix>.+)\|$", text)
    assert row, f"CONTRIBUTING.md has no table row for {rule.ID}"
    assert len(row["fix"].strip()) > 10, row[0]
