"""The compiled-template cache (helpcenter.build.template_cache): outside the checkout, and never stale."""

from __future__ import annotations

import jinja2

from helpcenter.build import template_cache
from helpcenter.paths import ROOT


def render(templates, name: str = "page.html") -> str:
    env = template_cache.attach(jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates))))
    return env.get_template(name).render(x="X")


def test_an_edited_template_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("HELPCENTER_TEMPLATE_CACHE", raising=False)
    templates = tmp_path / "overrides"
    templates.mkdir()
    (templates / "page.html").write_text("one {{ x }}", encoding="utf-8")
    assert render(templates) == "one X"
    assert list((tmp_path / "cache" / "helpcenter" / "jinja").iterdir()), "the compiled template is kept"
    (templates / "page.html").write_text("two {{ x }}", encoding="utf-8")
    assert render(templates) == "two X"


def test_the_cache_is_never_in_the_checkout(monkeypatch):
    """A compiled template is code: one a pull request could commit would run on the build machine."""
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HELPCENTER_TEMPLATE_CACHE", raising=False)
    assert not template_cache.folder().resolve().is_relative_to(ROOT.resolve())
    monkeypatch.setenv("HELPCENTER_TEMPLATE_CACHE", "off")
    assert template_cache.folder() is None
    assert template_cache.attach(jinja2.Environment()).bytecode_cache is None
