"""frontmatter-syntax: the front matter block parses as `key: value` YAML.

MkDocs treats front matter that does not parse as page text, silently: the
page then has no title or description and shows the YAML to readers.
"""

from __future__ import annotations

from collections.abc import Iterator

from helpcenter.check import body
from helpcenter.check.model import Problem, Project

ID = "frontmatter-syntax"
DESCRIPTION = "front matter is valid YAML between --- lines"


_JA = {
    "the front matter has no closing `---` line": "フロントマターを閉じる `---` の行がありません",
    "the front matter must be `key: value` lines": "フロントマターは `key: value` の行で書きます",
    "the front matter is not valid YAML: a value contains ': ', which YAML reads as the start of another key":
        "フロントマターが YAML として正しくありません。値に「: 」があり、YAML は次のキーの始まりと読みます",
}
_INVALID = "the front matter is not valid YAML: "


def _japanese(error: str) -> str:
    """front_matter.parse's reason in Japanese (YAML's own wording, in English, quoted when not known)."""
    if error in _JA:
        return _JA[error]
    return f"フロントマターが YAML として正しくありません（{error.removeprefix(_INVALID)}）"


def check(project: Project) -> Iterator[Problem]:
    for source in project.sources:
        if source.front.error:
            example = f'{source.front.error_key or "key"}: "…"'
            yield Problem(source.display, source.front.error_line, ID, body.say(
                source,
                f"{_japanese(source.front.error)}。値を二重引用符で囲んでください"
                f"（{example}）。「: 」を含む値や、[ {{ * & で始まる値は必ず囲んでください",
                f"{source.front.error}; put the value in double quotes ({example}), as for any value"
                ' that contains ": " or starts with [, {, * or &'))
