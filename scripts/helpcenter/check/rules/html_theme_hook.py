"""html-theme-hook: page content does not wear the hooks of the site's own scripts and styles.

The theme's scripts find their elements by `data-hc-*` / `data-md-*`
attributes and by id, and take the first match: content that sets one first
replaces the site's feature with the writer's (a "Did this page help?" box
whose "No" goes to another site, a manifest or service worker of the
writer's choosing, `id="__config"` replacing Material's configuration). The
theme's classes (`md-*`, `hc-*`) draw its own dialogs and overlays: content
wearing them imitates the site (a full-page "account locked" box). Content
may use the few hooks listed below, which the pages are written with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from helpcenter.check.model import BuiltPage, Problem, Project, Say
from helpcenter.writing import translation

ID = "html-theme-hook"
DESCRIPTION = "no data-hc-*/data-md-* hooks, theme classes (md-*, hc-*) or the template's ids in page content"

HOOK_PREFIXES = ("data-hc-", "data-md-")
CONTENT_HOOKS = frozenset({
    "data-hc-official",  # the build fills in an official address (official_links)
    "data-hc-print-href",  # written by the build (postbuild/print_links)
    "data-hc-search-open",  # a button that opens search: runs nothing else
})
THEME_CLASS_PREFIXES = ("md-", "hc-")
CONTENT_CLASSES = frozenset({"md-button", "md-button--primary", "hc-search-hero", "hc-steps",
                             translation.NOTICE_CLASS})  # the outdated-translation notice the build writes
# The composer page (extra.page_scripts) is written with its script's hooks.
FORM_PAGE_HOOKS = frozenset({"data-hc-timezone"})
FORM_PAGE_CLASS_PREFIXES = ("hc-composer", "hc-field", "hc-check")
GENERATED_ID_PREFIXES = ("__tabbed_",)  # pymdownx.tabbed

FIX = Say("この名前はサイトのスクリプトとデザインが使うものです。本文に書くと、サイトの機能（評価ボックス、検索、"
          "オフライン版）を置き換えたり、サイトの画面に見せかけたりできます。削除してください。見た目が必要なら"
          "エンジニアに相談してください",
          "it belongs to the site's own scripts and styles: in content it can replace a feature of the site (the"
          " feedback box, search, the offline download) or imitate the site's own screens. Remove it; ask an"
          " engineer if the page needs a look of its own")


def _content_nodes(page: BuiltPage):
    for top in page.markdown_nodes:
        yield from top.traverse(include_text=False)


def _template_ids(page: BuiltPage, content_ids: Counter) -> set[str]:
    everywhere = Counter(n.attributes.get("id") or "" for n in page.tree.css("[id]"))
    return {i for i, n in (everywhere - content_ids).items() if i and n > 0}


def _findings(page: BuiltPage, form_page: bool) -> Iterator[tuple[str, str]]:
    """(needle, what) for each hook the content wears."""
    nodes = list(_content_nodes(page))
    content_ids = Counter(n.attributes.get("id") or "" for n in nodes)
    template_ids = _template_ids(page, content_ids)
    for node in nodes:
        for name in node.attributes:
            low = name.lower()
            if low.startswith(HOOK_PREFIXES) and low not in CONTENT_HOOKS \
                    and not (form_page and low in FORM_PAGE_HOOKS):
                yield name, f"{name}="
        for cls in (node.attributes.get("class") or "").split():
            if cls.startswith(THEME_CLASS_PREFIXES) and cls not in CONTENT_CLASSES \
                    and not (form_page and cls.startswith(FORM_PAGE_CLASS_PREFIXES)):
                yield cls, f'class "{cls}"'
        ident = node.attributes.get("id") or ""
        if ident in template_ids or (ident.startswith("__") and not ident.startswith(GENERATED_ID_PREFIXES)):
            yield ident, f'id "{ident}"'


def check(project: Project) -> Iterator[Problem]:
    for page in project.pages.values():
        if page.source is None:
            continue
        form_page = project.has_page_script(page)
        seen: dict[str, int] = {}
        for needle, what in _findings(page, form_page):
            nth = seen.get(needle, 0)
            seen[needle] = nth + 1
            message = Say(f"本文の {what}：{FIX.ja}", f"{what} in page content: {FIX.en}")
            yield project.text_problem(ID, page, True, message, [needle], nth)
