"""What a prose linter said about a file, kept so that a file seen before is not linted again.

`scripts/check --prose` and `scripts/lint-prose` run textlint, cspell and
markdownlint over every page; most runs see pages that did not change since
the last one (a writer fixing one page, a pull request's check after the
preview's, the tests' copies of the project). A result is kept under a key
made of everything that decides it:

- the linter, and the file's path in the project (cspell's and textlint's
  choices depend on the folder: ja or en);
- the text the linter reads (for textlint, the rewritten view with the
  official addresses filled in);
- the toolchain: the linters' configuration, the site's own textlint rules
  and terms (data/prh.yml), the spelling word list, the pinned npm
  packages, and the Python that turns the linters' output into this
  project's messages (prose_lint, prose messages, severities).

Change any of them and the file is linted again; a linter that fails keeps
nothing. Like ESLint's `--cache` with its content strategy, but shared by the
three linters and by every copy of the project on the machine: one small JSON
file per key, written atomically so parallel runs may share it, in the user's
cache folder (`~/.cache/helpcenter/prose-lint`, or under $XDG_CACHE_HOME).
Never in the repository: the keys are computable, so a pull request could
otherwise commit a "no problem" for its own page.
`HELPCENTER_LINT_CACHE=off` turns it off, `HELPCENTER_LINT_CACHE=DIR` keeps it
in DIR instead (the test suite keeps one per run, so that every run lints
each distinct page at least once); deleting the folder empties it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from helpcenter.paths import ROOT, cache_off, user_cache_dir

Problem = Any  # prose_lint.Problem (which imports this module)

# What, besides the file itself, decides a linter's result (relative to the repository).
TOOLCHAIN = (
    ".textlintrc.yml", "scripts/textlint-rules", ".markdownlint-cli2.jsonc", "cspell.config.yaml",
    "data/prh.yml", "data/spelling", "package.json", "package-lock.json",
    "scripts/helpcenter/writing/prose_lint.py", "scripts/helpcenter/check/prose_messages.py",
    "scripts/helpcenter/check/severity.py", "scripts/helpcenter/check/plain.py",
)


def cache_dir() -> Path | None:
    """Where results are kept (HELPCENTER_LINT_CACHE), or None when the cache is off."""
    if cache_off("HELPCENTER_LINT_CACHE"):
        return None
    setting = os.environ.get("HELPCENTER_LINT_CACHE", "")
    return Path(setting) if setting else user_cache_dir("prose-lint")


@cache
def toolchain() -> str:
    """One digest of every file in TOOLCHAIN (read once per process)."""
    digest = hashlib.sha256()
    for name in TOOLCHAIN:
        base = ROOT / name
        for path in sorted(base.rglob("*")) if base.is_dir() else [base]:
            if path.is_file():
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(linter: str, display_path: str, content: bytes) -> str:
    """The key of `content` (what the linter reads, as bytes: a file need not be valid UTF-8) at that path."""
    head = "\0".join((linter, toolchain(), display_path)).encode("utf-8", "surrogateescape")
    return hashlib.sha256(head + b"\0" + content).hexdigest()


def load(folder: Path, k: str) -> list[dict] | None:
    """The problems kept under `k` (a list, maybe empty), or None when nothing is kept."""
    try:
        return json.loads((folder / k[:2] / f"{k}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(folder: Path, k: str, problems: list[dict]) -> None:
    target = folder / k[:2] / f"{k}.json"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(problems, out, ensure_ascii=False)
        os.replace(tmp, target)
    except OSError:  # a read-only checkout lints as before; it only forgets
        pass


def run_cached(linter: str, files: list[Path], run: Callable[[list[Path]], list[Problem]], *,
               display: Callable[[Path], str], content_of: Callable[[Path], bytes],
               make: Callable[..., Problem]) -> list[Problem]:
    """`run(files)`, except that a file with a kept result is not linted again; what is linted is kept.

    `make(path=..., **kept)` rebuilds a kept problem (a dataclass with a `path` field).
    """
    folder = cache_dir()
    if folder is None:
        return run(files)
    found: list[Problem] = []
    missing: dict[str, str] = {}  # display path -> key
    to_run: list[Path] = []
    for path in files:
        shown = display(path)
        k = key(linter, shown, content_of(path))
        kept = load(folder, k)
        if kept is None:
            missing[shown] = k
            to_run.append(path)
        else:
            found += [make(path=shown, **d) for d in kept]
    if to_run:
        fresh = run(to_run)
        by_file: dict[str, list[dict]] = {shown: [] for shown in missing}
        for problem in fresh:
            fields = asdict(problem)
            by_file.setdefault(fields.pop("path"), []).append(fields)
        if set(by_file) == set(missing):  # a problem at a path not asked about: keep nothing, to be safe
            for shown, k in missing.items():
                store(folder, k, by_file[shown])
        found += fresh
    return found
