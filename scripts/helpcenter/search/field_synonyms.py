"""Synonyms from a resource of the field: the Sudachi synonym dictionary, read at build time.

Customers name things in words no page uses (宛先 for the pages' 送付先,
発注 for 注文). Rather than a line in synonyms.yml for each, the build reads
the synonym dictionary that Sudachi's makers curate beside the dictionary
search already segments with (data/search/sudachi-synonyms/, vendored; its
README says from where). Only groups holding a word of the pages are kept,
so what ships with the index is a small part of it (about 600 words on the
real site), and a page word is the only thing a customer's word expands to
(analyzer.Analyzer.known): at synonym weight, below the words typed.

Measured on the held-out folds of the real queries against the alternatives
(chiVe word vectors, the dictionary's words also made known to the query
segmenter): DESIGN.md.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from helpcenter.search.lexicon import SEARCH_DATA
from helpcenter.search.text import normalize

SOURCE = SEARCH_DATA / "sudachi-synonyms" / "synonyms.txt.gz"
# Column 2, the expansion flag: 0 always expands, 1 is only expanded to, 2 never (kept as history).
ALWAYS = "0"
NEVER = "2"
_JAPANESE = re.compile("[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]")
# A customer's word in kana only (folded: きゃんせる, いきさつ) added nothing measured and a third of the bytes.
_KANA_ONLY = re.compile("[\u3041-\u309fー]+")


@cache
def read_groups(path: Path = SOURCE) -> tuple[tuple[tuple[str, bool], ...], ...]:
    """The dictionary's groups: each headword (folded) that takes part in expansions, and whether
    it may start one (a headword flagged 1, such as an abbreviation, is only expanded to).

    The file has no quoted field, so lines are split on commas (the csv module took a second of
    every build), and the headwords are folded in one call."""
    kept: list[tuple[str, str, bool]] = []
    with gzip.open(path, "rt", encoding="utf-8") as text:
        for line, row in enumerate((raw.rstrip("\r\n").split(",") for raw in text), 1):
            if row == [""] or not row[0]:
                continue
            if len(row) < 9:
                raise ValueError(f"{path}:{line}: a synonym line has 9 or more fields (group, …, headword)")
            if row[2] != NEVER and _JAPANESE.search(row[8]):
                kept.append((row[0], row[8], row[2] in ("", ALWAYS)))
    folded = normalize("\n".join(word for _, word, _ in kept)).split("\n")
    groups: dict[str, list[tuple[str, bool]]] = {}
    for (group, _, starts), word in zip(kept, folded, strict=True):
        groups.setdefault(group, []).append((word, starts))
    return tuple(tuple(dict.fromkeys(words)) for words in groups.values())


def groups_for(page_words: Iterable[str],
               groups: Iterable[Iterable[tuple[str, bool]]] | None = None) -> list[list[str]]:
    """The groups that hold a word of the pages and another word: the pages' words, and the words with
    a kanji that may start an expansion; words of two or more characters."""
    known = frozenset(page_words)
    out = []
    for group in read_groups() if groups is None else groups:
        words = list(dict.fromkeys(w for w, starts in group if len(w) >= 2 and (
            w in known or (starts and not _KANA_ONLY.fullmatch(w)))))
        if len(words) > 1 and any(w in known for w in words):
            out.append(words)
    return out
