"""CONTRIBUTING explains every rule scripts/check can print, with how to fix it."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from helpcenter.bench.queries import TEAM_FILES_MISSING
from helpcenter.check.rules import RULES, release_site_url


@pytest.mark.parametrize("rule", [*RULES, release_site_url], ids=lambda r: r.ID)
def test_every_rule_has_a_row_with_its_fix(rule):
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    row = re.search(rf"(?m)^\| `{re.escape(rule.ID)}` \|(?P<enforces>[^|]+)\|(?P<fix>.+)\|$", text)
    assert row, f"CONTRIBUTING.md has no table row for {rule.ID}"
    assert len(row["fix"].strip()) > 10, row[0]


def test_the_facts_writers_read_are_the_teams_facts():
    """CONTRIBUTING points writers to contributing/content-facts.md: a copy of the team's file, kept equal."""
    copy = (ROOT / "contributing" / "content-facts.md").read_text(encoding="utf-8")
    team_file = ROOT.parent / "shared" / "content-facts.md"
    assert team_file.is_file(), f"{team_file} " + TEAM_FILES_MISSING.format(folder=team_file.parent)
    team = team_file.read_text(encoding="utf-8")
    assert copy == team, "contributing/content-facts.md differs from ../shared/content-facts.md: copy it again"
