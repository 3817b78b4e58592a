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
2. Runs of Japanese characters -> bigrams (a one-character run stays whole);
   runs of Latin letters and digits -> words.
3. Katakana folded to hiragana (パスワード and ぱすわーど are one word).

On the query side each query token also gets a weight factor (`factors`):
- a bigram of hiragana only, or across two scripts (金が, ん対), is mostly
  grammar or a word boundary, not a topic: WEAK_WEIGHT;
- a token inside an intent word (対処法, 方法, "fix": data/search/
  intent-words.yml), which says what the customer wants, not what it is
  about: INTENT_WEIGHT.
The engine multiplies these with how rare the token is among pages.
An English word of 5+ letters the index does not know also looks up the
index's words one typo away (`near`), at TYPO_BOOST.
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
TYPO_BOOST = 0.5
MIN_TYPO_LENGTH = 5
WEAK_WEIGHT = 0.3
INTENT_WEIGHT = 0.2

# Hiragana, katakana (folded to hiragana after cutting), the prolonged sound
# mark, iteration marks, CJK ideographs and compatibility ideographs.
_CJK = "\u3005\u3006\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(f"([{_CJK}]+)|([0-9a-z\u00c0-\u024f]+)")
_HIRAGANA_ONLY = re.compile("^[\u3041-\u309f]+$")
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def width_case(text: str) -> str:
    """NFKC and lower case; keeps the length of what is folded next."""
    return unicodedata.normalize("NFKC", text).lower()


def normalize(text: str) -> str:
    """NFKC, lower case, katakana folded to hiragana."""
    return width_case(text).translate(_KATAKANA_TO_HIRAGANA)


def script(ch: str) -> str:
    """h (hiragana), k (katakana and ー), or c (kanji and the rest of a Japanese run)."""
    if "\u3041" <= ch <= "\u309e":
        return "h"
    if "\u30a1" <= ch <= "\u30fc":
        return "k"
    return "c"


@dataclass(frozen=True)
class Piece:
    """One token with what the query side needs to know about it."""

    text: str
    cjk: bool
    run_length: int
    start: int = 0  # offsets in the normalized text
    end: int = 0
    weak: bool = False  # a bigram of hiragana only, or across two scripts


def pieces(text: str, stopwords: frozenset[str]) -> list[Piece]:
    """Tokens of `text` in order, with their kind and place."""
    out: list[Piece] = []
    for match in _TOKEN_RE.finditer(width_case(text)):
        cjk, word = match.group(1), match.group(2)
        at = match.start()
        if cjk:
            folded = cjk.translate(_KATAKANA_TO_HIRAGANA)
            if len(cjk) == 1:
                out.append(Piece(folded, True, 1, at, at + 1))
            for i in range(len(cjk) - 1 if len(cjk) > 1 else 0):
                a, b = script(cjk[i]), script(cjk[i + 1])
                out.append(Piece(folded[i : i + 2], True, len(cjk), at + i, at + i + 2, a != b or a == "h"))
        elif word in stopwords or (len(word) == 1 and not word.isdigit()):
            continue
        else:
            out.append(Piece(_stem(word), False, len(word), at, at + len(word)))
    return out


def within_one_edit(a: str, b: str) -> bool:
    """One substitution, insertion, deletion or swap of neighbours turns a into b."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or (a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :])
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


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
    """The analyzer with its data: stop words, synonym groups and intent words of one
    language, and (on the query side) the index's vocabulary for typos."""

    def __init__(self, stopwords: Iterable[str], synonyms: Iterable[Sequence[str]],
                 intent: Iterable[str] = (), vocabulary: Iterable[str] = ()):
        self.stopwords = frozenset(stopwords)
        self.synonyms = [list(group) for group in synonyms]
        self.intent = sorted({normalize(w) for w in intent})
        self.vocabulary = frozenset(vocabulary)
        self._latin_vocabulary = sorted(w for w in self.vocabulary if re.fullmatch("[0-9a-z]+", w))
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
            for near in self.near(piece, still_typed):
                add(near, TYPO_BOOST, False, {position})
        for group in self._synonym_tokens:
            covered = set().union(*(_occurrences(texts, variant) for variant in group))
            if covered:
                for variant in group:
                    for token in variant:
                        add(token, SYNONYM_BOOST, False, covered)
        return [QueryTerm(t, b, p, tuple(sorted(c))) for (t, p), (b, c) in sorted(terms.items())]

    def near(self, piece: Piece, prefix: bool) -> list[str]:
        """Index words one typo away from an English word of 5+ letters that the index does not know."""
        if piece.cjk or piece.run_length < MIN_TYPO_LENGTH or not self.vocabulary:
            return []
        known = any(w.startswith(piece.text) for w in self._latin_vocabulary) if prefix \
            else piece.text in self.vocabulary
        return [] if known else [w for w in self._latin_vocabulary if within_one_edit(piece.text, w)]

    def factors(self, query: str) -> list[float]:
        """Weight factor of each query token: weak bigrams and intent words count less."""
        text = normalize(query)
        spans = [(m.start(), m.start() + len(w)) for w in self.intent for m in re.finditer(re.escape(w), text)
                 if _whole_latin(text, m.start(), m.start() + len(w))]
        out = []
        for piece in pieces(query, self.stopwords):
            factor = WEAK_WEIGHT if piece.weak else 1.0
            if any(a <= piece.start and piece.end <= b for a, b in spans):
                factor *= INTENT_WEIGHT
            out.append(factor)
        return out


def _whole_latin(text: str, start: int, end: int) -> bool:
    """An intent word found inside a Latin word ("fix" in "prefix") does not count."""
    def latin(i: int) -> bool:
        return 0 <= i < len(text) and bool(re.match("[0-9a-z\u00c0-\u024f]", text[i]))

    return not ((latin(start) and latin(start - 1)) or (latin(end - 1) and latin(end)))


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


def read_intent(lang: str, path: Path = SEARCH_DATA / "intent-words.yml") -> list[str]:
    import yaml

    words = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get(lang, []) or []
    if not all(isinstance(w, str) and w.strip() for w in words):
        raise ValueError(f"{path}: {lang}: intent words are a list of words")
    return sorted({normalize(w) for w in words})


def merge_groups(groups: list[list[str]]) -> list[list[str]]:
    """Groups that share a word joined into one, duplicates dropped, order kept."""
    merged: list[list[str]] = []
    for group in groups:
        overlapping = [g for g in merged if {normalize(w) for w in g} & {normalize(w) for w in group}]
        for g in overlapping:
            merged.remove(g)
        joined = list(dict.fromkeys([w for g in overlapping for w in g] + list(group)))
        merged.append(joined)
    return merged


def all_synonyms(lang: str) -> list[list[str]]:
    """synonyms.yml, plus for Japanese the writers' term dictionary (prh_terms.py)."""
    from helpcenter.search.prh_terms import groups_from_prh

    groups = read_synonyms(lang) + (groups_from_prh() if lang == "ja" else [])
    stopwords = frozenset(read_stopwords())
    # A rule about grammar (下さい -> ください) gives no word worth searching for.
    return merge_groups([g for g in groups if pieces(g[0], stopwords) and not _HIRAGANA_ONLY.match(g[0])])


@cache
def for_language(lang: str) -> Analyzer:
    """The analyzer for one site language, with its stop words, synonyms and intent words."""
    return Analyzer(read_stopwords(), all_synonyms(lang), read_intent(lang))
