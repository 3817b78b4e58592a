"""frontmatter-markup: `title` and `description` are plain text.

Templates print them in <title>, <meta> and the navigation of every page,
so markup there could redirect or take over the whole site; the build shows
it as text (helpcenter/build/front_matter_text.py), and this rule refuses it at
the front-matter line. Character references (`&lt;`) count as markup too.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.build import front_matter_text
from helpcenter.check import body
from helpcenter.check.model import Problem, Project

ID = "frontmatter-markup"
DESCRIPTION = "front matter title and description hold no HTML or character references"


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        for key in front_matter_text.TEXT_KEYS:
            found = front_matter_text.markup_in(source.front.data.get(key))
            if found:
                yield Problem(source.display, source.front.key_lines.get(key, 1), ID, body.say(
                    source,
                    f"`{key}` にマークアップ（{found}）があります。フロントマターは文字だけで、ブラウザーのタブ、"
                    "全ページのナビゲーション、検索結果に表示されます。タグを削除し、文字だけを書いてください",
                    f"`{key}` holds markup ({found}); front matter is plain text, shown in the browser"
                    " tab, the navigation of every page and search results: remove the tags and"
                    " write the words only"))
