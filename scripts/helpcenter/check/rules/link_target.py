"""link-target: every internal link in every built page opens a file that exists.

Checks the built HTML rather than the Markdown, so navigation, footer
previous/next, the language switcher and the template's own stylesheets and
scripts are covered along with content links. Links to a folder or from the
site root (`/faq.html`) fail as well: the offline copy is opened from disk
(file://), where neither opens a page. The 404 pages are the exception for
root links: a web server shows them at any depth, so they must use them.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from helpcenter.check import suggest
from helpcenter.check.model import Link, Problem, Project, Say

ID = "link-target"
DESCRIPTION = "internal links (content, navigation, footer, language switcher, assets) open files that exist"


FIX = Say("このページからの相対パスで、リンク先の .md ファイルを指定してください",
          "link to the page's .md file, relative to this page")
FIX_TEMPLATE = "this link is site-wide: fix it in overrides/ or the nav in mkdocs.yml, or add the missing page"


def check(project: Project) -> Iterator[Problem]:
    for link in project.links:
        if link.is_image or not project.is_internal(link.url):
            continue
        path = link.url.split("#", 1)[0].split("?", 1)[0]
        if not path:
            continue  # same-page fragment: link-anchor
        if (message := _message(project, link, path)) is not None:
            yield project.problem(ID, link, message)


def _message(project: Project, link: Link, path: str) -> Say | None:
    """What is wrong with the link's target, with the fix (the Japanese for a Japanese page's content)."""
    target = project.resolve(link)
    shown = project.label(link)
    fix = FIX if project.from_content(link) else Say(FIX_TEMPLATE, FIX_TEMPLATE)
    if target is None:
        return Say(f"{shown} はサイトの最上位フォルダーより上を指しています。{fix.ja}",
                   f"{shown} points above the site's top folder; {fix.en}")
    if path.startswith("/") and posixpath.basename(link.page.rel) != "404.html":
        raw = link.url if project.from_content(link) else shown.replace(f"link to {target}", f"link {link.url}")
        return Say(f"{raw} は「/」で始まるため、オフライン（ディスクから開いたとき）では開けません。{fix.ja}",
                   f"{raw} starts with '/', which does not open offline (from disk); {fix.en}")
    if target.endswith("/") or (project.site_dir / target).is_dir():
        return Say(f"{shown} はフォルダーを指しているため、オフラインではページが開けません。{fix.ja}",
                   f"{shown} points to a folder, which does not open a page offline; {fix.en}")
    if not (project.site_dir / target).is_file():
        hint = suggest.page(project, link, target) if project.from_content(link) else suggest.did_you_mean(None)
        return Say(f"{shown} はビルドしたサイトにありません{hint.ja}。{fix.ja}",
                   f"{shown} does not exist in the built site{hint.en}; {fix.en}")
    return None
