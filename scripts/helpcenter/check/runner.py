"""Run every rule over a project and put the problems in reading order.

GitHub Docs' content linter is the model: independent rules, each with an id
and one message that says how to fix the problem, and a runner that reports
everything at once instead of stopping at the first failure.
"""

from __future__ import annotations

from collections import defaultdict
from types import ModuleType

from helpcenter.check.model import Problem, Project
from helpcenter.check.rules import RULES


def run(project: Project, rules: list[ModuleType] = RULES) -> list[Problem]:
    problems: list[Problem] = []
    for rule in rules:
        problems.extend(rule.check(project))
    problems = list(dict.fromkeys(problems))  # e.g. a build warning printed once per language
    return sorted(_group_template(_drop_duplicate_warnings(problems)), key=lambda p: (p.path, p.line, p.rule))


def _drop_duplicate_warnings(problems: list[Problem]) -> list[Problem]:
    """A build warning about a line another rule already explains adds nothing."""
    explained = {(p.path, p.line) for p in problems if p.rule != "build-warning"}
    return [p for p in problems if p.rule != "build-warning" or (p.path, p.line) not in explained]


def _group_template(problems: list[Problem]) -> list[Problem]:
    """The template repeats on every page: report each template problem once, with a count."""
    groups: dict[tuple[str, str], list[Problem]] = defaultdict(list)
    kept: list[Problem] = []
    for p in problems:
        if p.template:
            groups[(p.rule, p.message)].append(p)
        else:
            kept.append(p)
    for (rule, message), same in groups.items():
        first = min(same, key=lambda p: (p.path.endswith("/404.html"), p.path, p.line))  # a real page first
        pages = len({p.path for p in same})
        suffix = f" (the same on {pages - 1} other built page{'s' if pages > 2 else ''})" if pages > 1 else ""
        kept.append(Problem(first.path, first.line, rule, message + suffix, template=True))
    return kept
