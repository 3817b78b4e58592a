"""related-target: a page's `related:` front matter names pages that exist, in its own language.

The related list is built from it after the build (helpcenter.postbuild.related), which
silently skips an entry it cannot resolve: this rule says so instead, at the
entry's line, so that a writer's choice is never lost without a word.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from helpcenter.check import body, suggest
from helpcenter.check.model import Problem, Project, SourcePage
from helpcenter.postbuild.related import MAX_PAGES

ID = "related-target"
DESCRIPTION = f"`related:` lists 1 to {MAX_PAGES} other existing pages of the same language (Markdown paths)"


def _line(source: SourcePage, entry: str) -> int:
    """The line of the entry in the front matter (the `related:` key's line if not found)."""
    for no, text in enumerate(source.lines[: source.front.end_line], start=1):
        if entry and entry in text and no > source.front.key_lines.get("related", 0) - 1:
            return no
    return source.front.key_lines.get("related", 1)


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        if "related" not in source.front.data:
            continue
        entries = source.front.data["related"]
        key_line = source.front.key_lines.get("related", 1)
        if not isinstance(entries, list) or not entries or not all(isinstance(e, str) for e in entries):
            yield Problem(source.display, key_line, ID, body.say(
                source, "`related:` はページのパスのリストにしてください。例：`related: [account.md,"
                        " ../contact/compose.md]`（リンクと同じく、このページからの相対パス）",
                "`related:` must be a list of page paths, e.g. `related: [account.md, ../contact/compose.md]`"
                " (relative to this page, like a link)"))
            continue
        if len(entries) > MAX_PAGES:
            yield Problem(source.display, key_line, ID, body.say(
                source, f"`related:` に {len(entries)} ページあります。{MAX_PAGES} ページまでにしてください"
                        "（役に立つ順に）",
                f"`related:` lists {len(entries)} pages; list at most {MAX_PAGES} (the most useful first)"))
        known = {s.rel for s in project.sources if s.lang == source.lang}
        for entry in entries:
            path = entry.split("#", 1)[0]  # a #section is checked on the built page (link-anchor)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(source.rel), path))
            if target == source.rel:
                yield Problem(source.display, _line(source, entry), ID, body.say(
                    source, f"`related:` にこのページ自身（`{entry}`）があります。削除してください",
                    f"`related:` lists the page itself (`{entry}`): remove it"))
            elif not path.endswith(".md") or target not in known:
                close = sorted(known, key=lambda k: -_common(k, target))[:1]
                hint = suggest.did_you_mean(
                    f"`{posixpath.relpath(close[0], posixpath.dirname(source.rel) or '.')}`" if close else None)
                yield Problem(source.display, _line(source, entry), ID, body.say(
                    source, f"`related:` の `{entry}` は docs/{source.lang}/ のページではありません。"
                            f"このページからの相対パスで、ある .md ファイルを書いてください{hint.ja}",
                    f"`related:` entry `{entry}` is not a page of docs/{source.lang}/: write the path of an"
                    f" existing .md file relative to this page{hint.en}"))


def _common(a: str, b: str) -> int:
    """How alike two paths are: characters in common from the start, then from the end."""
    start = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    end = next((i for i, (x, y) in enumerate(zip(a[::-1], b[::-1], strict=False)) if x != y), min(len(a), len(b)))
    return start + end
