"""link-image: every image in every built page is a file in the site.

External images fail too, even on official domains: the help center is also
read offline, where they would not load, and an external image tells a
third party who read which page.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check.model import Problem, Project, Say

ID = "link-image"
DESCRIPTION = "images are files in the built site (none from other servers)"


def check(project: Project) -> Iterator[Problem]:
    for link in project.links:
        if not link.is_image or link.url.startswith("data:"):
            continue
        if not project.is_internal(link.url):
            yield project.problem(ID, link, Say(
                f"画像 {project.label(link)} はこのサイトのファイルではないため、オフラインでは表示されません。"
                "画像を docs/ の下に保存し、そのファイルにリンクしてください",
                f"image {project.label(link)} is not part of the site and would not load"
                " offline; save the image under docs/ and link to that file"))
            continue
        target = project.resolve(link)
        if target is None or not (project.site_dir / target).is_file():
            yield project.problem(ID, link, Say(
                f"画像 {project.label(link)} はビルドしたサイトにありません。パス（このページからの相対パス）を"
                "直すか、画像を docs/ の下に追加してください",
                f"image {project.label(link)} does not exist in the built site;"
                " fix the path (relative to this page) or add the image under docs/"))
