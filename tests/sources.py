"""A copy of what the build reads (config, docs, theme, data, build code), without .git, for variant builds."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT

SOURCES = ["mkdocs.yml", "docs", "overrides", "data", "scripts"]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def copy_sources(dest: Path, link_scripts: bool = False) -> Path:
    """Copy the build's inputs into `dest` and return the copied mkdocs.yml.

    `link_scripts` links scripts/ instead of copying it, for tests that make
    many copies and never change the build code.
    """
    dest.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        src = ROOT / name
        if name == "scripts" and link_scripts:
            (dest / name).symlink_to(src)
        elif src.is_dir():
            shutil.copytree(src, dest / name, ignore=IGNORE)
        else:
            shutil.copy2(src, dest / name)
    return dest / "mkdocs.yml"
