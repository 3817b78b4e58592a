"""textlint's findings made writer-sized: the site's own phrasing accepted, the sentence quoted, the fix said.

The Japanese preset is tuned here rather than silenced:

* `no-doubled-joshi` counts the が of 〜ことがあります, the phrasing
  CONTRIBUTING recommends instead of 〜かもしれません, as a second が after
  any earlier one (時間がかかることがあります). That が belongs to a set
  phrase, so a finding *on it* is dropped; every other doubled particle,
  が included, is still reported.
* Messages are rewritten as one line in Japanese (the pages they are about
  are Japanese): what is wrong, the sentence quoted, and what to do, without
  the Markdown list artefacts of the originals (`— - "が" —`).

The legal and product terms that may run past six kanji are an allow-list
in `.textlintrc.yml` (max-kanji-continuous-len), not a filter here.
"""

from __future__ import annotations

import re

# 〜ことがあります / ことがある / ことがあり…: the が a finding points at, then あ.
_SET_PHRASE_GA = re.compile(r"(?<=こと)が(?=あ)")
_SENTENCE_END = "。！？!?"
_PARTICLE = re.compile(r'助詞 "(?P<p>[^"]+)"')
_QUOTE_MAX = 60

FIXES: dict[str, str] = {
    "no-doubled-joshi": "語順を入れ替えるか、文を分けてください（困ったときに最初に → 困ったとき、最初に）。",
    "no-exclamation-question-mark": "「！」「!」を削除してください。質問は全角の「？」で終えます。",
    "max-kanji-continuous-len": ("助詞やかなを入れてください（二段階認証設定画面 → 二段階認証の設定画面）。"
                                 "法令や製品の用語なら、エンジニアに .textlintrc.yml の allow への"
                                 "追加を依頼してください。"),
    "sentence-length": "文を分けるか、詳細を箇条書きにしてください。",
    "max-ten": "文を分けるか、箇条書きにしてください。",
    "ja-no-weak-phrase": "事実を書くか、〜の可能性があります／〜ことがあります と書いてください。",
}


def sentence_at(line: str, col: int) -> str:
    """The sentence of `line` that column `col` (1-based) is in, shortened for a message."""
    at = max(0, min(col - 1, len(line)))
    start = max((line.rfind(c, 0, at) for c in _SENTENCE_END), default=-1) + 1
    ends = [i for c in _SENTENCE_END if (i := line.find(c, at)) >= 0]
    text = line[start: (min(ends) + 1 if ends else len(line))].strip().lstrip("#-*> ").strip().rstrip("。")
    return text if len(text) <= _QUOTE_MAX else text[: _QUOTE_MAX - 1] + "…"


def accepted(rule: str, line: str, col: int) -> bool:
    """True when the finding is the site's own recommended phrasing, not a mistake."""
    if rule != "no-doubled-joshi":
        return False
    return any(m.start() == col - 1 for m in _SET_PHRASE_GA.finditer(line))


def rewrite(rule: str, message: str, line: str, col: int) -> str:
    """One line: the finding, the sentence quoted, the fix."""
    sentence = sentence_at(line, col)
    quoted = f"「{sentence}」" if sentence else ""
    if rule == "no-doubled-joshi" and (m := _PARTICLE.search(message)):
        head = f"助詞「{m.group('p')}」が一文に2回以上あります"
    elif rule == "no-exclamation-question-mark":
        head = "感嘆符は使いません"
    else:
        head = " ".join(part.strip() for part in message.strip().splitlines() if part.strip()).rstrip("。")
    fix = FIXES.get(rule, "")
    return f"{head}：{quoted}。{fix}".rstrip() if quoted else f"{head}。{fix}".rstrip()
