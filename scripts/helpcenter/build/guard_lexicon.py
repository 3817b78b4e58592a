"""The secret guard's label lexicon: data/composer/guard-labels.yml, checked and written for the browser.

Writers read and extend the labels in the data file; the composer page loads
them as guard-lexicon.js (a plain script, since a page opened from disk cannot
fetch a file). A mistake names the file, the line and the fix, and fails the
build.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from helpcenter.paths import DATA

LEXICON_YML = DATA / "composer" / "guard-labels.yml"
OUTPUT = "assets/javascripts/helpcenter/guard-lexicon.js"
KINDS = ("password", "password-weak", "otp", "api-secret", "private-key", "key-context", "phrase", "not-secret",
         "hedges")


class LexiconError(ValueError):
    """A writer's mistake in the data file: message is `file:line: what and how to fix`."""


def _fail(path: Path, node: yaml.Node, message: str) -> LexiconError:
    return LexiconError(f"{path}:{node.start_mark.line + 1}: {message}")


def load(path: Path = LEXICON_YML) -> dict[str, list[str]]:
    """{kind: [word, ...]} for every kind, words lower-cased and stripped."""
    if not path.exists():
        raise LexiconError(f"{path}:1: the secret guard's label lexicon is missing; restore it from git")
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        raise LexiconError(f"{path}:{line}: not valid YAML ({getattr(err, 'problem', err)}); "
                           "check the indentation and put a word with a colon in quotes") from err
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(f"{path}:1: expected one list of words per kind ({', '.join(KINDS)})")
    out: dict[str, list[str]] = {}
    for key_node, value_node in root.value:
        kind = key_node.value
        if kind not in KINDS:
            raise _fail(path, key_node, f"unknown kind '{kind}'; use one of: {', '.join(KINDS)}")
        if not isinstance(value_node, yaml.SequenceNode):
            raise _fail(path, value_node, f"'{kind}' must be a list of words, one '- word' per line")
        words: list[str] = []
        for item in value_node.value:
            if not isinstance(item, yaml.ScalarNode) or not str(item.value).strip():
                raise _fail(path, item, f"each entry of '{kind}' is one word or phrase in plain text")
            word = str(item.value).strip().lower()
            if word in words:
                raise _fail(path, item, f"'{word}' is listed twice under '{kind}': remove one")
            words.append(word)
        out[kind] = words
    missing = [k for k in KINDS if k not in out]
    if missing:
        raise LexiconError(f"{path}:1: missing kind(s) {', '.join(missing)}: add each as a list of words")
    return out


def write(site_dir: Path, lexicon: dict[str, list[str]]) -> Path:
    target = site_dir / OUTPUT
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("/* Written by the build from data/composer/guard-labels.yml"
                      " (helpcenter/build/guard_lexicon.py). */\n"
                      f"window.hcGuardLexicon = {json.dumps(lexicon, ensure_ascii=False)}\n", encoding="utf-8")
    return target
