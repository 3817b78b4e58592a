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
