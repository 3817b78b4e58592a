"""The suite's own guard (conftest.watch): what leaves the site is stopped and named, what stays is let through.

Every browser test's "zero external requests" rests on it. The site's pages forbid other hosts themselves
(their Content-Security-Policy), so a page without one makes the requests here: served, and from disk.
"""

from __future__ import annotations

import pytest

from conftest import watch

PAGE = "<!doctype html><title>leaky</title><body>"
# An image, a script and a stylesheet from other hosts, a fetch to one, then an image of the site's own.
LEAKS = """async own => {
  const load = (tag, attr, url) => new Promise(resolve => {
    const e = document.createElement(tag)
    if (tag === "link") e.rel = "stylesheet"
    e.onload = e.onerror = resolve
    e[attr] = url
    document.body.append(e)
  })
  await load("img", "src", "https://tracker.example/pixel.gif")
  await load("script", "src", "http://cdn.example/lib.js")
  await load("link", "href", "https://fonts.example/font.css")
  await fetch("https://api.example/collect?x=1").catch(() => null)
  await load("img", "src", own)
}"""
OUTSIDE = {"https://tracker.example/pixel.gif", "http://cdn.example/lib.js", "https://fonts.example/font.css",
           "https://api.example/collect?x=1"}
ICON = "assets/images/favicon.svg"


@pytest.mark.parametrize("where", ["served", "disk"])
def test_requests_that_leave_the_site_are_stopped_and_named(page, server, site_dir, tmp_path, where):
    # Answers any request watch() lets through (none may reach the network), and serves the leaky page.
    page.route("**/*", lambda route: route.fulfill(status=200, content_type="text/html", body=PAGE)
               if route.request.url.endswith("leaky.html") else route.fulfill(status=204)
               if "example" in route.request.url else route.fallback())
    seen = watch(page)
    if where == "served":
        url, own = server + "leaky.html", server + ICON
    else:
        (tmp_path / "leaky.html").write_text(PAGE, encoding="utf-8")
        (tmp_path / "own.svg").write_bytes((site_dir / ICON).read_bytes())
        url, own = (tmp_path / "leaky.html").as_uri(), (tmp_path / "own.svg").as_uri()
    page.goto(url)
    finished = []
    page.on("requestfinished", lambda r: finished.append(r.url))
    page.evaluate(LEAKS, own)
    assert set(seen.external) == OUTSIDE
    assert not [u for u in finished if "example" in u], "a request that leaves the site was let through"
    assert own in finished and seen.failed == []  # the site's own request went through
