"""Browser libraries are vendored from the npm registry, with version and license recorded."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

VENDOR = ROOT / "overrides/assets/javascripts/vendor"
LIBRARIES = [("lunr.min.js", "lunr", "lunr.min.js", "lunr.LICENSE")]


@pytest.mark.parametrize("file,package,source,license_file", LIBRARIES)
def test_vendored_file_is_the_pinned_npm_package(file, package, source, license_file):
    pinned = json.loads((ROOT / "package.json").read_text())["devDependencies"][package]
    installed = ROOT / "node_modules" / package
    assert json.loads((installed / "package.json").read_text())["version"] == pinned, "run scripts/test (npm ci)"
    assert (VENDOR / file).read_bytes() == (installed / source).read_bytes(), "run scripts/vendor"
    assert (VENDOR / license_file).read_bytes() == (installed / "LICENSE").read_bytes()
    row = next(line for line in (VENDOR / "README.md").read_text().splitlines() if f"`{file}`" in line)
    assert f"| {pinned} |" in row
