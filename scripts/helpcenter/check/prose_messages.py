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


# markdownlint's descriptions said again in Japanese, for problems at Japanese pages (its details stay as printed).
MARKDOWNLINT_JA: dict[str, str] = {
    "MD001": "見出しのレベルは一段ずつ下げてください（## の次は ###）",
    "MD003": "見出しの書き方をそろえてください（# で始めます）",
    "MD004": "箇条書きの記号をそろえてください",
    "MD005": "同じ階層の箇条書きは字下げをそろえてください",
    "MD007": "箇条書きの字下げは空白 4 つにしてください",
    "MD009": "行末の空白を削除してください",
    "MD010": "タブではなく空白で字下げしてください",
    "MD011": "リンクの書き方が逆です。[文言](アドレス) と書いてください",
    "MD012": "空行を 2 行以上続けないでください",
    "MD018": "見出しの # の後ろに空白を入れてください",
    "MD019": "見出しの # の後ろの空白は一つにしてください",
    "MD022": "見出しの前後に空行を入れてください",
    "MD023": "見出しは行頭から書いてください",
    "MD024": "同じ見出しがほかにもあります。見出しの言葉を変えてください",
    "MD025": "# の見出しは一ページに一つにしてください",
    "MD026": "見出しの末尾に句読点を付けないでください",
    "MD027": "引用の > の後ろの空白は一つにしてください",
    "MD028": "引用の途中に空行を入れないでください",
    "MD029": "番号付きリストの番号の振り方をそろえてください",
    "MD031": "コードブロックの前後に空行を入れてください",
    "MD032": "箇条書きの前後に空行を入れてください",
    "MD033": "このサイトで使えない HTML です。Markdown で書いてください",
    "MD034": "URL をそのまま書かず、リンクにしてください",
    "MD035": "水平線の書き方をそろえてください",
    "MD036": "強調を見出しの代わりに使わず、見出し（## …）にしてください",
    "MD037": "強調の記号の内側に空白を入れないでください",
    "MD038": "コード（`…`）の内側に空白を入れないでください",
    "MD039": "リンクの文言の内側に空白を入れないでください",
    "MD040": "コードブロックに言語を書いてください（```text など）",
    "MD041": "ページの最初の行は # の見出しにしてください",
    "MD042": "リンク先が空です。アドレスかページを書いてください",
    "MD044": "固有名詞の大文字・小文字を正しく書いてください",
    "MD045": "画像に代替テキストを書いてください（![説明](画像)）",
    "MD047": "ファイルの最後は改行一つで終えてください",
    "MD048": "コードブロックの記号をそろえてください",
    "MD049": "強調の記号をそろえてください",
    "MD052": "参照リンクの参照が定義されていません",
    "MD053": "使われていない参照の定義があります。削除してください",
    "MD055": "表の | の書き方をそろえてください",
    "MD056": "表の列の数がそろっていません",
    "MD058": "表の前後に空行を入れてください",
}
_MDL_DETAIL = re.compile(r"\s*(\[.*\])\s*$")


def markdownlint_japanese(rule: str, message: str) -> str:
    """markdownlint's message for a Japanese page: the description in Japanese, its [details] as printed."""
    number = rule.split("/", 1)[0]
    detail = m.group(1) if (m := _MDL_DETAIL.search(message)) else ""
    said = MARKDOWNLINT_JA.get(number, f"Markdown の書き方を直してください：{message[: m.start()] if m else message}")
    return f"{said} {detail}".strip()
