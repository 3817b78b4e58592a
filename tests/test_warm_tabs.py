"""A warm tab (warm_tabs.py) meets the next test with a first visit: nothing the last test stored or routed is left."""

from __future__ import annotations

from site_map import built_path

# What an origin holds, read from a document of the site that runs no script of its own (the favicon).
HELD = """() => Promise.all([caches.keys(), navigator.serviceWorker.getRegistrations()]).then(([names, workers]) => ({
  local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookies: document.cookie,
  caches: names, workers: workers.length}))"""
NOTHING = {"local": [], "session": [], "cookies": "", "caches": [], "workers": 0}
ICON = "assets/images/favicon.svg"


def test_a_reused_tab_has_nothing_of_the_last_test(warm_tabs, server, site_dir):
    page = warm_tabs.open(viewport={"width": 390, "height": 844}, service_workers="allow")
    page.goto(server + built_path("ja", "index.html"))
    page.wait_for_selector("#hc-offline-footer[data-hc-state=ready] [data-hc-keep=ja][data-hc-state=ready]",
                           state="attached", timeout=60_000)  # the service worker has kept the language
    page.evaluate("() => { localStorage.setItem('a', '1'); sessionStorage.setItem('b', '2'); document.cookie = 'c=3' }")
    page.goto(server + ICON)
    held = page.evaluate(HELD)
    assert all(held[k] for k in NOTHING), held  # the test's own check can see each kind of leftover
    page.goto((site_dir / "index.html").as_uri())
    page.evaluate("localStorage.setItem('d', '4')")
    page.route("**/*.html", lambda route: route.fulfill(body="<h1>routed</h1>", content_type="text/html"))
    page.set_viewport_size({"width": 1000, "height": 500})
    page.emulate_media(media="print")
    page.set_default_timeout(1)
    warm_tabs.release()

    again = warm_tabs.open(viewport={"width": 390, "height": 844}, service_workers="allow")
    assert again is page  # the same tab, warm
    again.goto(server + ICON)
    assert again.evaluate(HELD) == NOTHING
    again.goto((site_dir / "faq.html").as_uri())
    assert "d" not in again.evaluate("Object.keys(localStorage)")  # (the page writes its palette there itself)
    assert "routed" not in again.content()  # no route of the last test is left
    assert again.locator("article h1").is_visible()  # the page loaded: the 1 ms timeout the last test set is gone
    assert again.viewport_size == {"width": 390, "height": 844}
    assert again.evaluate("matchMedia('screen').matches && !matchMedia('print').matches")
    warm_tabs.release()
    assert warm_tabs.open(viewport={"width": 1280, "height": 800}) is not page  # other options: another tab
    warm_tabs.release()


def test_a_tab_keeps_its_init_script_and_is_lent_only_for_that_script(warm_tabs, server):
    spy = "window.__spied = (window.__spied || 0) + 1"
    page = warm_tabs.open(init_script=spy)
    page.goto(server + ICON)
    assert page.evaluate("window.__spied") == 1
    warm_tabs.release()
    plain = warm_tabs.open()
    assert plain is not page  # a test that asked for no script never meets one
    plain.goto(server + ICON)
    assert plain.evaluate("window.__spied") is None
    warm_tabs.release()
    again = warm_tabs.open(init_script=spy)
    assert again is page
    again.goto(server + ICON)
    assert again.evaluate("window.__spied") == 1  # once per page: not added a second time
    warm_tabs.release()


REGISTER = "navigator.serviceWorker.register('sw.js').then(() => navigator.serviceWorker.getRegistrations())" \
           ".then(all => all.length)"


def test_the_service_worker_is_blocked_unless_a_test_allows_it(warm_tabs, server):
    """Tests of other things do not pay for the worker keeping a language at each first visit."""
    page = warm_tabs.open()
    page.goto(server + built_path("ja", "index.html"))
    assert page.evaluate(REGISTER) == 0
    allowed = warm_tabs.open(service_workers="allow")
    allowed.goto(server + built_path("ja", "index.html"))
    assert allowed.evaluate(REGISTER) == 1
    warm_tabs.release()
