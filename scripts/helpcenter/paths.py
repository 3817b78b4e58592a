"""Where things live in the repository, in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
SITE = ROOT / "site"
DIST = ROOT / "dist"
DATA = ROOT / "data"
MKDOCS_YML = ROOT / "mkdocs.yml"
LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"


def language_prefix(lang: str) -> str:
    """URL prefix of a language inside the built site ('' for the default)."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
