"""`scripts/check`: build the site, run every rule, print every problem, exit 1 if any.

Usage: python -m helpcenter.check [--site-dir DIR] [--config FILE] [--list-rules]

Without --site-dir the site is built into a temporary folder with
`mkdocs build --no-strict`: strict mode would stop at the first broken link,
and the point is to report every problem at once (the warnings strict mode
stops on are reported by the build-warning rule). Problems print as
`path:line: rule: message`; built pages are named as under site/.
Offline: nothing here opens a network connection.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from helpcenter.check import runner
from helpcenter.check.model import Problem, Project
from helpcenter.check.rules import RULES
from helpcenter.paths import MKDOCS_YML, ROOT

_LOG_LINE = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$")


def build(config: Path, site_dir: Path) -> tuple[bool, list[str], str]:
    """Build without --strict; (succeeded, warning and error messages, full output)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "scripts"), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--config-file", str(config),
           "--site-dir", str(site_dir)]
    done = subprocess.run(cmd, env=env, cwd=config.parent, capture_output=True, text=True)
    output = done.stdout + done.stderr
    messages: list[str] = []
    for raw in output.splitlines():
        line = re.sub(r"\x1b\[[0-9;]*m", "", raw)
        if m := _LOG_LINE.match(line):
            messages.append(m.group(2).strip())
        elif messages and line.startswith("  ") and line.strip():
            messages[-1] += " " + line.strip()
    return done.returncode == 0, messages, output


def check(config: Path, site_dir: Path | None = None) -> tuple[list[Problem], Project | None]:
    """Every problem in the project; builds into a temporary folder unless `site_dir` is given."""
    config = config.resolve()
    if site_dir is not None:
        project = Project.load(config, site_dir)
        return runner.run(project), project
    with tempfile.TemporaryDirectory(prefix="helpcenter-check-") as tmp:
        ok, log, output = build(config, Path(tmp) / "site")
        if not ok:
            sys.stderr.write(output)
            last = log[-1] if log else "see the output above"
            return [Problem(config.name, 1, "build-warning", f"the site does not build: {last}")], None
        project = Project.load(config, Path(tmp) / "site", site_label="site", build_log=log)
        return runner.run(project), project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/check", description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="check this already built site instead of building one")
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, help="mkdocs.yml of the project to check")
    parser.add_argument("--list-rules", action="store_true", help="print the rule ids and what each checks")
    args = parser.parse_args(argv)
    if args.list_rules:
        for rule in RULES:
            print(f"{rule.ID:24} {rule.DESCRIPTION}")
        return 0
    started = time.perf_counter()
    problems, project = check(args.config, args.site_dir)
    for problem in problems:
        print(problem)
    seconds = time.perf_counter() - started
    scope = (f"{len(project.sources)} Markdown pages, {len(project.pages)} built pages,"
             f" {len(project.links)} links" if project else "the build")
    if problems:
        files = len({p.path for p in problems})
        print(f"scripts/check: {len(problems)} problem{'s' * (len(problems) != 1)} in {files}"
              f" file{'s' * (files != 1)} ({scope}, {seconds:.1f} s)", file=sys.stderr)
        return 1
    print(f"scripts/check: no problems ({scope}, {seconds:.1f} s)", file=sys.stderr)
    return 0
