"""The real site passes every rule of scripts/check (the issue's "done when", first half)."""

from __future__ import annotations

import subprocess

from conftest import ROOT


def test_real_site_passes_every_rule(site_dir):
    done = subprocess.run([str(ROOT / "scripts" / "check"), "--site-dir", str(site_dir)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"scripts/check found problems:\n{done.stdout}{done.stderr}"
    assert done.stdout == ""
    assert "no problems" in done.stderr


def test_every_rule_has_an_id_a_description_and_a_docstring():
    from helpcenter.check.rules import RULES

    ids = [rule.ID for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.DESCRIPTION and rule.__doc__ and rule.__doc__.startswith(f"{rule.ID}:"), rule.__name__
