"""Cut a query into words, in the browser's way: no dictionary, the index's own words.

Sudachi found the pages' words at build time (japanese.py); their list and
their readings travel with the index. A Japanese run of the query is cut by
longest match against those words; kana also against their readings
(しゅっきん -> 出金). What no word covers is cut where the script changes
(ビットバンクの -> ビットバンク, の). Latin words stand as they are.

The analyzer weighs the query by these segments: each word counts once,
however many bigrams it has (analyzer.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from helpcenter.search.text import KANA_ONLY, TOKEN_RE, Piece, normalize, script, width_case

MAX_WORD = 16
MIN_KANA_WORD = 3  # a kana-only word or reading shorter than this is too often a particle


@dataclass(frozen=True)
class Segment:
    """One word of a query: `word` is the index word it stands for (the kanji word of a reading)."""

    start: int  # offsets in the normalized text
    end: int
    kind: str  # "word", "reading", "rest" (Japanese no word covers) or "latin"
    word: str
    script: str = ""  # of a rest: h (hiragana), k (katakana) or c (kanji and the rest)

    @property
    def weak(self) -> bool:
        """Hiragana no word covers: particles and okurigana, mostly."""
        return self.kind == "rest" and self.script == "h"

    @property
    def lone_kanji(self) -> bool:
        return self.kind == "rest" and self.script == "c" and len(self.word) == 1


def longest(run: str, i: int, words: frozenset[str], readings: Mapping[str, str]) -> tuple[str, str, int] | None:
    """(kind, index word, length) of the longest word or reading at run[i:], if any."""
    for end in range(min(len(run), i + MAX_WORD), i + 1, -1):
        piece = run[i:end]
        kana = bool(KANA_ONLY.match(piece))
        if piece in words and (not kana or len(piece) >= MIN_KANA_WORD):
            return "word", piece, end - i
        if kana and len(piece) >= MIN_KANA_WORD and piece in readings:
            return "reading", readings[piece], end - i
    return None


def segments(query: str, words: frozenset[str], readings: Mapping[str, str]) -> list[Segment]:
    """The query's words, in order."""
    out: list[Segment] = []
    written = width_case(query)
    text = normalize(query)
    for match in TOKEN_RE.finditer(written):
        start = match.start()
        if match.group(2):
            out.append(Segment(start, match.end(), "latin", match.group(2)))
            continue
        run = text[start : match.end()]
        i = 0
        rest = -1
        while i < len(run):
            found = longest(run, i, words, readings)
            if found is None:
                rest = i if rest < 0 else rest
                i += 1
                continue
            if rest >= 0:
                out.extend(_rest(written, text, start + rest, start + i))
                rest = -1
            kind, word, length = found
            out.append(Segment(start + i, start + i + length, kind, word))
            i += length
        if rest >= 0:
            out.extend(_rest(written, text, start + rest, start + len(run)))
    return out


def _rest(written: str, text: str, start: int, end: int) -> list[Segment]:
    """Japanese no word covers, cut where the script changes (katakana, hiragana, other)."""
    out: list[Segment] = []
    begin = start
    for i in range(start + 1, end + 1):
        if i == end or script(written[i]) != script(written[i - 1]):
            out.append(Segment(begin, i, "rest", text[begin:i], script(written[begin])))
            begin = i
    return out


def owners(found: Sequence[Piece], segs: Sequence[Segment]) -> list[int]:
    """The segment each token belongs to, -1 for none: a bigram within one segment
    belongs to it; one across two belongs to a lone kanji no word covers that it
    touches (偽 in 偽サイト, when the index has no 偽サイト, is searched as 偽さ)."""
    at: dict[int, int] = {}
    for number, segment in enumerate(segs):
        for offset in range(segment.start, segment.end):
            at[offset] = number
    out = []
    for piece in found:
        first, last = at.get(piece.start, -1), at.get(piece.end - 1, -1)
        if first == last or (first >= 0 and segs[first].lone_kanji):
            out.append(first)
        elif last >= 0 and segs[last].lone_kanji:
            out.append(last)
        else:
            out.append(-1)
    return out
