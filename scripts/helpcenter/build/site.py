"""`scripts/build`: a strict MkDocs build, then the offline download.

Usage: python -m helpcenter.build (scripts/build) [--site-dir DIR] [--no-zip] [--config FILE]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpcenter.paths import DIST, MKDOCS_YML, ROOT, SITE
from helpcenter.postbuild import offline_download
from helpcenter.postbuild.offline_download import ZIP_NAME
from helpcenter.site_config import unsafe_tags


def build_site(site_dir: Path = SITE, config: Path = MKDOCS_YML, strict: bool = True, log: Path | None = None) -> None:
    """Run `mkdocs build --strict`; a warning fails the build (`strict=False`: tests of what a fault publishes).

    `log`: MkDocs' messages go to this file as well as to stderr (the tests read the shared build's).
    A config with a YAML tag that runs code when read is refused before MkDocs reads it (site_config).
    """
    unsafe = unsafe_tags(config)
    if unsafe:
        where = ", ".join(f"{config.name}:{line} {tag}" for line, tag in unsafe)
        raise SystemExit(f"refusing to build: {where} would run code while MkDocs reads the file (scripts/check:"
                         " config-yaml-tag)")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "scripts"), env.get("PYTHONPATH")]))
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict",
           "--config-file", str(config),
           "--site-dir", str(site_dir)]
    done = subprocess.run(cmd, env=env, cwd=ROOT, stderr=subprocess.PIPE if log else None, text=True)
    if log:
        log.write_text(done.stderr, encoding="utf-8")
        sys.stderr.write(done.stderr)
    done.check_returncode()


def write_offline_zip(site_dir: Path = SITE, dist_dir: Path = DIST) -> Path:
    """The offline download for CI's artifact: the zip the site publishes (made here if it has none)."""
    published = site_dir / offline_download.DOWNLOAD_DIR / ZIP_NAME
    if not published.exists():
        return offline_download.write_zip(site_dir, dist_dir / ZIP_NAME)
    dist_dir.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(published, dist_dir / ZIP_NAME))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, default=SITE)
    parser.add_argument("--dist-dir", type=Path, default=DIST)
    parser.add_argument("--config", type=Path, default=MKDOCS_YML)
    parser.add_argument("--no-zip", action="store_true", help="skip the offline download")
    args = parser.parse_args(argv)
    try:
        build_site(args.site_dir.resolve(), args.config.resolve())
    except subprocess.CalledProcessError:
        print("error: the strict build failed; the messages above name the page.", file=sys.stderr)
        return 1
    if not args.no_zip:
        zip_path = write_offline_zip(args.site_dir.resolve(), args.dist_dir.resolve())
        print(f"offline download: {zip_path.relative_to(ROOT) if zip_path.is_relative_to(ROOT) else zip_path}"
              f" ({zip_path.stat().st_size / 1024:.0f} KiB)")
    return 0

