"""external-https: every link that leaves the site uses https://.

`http://bitbank.cc` is a lookalike too: anyone on the network path can
answer it. Protocol-relative (`//host`) and other schemes (ftp:, file:) fail
for the same reason.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import suggest, urls
from helpcenter.check.model import Problem, Project, Say

ID = "external-https"
DESCRIPTION = "links that leave the site use https://"


def check(project: Project) -> Iterator[Problem]:
    for link in project.links:
        parsed = urls.browser_url(link.url, link.page.rel)  # `\\/host/` and `//host/` keep the page's https
        if project.is_external(link.url) and parsed is not None and parsed.protocol != "https:":
            address = "https://" + link.url.split("//", 1)[1] if "//" in link.url else ""
            fix = Say(f"{address} と書いてください" if address else "https:// のアドレスを書いてください",
                      f"write {address or 'an https:// address'}")
            if link.page.source and (ref := suggest.reference(project, link.page.source.lang, address)):
                fix = Say(f"参照リンク {ref} を使ってください（アドレスは直接書きません）",
                          f"write the reference link {ref} (never the address itself)")
            yield project.problem(ID, link, Say(f"{project.label(link)} は https ではありません。{fix.ja}",
                                                f"{project.label(link)} is not https; {fix.en}"))
