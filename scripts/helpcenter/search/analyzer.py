"""The search analyzer: text -> index tokens, query -> weighted query terms.

This is one of two implementations of the same analyzer; the other is
`overrides/assets/javascripts/helpcenter/analyzer.js`, which the browser runs
on queries. Both must give the same output for the same input, token for
token: `data/search/analyzer-vectors.json` holds the cases both are tested on.
Change one, change the other, and add a vector.

Why our own instead of lunr's pipeline: lunr (both lunr.py and lunr.js) splits
on whitespace and knows no Japanese. The chain, as Sudachi's and
Elasticsearch's analyzers lay it out:
1. normalize and tokenize (text.py): NFKC, lower case, Japanese runs into
   character bigrams, katakana folded to hiragana, English words stemmed;
2. segment the query into words (segment.py): longest match against the
   words Sudachi found in the pages (japanese.py, build time), kana also
   against their readings;
3. expand: synonyms (lexicon.py) that the pages use, English words one typo
   away, the word of a reading, the standard form of a word (word terms);
4. weigh (`factors`): each word of the query counts once, shared by its
   bigrams; kana no word covers (particles, okurigana) count WEAK_WEIGHT; a
   bigram across two words counts nothing; an intent word (対処法, "fix")
   counts INTENT_WEIGHT.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from helpcenter.search import lexicon
from helpcenter.search.japanese import WORD_MARK
from helpcenter.search.segment import Segment, owners, segments
from helpcenter.search.text import Piece, normalize, pieces

SYNONYM_BOOST = 0.5
TYPO_BOOST = 0.5
MIN_TYPO_LENGTH = 5
WEAK_WEIGHT = 0.3
INTENT_WEIGHT = 0.2
_LATIN_WORD = re.compile("[0-9a-z]+")
_LATIN_CHAR = re.compile("[0-9a-z\u00c0-\u024f]")


@dataclass(frozen=True)
class QueryTerm:
    """A term to look up; `covers` are the positions of the query tokens it stands for."""

    term: str
    boost: float
    prefix: bool
    covers: tuple[int, ...]

    def as_list(self) -> list[object]:
        return [self.term, self.boost, self.prefix, list(self.covers)]


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


def _occurrences(haystack: Sequence[str], needle: Sequence[str]) -> set[int]:
    """Positions of `haystack` covered by any occurrence of `needle` in it."""
    n = len(needle)
    covered: set[int] = set()
    for i in range(len(haystack) - n + 1):
        if n and list(haystack[i : i + n]) == list(needle):
            covered.update(range(i, i + n))
    return covered


def _whole_latin(text: str, start: int, end: int) -> bool:
    """An intent word found inside a Latin word ("fix" in "prefix") does not count."""

    def latin(i: int) -> bool:
        return 0 <= i < len(text) and bool(_LATIN_CHAR.match(text[i]))

    return not ((latin(start) and latin(start - 1)) or (latin(end - 1) and latin(end)))


class Analyzer:
    """One language's analyzer: its stop words, synonym groups and intent words, and on
    the query side what the index holds: its terms (`vocabulary`, for typos and
    synonyms), its Japanese words and their readings (for segmenting)."""

    def __init__(self, stopwords: Iterable[str], synonyms: Iterable[Sequence[str]],
                 intent: Iterable[str] = (), vocabulary: Iterable[str] = (),
                 words: Iterable[str] = (), readings: Mapping[str, str] | None = None):
        self.stopwords = frozenset(stopwords)
        self.synonyms = [list(group) for group in synonyms]
        self.intent = sorted({normalize(w) for w in intent})
        self.vocabulary = frozenset(vocabulary)
        self.words = frozenset(words)
        self.readings = dict(readings or {})
        self._latin_vocabulary = sorted(w for w in self.vocabulary if _LATIN_WORD.fullmatch(w))
        self._synonym_tokens = [
            [[p.text for p in pieces(variant, self.stopwords)] for variant in group] for group in self.synonyms
        ]
        self._known = [[self.known(variant) for variant in group] for group in self.synonyms]

    def tokens(self, text: str) -> list[str]:
        """Index-side tokens of `text`, repeated as often as they occur."""
        return [p.text for p in pieces(text, self.stopwords)]

    def segments(self, query: str) -> list[Segment]:
        return segments(query, self.words, self.readings)

    def known(self, variant: str) -> bool:
        """Whether the pages use a synonym variant: a word of theirs, or English words they
        all have. A variant no page uses adds only fragments of other words (すて of
        2ステップ認証 in ステータス). Without the index's words (tests), every variant is."""
        found = pieces(variant, self.stopwords)
        if any(p.cjk for p in found):
            return not self.words or normalize(variant) in self.words
        return not self.vocabulary or all(p.text in self.vocabulary for p in found)

    def query_terms(self, query: str) -> list[QueryTerm]:
        """Terms to look up for what the user typed, sorted by term.

        Every token is looked up exactly, except the last while the user is
        still typing it (no trailing space): a stemmed Latin word or a lone
        Japanese character is then looked up as a prefix, which also finds it
        whole. Added, covering the same query tokens: an English word's typo
        neighbours, the other variants of a synonym group found in the query
        (those the pages use), and for each word of the query its word term
        (the standard form a page's variant is indexed under) and, for a
        reading, the bigrams of its word.
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
        for group, known in zip(self._synonym_tokens, self._known, strict=True):
            covered = set().union(*(_occurrences(texts, variant) for variant in group))
            if covered:
                for variant, is_known in zip(group, known, strict=True):
                    for token in variant if is_known else ():
                        add(token, SYNONYM_BOOST, False, covered)
        segs = self.segments(query)
        owner = owners(found, segs)
        for number, segment in enumerate(segs):
            covers = {p for p, o in enumerate(owner) if o == number}
            if segment.kind == "reading":
                for token in pieces(segment.word, self.stopwords):
                    add(token.text, 1.0, False, covers)
            if segment.kind in ("word", "reading"):
                add(WORD_MARK + segment.word, 1.0, False, covers)
        return [QueryTerm(t, b, p, tuple(sorted(c))) for (t, p), (b, c) in sorted(terms.items())]

    def near(self, piece: Piece, prefix: bool) -> list[str]:
        """Index words one typo away from an English word of 5+ letters the index does not know."""
        if piece.cjk or piece.run_length < MIN_TYPO_LENGTH or not self.vocabulary:
            return []
        if prefix:
            known = any(w.startswith(piece.text) for w in self._latin_vocabulary)
        else:
            known = piece.text in self.vocabulary
        return [] if known else [w for w in self._latin_vocabulary if within_one_edit(piece.text, w)]

    def factors(self, query: str) -> list[float]:
        """Weight factor of each query token (see the module's step 4)."""
        text = normalize(query)
        spans = [(m.start(), m.start() + len(w)) for w in self.intent for m in re.finditer(re.escape(w), text)
                 if _whole_latin(text, m.start(), m.start() + len(w))]
        segs = self.segments(query)
        owner = owners(pieces(query, self.stopwords), segs)
        out = []
        for number in owner:
            if number < 0:
                out.append(0.0)
                continue
            segment = segs[number]
            factor = (WEAK_WEIGHT if segment.weak else 1.0) / owner.count(number)
            if any(a <= segment.start and segment.end <= b for a, b in spans):
                factor *= INTENT_WEIGHT
            out.append(factor)
        return out


@cache
def for_language(lang: str) -> Analyzer:
    """The analyzer for one site language, with its stop words, synonyms and intent words."""
    return Analyzer(lexicon.read_stopwords(), lexicon.all_synonyms(lang), lexicon.read_intent(lang))
