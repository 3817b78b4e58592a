"""Japanese words on English pages marked `lang="ja"`, after the build.

An English page names Japanese terms (暗号資産, 仮想通貨, a screen's label):
without `lang="ja"` a screen reader reads them with an English voice, which
spells them out or skips them (WCAG 3.1.2). Writers should not have to mark
them, and docs/ is prose: so every run of Japanese text in an English page's
body is wrapped in `<span lang="ja">` here, outside any element that already
says its language. Attributes, scripts, styles and the head are left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from helpcenter.paths import language_prefix
from helpcenter.postbuild.rewrite import rewrite_pages

# Kana, CJK ideographs, Japanese punctuation and full-width forms; a run may hold
# the spaces and ASCII digits between them (「2段階認証」, 「出金 遅延」).
JAPANESE = "\u3000-\u303f\u3040-\u309f\u30a0-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
RUN = re.compile(f"[{JAPANESE}](?:[{JAPANESE}0-9 ]*[{JAPANESE}])?")
HAS_JAPANESE = re.compile(f"[{JAPANESE}]")
TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|[^<]+|<", re.S)
LANG_ATTR = re.compile(r"""\slang\s*=\s*["']?([A-Za-z-]*)""")
RAW = {"script", "style", "template", "textarea", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def mark_runs(html: str) -> str:
    """`html` with each Japanese run in the body outside a `lang` element wrapped in `<span lang="ja">`."""
    body = html.find("<body")
    if body < 0:
        return html
    out = [html[:body]]
    stack: list[tuple[str, bool]] = []  # open elements: (name, says its own language)
    raw = ""
    for m in TOKEN.finditer(html, body):
        token = m.group(0)
        closing, name, attrs = m.group(1), (m.group(2) or "").lower(), m.group(3) or ""
        if raw:
            if closing and name == raw:
                raw = ""
            out.append(token)
            continue
        if name and not closing:
            if name in RAW:
                raw = name
            elif name not in VOID and not attrs.rstrip().endswith("/"):
                stack.append((name, bool(LANG_ATTR.search(attrs))))
        elif name and closing:
            while stack:
                if stack.pop()[0] == name:
                    break
        elif not token.startswith("<") and HAS_JAPANESE.search(token) and not any(own for _, own in stack):
            token = RUN.sub(lambda r: f'<span lang="ja">{r.group(0)}</span>', token)
        out.append(token)
    return "".join(out)


def write_lang_runs(site_dir: Path) -> None:
    """Every English page (and the English 404 page) of the built site, in place."""
    rewrite_pages(sorted((site_dir / language_prefix("en")).glob("**/*.html")), mark_runs)
