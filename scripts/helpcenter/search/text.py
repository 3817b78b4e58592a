"""Normalize and tokenize: the first steps of both analysis chains.

Unicode NFKC (full-width ２ -> 2, half-width ﾊﾟｽﾜｰﾄﾞ -> パスワード) and lower
case; runs of Japanese characters cut into overlapping character bigrams (a
one-character run stays whole), then katakana folded to hiragana (パスワード
and ぱすわーど are one word); runs of Latin letters and digits kept as words,
stop words and lone letters dropped, Porter-stemmed as lunr.js stems them
(stemmer.py says why lunr.py's stemmer is not used).

Bigrams find any substring of two or more characters (「出金が遅延」 finds 出金
and 遅延) with no dictionary in the browser; the words Sudachi finds at build
time (japanese.py) tell the query side where a word starts and ends
(segment.py).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from helpcenter.search.stemmer import stem

# Hiragana, katakana (folded to hiragana after cutting), the prolonged sound
# mark, iteration marks, CJK ideographs and compatibility ideographs.
CJK = "\u3005\u3006\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
LATIN = "0-9a-z\u00c0-\u024f"
TOKEN_RE = re.compile(f"([{CJK}]+)|([{LATIN}]+)")
KANA_ONLY = re.compile("^[\u3041-\u309f\u30fc]+$")
_KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def width_case(text: str) -> str:
    """NFKC and lower case; folding next keeps the length."""
    return unicodedata.normalize("NFKC", text).lower()


def fold(text: str) -> str:
    """Katakana folded to hiragana."""
    return text.translate(_KATAKANA_TO_HIRAGANA)


def normalize(text: str) -> str:
    """NFKC, lower case, katakana folded to hiragana."""
    return fold(width_case(text))


def script(ch: str) -> str:
    """h (hiragana), k (katakana and ー), or c (kanji and the rest of a Japanese run)."""
    if "\u3041" <= ch <= "\u309e":
        return "h"
    if "\u30a1" <= ch <= "\u30fc":
        return "k"
    return "c"


@dataclass(frozen=True)
class Piece:
    """One token, with where it stands in the normalized text."""

    text: str
    cjk: bool
    run_length: int
    start: int
    end: int


def pieces(text: str, stopwords: frozenset[str]) -> list[Piece]:
    """Tokens of `text` in order."""
    out: list[Piece] = []
    for match in TOKEN_RE.finditer(width_case(text)):
        cjk, word = match.group(1), match.group(2)
        at = match.start()
        if cjk:
            folded = fold(cjk)
            if len(cjk) == 1:
                out.append(Piece(folded, True, 1, at, at + 1))
            out.extend(Piece(folded[i : i + 2], True, len(cjk), at + i, at + i + 2) for i in range(len(cjk) - 1))
        elif word not in stopwords and (len(word) > 1 or word.isdigit()):
            out.append(Piece(stem(word), False, len(word), at, at + len(word)))
    return out
