"""The only MkDocs-aware code: thin hooks that call generator-neutral functions.

MkDocs loads this file by path, so the `helpcenter` package beside it is put on
`sys.path` first. Everything the hooks call works on Markdown text or on the
built HTML, so that it survives a move away from MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.plugins import event_priority  # noqa: E402

from helpcenter import official_links, postbuild  # noqa: E402

_depth = 0  # mkdocs-static-i18n nests one build per extra language inside the first


def on_pre_build(config, **_):
    global _depth
    _depth += 1


def on_page_markdown(markdown, page, config, files, **_):
    """Give every page the reference links to the official addresses."""
    lang = getattr(page.file, "locale", None) or config.theme.get("language", "ja")
    return official_links.append_definitions(markdown, config.extra.get("official", {}), lang)


@event_priority(-200)  # after mkdocs-static-i18n has built every language
def on_post_build(config, **_):
    global _depth
    _depth -= 1
    if _depth == 0:
        postbuild.run(Path(config.site_dir), config)
