"""frontmatter-syntax: the front matter block parses as `key: value` YAML.

MkDocs treats front matter that does not parse as page text, silently: the
page then has no title or description and shows the YAML to readers.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check.model import Problem, Project

ID = "frontmatter-syntax"
DESCRIPTION = "front matter is valid YAML between --- lines"


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        if source.front.error:
            example = f'{source.front.error_key or "key"}: "…"'
            yield Problem(source.display, source.front.error_line, ID,
                          f"{source.front.error}; put the value in double quotes ({example}), as for any value"
                          ' that contains ": " or starts with [, {, * or &')
