"""The plain output line, `path:line:col: rule: message`, one definition for every tool.

Editors and CI read the same line (contributing/problem-matcher.json,
contributing/vscode-tasks.json): a warning says so after the rule id, so one
pattern tells the two levels apart.
"""

from __future__ import annotations

import re

# path:line:col: rule: [warning: ]message
PATTERN = re.compile(r"^(?P<path>[^:\s][^:]*):(?P<line>\d+):(?P<col>\d+): (?P<rule>[\w/.-]+): "
                     r"(?:(?P<severity>warning): )?(?P<message>.*)$")


def line(path: str, number: int, col: int, rule: str, message: str, severity: str = "error") -> str:
    level = "warning: " if severity == "warning" else ""
    return f"{path}:{number}:{max(col, 1)}: {rule}: {level}{message}"
