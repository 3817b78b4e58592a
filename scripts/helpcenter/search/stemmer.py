"""English stemming exactly as the browser's lunr.js 2.3.9 does it.

Why not lunr.py's stemmer: it follows a different reading of Porter's
algorithm, so the two disagree on common words ("delayed": lunr.py gives
"delai", lunr.js "delay"). A query stemmed in the browser must meet the
stems in the index, so the index side follows the browser: this is Porter's
1980 algorithm with lunr.js's choices (step 1c turns a final y into i only
after a consonant; 'y' counts as a vowel after a consonant run). The test
suite runs every word of the site through both and compares.
"""

from __future__ import annotations

import re
from functools import lru_cache

_C = "[^aeiou][^aeiouy]*"  # a consonant run
_V = "[aeiouy][aeiou]*"  # a vowel run
_M_GT_0 = re.compile(f"^({_C})?{_V}{_C}")
_M_EQ_1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")
_M_GT_1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")
_HAS_VOWEL = re.compile(f"^({_C})?[aeiouy]")
_CVC = re.compile(f"^{_C}[aeiouy][^aeiouwxy]$")
_DOUBLE_END = re.compile(r"([^aeiouylsz])\1$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble",
    "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate",
    "ator": "ate", "alism": "al", "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al",
    "iviti": "ive", "biliti": "ble", "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_STEP4 = ("al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism",
          "ate", "iti", "ous", "ive", "ize")


def _suffix_re(suffixes) -> re.Pattern[str]:
    return re.compile("^(.+?)(" + "|".join(suffixes) + ")$")


_STEP2_RE = _suffix_re(_STEP2)
_STEP3_RE = _suffix_re(_STEP3)
_STEP4_RE = _suffix_re(_STEP4)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of a lower-case word."""
    if len(word) < 3:
        return word
    w = "Y" + word[1:] if word[0] == "y" else word  # an initial y is a consonant

    # Step 1a: plurals.
    if (m := re.match(r"^(.+?)(ss|i)es$", w)) or (m := re.match(r"^(.+?)([^s])s$", w)):
        w = m[1] + m[2]

    # Step 1b: -eed, -ed, -ing.
    if m := re.match(r"^(.+?)eed$", w):
        if _M_GT_0.search(m[1]):
            w = w[:-1]
    elif (m := re.match(r"^(.+?)(ed|ing)$", w)) and _HAS_VOWEL.search(m[1]):
        w = m[1]
        if re.search(r"(at|bl|iz)$", w):
            w += "e"
        elif _DOUBLE_END.search(w):
            w = w[:-1]
        elif _CVC.search(w):
            w += "e"

    # Step 1c: y -> i after a consonant.
    if m := re.match(r"^(.+?[^aeiou])y$", w):
        w = m[1] + "i"

    # Steps 2 and 3: double and single suffixes, when the stem has m > 0.
    for pattern, table in ((_STEP2_RE, _STEP2), (_STEP3_RE, _STEP3)):
        if (m := pattern.match(w)) and _M_GT_0.search(m[1]):
            w = m[1] + table[m[2]]

    # Step 4: drop a suffix when the stem has m > 1.
    if m := _STEP4_RE.match(w):
        if _M_GT_1.search(m[1]):
            w = m[1]
    elif (m := re.match(r"^(.+?)(s|t)(ion)$", w)) and _M_GT_1.search(m[1] + m[2]):
        w = m[1] + m[2]

    # Step 5: a final e, a final ll.
    if m := re.match(r"^(.+?)e$", w):
        stem_ = m[1]
        if _M_GT_1.search(stem_) or (_M_EQ_1.search(stem_) and not _CVC.search(stem_)):
            w = stem_
    if w.endswith("ll") and _M_GT_1.search(w):
        w = w[:-1]

    return "y" + w[1:] if w[0] == "Y" else w
