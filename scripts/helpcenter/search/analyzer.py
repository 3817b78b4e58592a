"""The search analyzer: text -> index tokens, query -> weighted query terms.

This is one of two implementations of the same analyzer; the other is
`overrides/assets/javascripts/helpcenter/analyzer.js`, which the browser runs
on queries. Both must give the same tokens for the same input, token for
token: `data/search/analyzer-vectors.json` holds the cases both are tested on.
Change one, change the other, and add a vector.

Why our own instead of lunr's pipeline: lunr (both lunr.py and lunr.js) splits
on whitespace and knows no Japanese. Japanese has no spaces, so we cut runs of
Japanese characters into overlapping character bigrams, which finds any
substring of two or more characters (「出金が遅延」 finds 出金 and 遅延) with no
dictionary to keep in step between Python and JavaScript. Latin words are
lower-cased, stop words dropped and Porter-stemmed as lunr.js stems them
(see stemmer.py for why lunr.py's stemmer is not used).

Steps, in order:
1. Unicode NFKC (full-width ２ -> 2, half-width ﾊﾟｽﾜｰﾄﾞ -> パスワード), lower case.
2. Katakana folded to hiragana (パスワード and ぱすわーど are one word).
3. Runs of Japanese characters -> bigrams (a one-character run stays whole);
   runs of Latin letters and digits -> words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from helpcenter.paths import DATA
from helpcenter.search.stemmer import stem as _stem

SEARCH_DATA = DATA / "search"
SYNONYM_BOOST = 0.5

# Hiragana, katakana (folded away before matching), the prolonged sound mark,
# iteration marks, CJK ideographs and compatibility ideographs.
_CJK = "\u3005\u3006\u3041-\u3096\u309d\u309e\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(f"([{_CJK}]+)|([0-9a-z\u00c0-\u024f]+)")
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def normalize(text: str) -> str:
    """NFKC, lower case, katakana folded to hiragana."""
    return unicodedata.normalize("NFKC", text).lower().translate(_KATAKANA_TO_HIRAGANA)


@dataclass(frozen=True)
class Piece:
    """One token with what the query side needs to know about it."""

    text: str
    cjk: bool
    run_length: int


def pieces(text: str, stopwords: frozenset[str]) -> list[Piece]:
    """Tokens of `text` in order, with their kind."""
    out: list[Piece] = []
    for match in _TOKEN_RE.finditer(normalize(text)):
        cjk, word = match.group(1), match.group(2)
        if cjk:
            if len(cjk) == 1:
                out.append(Piece(cjk, True, 1))
            else:
                out.extend(Piece(cjk[i : i + 2], True, len(cjk)) for i in range(len(cjk) - 1))
        elif word in stopwords or (len(word) == 1 and not word.isdigit()):
            continue
        else:
            out.append(Piece(_stem(word), False, len(word)))
    return out


@dataclass(frozen=True)
class QueryTerm:
    """A term to look up; `covers` are the positions of the query tokens it stands for."""

    term: str
    boost: float
    prefix: bool
    covers: tuple[int, ...]

    def as_list(self) -> list[object]:
        return [self.term, self.boost, self.prefix, list(self.covers)]


def _occurrences(haystack: Sequence[str], needle: Sequence[str]) -> set[int]:
    """Positions of `haystack` covered by any occurrence of `needle` in it."""
    n = len(needle)
    covered: set[int] = set()
    for i in range(len(haystack) - n + 1):
        if n and list(haystack[i : i + n]) == list(needle):
            covered.update(range(i, i + n))
    return covered


class Analyzer:
    """The analyzer with its data: stop words and synonym groups of one language."""

    def __init__(self, stopwords: Iterable[str], synonyms: Iterable[Sequence[str]]):
        self.stopwords = frozenset(stopwords)
        self.synonyms = [list(group) for group in synonyms]
        self._synonym_tokens = [
            [[p.text for p in pieces(variant, self.stopwords)] for variant in group] for group in self.synonyms
        ]

    def tokens(self, text: str) -> list[str]:
        """Index-side tokens of `text`, repeated as often as they occur."""
        return [p.text for p in pieces(text, self.stopwords)]

    def query_terms(self, query: str) -> list[QueryTerm]:
        """Terms to look up for what the user typed, sorted by term.

        Every token is looked up exactly, except the last while the user is
        still typing it (no trailing space): a stemmed Latin word or a lone
        Japanese character is then looked up as a prefix, which also finds it
        whole. Synonyms of any variant found in the query are added at a
        lower weight, and cover the query tokens of that variant: the engine
        ranks higher what matches more of the query.
        """
        found = pieces(query, self.stopwords)
        texts = [p.text for p in found]
        terms: dict[tuple[str, bool], tuple[float, set[int]]] = {}

        def add(term: str, boost: float, prefix: bool, covers: set[int]) -> None:
            old_boost, old_covers = terms.get((term, prefix), (0.0, set()))
            terms[(term, prefix)] = (max(old_boost, boost), old_covers | covers)

        typing = bool(found) and not query[-1].isspace()
        for position, piece in enumerate(found):
            still_typed = typing and position == len(found) - 1 and (not piece.cjk or piece.run_length == 1)
            add(piece.text, 1.0, still_typed, {position})
        for group in self._synonym_tokens:
            covered = set().union(*(_occurrences(texts, variant) for variant in group))
            if covered:
                for variant in group:
                    for token in variant:
                        add(token, SYNONYM_BOOST, False, covered)
        return [QueryTerm(t, b, p, tuple(sorted(c))) for (t, p), (b, c) in sorted(terms.items())]

    @staticmethod
    def query_size(terms: Sequence[QueryTerm]) -> int:
        """How many query tokens the terms stand for."""
        return len(set().union(*(t.covers for t in terms))) if terms else 0


def read_stopwords(path: Path = SEARCH_DATA / "stopwords-en.txt") -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [w.strip() for w in lines if w.strip() and not w.lstrip().startswith("#")]


def read_synonyms(lang: str, path: Path = SEARCH_DATA / "synonyms.yml") -> list[list[str]]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups = data.get(lang, []) or []
    for number, group in enumerate(groups, 1):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) for w in group):
            raise ValueError(f"{path}: {lang} group {number}: a group is a list of two or more words")
    return groups


@cache
def for_language(lang: str) -> Analyzer:
    """The analyzer for one site language, with its stop words and synonyms."""
    return Analyzer(read_stopwords(), read_synonyms(lang))
