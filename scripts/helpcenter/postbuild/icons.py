"""Icons kept out of the accessibility tree, after the build.

Material draws every icon as an inline <svg> (menu, search, palette,
language, back to top, footer arrows, the cards' pictures). Each sits in a
control that has its own name, or beside text that says the same thing, yet
Chromium exposes each as an unnamed image that a screen reader may announce
("graphic"). Every inline <svg> that does not name itself gets aria-hidden.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpcenter.postbuild.rewrite import rewrite_pages

UNNAMED_SVG = re.compile(r"<svg(?![^>]*\s(?:aria-hidden|aria-label|aria-labelledby|role)=)(?=[\s>])")


def hide_icons(html: str) -> str:
    """`html` with aria-hidden="true" on each inline <svg> that has no name or role of its own."""
    return UNNAMED_SVG.sub('<svg aria-hidden="true"', html)


def write_hidden_icons(site_dir: Path) -> None:
    """Every page of the built site, in place."""
    rewrite_pages(sorted(site_dir.glob("**/*.html")), hide_icons)
