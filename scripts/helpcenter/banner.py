"""The incident banner: one data file (data/banner.yml) that writers flip on and off.

Read here and rendered to inline HTML per language, so that templates only
print it and a move to another generator keeps the same file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import markdown
import yaml

from helpcenter import official_links
from helpcenter.paths import DATA, LANGUAGES

BANNER_YML = DATA / "banner.yml"
LEVELS = ("info", "warning", "critical")


class BannerError(ValueError):
    """The data file is switched on but unusable: fail the build, not the page."""


def render_inline(text: str, official: Mapping[str, str], lang: str) -> str:
    """Inline Markdown to HTML without the wrapping <p>; official reference links resolve."""
    html = markdown.markdown(official_links.append_definitions(text.strip(), official, lang))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


def load(path: Path = BANNER_YML, official: Mapping[str, str] | None = None) -> dict[str, Any]:
    """{enabled, level, html: {lang: inline HTML}}; a missing file means no banner."""
    if not path.exists():
        return {"enabled": False, "level": "info", "html": {}}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    enabled = data.get("enabled") is True
    level = data.get("level", "info")
    texts = data.get("text") or {}
    if enabled:
        if level not in LEVELS:
            raise BannerError(f"{path}: level must be one of {', '.join(LEVELS)}, not {level!r}")
        missing = [lang for lang in LANGUAGES if not str(texts.get(lang) or "").strip()]
        if missing:
            raise BannerError(f"{path}: the banner is enabled but has no text for {', '.join(missing)}")
    html = {lang: render_inline(str(texts[lang]), official or {}, lang)
            for lang in LANGUAGES if enabled and texts.get(lang)}
    return {"enabled": enabled, "level": level, "html": html}
