"""Accessibility (issue 7): axe-core on every page, both languages, both palettes; keyboard use.

axe-core comes from the npm registry at the version pinned in package.json
(scripts/test runs npm ci) and is injected into each page by the test; it is
never part of the site. Violations of impact serious or
critical fail; moderate and minor ones are listed (pytest -s shows them; they
are also written to tests/artefacts/axe-report.txt).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from conftest import ARTEFACTS, FIGURES, ROOT, search
from site_map import ALL, built_path

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_VERSION = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["axe-core"]
PAGES = [built_path(lang, page) for lang, page in ALL] + ["404.html", "en/404.html"]
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = ("critical", "serious")
NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"

RUN_AXE = """async () => {
  const result = await axe.run(document, { resultTypes: ["violations"] })
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + " :: " + (n.failureSummary || "").replace(/\\s+/g, " "))
  }))
}"""


def open_page(page, url: str, scheme: str = "default") -> None:
    """Load a page, wait for Material to apply the palette, and stop transitions (they skew contrast)."""
    page.goto(url)
    page.wait_for_function("s => document.body.dataset.mdColorScheme === s", arg=scheme)
    page.add_style_tag(content=NO_MOTION)


@pytest.fixture(scope="module")
def report() -> Iterator[list[str]]:
    """Collects the non-blocking findings and prints them once at the end of the module."""
    lines: list[str] = []
    yield lines
    text = "\n".join(lines) if lines else "no moderate or minor axe findings"
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with (ARTEFACTS / "axe-report.txt").open("a", encoding="utf-8") as out:  # xdist workers each add theirs
        out.write(text + "\n")
    print(f"\n--- axe: moderate and minor findings ({len(lines)}) ---\n{text}")
    FIGURES.append(f"axe: {len(lines)} moderate or minor findings (listed in tests/artefacts/axe-report.txt)")


@pytest.fixture(scope="module", params=list(SCHEMES))
def palette_page(request, browser):
    """One browser tab per palette; the palette follows prefers-color-scheme, as a visitor's would.

    axe comes with every page the tab loads (an init script: about a quarter less work than adding it to
    each page after its load). The site's CSP forbids inline scripts, and Playwright injects axe as one:
    bypass_csp lets the test tool in without weakening the site.
    """
    context = browser.new_context(color_scheme=request.param, viewport={"width": 1280, "height": 800},
                                  bypass_csp=True)
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    yield request.param, page
    context.close()


def test_axe_is_the_pinned_version():
    assert AXE.exists(), "node_modules/axe-core is missing: run scripts/test (npm ci)"
    assert f"axe v{AXE_VERSION}" in AXE.read_text(encoding="utf-8")[:200]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_axe_violations(palette_page, server, path, report):
    name, page = palette_page
    open_page(page, server + path, SCHEMES[name])
    violations = page.evaluate(RUN_AXE)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    for v in violations:
        if v["impact"] not in BLOCKING:
            line = f"{v['impact']:8} {name:5} {path}: {v['id']} ({len(v['nodes'])}) - {v['help']}"
            report.append(line)
            print(line)
    assert not blocking, "\n".join(
        f"{v['impact']} {v['id']}: {v['help']}\n    " + "\n    ".join(v["nodes"][:5]) for v in blocking
    )


@pytest.mark.parametrize("query", ["パスワード", "withdrawal"])
def test_search_results_and_nothing_found_pass_axe(palette_page, server, query, report):
    """The open result list: highlighted results, and the nothing-found block with the other
    language's pages (a Japanese page searched in English)."""
    name, page = palette_page
    open_page(page, server + "troubles/index.html", SCHEMES[name])
    hrefs = search(page, query)
    if not hrefs:
        page.wait_for_function("() => document.querySelector('.hc-search-empty[data-hc-other-done]')")
        assert page.locator(".hc-search-other").is_visible()
    else:
        assert page.locator(".md-search-result__item mark").count() > 0
    violations = page.evaluate(RUN_AXE)
    for v in violations:
        if v["impact"] not in BLOCKING:
            report.append(f"{v['impact']:8} {name:5} search {query!r}: {v['id']} ({len(v['nodes'])}) - {v['help']}")
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, "\n".join(f"{v['id']}: " + "; ".join(v["nodes"][:3]) for v in blocking)


# ------------------------------------------------------------------ keyboard

SKIP_PAGES = ["index.html", "troubles/trading.html", "faq.html", "404.html",
              "en/index.html", "en/troubles/trading.html", "en/contact/compose.html", "en/404.html"]


@pytest.mark.parametrize("path", SKIP_PAGES)
def test_skip_link_is_first_and_moves_past_the_navigation(page, server, path):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, server + path)
    page.keyboard.press("Tab")
    skip = page.evaluate("() => { const e = document.activeElement; return {cls: e.className,"
                         " href: e.getAttribute('href'), text: e.textContent.trim(),"
                         " visible: getComputedStyle(e).opacity === '1' && e.getBoundingClientRect().height > 0} }")
    assert "md-skip" in skip["cls"], f"first Tab lands on {skip}, not the skip link"
    assert skip["visible"], "the skip link does not show when focused"
    expected = "Skip to content" if path.startswith("en/") else "コンテンツにスキップ"
    assert skip["text"] == expected
    target = skip["href"].lstrip("#")
    assert page.locator(f"[id='{target}']").count() == 1, f"skip link target #{target} does not exist"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link, Tab does not continue in the page content"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_search_by_keyboard_alone(page, server, lang):
    page.set_viewport_size({"width": 1280, "height": 800})
    prefix = "" if lang == "ja" else "en/"
    open_page(page, f"{server}{prefix}troubles/trading.html")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('input[data-md-component=search-query]')"):
            break
    else:
        pytest.fail("the search box is not reachable with Tab within 15 steps")
    query = "パスワード" if lang == "ja" else "password"
    page.keyboard.type(query)
    page.wait_for_function(
        "q => document.querySelector('[data-md-component=search-result]').getAttribute('data-hc-query') === q",
        arg=query,
    )
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("() => document.activeElement.closest('.md-search-result__item') ?"
                            " document.activeElement.getAttribute('href') : null")
    assert focused, "ArrowDown does not move to the first result"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0].endswith(focused.split("#")[0].split("/")[-1])


@pytest.mark.parametrize("path", ["index.html", "en/index.html", "404.html", "en/404.html"])
def test_search_button_opens_search_by_keyboard(page, server, path):
    page.set_viewport_size({"width": 375, "height": 812})
    open_page(page, server + path)
    page.locator("article [data-hc-search-open]").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.matches('input[data-md-component=search-query]')")
    assert page.locator("input[data-md-component=search-query]").is_visible()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_slash_opens_search_on_a_phone(page, server, lang):
    """On a narrow screen search opens with the shortcut too, not only the header's search button."""
    page.set_viewport_size({"width": 375, "height": 812})
    open_page(page, f"{server}{'' if lang == 'ja' else 'en/'}faq.html")
    page.keyboard.press("/")
    page.wait_for_function("() => document.activeElement.matches('input[data-md-component=search-query]')")


FOCUS_STYLE = """() => {
  let e = document.activeElement
  if (e.matches('input.md-option'))  /* palette toggle: the label that shows carries the ring */
    e = e.closest('[data-md-component=palette]').querySelector('label:not([hidden])')
  if (e.closest('.grid.cards > ul > li')) e = e.closest('.grid.cards > ul > li')  /* the card is the target */
  const s = getComputedStyle(e), r = e.getBoundingClientRect()
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none'
  return {tag: e.tagName, cls: String(e.className), label: (e.getAttribute('href') || e.getAttribute('aria-label')
          || e.textContent || '').trim().slice(0, 40), ring, seen: r.width > 0 && r.height > 0}
}"""


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("path", ["troubles/trading.html", "en/index.html"])
def test_focus_is_visible(warm_tab, server, path, scheme):
    page = warm_tab(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    open_page(page, server + path, SCHEMES[scheme])
    invisible = []
    for _ in range(40):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STYLE)
        if state["tag"] == "BODY":
            break
        if not (state["ring"] and state["seen"]):
            invisible.append(state)
    assert not invisible, f"focus not visible on: {invisible}"


def test_every_page_names_its_language(site_dir):
    for lang, page in ALL:
        html = (site_dir / built_path(lang, page)).read_text(encoding="utf-8")
        assert re.search(rf'<html lang="{lang}"', html), f"{built_path(lang, page)} is not lang={lang}"
    for lang, path in [("ja", "404.html"), ("en", "en/404.html")]:
        assert f'<html lang="{lang}"' in (site_dir / path).read_text(encoding="utf-8")
