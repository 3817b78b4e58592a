"""Compiled theme templates kept between builds, so that a build does not compile Material's templates again.

Jinja compiles about ninety templates (Material's and overrides/) on every
build: about a second of a six-second build here, for templates that rarely
change. Jinja's own bytecode cache keeps each compiled template under its
name and checks the source's checksum before using it, so an edited template
is compiled again. The cache lives in the user's cache folder
(`~/.cache/helpcenter/jinja`, or under $XDG_CACHE_HOME), never in the
checkout: compiled code loaded from a file a pull request could commit would
run on the build machine. `HELPCENTER_TEMPLATE_CACHE=off` turns it off.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from helpcenter.paths import cache_off, user_cache_dir


def folder() -> Path | None:
    return None if cache_off("HELPCENTER_TEMPLATE_CACHE") else user_cache_dir("jinja")


def attach(env: jinja2.Environment) -> jinja2.Environment:
    """Give `env` the bytecode cache (unless it is off or its folder cannot be made)."""
    where = folder()
    if where is not None:
        try:
            where.mkdir(parents=True, exist_ok=True)
        except OSError:
            return env
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(where))
    return env
