"""Text folded the way a reader sees it, before any contact point is matched.

A number or address can be written so that no pattern for its plain form
matches and a reader still reads it: full-width or kanji digits, invisible
format characters (zero-width space, U+2062 INVISIBLE TIMES) inside it.
Folding: NFKC (full-width to ASCII, ＠ to @), format characters (category Cf)
removed, kanji digits (also the formal 壱弐参) and the digits of every other
script (٠١٢, ०१२) to ASCII digits. Kept apart so that matching and
locating (locate.normalized_line) fold alike.
"""

from __future__ import annotations

import unicodedata

_KANJI_DIGITS = str.maketrans("〇零一二三四五六七八九壱弐参肆伍陸漆捌玖", "0012345678912345678" + "9")


def _ascii_digit(ch: str) -> str:
    """A decimal digit of any script as its ASCII digit; any other character as it is."""
    return str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.category(ch) == "Nd" else ch


def fold(text: str) -> str:
    """NFKC, without format characters, digits of every script and kanji digits as ASCII digits."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_ascii_digit(ch) for ch in text if unicodedata.category(ch) != "Cf")
    return text.translate(_KANJI_DIGITS)
