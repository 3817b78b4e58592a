"""Japanese words for the index, from a morphological analyzer (build time only).

Sudachi (SudachiPy with the core dictionary, what Elasticsearch's and
OpenSearch's Japanese plugins use) cuts a run of Japanese text into words
and gives each its normalized form (問合せ -> 問い合わせ) and its reading.
Nothing of the 200 MB dictionary ships: the browser segments a query by
longest match against the words this step put in the index (analyzer.py).

What a run yields:
- every content word: its surface and, when it differs, its normalized form
  (particles, auxiliaries, symbols and the words in stopwords-ja.txt
  dropped); a long word also as its short units (申請後 -> 申請);
- every compound: two to four adjacent nouns (prefixes and suffixes
  included), such as 二段階認証, 取引履歴, 出金申請, so that a query for the
  compound matches the words standing together;
- readings in hiragana of the words and compounds written with kanji, so
  that しゅっきん finds 出金.
All folded (katakana to hiragana), as every token is.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from helpcenter.search.text import TOKEN_RE, fold, width_case

WORD_MARK = "_"  # index word terms start with it, so that a word never meets a bigram
# Parts of speech that carry no topic (Sudachi's first POS level).
SKIP_POS = {"助詞", "助動詞", "補助記号", "空白", "記号", "感動詞", "接続詞"}
# Parts of speech that join a compound.
NOUNISH = {"名詞", "接頭辞", "接尾辞"}
MAX_COMPOUND = 4


@dataclass
class Analysis:
    """What one run of Japanese text yields, folded (katakana to hiragana)."""

    words: list[str] = field(default_factory=list)
    readings: list[tuple[str, str]] = field(default_factory=list)  # (reading, word)
    normalized: list[str] = field(default_factory=list)  # normalized forms that differ from the text


@cache
def _sudachi():
    """Sudachi's tokenizer (long units, mode C) and its short-unit mode (A), loaded once.
    Imported here, not at the top: only the build needs the dictionary."""
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="core").tokenizer(mode=SplitMode.C), SplitMode.A


def has_kanji(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch in "々〆" for ch in text)


def _add_word(out: Analysis, surface: str, normalized: str, reading: str, numeral: bool) -> None:
    out.words.append(fold(surface))
    if normalized != surface and not numeral:
        out.words.append(fold(normalized))
        out.normalized.append(fold(normalized))
    if has_kanji(surface):
        out.readings.append((fold(reading), fold(surface)))


def analyze(run: str, stop_words: frozenset[str]) -> Analysis:
    """Words, compounds and readings of one run of Japanese text (NFKC, lower case, not yet
    folded: Sudachi needs katakana as written)."""
    out = Analysis()
    chain: list[tuple[str, str]] = []  # (surface, reading) of the nouns in a row

    def close_chain() -> None:
        for start in range(len(chain)):
            for end in range(start + 2, min(len(chain), start + MAX_COMPOUND) + 1):
                surface = "".join(s for s, _ in chain[start:end])
                out.words.append(fold(surface))
                if has_kanji(surface):
                    out.readings.append((fold("".join(r for _, r in chain[start:end])), fold(surface)))
        chain.clear()

    tokenizer, short_units = _sudachi()
    for m in tokenizer.tokenize(run):
        pos = m.part_of_speech()[0]
        surface, normalized = m.surface(), m.normalized_form()
        if pos in SKIP_POS or fold(normalized) in stop_words or fold(surface) in stop_words:
            close_chain()
            continue
        parts = m.split(short_units) if len(surface) > 2 else []
        parts = parts if len(parts) > 1 else [m]
        if pos in NOUNISH:
            chain.extend((p.surface(), p.reading_form()) for p in parts)
        else:
            close_chain()
        if pos not in ("接頭辞", "接尾辞"):
            _add_word(out, surface, normalized, m.reading_form(), m.part_of_speech()[1] == "数詞")
            for part in parts if len(parts) > 1 else []:
                if part.part_of_speech()[0] not in SKIP_POS and len(part.surface()) > 1:
                    _add_word(out, part.surface(), part.normalized_form(), part.reading_form(), False)
    close_chain()
    return out


def analyze_text(text: str, stopwords: frozenset[str]) -> Iterator[Analysis]:
    """The analysis of each Japanese run of `text`."""
    for match in TOKEN_RE.finditer(width_case(text)):
        if match.group(1):
            yield analyze(match.group(1), stopwords)


def word_terms(analyses: Iterable[Analysis]) -> list[str]:
    """Index word terms: the normalized forms of Japanese words where they differ from what
    is written (問合せ -> 問い合わせ, 取引 -> 取り引き), marked. What is written is found
    by its bigrams already; these find the page when a customer types the standard form
    of a variant the page uses."""
    return [WORD_MARK + w for a in analyses for w in a.normalized]
