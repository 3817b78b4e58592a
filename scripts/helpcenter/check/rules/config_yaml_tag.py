"""config-yaml-tag: mkdocs.yml uses no YAML tag that runs code while the file is read.

MkDocs reads mkdocs.yml with PyYAML's full loader: `!!python/object/apply:`
runs a command on the machine that builds (the pull request's check, the
deploy) before anything is checked. `scripts/check` and `scripts/build`
refuse such a file before building (site_config.unsafe_tags); this rule
reports the same lines when an already built site is checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check.model import Problem, Project
from helpcenter.site_config import unsafe_tags

ID = "config-yaml-tag"
DESCRIPTION = "mkdocs.yml has no YAML tag that runs code when read (only !!python/name: of Material and pymdownx)"


def problems(config_file) -> list[Problem]:
    return [Problem(config_file.name, line, ID,
                    f"the YAML tag {tag} lets the build run or import code while it reads mkdocs.yml, before any check:"
                    " remove it (only !!python/name: of material.… or pymdownx.… functions, !ENV and !relative"
                    " are read)")
            for line, tag in unsafe_tags(config_file)]


def check(project: Project) -> Iterator[Problem]:
    yield from problems(project.config_file)
