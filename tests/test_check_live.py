"""The preview keeps serving on a writer's mistake and says where it is (helpcenter/build/live_preview.py).

`scripts/serve`'s command runs on a copy of the project with a half-typed
include in a Japanese page and a link to a missing page in an English one;
then a link to a missing page and a banner switched on without its texts are
saved while it runs. Each must print the file and line (or the file's
problem) in the terminal, and the preview must go on rebuilding: the next
saved text appears on the page. A page with problems shows them in a box at
the top of its content, in the page's language, in the preview only.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from selectolax.lexbor import LexborHTMLParser

from helpcenter import mkdocs_hooks
from helpcenter.build import live_preview
from sources import copy_sources

ROOT = Path(__file__).resolve().parents[1]
PAGE = "docs/ja/contact/index.md"
EN_PAGE = "docs/en/first-response.md"
EN_LINK = "[the FAQ](no-such-answer.md)"
BOX = ".hc-preview-problems"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(log: Path, text: str, after: int = 0, timeout: float = 600) -> str:
    """The log from `after` once it holds `text`."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        seen = log.read_text(encoding="utf-8", errors="replace")[after:]
        if text in seen:
            return seen
        time.sleep(0.5)
    raise AssertionError(f"{text!r} not printed within {timeout} s:\n{log.read_text(errors='replace')[after:]}")


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return max(no for no, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    root = copy_sources(tmp_path_factory.mktemp("live") / "p", link_scripts=True).parent
    _append(root / PAGE, '--8<-- "ja/never-se"')
    _append(root / EN_PAGE, EN_LINK)
    port, log = _port(), root.parent / "serve.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    serve = (ROOT / "scripts" / "serve").read_text(encoding="utf-8")
    assert "--no-strict" in serve  # the command below is scripts/serve's
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr",
                                 f"127.0.0.1:{port}"], cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait(log, "Serving on")
        yield root, port, log
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _get(port: int, path: str) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=60) as response:
        return response.read().decode("utf-8")


def test_half_typed_include_is_named_and_the_page_served(served):
    root, port, log = served
    line = _line_of(root / PAGE, "never-se")
    text = log.read_text(encoding="utf-8")
    assert f"'ja/contact/index.md': line {line}: --8<-- \"ja/never-se\" names no file" in text, text
    assert "お問い合わせ" in _get(port, "contact/index.html")


def test_the_preview_says_it_has_no_download_instead_of_offering_one(served):
    """No zip is written for a preview: where a build's pages link the download with its size and date, the
    preview's say, in the page's language, that only a build makes it (a build's pages: test_offline_app)."""
    _, port, _ = served
    for path, says in (("index.html", "プレビューでは作られません"), ("en/faq.html", "not made in the preview")):
        lines = LexborHTMLParser(_get(port, path)).css(".hc-offline__download")
        assert lines and all(says in line.text() and line.css_first("a") is None for line in lines), path
    with pytest.raises(urllib.error.HTTPError):
        _get(port, "download/bitbank-help-offline.zip")


def test_broken_link_and_broken_banner_keep_the_preview_rebuilding(served):
    root, port, log = served
    start = len(log.read_text(encoding="utf-8", errors="replace"))
    _append(root / PAGE, "[よくある質問](../no-such-page.md)")
    banner = root / "data" / "banner.yml"
    banner.write_text("enabled: true\nlevel: warning\ntext: {}\n", encoding="utf-8")
    line = _line_of(root / PAGE, "no-such-page")
    seen = _wait(log, f"docs/ja/contact/index.md:{line}: ", start)
    assert "no-such-page.md" in seen
    _wait(log, "the preview shows no banner until this is fixed", start)
    _append(root / PAGE, "保存した文が表示されます。")
    end = time.monotonic() + 600
    while "保存した文が表示されます。" not in _get(port, "contact/index.html"):
        assert time.monotonic() < end, log.read_text(errors="replace")[start:]
        time.sleep(1)
    assert "appear stuck" not in log.read_text(encoding="utf-8", errors="replace")


def test_informational_plugin_lines_are_not_printed(served):
    _, _, log = served
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "mkdocs_static_i18n" not in text and "git_revision_date" not in text, text


def _box(port: int, path: str):
    """The problem box of a served page (None without one), checked to sit at the top of the article."""
    box = LexborHTMLParser(_get(port, path)).css_first(BOX)
    if box is not None:
        article = box.parent
        assert article is not None and article.tag == "article"
        assert next(c for c in article.iter() if not (c.tag or "-").startswith("-")).html == box.html
    return box


def test_a_page_with_problems_shows_them_at_the_top_in_its_language(served):
    root, port, _ = served
    box = _box(port, "contact/index.html")
    assert box is not None
    line = _line_of(root / PAGE, "never-se")
    items = [li.text().strip() for li in box.css("li")]
    assert any(t.startswith(f"docs/ja/contact/index.md:{line}:") and "ja/never-se" in t and "ありません" in t
               for t in items), items
    assert "プレビュー" in box.css_first(".admonition-title").text()
    en = _box(port, "en/first-response.html")
    assert en is not None
    line = _line_of(root / EN_PAGE, "no-such-answer.md")
    [item] = [li.text().strip() for li in en.css("li")]
    assert item.startswith(f"docs/en/first-response.md:{line}: ") and "'no-such-answer.md'" in item, item
    assert not re.search(r"[\u3040-\u30ff]", item)
    assert "preview only" in en.css_first(".admonition-title").text()
    assert _box(port, "faq.html") is None and _box(port, "en/faq.html") is None  # pages without problems


def test_the_box_goes_once_the_problem_is_fixed(served):
    root, port, log = served
    path = root / EN_PAGE
    path.write_text(path.read_text(encoding="utf-8").replace(EN_LINK, "Fixed."), encoding="utf-8")
    end = time.monotonic() + 600
    while _box(port, "en/first-response.html") is not None:
        assert time.monotonic() < end, log.read_text(errors="replace")
        time.sleep(1)
    assert "Fixed." in _get(port, "en/first-response.html")


def test_the_box_is_escaped_text():
    box = live_preview.problems_box([("docs/en/a.md", 3, '<img src=x onerror="alert(1)"> & more')], "en")
    tree = LexborHTMLParser(box)
    assert tree.css("img") == [] and tree.css_first("li").text() == (
        'docs/en/a.md:3: <img src=x onerror="alert(1)"> & more')
    assert "style=" not in box and "<script" not in box


def test_only_the_preview_adds_the_box(site_dir, monkeypatch):
    """The hook leaves a page alone in a build, and the real build has no box anywhere."""
    problems = live_preview.PageProblems(ROOT / "docs", ROOT)
    problems.pages["ja/faq.md"] = [("docs/ja/faq.md", 1, "x")]
    page = SimpleNamespace(file=SimpleNamespace(src_path="ja/faq.md", locale="ja"))
    config = SimpleNamespace(theme={"language": "ja"})
    html = "<html><body><article class='md-content__inner'><h1>x</h1></article></body></html>"
    monkeypatch.setattr(mkdocs_hooks, "_problems", problems)
    monkeypatch.setattr(mkdocs_hooks, "_command", "serve")
    assert BOX[1:] in mkdocs_hooks.on_post_page(html, page=page, config=config)
    monkeypatch.setattr(mkdocs_hooks, "_command", "build")
    assert mkdocs_hooks.on_post_page(html, page=page, config=config) == html
    assert not [p for p in site_dir.rglob("*.html") if BOX[1:] in p.read_text(encoding="utf-8", errors="replace")]
