"""The real site passes every rule of scripts/check (the issue's "done when", first half)."""

from __future__ import annotations


def test_real_site_passes_every_rule(real_check):
    """`scripts/check` (links, parity, contact, front matter, prose) on the real pages and their shared build."""
    done = real_check
    assert done.returncode == 0, f"scripts/check found problems:\n{done.stdout}{done.stderr}"
    assert done.stdout == ""
    assert "no problems" in done.stderr


def test_every_rule_has_an_id_a_description_and_a_docstring():
    from helpcenter.check.rules import RULES

    ids = [rule.ID for rule in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.DESCRIPTION and rule.__doc__ and rule.__doc__.startswith(f"{rule.ID}:"), rule.__name__
