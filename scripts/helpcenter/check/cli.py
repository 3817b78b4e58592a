"""`scripts/check`: build the site, run every rule, print every problem, exit 1 if any.

Usage: python -m helpcenter.check [--site-dir DIR] [--config FILE] [--list-rules] [--prose]
                                  [--format plain|github] [--changed-since REF] [--release] [FILE ...]

Without --site-dir the site is built into a temporary folder with
`mkdocs build --no-strict`: strict mode would stop at the first broken link,
and the point is to report every problem at once (the warnings strict mode
stops on are reported by the build-warning rule). Problems print as
`path:line:col: rule: message` (style advice as `rule: warning: message`, which
does not fail); built pages are named as under site/. With
`--format github` (the default when GITHUB_ACTIONS=true) they print as
workflow commands, which GitHub shows on the pull request's diff (github.py);
with `--changed-since REF` only problems the change made fail (changed.py);
`--release` (the deploy workflow) adds the checks a published site needs
(rules/release_site_url.py).
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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from helpcenter.check import changed, github, overlap, runner, writers
from helpcenter.check.model import Problem, Project
from helpcenter.check.rules import RULES, config_yaml_tag, release_site_url
from helpcenter.paths import LANGUAGES, MKDOCS_YML, ROOT
from helpcenter.writing import prose_lint

SNAPSHOT = ["mkdocs.yml", "docs", "overrides", "data"]  # what the build reads besides scripts/
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
    unsafe = config_yaml_tag.problems(config)
    if unsafe:  # MkDocs would run them while reading the file
        return unsafe, None
    with tempfile.TemporaryDirectory(prefix="helpcenter-check-") as tmp:
        ok, log, output = build(config, Path(tmp) / "site")
        if not ok:
            sys.stderr.write(output)
            last = log[-1] if log else "see the output above"
            return [Problem(config.name, 1, "build-warning", f"the site does not build: {last}")], None
        project = Project.load(config, Path(tmp) / "site", site_label="site", build_log=log)
        return runner.run(project), project


def collect(config: Path, site_dir: Path | None = None, *, prose: bool = False,
            files: list[str] | None = None) -> tuple[list[Problem], Project | None]:
    """Every problem of the project at `config`; the writers' checks run while the site builds.

    `files` (paths relative to the project root) keeps only problems in those
    files, or caused by them: the twin's parity and translation problems (an
    extra section in one language is reported on the English page); links and
    parity are still resolved against the whole site.
    """
    root = config.resolve().parent
    lint_files = [root / f for f in files or [] if f.endswith(".md") and (root / f).is_file()]  # at REF: may not
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(writers.problems, root, lint_files) if prose and (lint_files or not files) else None
        problems, project = check(config, site_dir)
        if pending is not None:
            problems = problems + pending.result()
    problems = overlap.one_message(problems)
    if files is not None:
        wanted, twins = set(files), twin_paths(files)
        problems = [p for p in problems if p.path in wanted or p.origin in wanted
                    or (p.path in twins and p.rule in TWIN_RULES)]
    return sorted(problems, key=lambda p: (p.path, p.line, p.col, p.rule)), project


TWIN_RULES = frozenset({"parity-pages", "parity-sections", "parity-facts", "translation-outdated",
                        "translation-unrecorded"})


def twin_paths(files: list[str]) -> set[str]:
    """The other language's page of each `docs/<lang>/…` file (whether or not it exists)."""
    out = set()
    for f in files:
        parts = f.split("/")
        if len(parts) > 2 and parts[0] == "docs" and parts[1] in LANGUAGES:
            out |= {"/".join(["docs", lang, *parts[2:]]) for lang in LANGUAGES if lang != parts[1]}
    return out


def _before(root: Path, commit: str, config: Path, prose: bool, files: list[str] | None) -> list[Problem]:
    """The problems of the project as it was at `commit` (its pages and data, today's checks)."""
    with tempfile.TemporaryDirectory(prefix="helpcenter-before-") as tmp:
        old = changed.snapshot(root, commit, Path(tmp), SNAPSHOT)
        (old / "scripts").symlink_to(ROOT / "scripts")  # the build hooks, as today
        if not (old / config.name).is_file():
            return []
        return collect(old / config.name, prose=prose, files=files)[0]


def _relative_files(paths: list[Path], root: Path) -> list[str]:
    """FILE arguments as problems name them (relative to the project root)."""
    out = []
    for path in paths:
        full = path.resolve()
        if not full.is_file() or not full.is_relative_to(root):
            raise ValueError(f"{path}: no such file in {root}; give pages such as docs/ja/faq.md"
                             " (or run scripts/check without files for the whole site)")
        out.append(full.relative_to(root).as_posix())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/check", description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path,
                        help="check only these pages (links and parity still resolved against the whole site)")
    parser.add_argument("--site-dir", type=Path, help="check this already built site instead of building one")
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, help="mkdocs.yml of the project to check")
    parser.add_argument("--list-rules", action="store_true", help="print the rule ids and what each checks")
    parser.add_argument("--prose", action="store_true",
                        help="also the writers' checks: textlint, cspell, markdownlint, translation freshness"
                             " (scripts/check always adds this)")
    parser.add_argument("--format", choices=github.FORMATS, default=github.default_format(),
                        help="plain `path:line:col: rule: message` lines, or GitHub workflow commands (annotations);"
                             " default: github when GITHUB_ACTIONS=true, else plain")
    parser.add_argument("--changed-since", metavar="REF",
                        help="fail only on problems on lines changed since REF (e.g. origin/main);"
                             " list the ones already there once")
    parser.add_argument("--release", action="store_true",
                        help="also what a published site needs: site_url set, https, under an official domain")
    args = parser.parse_args(argv)
    if args.list_rules:
        for rule in [*RULES, release_site_url]:
            print(f"{rule.ID:24} {rule.DESCRIPTION}")
        return 0
    started = time.perf_counter()
    root = args.config.resolve().parent
    try:
        files = _relative_files(args.files, root) if args.files else None
        if args.changed_since:
            changes = changed.changes_since(root, args.changed_since)
            with ThreadPoolExecutor(max_workers=1) as pool:
                before = pool.submit(_before, root, changes.base, args.config, args.prose, files)
                problems, project = collect(args.config, args.site_dir, prose=args.prose, files=files)
                counted, old = changed.split(problems, changes, before.result())
        else:
            problems, project = collect(args.config, args.site_dir, prose=args.prose, files=files)
            counted, old = problems, []
        if args.release:
            counted = release_site_url.check_config(args.config) + counted
    except (ValueError, changed.GitError, prose_lint.LinterMissing, RuntimeError) as err:
        print(f"scripts/check: {err}", file=sys.stderr)
        return 2
    for problem in counted:
        print(github.annotation(problem) if args.format == "github" else problem)
    if args.format == "github" and counted:
        print(*github.listing(f"scripts/check: {len(counted)} problems as path:line:col: rule: message", counted),
              sep="\n")
    if old:
        title = (f"{len(old)} problem{'s' * (len(old) != 1)} already there before {args.changed_since}"
                 " (not counted: not on a changed line)")
        if args.format == "github":
            print(github.summary(title, old))
        else:
            print(f"scripts/check: {title}:", *(f"  {p}" for p in old), sep="\n", file=sys.stderr)
    sys.stdout.flush()
    seconds = time.perf_counter() - started
    scope = (f"{len(project.sources)} Markdown pages, {len(project.pages)} built pages,"
             f" {len(project.links)} links" if project else "the build")
    if files:
        scope = f"{len(files)} file{'s' * (len(files) != 1)} given; the whole site: {scope}"
    errors = [p for p in counted if p.is_error]
    warnings = len(counted) - len(errors)
    noted = (f"; {warnings} warning{'s' * (warnings != 1)} (style advice: shown, not failing)"
             if warnings else "")
    if errors:
        where = len({p.path for p in errors})
        new = " new" if args.changed_since else ""
        print(f"scripts/check: {len(errors)}{new} error{'s' * (len(errors) != 1)} in {where}"
              f" file{'s' * (where != 1)}{noted} ({scope}, {seconds:.1f} s);"
              " CONTRIBUTING.md says how to fix each rule", file=sys.stderr)
        return 1
    if warnings:
        print(f"scripts/check: no{' new' if args.changed_since else ''} errors{noted} ({scope}, {seconds:.1f} s)",
              file=sys.stderr)
        return 0
    print(f"scripts/check: no{' new' if args.changed_since else ''} problems ({scope}, {seconds:.1f} s)",
          file=sys.stderr)
    return 0
