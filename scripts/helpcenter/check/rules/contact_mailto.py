"""contact-mailto: email links go only to the official support address.

The address is read from `extra.official.support_email` in mkdocs.yml, the
one place official addresses live; cc/bcc/to parameters count as recipients.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import urls
from helpcenter.check.model import Problem, Project

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
            yield project.problem(
                ID, link, f"{project.label(link)} writes to {', '.join(wrong) or 'an address'}; the only address pages"
                          f" may link to is {official or '(extra.official.support_email, not set in mkdocs.yml)'}:"
                          " write [text][support-email]")
