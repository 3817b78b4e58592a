"""The writers' term dictionary (data/prh.yml) as search synonyms.

prh tells writers which form to write (二段階認証, not 2段階認証). A customer
still types the variants, so each rule becomes a synonym group: the expected
term and every variant its patterns match. Patterns are regular
expressions; this expands the finite ones (literals, character classes,
alternatives, optional characters) into their strings with Python's own
regex parser, and skips a pattern that matches unboundedly many strings
(such as 「ご[一-龠]{1,4}」), which says how to write, not a word.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]  # Python's regex parser (3.11+)
from re import _parser as sre_parse  # type: ignore[attr-defined]

from helpcenter.paths import DATA

PRH = DATA / "prh.yml"
MAX_EXPANSIONS = 256


class Unbounded(ValueError):
    """The pattern matches too many strings to list."""


Expansion = list[tuple[str, dict[int, str]]]  # (string, captured groups)


def _expand(items) -> Expansion:
    out: Expansion = [("", {})]
    for op, arg in items:
        alternatives = _expand_one(op, arg)
        out = [(a + b, {**ga, **gb}) for (a, ga), (b, gb) in itertools.product(out, alternatives)]
        if len(out) > MAX_EXPANSIONS:
            raise Unbounded
    return out


def _expand_one(op, arg) -> Expansion:
    if op is sre.LITERAL:
        return [(chr(arg), {})]
    if op is sre.IN:
        chars = []
        for kind, value in arg:
            if kind is sre.LITERAL:
                chars.append(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] < 32:
                chars.extend(chr(c) for c in range(value[0], value[1] + 1))
            else:
                raise Unbounded
        return [(c, {}) for c in chars]
    if op is sre.BRANCH:
        return [x for branch in arg[1] for x in _expand(branch)]
    if op is sre.SUBPATTERN:
        group, body = arg[0], arg[-1]
        return [(s, {**g, group: s} if group else g) for s, g in _expand(body)]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, body = arg
        if high > 3:
            raise Unbounded
        inner = _expand(body)
        out: Expansion = []
        for times in range(low, high + 1):
            for combo in itertools.product(inner, repeat=times):
                out.append(("".join(s for s, _ in combo), {k: v for _, g in combo for k, v in g.items()}))
        return out
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return [("", {})]  # lookarounds and anchors add no characters
    raise Unbounded


def expand(pattern: str) -> Expansion:
    """Every string a prh pattern matches, with its groups; plain strings are themselves."""
    if not (pattern.startswith("/") and pattern.rstrip("gimsuy").endswith("/") and len(pattern) > 2):
        return [(pattern, {})]
    body = pattern[1 : len(pattern.rstrip("gimsuy")) - 1]
    return _expand(sre_parse.parse(body))


def _substitute(expected: str, groups: dict[int, str]) -> str:
    return re.sub(r"\$(\d)", lambda m: groups.get(int(m.group(1)), ""), expected)


def groups_from_prh(path: Path = PRH) -> list[list[str]]:
    """Synonym groups: [expected, variant, …] per rule, variants in the order their patterns list them."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out: list[list[str]] = []
    for rule in data.get("rules", []):
        patterns = rule.get("patterns") or ([rule["pattern"]] if rule.get("pattern") else [rule["expected"]])
        by_expected: dict[str, list[str]] = {}
        for pattern in patterns:
            try:
                expansions = expand(pattern)
            except (Unbounded, re.error):
                continue
            for variant, captured in expansions:
                expected = _substitute(rule["expected"], captured)
                if variant and expected and variant != expected:
                    by_expected.setdefault(expected, []).append(variant)
        out.extend([expected, *variants] for expected, variants in by_expected.items())
    return out
