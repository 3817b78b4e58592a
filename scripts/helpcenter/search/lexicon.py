"""The analyzer's data files, read and checked: stop words, synonyms, intent words.

- `data/search/stopwords-en.txt`, `stopwords-ja.txt`: words too common to
  help a search;
- `data/search/synonyms.yml`: words customers type for the same thing, per
  language; for Japanese joined with the writers' term dictionary
  `data/prh.yml` (prh_terms.py), so that a variant the prose lint corrects
  on the page is still found when a customer types it;
- `data/search/intent-words.yml`: words that say what a customer wants
  (対処法, "fix"), not what it is about.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpcenter.paths import DATA
from helpcenter.search.text import normalize, pieces

SEARCH_DATA = DATA / "search"
_HIRAGANA_ONLY = re.compile("^[\u3041-\u309f]+$")


def _yaml(path: Path) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def read_word_list(path: Path) -> list[str]:
    """One word a line; a line starting with # is a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


def read_stopwords(path: Path = SEARCH_DATA / "stopwords-en.txt") -> list[str]:
    """English stop words: the query side drops them, as the index did."""
    return read_word_list(path)


def read_japanese_stopwords(path: Path = SEARCH_DATA / "stopwords-ja.txt") -> frozenset[str]:
    """Japanese words that are no word worth finding (light verbs, formal nouns), folded."""
    return frozenset(normalize(w) for w in read_word_list(path))


def read_synonyms(lang: str, path: Path = SEARCH_DATA / "synonyms.yml") -> list[list[str]]:
    groups = _yaml(path).get(lang, []) or []
    for number, group in enumerate(groups, 1):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) for w in group):
            raise ValueError(f"{path}: {lang} group {number}: a group is a list of two or more words")
    return groups


def read_intent(lang: str, path: Path = SEARCH_DATA / "intent-words.yml") -> list[str]:
    words = _yaml(path).get(lang, []) or []
    if not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"{path}: {lang}: intent words are a list of words, like 対処法")
    return sorted({normalize(w) for w in words})


def merge_groups(groups: list[list[str]]) -> list[list[str]]:
    """Groups that share a word joined into one, duplicates dropped, order kept."""
    merged: list[list[str]] = []
    for group in groups:
        words = {normalize(w) for w in group}
        overlapping = [g for g in merged if {normalize(w) for w in g} & words]
        for g in overlapping:
            merged.remove(g)
        merged.append(list(dict.fromkeys([w for g in overlapping for w in g] + list(group))))
    return merged


def all_synonyms(lang: str) -> list[list[str]]:
    """synonyms.yml, and for Japanese the word rules of prh.yml (a rule about grammar,
    下さい -> ください, gives no word worth searching for)."""
    from helpcenter.search.prh_terms import groups_from_prh

    groups = read_synonyms(lang)
    if lang == "ja":
        stopwords = frozenset(read_stopwords())
        groups += [g for g in groups_from_prh() if pieces(g[0], stopwords) and not _HIRAGANA_ONLY.match(g[0])]
    return merge_groups(groups)
