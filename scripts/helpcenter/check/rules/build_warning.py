"""build-warning: the site builds without warnings.

`scripts/check` builds without --strict so that one broken link does not hide
every other problem; the warnings the strict build (scripts/build) would stop
on are reported here instead, at the Markdown file they name. A warning about
the same line as another problem is left out as a duplicate by the runner.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from helpcenter.build import build_log
from helpcenter.check import locate
from helpcenter.check.model import Problem, Project, Say
from helpcenter.paths import LANGUAGES

ID = "build-warning"
DESCRIPTION = "the build reports no warnings (what `scripts/build --strict` would stop on)"

_DOC = re.compile(r"Doc file '([^']+)'")
_AT_LINE = re.compile(r"Doc file '[^']+': line (\d+):")  # warnings of our own hooks name the line
_FILE_LINE = re.compile(r"^File '([^']+)': line (\d+):")  # ... or a project file and line (data/banner.yml)
_LINK = re.compile(r"contains a link '([^']+)'")
_QUOTED = re.compile(r"'([^']+)'")


def check(project: Project) -> Iterator[Problem]:
    docs = str(project.config.get("docs_dir", "docs")).strip("/")
    config_lines = project.config_file.read_text(encoding="utf-8").splitlines()
    for message in project.build_log:
        path, line = project.config_file.name, 1
        for quoted in _QUOTED.findall(message):  # e.g. the missing file of a nav entry
            if found := locate.text_line(config_lines, [quoted]):
                line = found
                break
        if at_file := _FILE_LINE.search(message):
            path, line = at_file.group(1), int(at_file.group(2))
        elif doc := _DOC.search(message):
            path, line = f"{docs}/{doc.group(1)}", 1
            source = next((s for s in project.sources if s.display == path), None)
            link = _LINK.search(message)
            if source is not None and link:
                line = locate.link_line(source.lines, link.group(1), 0) or 1
            elif at := _AT_LINE.search(message):
                line = int(at.group(1))
        said = Say(f"{build_log.japanese(message)}（scripts/build はこの警告で止まります）",
                   f"{message} (scripts/build stops on this)")
        yield Problem(path, line, ID, said.in_language(_language(path, docs)))


def _language(path: str, docs: str) -> str | None:
    """The language folder a problem's file is in (`docs/ja/…`: ja); None for mkdocs.yml, data/ and others."""
    parts = path.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == docs and parts[1] in LANGUAGES else None
