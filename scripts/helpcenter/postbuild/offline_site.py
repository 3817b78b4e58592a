"""The served site, kept offline by the browser: a web app manifest per language and a service worker.

Runs after every other step (the files must be final): it names the build
(a hash of the files the worker keeps), writes that name into every page as
`<meta name="hc-build">`, one `manifest.webmanifest` per language (name,
icons, start page), and `sw.js` at the site root: the worker's code
(offline_worker.js) after one line with the build's name and the files of
each cache part. From disk nothing of this runs: offline.js registers the
worker only over http(s).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from helpcenter.paths import DEFAULT_LANGUAGE, LANGUAGES, language_of, language_prefix

WORKER_SOURCE = Path(__file__).with_name("offline_worker.js")
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
# The build name as stamp_pages writes it, on a line of its own. The pattern starts at a
# newline: an optional one followed by \s* made every run of indentation a scan of its own
# (130 s of a 1,000-page build).
BUILD_META = re.compile(r'\n[ \t]*<meta name="hc-build" content="[0-9a-f]*">')
# Never kept offline: the server's files, the download, source maps, and Material's search worker and
# language files, which search.js replaces (it runs lunr on the page).
SKIP = re.compile(r"(^_headers$|^sitemap\.xml|\.gz$|\.map$|\.LICENSE$|^download/|^sw\.js$|"
                  r"^assets/javascripts/(lunr|workers)/)")
NAMES = {
    "ja": {"name": "bitbank ヘルプセンター", "short_name": "bitbankヘルプ",
           "description": "bitbankで困ったとき、最初に開くページです。オフラインでも読めます。"},
    "en": {"name": "bitbank Help Center", "short_name": "bitbank Help",
           "description": "What to do first when something goes wrong with bitbank. Works offline."},
}
ICONS = [("assets/images/icon-192.png", "192x192"), ("assets/images/icon-512.png", "512x512")]
THEME_COLOR = "#3f51b5"  # Material's indigo, the site's primary colour


def part_of(rel: str) -> str | None:
    """Which cache part a site file belongs to: "shared", a language, or None (never kept)."""
    if SKIP.search(rel):
        return None
    for lang in LANGUAGES:  # the index, whole or split in parts (search/index.<lang>.p0.js …)
        if rel == f"search/index.{lang}.js" or rel.startswith(f"search/index.{lang}."):
            return lang
    if rel.endswith(".html") or rel.endswith(MANIFEST):
        return language_of(rel)
    return "shared"


def parts(site_dir: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"shared": [], **{lang: [] for lang in LANGUAGES}}
    for file in sorted(site_dir.rglob("*")):
        if file.is_file():
            rel = file.relative_to(site_dir).as_posix()
            part = part_of(rel)
            if part:
                out[part].append(rel)
    return out


def build_version(site_dir: Path, files: dict[str, list[str]]) -> str:
    """12 hex digits of a hash of every kept file (pages without their build name)."""
    digest = hashlib.sha256()
    for rel in sorted(r for rels in files.values() for r in rels):
        data = (site_dir / rel).read_bytes()
        if rel.endswith(".html"):
            data = BUILD_META.sub("", data.decode("utf-8")).encode("utf-8")
        digest.update(rel.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:12]


def write_manifests(site_dir: Path) -> None:
    for lang in LANGUAGES:
        prefix = language_prefix(lang)
        up = "../" * prefix.count("/")
        manifest = {
            **NAMES[lang], "lang": lang, "id": "./index.html",
            "start_url": "./index.html", "scope": up or "./", "display": "standalone",
            "background_color": "#ffffff", "theme_color": THEME_COLOR,
            "icons": [{"src": f"{up}{src}", "sizes": size, "type": "image/png", "purpose": "any"}
                      for src, size in ICONS],
        }
        (site_dir / prefix / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                                  encoding="utf-8")


def stamp_pages(site_dir: Path, version: str) -> None:
    for file in site_dir.rglob("*.html"):
        html = BUILD_META.sub("", file.read_text(encoding="utf-8"))
        head = html.index("<head")
        at = html.index(">", head) + 1
        file.write_text(f'{html[:at]}\n    <meta name="hc-build" content="{version}">{html[at:]}', encoding="utf-8")


def write_offline_site(site_dir: Path) -> str:
    """Manifests, the build's name in every page, and sw.js; returns the build's name."""
    write_manifests(site_dir)
    files = parts(site_dir)
    version = build_version(site_dir, files)
    stamp_pages(site_dir, version)
    config = {"version": version, "default": DEFAULT_LANGUAGE,
              "languages": {lang: language_prefix(lang) for lang in LANGUAGES}, "parts": files}
    worker = f"self.HC_OFFLINE = {json.dumps(config, separators=(',', ':'))}\n" + \
        WORKER_SOURCE.read_text(encoding="utf-8")
    (site_dir / WORKER).write_text(worker, encoding="utf-8")
    return version
