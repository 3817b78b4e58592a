"""The offline download, published with the site: download/bitbank-help-offline.zip.

The zip holds the whole site under one folder (open bitbank-help/index.html
from disk). Every page links to it with its size and build date, which are
only known once it is written, and the pages are inside it: so the size is
written into the pages, the site zipped, and again while the size as shown
changes (it settles at once: a few bytes do not move "1.1 MB"). The first
size tried is a guess from the files' own size, so that most builds zip once.
A live preview makes no zip: its pages say so in place of the link.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from helpcenter.paths import language_of

ZIP_NAME = "bitbank-help-offline.zip"
ZIP_FOLDER = "bitbank-help"
DOWNLOAD_DIR = "download"
SIZE = re.compile(r"(<span data-hc-offline-size>)[^<]*(</span>)")
DATE = re.compile(r'(<time data-hc-offline-date datetime=")[^"]*(">)[^<]*(</time>)')


def shown_size(size: int) -> str:
    """As the link says it: one decimal in MB (kB below 1 MB)."""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"


_ROOT_URL = re.compile(r'((?:href|src)=")/(?!/)')


def relative_404(html: str, rel: str) -> str:
    """A 404 page for the download, its root-absolute addresses made relative to where it lies.

    A server shows 404.html at any depth, so the site's links there start at
    the root (/assets/…); from disk the root is the disk's, so the download
    gets pages whose links start at their own folder.
    """
    up = "../" * rel.count("/") or "./"
    html = _ROOT_URL.sub(lambda m: m[1] + up, html)
    return html.replace('"base": "/"', f'"base": "{up.rstrip("/")}"').replace('"search": "/', f'"search": "{up}')


# What deflate at level 9 makes of this site's mix of HTML, JavaScript, CSS and index files: 1,105,230 of
# 4,521,963 bytes on 2026-12-07. Only the first guess of the size: a wrong one costs one more zip, never a
# wrong figure.
DEFLATE_RATIO = 0.244


def _zipped(site_dir: Path) -> list[Path]:
    """The files the zip holds: the site, without the download folder itself and the servers' .gz copies."""
    return [path for path in sorted(site_dir.rglob("*"))
            if path.is_file() and not path.name.endswith(".gz")
            and not path.relative_to(site_dir).as_posix().startswith(f"{DOWNLOAD_DIR}/")]


def guessed_size(site_dir: Path) -> str:
    """The size the zip will likely have, as shown, before it is written."""
    return shown_size(round(sum(path.stat().st_size for path in _zipped(site_dir)) * DEFLATE_RATIO))


def write_zip(site_dir: Path, target: Path) -> Path:
    """Zip the site under one folder, without the download folder itself; 404 pages work from disk."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in _zipped(site_dir):
            rel = path.relative_to(site_dir).as_posix()
            if path.name == "404.html":
                zf.writestr(f"{ZIP_FOLDER}/{rel}", relative_404(path.read_text(encoding="utf-8"), rel))
            else:
                zf.write(path, f"{ZIP_FOLDER}/{rel}")
    tmp.replace(target)
    return target


DOWNLOAD_LINE = re.compile(r'<p class="hc-offline__download">.*?</p>', re.S)
PREVIEW_NOTE = {
    "ja": "オフライン版（ZIP）はプレビューでは作られません。scripts/build で作られます。",
    "en": "The offline download (ZIP) is not made in the preview; scripts/build makes it.",
}


def leave_out(site_dir: Path) -> None:
    """A live preview has no zip: its pages say so where the download line would show an empty size and a link
    to nothing."""
    for file in site_dir.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        note = PREVIEW_NOTE[language_of(file.relative_to(site_dir).as_posix())]
        new = DOWNLOAD_LINE.sub(f'<p class="hc-offline__download">{note}</p>', html)
        if new != html:
            file.write_text(new, encoding="utf-8")


def _fill(site_dir: Path, size: str, date: str) -> None:
    for file in site_dir.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        new = SIZE.sub(lambda m: m[1] + size + m[2], html)
        new = DATE.sub(lambda m: m[1] + date + m[2] + date + m[3], new)
        if new != html:
            file.write_text(new, encoding="utf-8")


def publish(site_dir: Path, today: str | None = None) -> Path:
    """Write the zip into the site and its size and date into every page's link to it."""
    date = today or datetime.now(ZoneInfo("Asia/Tokyo")).date().isoformat()
    target = site_dir / DOWNLOAD_DIR / ZIP_NAME
    size = shown_size(target.stat().st_size) if target.exists() else guessed_size(site_dir)
    for _ in range(4):
        _fill(site_dir, size, date)
        write_zip(site_dir, target)
        if shown_size(target.stat().st_size) == size:
            break
        size = shown_size(target.stat().st_size)
    return target
