"""Problems as GitHub Actions workflow commands, so a pull request shows them on the diff.

`::error file=docs/en/faq.md,line=12,col=3,title=link-anchor::#x does not exist…`
becomes an annotation on that line of the pull request's "Files changed" tab
(warnings as `::warning`). The escaping is GitHub's own (actions/toolkit,
`command.ts`): in the message `%`, CR and LF are percent-encoded; in a
property also `:` and `,`, which would otherwise end the property.

GitHub shows at most 10 error and 10 warning annotations of a step on the
diff (50 per job); the rest are only in the log, where an annotation line
shows its message without its place. So after the annotations the same
problems follow as `path:line:col: rule: message` lines in a collapsed group
(`listing`): nothing is lost on a pull request with many problems.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

from helpcenter.check.model import Problem

FORMATS = ("plain", "github")


def escape_data(text: str) -> str:
    """A message: `%` first, so that the escapes it adds are not escaped again."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A `key=value` property: as a message, and `:` and `,` too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **properties: str | int) -> str:
    """One workflow command, e.g. `::notice title=x::message`; empty properties are left out."""
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value != "")
    return f"::{level}{' ' + props if props else ''}::{escape_data(message)}"


def annotation(problem: Problem, level: str | None = None) -> str:
    """`problem` as an `::error` (or `::warning`) annotation at its file, line and column."""
    level = level or ("warning" if problem.severity == "warning" else "error")
    return command(level, problem.message, file=problem.path, line=problem.line, col=problem.col,
                   title=problem.rule)


def summary(title: str, problems: Iterable[Problem]) -> str:
    """Several problems as one `::notice` (no file): the list a writer need not act on."""
    return command("notice", "\n".join(map(str, problems)), title=title)


def default_format(environ: Mapping[str, str] = os.environ) -> str:
    """`github` inside GitHub Actions (GITHUB_ACTIONS=true, set by the runner), `plain` elsewhere."""
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "plain"


def listing(title: str, problems: Iterable[Problem]) -> list[str]:
    """A collapsed log group of plain `path:line:col: rule: message` lines (none starts with `::`)."""
    lines = [str(p) for p in problems]
    if not lines:
        return []
    return [f"::group::{escape_data(title)}", *lines, "::endgroup::"]
