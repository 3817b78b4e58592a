"""external-domain: links leave the site only for bitbank.cc, its subdomains, or the allowlist.

The official domain is fixed in code (helpcenter/build/official_links.py),
matched exactly or as a `.bitbank.cc` suffix, so `bitbank-support.com`,
`bitbank.cc.example.net` and `bitbаnk.cc` (Cyrillic а) all fail, as do hosts
disguised with a user name (`https://bitbank.cc@evil.example/`). Anything
else must be listed in data/check/external-allowlist.txt, one https:// URL
prefix per line with a comment saying why; bad allowlist lines are reported
here too.

Why not linkchecker or mkdocs-htmlproofer-plugin: both answer "does this URL
respond?" over the network; this site needs "may this URL be linked at all?",
offline, with the answer reported at the Markdown line.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import suggest, urls
from helpcenter.check.model import ALLOWLIST, Problem, Project, Say

ID = "external-domain"
DESCRIPTION = "links leave the site only for bitbank.cc (and subdomains) or data/check/external-allowlist.txt"


def check(project: Project) -> Iterator[Problem]:
    entries, errors = project.allowlist
    for line, message in errors:
        yield Problem(ALLOWLIST.as_posix(), line, ID, message)
    domain = project.official_domain
    for link in project.links:
        if not project.is_external(link.url):
            continue
        host = urls.host_of(link.url)
        if urls.is_official_host(host) or any(e.allows(link.url) for e in entries):
            continue
        refs = {lang: ", ".join(suggest.reference_link(r, lang) for r in ("official-website", "inquiry-form"))
                for lang in ("ja", "en")}
        yield project.problem(ID, link, Say(
            f"{project.label(link)} のリンク先は"
            f" {host + urls.non_ascii_note(host, 'ja') if host else '正しくないホスト'} で、{domain} や"
            f"そのサブドメインではありません。リンクは公式のアドレス（{refs['ja']}）だけにしてください。"
            f"どうしても必要なリンクなら、{ALLOWLIST.as_posix()} に追加してよいか、エンジニアに確認を依頼してください",
            f"{project.label(link)} leads to {host + urls.non_ascii_note(host) if host else 'no valid host'}, which"
            f" is not {domain} or one of its subdomains; link only to official addresses ({refs['en']}); if the link is"
            f" truly needed, ask an engineer to review it for {ALLOWLIST.as_posix()}"))
