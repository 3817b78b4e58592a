"""Rewriting built pages in place, for the post-build steps that change HTML text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path


def rewrite_pages(pages: Iterable[Path], transform: Callable[[str], str]) -> None:
    """Each page through `transform`; a page it leaves unchanged is not written (its time stays)."""
    for page in pages:
        text = page.read_text(encoding="utf-8")
        new = transform(text)
        if new != text:
            page.write_text(new, encoding="utf-8")
