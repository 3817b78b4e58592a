"""link-download: page content neither downloads files nor opens data: or blob: URLs.

`<a href="data:application/octet-stream;base64,…" download="repair.exe">`
hands the reader a file made by whoever wrote the page; such a URL is
neither internal nor external to the link rules, so it is judged here. Images
may still be data: URLs (the CSP allows them); links, forms and frames may
not, and no content link may carry `download`.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import urls
from helpcenter.check.model import Problem, Project, Say

ID = "link-download"
DESCRIPTION = "no data: or blob: links and no download links in page content"

INLINE_SCHEMES = frozenset({"data", "blob", "filesystem"})


def check(project: Project) -> Iterator[Problem]:
    for link in project.links:
        if link.is_image or not project.from_content(link):
            continue
        scheme = urls.scheme(link.url)
        if scheme in INLINE_SCHEMES:
            written = f"<{link.tag} {link.attr}=\"{link.url[:40]}…\">"
            yield project.problem(ID, link, Say(
                f"{written} はページに埋め込まれた内容（{scheme}: URL）を開きます（ダウンロードさせるファイルなど）。"
                "代わりにこのサイトのページか公式のアドレスにリンクしてください",
                f"{written} opens content carried in the page ({scheme}: URL), such as a file to download: link to"
                " a page of this site or an official address instead"))
    for page in project.pages.values():
        if page.source is None or page.content is None:
            continue
        for nth, node in enumerate(page.content.css("[download]")):
            name = node.attributes.get("download") or ""
            written = f"<{node.tag} download=\"{name}\">"
            yield project.text_problem(ID, page, True, Say(
                f"{written} はヘルプページから読者にファイルをダウンロードさせます。download 属性を削除し、"
                "公式のページにリンクしてください",
                f"{written} makes the reader download a file from a help page: remove the download attribute"
                " and link to an official page instead"), ["download=", "download"], nth)
