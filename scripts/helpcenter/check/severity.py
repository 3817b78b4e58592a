"""Two levels: errors fail a check, warnings are shown and annotated but do not.

An error is what breaks a page or misleads a customer (links, safety,
contact, parity, front matter, unfinished text); a warning is style advice
(prose, spelling, Markdown layout), which a reviewer weighs and which must
not block a pull request as hard as a broken link. Every rule of
`scripts/check` is an error; the writers' tools are style, except the few of
their rules listed here that catch text a reader would see broken.
"""

from __future__ import annotations

ERROR, WARNING = "error", "warning"

STYLE_FAMILIES = ("textlint/", "cspell/", "markdownlint/")

# Style tools' rules whose finding is broken text or a broken link, not style.
BROKEN_TEXT = frozenset({
    "textlint/no-invalid-control-character",  # invisible characters in the text
    "textlint/no-zero-width-spaces",
    "textlint/no-nfd",  # decomposed kana that search and copy-paste do not match
    "markdownlint/MD052/reference-links-images",  # an undefined [text][label] shows its brackets
    "markdownlint/MD042/no-empty-links",  # a link that goes nowhere
})


def of(rule: str) -> str:
    """The level of `rule`'s problems."""
    if rule in BROKEN_TEXT or not rule.startswith(STYLE_FAMILIES):
        return ERROR
    return WARNING
