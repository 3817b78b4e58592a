"""mkdocs.yml is read with PyYAML's full loader by MkDocs: a tag there can run code before any check.

`scripts/check` and `scripts/build` must refuse such a file before MkDocs reads
it, name its line, and leave no trace of the command having run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from helpcenter.build.site import build_site
from helpcenter.site_config import unsafe_tags

# Each tag class PyYAML's full and unsafe loaders construct from; every one would touch MARKER.
TAGS = {
    "object-apply": '!!python/object/apply:os.system ["touch MARKER"]',
    "object-new": '!!python/object/new:subprocess.Popen [["touch", "MARKER"]]',
    "object": "!!python/object:argparse.Namespace {x: 1}",
    "module": "!!python/module:os",
    "other-name": "!!python/name:os.system",
    "local-tag": "!run touch MARKER",
}


def _config(folder: Path, tag: str) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nextra:\n" in text
    config = folder / "mkdocs.yml"
    config.write_text(text.replace("\nextra:\n", f"\nextra:\n  hc_note: {tag}\n", 1), encoding="utf-8")
    return config


def _line(config: Path) -> int:
    return next(no for no, line in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "hc_note:" in line)


def test_the_real_config_uses_only_names_of_material_and_pymdownx():
    assert unsafe_tags(ROOT / "mkdocs.yml") == []
    assert "!!python/name:material." in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")  # still read


@pytest.mark.parametrize("tag", TAGS.values(), ids=TAGS.keys())
def test_check_refuses_before_building_and_names_the_line(tmp_path, tag):
    config = _config(tmp_path, tag)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run([sys.executable, "-m", "helpcenter.check", "--config", str(config)], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert f"mkdocs.yml:{_line(config)}:1: config-yaml-tag: the YAML tag {tag.split()[0]}" in done.stdout
    assert not (tmp_path / "MARKER").exists()


@pytest.mark.parametrize("tag", [TAGS["object-apply"], TAGS["object-new"]], ids=["object-apply", "object-new"])
def test_build_refuses_before_mkdocs_reads_the_file(tmp_path, tag, monkeypatch):
    config = _config(tmp_path, tag)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit, match=rf"mkdocs.yml:{_line(config)} "):
        build_site(tmp_path / "site", config)
    assert not (tmp_path / "site").exists()
    assert not (tmp_path / "MARKER").exists() and not (ROOT / "MARKER").exists()  # MkDocs runs in ROOT
