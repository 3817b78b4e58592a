"""release-site-url: a published site names its own address under an official domain.

Run only by `scripts/check --release` (the deploy workflow): while the site is
written, `site_url` may be a placeholder. Published, it is the address in
every canonical link, the sitemap and the offline app, and the help center
teaches that only official (`bitbank.cc`) addresses are bitbank's; a site
that lives anywhere else would fail its own advice. So `site_url` must be an
https address whose host is an official domain or one of its subdomains (the
hosts of `extra.official`, the one place that holds them), and not a
placeholder (`.invalid`, `.example`, `example.com`, `localhost` …).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from helpcenter.check import urls
from helpcenter.check.model import Problem, Project
from helpcenter.site_config import load_config

ID = "release-site-url"
DESCRIPTION = ("(--release only) site_url is the published https address, under an official domain"
               " (extra.official), not a placeholder")

# RFC 2606 / 6761 names that can never be a published help center.
_RESERVED_TLDS = {"invalid", "example", "test", "localhost", "local"}
_RESERVED_DOMAINS = {"example.com", "example.net", "example.org"}


def official_domains(project: Project) -> list[str]:
    """Hosts of the official addresses (website, help center, form, email), shortest first."""
    hosts = set()
    for value in project.official.values():
        text = str(value).strip()
        host = text.rpartition("@")[2].lower() if "@" in text and "://" not in text else urls.host_of(text)
        if host:
            hosts.add(host.rstrip("."))
    # support.bitbank.cc is under bitbank.cc: keep only the outermost of nested hosts
    return sorted((h for h in hosts if not any(h.endswith("." + o) for o in hosts)), key=len)


def _placeholder(host: str) -> bool:
    return (host.rpartition(".")[2] in _RESERVED_TLDS or host in _RESERVED_DOMAINS
            or any(host.endswith("." + d) for d in _RESERVED_DOMAINS) or "." not in host)


def problem(project: Project) -> str | None:
    """What is wrong with `site_url` for a release, with the fix; None when it is fine."""
    url = str(project.config.get("site_url") or "").strip()
    domains = official_domains(project)
    under = " or ".join(domains) or "the official website's domain (extra.official.website)"
    fix = (f"set site_url in mkdocs.yml to the https address the help center is published at, on {under}"
           f" or a subdomain of it (e.g. https://<name>.{domains[0] if domains else 'bitbank.cc'}/)")
    if not url:
        return f"site_url is not set; {fix}"
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().rstrip(".")
    if not host or _placeholder(host):
        return f"site_url {url!r} is a placeholder; {fix}"
    if parts.scheme != "https":
        return f"site_url {url!r} is not https; {fix}"
    if parts.username or parts.password or parts.port or parts.query or parts.fragment:
        return f"site_url {url!r} carries more than a scheme, a host and a path; {fix}"
    if not any(host == d or host.endswith("." + d) for d in domains):
        return f"site_url {url!r} is not under an official domain ({under}); {fix}"
    return None


def check(project: Project) -> Iterator[Problem]:
    if message := problem(project):
        path, line = project.config_line("site_url")
        yield Problem(path, line, ID, message)


def check_config(config_file: Path) -> list[Problem]:
    """The same check from mkdocs.yml alone: it needs no build, so it runs even when the build fails."""
    config_file = config_file.resolve()
    project = Project(config_file.parent, config_file, load_config(config_file), config_file.parent, "site")
    return list(check(project))
