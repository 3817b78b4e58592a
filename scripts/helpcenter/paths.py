"""Where things live in the repository, in one place."""

import os
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


def language_of(rel: str) -> str:
    """The language of a built file by its site-relative path ("en/faq.html" is English, "faq.html" Japanese)."""
    return next((lang for lang in LANGUAGES if language_prefix(lang) and rel.startswith(language_prefix(lang))),
                DEFAULT_LANGUAGE)


def user_cache_dir(name: str) -> Path:
    """A cache folder of the user's (~/.cache/helpcenter/NAME, or under $XDG_CACHE_HOME), never in a checkout:
    what a pull request commits must not be able to feed a cache."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "helpcenter" / name


def cache_off(variable: str) -> bool:
    """Whether the environment variable that governs one of the caches turns it off (off, 0 or no)."""
    return os.environ.get(variable, "").lower() in ("off", "0", "no")
