"""official-address: every address under `extra.official` in mkdocs.yml is bitbank's own.

These addresses are where the site sends customers (the inquiry form, the
composer's recipient, the mailto behind "support@bitbank.cc"), so they are
the trust root. What they may be is decided in code (official_links.py):
https on bitbank.cc or a subdomain, email at bitbank.cc. Moving all of them
to one lookalike domain fails here, at the line of each.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.build import official_links
from helpcenter.check.model import Problem, Project

ID = "official-address"
DESCRIPTION = "extra.official in mkdocs.yml holds only https addresses on bitbank.cc and email at bitbank.cc"


def check(project: Project) -> Iterator[Problem]:
    for key, message in official_links.problems(project.official):
        yield Problem(*project.config_line(key), ID, message)
