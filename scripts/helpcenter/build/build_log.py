"""The build's warnings read back: the page and line each names, and what it says in Japanese.

MkDocs and the site's hooks warn in English, naming a page as
`Doc file 'ja/faq.md'` (and the hooks a line: `Doc file 'ja/faq.md': line 12:`).
`scripts/check` (rule build-warning) and the preview's problem box
(live_preview) both report a warning at its page; a writer of a Japanese
page reads it in Japanese, so the warnings the build is known to give are
said again here in Japanese. One the table does not know keeps its English
words after a Japanese lead, rather than being lost.
"""

from __future__ import annotations

import re

DOC = re.compile(r"^Doc file '(?P<page>[^']+)'(?:: line (?P<line>\d+):)?\s*")
_DID_YOU_MEAN = re.compile(r"\s*Did you mean '(?P<name>[^']+)'\?\s*$")

# (English as MkDocs or a hook words it, after the "Doc file '…'" lead) -> the same in Japanese
_JAPANESE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^contains a link '(?P<url>[^']*)', but the target(?: '[^']*')? is not found among"
                r" documentation files\.$"),
     "リンク「{url}」の行き先のページがありません。このページからの相対パスで、ある .md ファイルを"
     "指定してください"),
    (re.compile(r"^contains an unrecognized relative link '(?P<url>[^']*)', it was left as is\.$"),
     "相対リンク「{url}」の行き先が分からず、そのまま残しました。.md ファイルへのパスで書いてください"),
    (re.compile(r"^contains a link '(?P<url>[^']*)', but the doc '(?P<target>[^']*)' does not contain an anchor"
                r" '#(?P<anchor>[^']*)'\.$"),
     "リンク「{url}」の行き先 {target} に #{anchor} がありません。見出しの id（{{#id}}）を確かめてください"),
    (re.compile(r"^contains a link '(?P<url>[^']*)', but there is no such anchor on this page\.(?: .*)?$"),
     "リンク「{url}」の #id がこのページにありません。見出しの id（{{#id}}）を確かめてください"),
    (re.compile(r"^(?P<placeholder>\{\{.*?\}\}) names nothing in extra\.official of mkdocs\.yml; use one of"
                r" (?P<names>.*)$"),
     "{placeholder} は mkdocs.yml の extra.official にありません。次のどれかを使ってください：{names}"),
    (re.compile(r"^front matter `(?P<key>[^`]+)` holds markup \((?P<found>.*)\), shown as plain text: remove it$"),
     "フロントマターの `{key}` にマークアップ（{found}）があり、文字のまま表示されます。削除してください"),
    (re.compile(r"^--8<-- \"(?P<name>[^\"]*)\" names no file in data/snippets/; .*$"),
     "--8<-- \"{name}\" のファイルが data/snippets/ にありません。ファイル名を直すまで、プレビューでは"
     "この取り込みを省きます（例：\"ja/never-send.md\"）"),
    (re.compile(r"^inline <script> that no theme template writes; .*$"),
     "テーマのテンプレートにないインラインの <script> です。コンテンツセキュリティポリシーが許可しません。"
     "削除してください（動作は overrides/ に置き、エンジニアが確認します）"),
]


def page_and_line(message: str) -> tuple[str | None, int | None]:
    """The page a warning names (`ja/faq.md`, inside the docs folder) and its line when stated."""
    m = DOC.match(message)
    if m is None:
        return None, None
    return m["page"], int(m["line"]) if m["line"] else None


def japanese(message: str) -> str:
    """The warning said in Japanese, without its "Doc file" lead (the problem names the page already)."""
    text = DOC.sub("", message, count=1).strip()
    hint = ""
    if m := _DID_YOU_MEAN.search(text):
        text, hint = text[: m.start()].strip(), f"（{m['name']} のことですか？）"
    for pattern, said in _JAPANESE:
        if m := pattern.match(text):
            return said.format(**m.groupdict()) + hint
    return f"ビルドの警告です：{text}{hint}"
