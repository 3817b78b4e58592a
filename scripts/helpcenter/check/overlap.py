"""One mistake, one message: a line flagged by a rule is not flagged again by another for the same cause.

Several rules see the same mistake from different sides: a phone number in
one language is `contact-phone`, and its digits are also facts the other
language lacks (`parity-facts`); an `<iframe>` is `html-element` and
markdownlint's MD033; a misspelt front-matter key is `frontmatter-unknown-key`
and an unknown word to cspell. The writer needs the message that says what
to do, once. So, at the same file and line:

* the rule that names the cause wins over a rule that only sees a symptom
  (`parity-facts`, `build-warning`, and the writers' tools for the families
  listed in `COVERED`);
* one rule says one thing per line (the banner's raw `<a href>` is raw HTML
  and a link: one message).

The dropped finding comes back on the next run if it still applies once the
first is fixed.
"""

from __future__ import annotations

from helpcenter.check.model import Problem

SYMPTOMS = ("parity-facts", "build-warning")  # seen from the other language / the build: another rule says why

# rule id prefix of a writers' tool finding -> prefixes of the site rules that explain the same text
COVERED: dict[str, tuple[str, ...]] = {
    "markdownlint/MD033/": ("html-", "contact-", "external-", "link-download", "banner-"),
    "markdownlint/MD034/": ("external-", "contact-"),
    "markdownlint/MD052/": ("link-reference",),
    "markdownlint/MD042/": ("link-",),
    "cspell/": ("frontmatter-", "contact-", "external-", "html-", "draft-text"),
    "textlint/": ("contact-", "html-", "draft-text"),
}


def _explained(p: Problem, causes: set[str]) -> bool:
    if p.rule in SYMPTOMS:
        return any(rule not in SYMPTOMS for rule in causes)
    for prefix, by in COVERED.items():
        if p.rule.startswith(prefix):
            return any(rule.startswith(by) for rule in causes)
    return False


def one_message(problems: list[Problem]) -> list[Problem]:
    """`problems` without the ones another finding at the same line already explains (order kept)."""
    at: dict[tuple[str, int], set[str]] = {}
    for p in problems:
        at.setdefault((p.path, p.line), set()).add(p.rule)
    kept: list[Problem] = []
    said: set[tuple[str, int, str]] = set()
    for p in problems:
        key = (p.path, p.line, p.rule)
        if key in said or _explained(p, at[(p.path, p.line)] - {p.rule}):
            continue
        said.add(key)
        kept.append(p)
    return kept
