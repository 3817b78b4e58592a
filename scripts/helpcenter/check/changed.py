"""Which lines changed since a git ref, and which problems a change therefore owns.

`scripts/check --changed-since origin/main` blames a writer only for what their
branch did, as reviewdog does for textlint on Japanese documentation teams'
pull requests. A problem is *new* (an error) when

* it is on a line changed since the merge base with REF (committed, staged,
  unstaged or in an untracked file), or
* the file it names as its origin changed (an English page whose Japanese
  source was edited), or
* it was not there at REF at all (the project as it was at REF is checked
  too): deleting a page breaks links on lines nobody touched, and that is
  still this change's doing.

Everything else was already there: listed once, not failed on.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from helpcenter.check.model import Problem

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")
_LINE_NUMBER = re.compile(r":\d+\b")  # "twin: docs/ja/x.md:12" moves when lines are added above


class GitError(RuntimeError):
    """git could not answer (not a repository, unknown ref)."""


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-c", "core.quotepath=off", "-C", str(root), *args],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


@dataclass
class Changes:
    """Lines added or modified since the merge base, per path relative to the project root."""

    base: str  # the merge-base commit
    lines: dict[str, set[int]] = field(default_factory=dict)
    whole: set[str] = field(default_factory=set)  # new (untracked or added) and deleted files

    def touched(self, path: str) -> bool:
        return path in self.whole or bool(self.lines.get(path))

    def covers(self, path: str, line: int) -> bool:
        return path in self.whole or line in self.lines.get(path, set())


def merge_base(root: Path, ref: str) -> str:
    """The commit the current branch forked from REF (REF itself when it is an ancestor)."""
    try:
        git(root, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    except GitError:
        raise GitError(f"--changed-since {ref}: git does not know {ref!r} in {root}; fetch it first"
                       " (in GitHub Actions: actions/checkout with fetch-depth: 0)") from None
    return git(root, "merge-base", ref, "HEAD").strip()


def parse_diff(diff: str) -> tuple[dict[str, set[int]], set[str]]:
    """(changed lines per new path, paths added or deleted) from `git diff --unified=0` output."""
    lines: dict[str, set[int]] = {}
    whole: set[str] = set()
    old_path = path = None
    for raw in diff.splitlines():
        if raw.startswith("--- "):
            old_path = None if raw == "--- /dev/null" else raw[len("--- a/"):]
        elif raw.startswith("+++ "):
            path = None if raw == "+++ /dev/null" else raw[len("+++ b/"):]
            if path is None and old_path:
                whole.add(old_path)  # deleted
            elif old_path is None and path:
                whole.add(path)  # added
        elif path and (m := _HUNK.match(raw)):
            start, count = int(m["start"]), int(m["count"] if m["count"] is not None else 1)
            lines.setdefault(path, set()).update(range(start, start + count))
    return lines, whole


def changes_since(root: Path, ref: str) -> Changes:
    """What the working tree changed since its merge base with `ref`."""
    base = merge_base(root, ref)
    diff = git(root, "diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative", base, "--")
    lines, whole = parse_diff(diff)
    untracked = git(root, "ls-files", "--others", "--exclude-standard").splitlines()
    return Changes(base, lines, whole | set(untracked))


def _key(problem: Problem) -> tuple[str, str, str]:
    return problem.path, problem.rule, _LINE_NUMBER.sub(":#", problem.message)


def split(problems: list[Problem], changes: Changes, before: list[Problem]) -> tuple[list[Problem], list[Problem]]:
    """(new, already there): `before` are the problems of the project at the merge base."""
    left = Counter(map(_key, before))
    new: list[Problem] = []
    old: list[Problem] = []
    for p in problems:
        key = _key(p)
        mine = changes.covers(p.path, p.line) or (p.origin is not None and changes.touched(p.origin))
        if not mine and left[key] > 0:
            left[key] -= 1
            old.append(p)
        else:
            new.append(p)
    return new, old


def snapshot(root: Path, commit: str, target: Path, paths: list[str]) -> Path:
    """The files `paths` (those that exist at `commit`) written out under `target`, via git archive."""
    present = [p for p in paths if git(root, "ls-tree", "--name-only", commit, "--", p).strip()]
    target.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(root), "archive", "--format=tar", commit, "--", *present],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target
