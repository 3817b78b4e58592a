"""The site's configuration (mkdocs.yml) read as plain data, for the checks and the writers' tools.

They need a few values (the docs folder, site_url, the official addresses)
without running the generator, and must not import what the config's
`!!python/name:` tags name.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without importing what its `!!python/name:` tags name."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def load_config(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return yaml.load(f, Loader=_ConfigLoader) or {}  # noqa: S506 - a SafeLoader subclass


# Tags mkdocs.yml may use. MkDocs reads the file with PyYAML's full loader, where
# `!!python/object/apply:os.system` runs a command while the file is read: before
# any check could look at the site. Only names of the theme's and the extensions'
# functions, and MkDocs' own `!ENV` and `!relative`, are needed.
_STANDARD_TAG = "tag:yaml.org,2002:"
_CORE = frozenset(_STANDARD_TAG + t for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp",
                                               "binary", "omap", "pairs", "set", "merge", "value"))
_NAMES = tuple(_STANDARD_TAG + "python/name:" + p for p in ("material.", "pymdownx."))
_MKDOCS_TAGS = frozenset({"!ENV", "!relative"})


def unsafe_tags(path: Path) -> list[tuple[int, str]]:
    """(line, tag) of every YAML tag in `path` that makes the reader do more than read data or name a function
    of Material or pymdownx; read without constructing anything."""
    with path.open(encoding="utf-8") as f:
        root = yaml.compose(f, Loader=_ConfigLoader)  # noqa: S506 - composes nodes, constructs nothing
    found: list[tuple[int, str]] = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        tag = node.tag or ""
        if tag not in _CORE and tag not in _MKDOCS_TAGS and not tag.startswith(_NAMES):
            found.append((node.start_mark.line + 1, tag.replace(_STANDARD_TAG, "!!")))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(found)
