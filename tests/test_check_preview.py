"""The annotated pull request picture in CONTRIBUTING.md: rendered from the saved example, every annotation once."""

from __future__ import annotations

from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from helpcenter.check import github, preview
from helpcenter.check.model import Problem

ROOT = Path(__file__).resolve().parents[1]


def test_annotations_parse_back_from_github_commands():
    problem = Problem("docs/a,b:c.md", 3, "rule:x", "50% off\nnext, line: too", col=2)
    [back] = preview.parse_annotations(github.annotation(problem))
    assert (back.level, back.file, back.line, back.title, back.message) == (
        "error", "docs/a,b:c.md", 3, "rule:x", "50% off\nnext, line: too")


def test_saved_example_shows_each_annotation_once_under_its_line_or_in_the_summary():
    example = preview.EXAMPLE
    annotations = preview.parse_annotations((example / "annotations.txt").read_text(encoding="utf-8"))
    assert len(annotations) == 3
    tree = LexborHTMLParser(preview.render((example / "change.diff").read_text(encoding="utf-8"), annotations))
    boxes = tree.css(".ann")
    assert sorted((b.attributes["data-file"], int(b.attributes["data-line"])) for b in boxes) == sorted(
        (a.file, a.line) for a in annotations)
    for box in boxes:
        if box.attributes["data-file"].startswith("docs/en/"):  # the English twin is not in the diff
            assert box.css_first("span.where").text().startswith("Check failure on docs/en/")
            continue
        row = box.parent.parent.prev  # the table row above the annotation's row
        while row is not None and row.css_first(".ann") is not None:
            row = row.prev
        assert row is not None and row.attributes.get("class") == "add"
        assert row.css("td.n")[1].text() == box.attributes["data-line"]


def test_contributing_shows_the_picture():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "](contributing/annotated-pull-request.png)" in text
    assert (ROOT / "contributing/annotated-pull-request.png").stat().st_size > 10_000
