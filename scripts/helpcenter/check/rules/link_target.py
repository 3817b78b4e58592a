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
from helpcenter.check.model import Problem, Project

ID = "link-target"
DESCRIPTION = "internal links (content, navigation, footer, language switcher, assets) open files that exist"


def check(project: Project) -> Iterator[Problem]:
    for link in project.links:
        if link.is_image or not project.is_internal(link.url):
            continue
        path = link.url.split("#", 1)[0].split("?", 1)[0]
        if not path:
            continue  # same-page fragment: link-anchor
        target = project.resolve(link)
        shown = project.label(link)
        fix = ("link to the page's .md file, relative to this page" if project.from_content(link)
               else "this link is site-wide: fix it in overrides/ or the nav in mkdocs.yml, or add the missing page")
        if target is None:
            message = f"{shown} points above the site's top folder; {fix}"
        elif path.startswith("/") and posixpath.basename(link.page.rel) != "404.html":
            raw = link.url if project.from_content(link) else shown.replace(f"link to {target}", f"link {link.url}")
            message = f"{raw} starts with '/', which does not open offline (from disk); {fix}"
        elif target.endswith("/") or (project.site_dir / target).is_dir():
            message = f"{shown} points to a folder, which does not open a page offline; {fix}"
        elif not (project.site_dir / target).is_file():
            hint = suggest.page(project, link, target) if project.from_content(link) else ""
            message = f"{shown} does not exist in the built site{hint}; {fix}"
        else:
            continue
        yield project.problem(ID, link, message)
