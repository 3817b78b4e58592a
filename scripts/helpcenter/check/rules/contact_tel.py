"""contact-tel: no phone (tel:, sms: or messenger) links anywhere on the site.

bitbank offers no phone support, so any number to call is a scam vector.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import urls
from helpcenter.check.model import Problem, Project, Say

ID = "contact-tel"
DESCRIPTION = "no tel:, sms: or messenger links"


def check(project: Project) -> Iterator[Problem]:
    for link in project.links:
        if urls.scheme(link.url) in urls.CONTACT_SCHEMES:
            yield project.problem(ID, link, Say(
                f"{project.label(link)}：bitbank には電話やチャットのサポートがないため、このサイトは電話番号に"
                "リンクしません。リンクを削除してください（お問い合わせフォームへは"
                " [お問い合わせフォーム][inquiry-form] で案内します）",
                f"{project.label(link)}: bitbank has no phone or chat support, so this site never links to a number;"
                " remove the link (point to the inquiry form with [text][inquiry-form])"))
