"""Which files beside the Markdown pages in docs/ may be published.

Everything under docs/ is copied into the site as it is, so a file a writer
commits there is served from the help center's own origin: an SVG or HTML
file with a script in it could register a service worker for the whole
site, and a static page with a meta refresh is an open redirect. Only types
a browser cannot run are published: the pages themselves and raster images,
whose first bytes must match their extension (an HTML file renamed .png is
refused too). PDF is refused as well: PDF viewers run scripts and follow
links, and a help page belongs in Markdown, in both languages, searchable.
SVG is refused rather than sanitised: the site's own icons live in
overrides/, which an engineer reviews.
"""

from __future__ import annotations

from pathlib import Path

PAGE_SUFFIX = ".md"
# Raster images by extension, with the bytes their files start with (offset, signature).
IMAGES: dict[str, tuple[tuple[int, bytes], ...]] = {
    ".png": ((0, b"\x89PNG\r\n\x1a\n"),),
    ".jpg": ((0, b"\xff\xd8\xff"),),
    ".jpeg": ((0, b"\xff\xd8\xff"),),
    ".gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    ".webp": ((8, b"WEBP"),),
    ".avif": ((4, b"ftypavif"), (4, b"ftypavis")),
}
_WHY = {
    ".svg": "an SVG image can hold scripts that run on this site's origin: export it as PNG or WebP",
    ".pdf": "a PDF can run scripts and hide links, and cannot be searched or translated with the pages:"
            " write its content as a page (scripts/new-page)",
    ".html": "an HTML file is published as it is, unchecked (it could redirect or run code): write the page in"
             " Markdown (scripts/new-page)",
    ".htm": "an HTML file is published as it is, unchecked (it could redirect or run code): write the page in"
            " Markdown (scripts/new-page)",
    ".js": "a script beside the pages could take over every page (a service worker): behaviour belongs in"
           " overrides/, where an engineer reviews it",
}


_WHY_JA = {
    ".svg": "SVG 画像にはこのサイトのオリジンで動くスクリプトを入れられます。PNG か WebP で書き出してください",
    ".pdf": "PDF はスクリプトを実行したりリンクを隠したりでき、ページと一緒に検索や翻訳もできません。"
            "内容をページとして書いてください（scripts/new-page）",
    ".html": "HTML ファイルは確認されずにそのまま公開されます（転送やコードの実行ができます）。ページは Markdown で"
             "書いてください（scripts/new-page）",
    ".htm": "HTML ファイルは確認されずにそのまま公開されます（転送やコードの実行ができます）。ページは Markdown で"
            "書いてください（scripts/new-page）",
    ".js": "docs/ に置いたスクリプトは、Service Worker としてすべてのページを乗っ取るおそれがあります。動作は"
           " overrides/ に置いてください（エンジニアが確認します）",
}


def _page_name(path: Path, ja: bool) -> str | None:
    """Why a Markdown file's name keeps it from being a checked page, or None.

    MkDocs copies `x.MD` as a plain file (only a lower-case `.md` is a page),
    and publishes `README.md` as the folder's `index.html`, where the checks,
    which pair each built page with `<name>.html`, would not look for it.
    """
    if path.suffix != PAGE_SUFFIX:
        if ja:
            return (f"拡張子 {path.suffix} のファイルはページにならず、確認されずにそのまま公開されます。"
                    "拡張子を .md にしてください")
        return f"a {path.suffix} file is not made a page but published as it is, unchecked: rename it to end in .md"
    if path.stem.lower() == "readme":
        if ja:
            return (f"{path.name} は index.html として公開され、内容の確認を通りません。"
                    "index.md という名前にしてください")
        return f"{path.name} is published as index.html, past the content checks: name the page index.md"
    return None


def refusal(path: Path, lang: str = "en") -> str | None:
    """Why `path` (a file under docs/) may not be published, with the fix; None when it may.

    Said in Japanese (`lang="ja"`) for a file a writer put beside the Japanese pages.
    """
    ja = lang == "ja"
    suffix = path.suffix.lower()
    if suffix == PAGE_SUFFIX:
        return _page_name(path, ja)
    if suffix in IMAGES:
        head = path.read_bytes()[:16]
        if any(head[at:at + len(sig)] == sig for at, sig in IMAGES[suffix]):
            return None
        if ja:
            return (f"ファイル名は {suffix} ですが、{suffix[1:].upper()} 画像ではありません（ブラウザーがページや"
                    "スクリプトとして読むおそれがあります）。本物の画像として保存し直すか、削除してください")
        return (f"the file is named {suffix} but is not a {suffix[1:].upper()} image (a browser could read it as a"
                " page or a script): save it again as a real image, or remove it")
    allowed = ", ".join(IMAGES)
    if ja:
        kind = f"{suffix} ファイル" if suffix else "拡張子のないファイル"
        why = _WHY_JA.get(suffix, f"{kind}は確認されずにそのまま公開されます")
        return f"{why}。docs/ に置けるのは .md のページとラスター画像（{allowed}）だけです"
    why = _WHY.get(suffix, f"a {suffix or 'extensionless'} file is published as it is, unchecked")
    return f"{why}; docs/ may hold only .md pages and raster images ({allowed})"
