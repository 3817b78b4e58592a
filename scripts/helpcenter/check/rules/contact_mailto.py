"""contact-mailto: email links go only to the official support address.

The address is read from `extra.official.support_email` in mkdocs.yml, the
one place official addresses live; cc/bcc/to parameters count as recipients.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import urls
from helpcenter.check.model import Problem, Project, Say

ID = "contact-mailto"
DESCRIPTION = "mailto: links go only to extra.official.support_email"


def check(project: Project) -> Iterator[Problem]:
    official = project.support_email  # itself judged by the official-address rule
    for link in project.links:
        if urls.scheme(link.url) != "mailto":
            continue
        recipients = urls.mailto_addresses(link.url)
        wrong = [a for a in recipients if a != official] if recipients else ["(no address)"]
        if wrong:
            to = ", ".join(wrong) or "an address"
            yield project.problem(ID, link, Say(
                f"{project.label(link)} の宛先は {to} です。ページからリンクしてよいメールアドレスは"
                f" {official or '（extra.official.support_email。mkdocs.yml に未設定）'} だけです。"
                "[文言][support-email] と書いてください",
                f"{project.label(link)} writes to {to}; the only address pages may link to is"
                f" {official or '(extra.official.support_email, not set in mkdocs.yml)'}: write [text][support-email]"))
