"""Browser tabs kept warm across a module's tests.

The suite is bound by CPU (tests/README.md), and a page opened in a new tab
costs about three times what it costs in a tab that has loaded one: a fresh
renderer process compiles Material's bundle and styles from nothing. A test
that only navigates and reads can take a tab another test left: between
tests the tab goes to about:blank, its routes are removed, its viewport and
media type are put back, and everything the site stored for the origins it
visited (storage, caches, service workers, cookies) is cleared, so each test
still meets a first visit.

A tab opened with an init script runs it in every page it loads, so it is
kept for tests that ask for the same script. A test that changes a tab
beyond that (a clock, an emulated colour scheme, permissions, offline)
opens its own context.

The site's service worker is blocked in warm tabs unless a test asks for it
(`service_workers="allow"`): at every first visit it would keep a whole
language in the browser, about half a CPU-second that a test of keyboard
stops or announcements never looks at (those modules alone: 118 → 87-98
CPU-s). The offline tests (test_offline, test_offline_app, test_warm_tabs)
allow it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

DEFAULT_TIMEOUT_MS = 30_000  # Playwright's own default: a test may have set another


def _origin(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "file://"
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else None


class WarmTabs:
    """Tabs by context options and init script: `open(init_script=None, **options)` gives an idle one or a new
    one; `release()` resets them all."""

    def __init__(self, browser: Browser):
        self.browser = browser
        self.idle: dict[tuple, list[Page]] = {}
        self.lent: list[tuple[tuple, Page]] = []  # (key, tab)
        self.visited: dict[Page, set[str]] = {}  # per tab, the origins its pages had since its reset
        self.viewport: dict[Page, dict | None] = {}  # per tab, the viewport it was opened with

    def open(self, init_script: str | None = None, **options) -> Page:
        options.setdefault("service_workers", "block")
        key = (init_script, *sorted((name, repr(value)) for name, value in options.items()))
        idle = self.idle.setdefault(key, [])
        if idle:
            page = idle.pop()
        else:
            page = self.browser.new_context(**options).new_page()
            if init_script:
                page.add_init_script(init_script)
            self.viewport[page] = page.viewport_size
            origins = self.visited[page] = set()
            page.on("framenavigated", lambda frame: frame.parent_frame is None
                    and (origin := _origin(frame.url)) is not None and origins.add(origin))
        self.lent.append((key, page))
        return page

    def release(self) -> None:
        """Take every lent tab back, reset for the next test; a tab that cannot be reset is closed."""
        for key, page in self.lent:
            try:
                self._reset(page)
            except Exception:  # a crashed or closed tab, or one a test left stuck: the next test gets a new one
                page.context.close()  # closing a closed context does nothing
                del self.visited[page], self.viewport[page]
                continue
            self.idle[key].append(page)
        self.lent.clear()

    def _reset(self, page: Page) -> None:
        page.set_default_timeout(DEFAULT_TIMEOUT_MS)
        page.unroute_all(behavior="ignoreErrors")
        page.goto("about:blank")
        page.emulate_media(media="null")  # print, emulated by a test, back to the context's
        if self.viewport[page] and page.viewport_size != self.viewport[page]:
            page.set_viewport_size(self.viewport[page])
        cdp = page.context.new_cdp_session(page)
        for origin in sorted(self.visited[page]):
            cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        cdp.detach()
        self.visited[page].clear()

    def close(self) -> None:
        for page in [page for pages in self.idle.values() for page in pages] + [page for _, page in self.lent]:
            page.context.close()
