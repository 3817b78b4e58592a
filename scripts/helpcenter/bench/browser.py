"""Search speed, relevance and page weight, measured in headless Chromium.

How each figure is taken (the same way for both builds unless noted):

- **Ready**: a new browser context (cold cache) opens the page; at the `load`
  event the search box is clicked. An init script records, in page time
  (performance.now()), the first focus of the search box and the moment the
  result meta text (`.md-search-result__meta`) leaves its initializing text
  ("検索を初期化" / "Initializing search"). Material changes that text when
  its worker answers the first (empty) query after READY, for both builds:
  ours loads on focus, stock Material fetches and indexes on page load, so
  it may already be ready at focus (focus to ready is then 0).
  `nav_to_ready` is the same moment counted from navigation start.
- **Keystroke to results**: in the page of the last ready sample (its
  search ready, the box empty and settled; a warm-up query first), the
  whole query is put in the box and one keystroke's events are sent
  (keydown, input, keyup: an IME commit or the last key of a typed word).
  The clock stops in the MutationObserver callback that sees the results in
  the DOM: for ours when the result element carries `data-hc-query` equal to
  the query (set in the same task Material renders in); for stock Material,
  which has no marker, at the first mutation of `.md-search-result__meta` or
  `.md-search-result__list` after the keystroke (Material sets the meta text
  and renders the first ten results in one task). Then the box is emptied
  and the next query waits for that to settle.
- **Relevance**: the first three distinct pages among the rendered result
  links (`.md-search-result__item > a:first-child`) of that same keystroke.
- **Where the time goes** (ours): Engine.rank and Engine.materialResult timed
  alone after each query, and a V8 sampling profile of the main thread
  around each keystroke in a separate pass.
- **Page weight**: a new context (cold cache) opens the page over http; the
  loopback server logs every response until nothing has been requested for
  1.5 s, with no interaction (so ours loads only search.js and no-sitemap.js,
  stock its index, worker and lunr files, as it does on every page).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from helpcenter.bench.server import Site

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Debian's Chromium with the flags this machine needs; the test suite launches it the same way.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
BOX = "input[data-md-component=search-query]"
READY_TIMEOUT_MS = 120_000
QUERY_TIMEOUT_MS = 20_000

INIT_SCRIPT = """
(() => {
  const b = window.__bench = { focusAt: null, readyAt: null, placeholder: null, initializer: %s }
  document.addEventListener("focusin", e => {
    if (b.focusAt === null && e.target.matches && e.target.matches("[data-md-component=search-query]"))
      b.focusAt = performance.now()
  }, true)
  document.addEventListener("DOMContentLoaded", () => {
    const meta = document.querySelector(".md-search-result__meta")
    if (!meta) return
    if (b.initializer === null) b.initializer = meta.textContent.trim()
    const check = () => {
      const text = meta.textContent.trim()
      if (b.readyAt === null && text !== b.initializer) { b.readyAt = performance.now(); b.placeholder = text }
    }
    new MutationObserver(check).observe(meta, { childList: true, characterData: true, subtree: true })
    check()
  })
})()
"""

KEYSTROKE = """
async ([q, marker, timeout]) => {
  const box = document.querySelector("[data-md-component=search-query]")
  const result = document.querySelector("[data-md-component=search-result]")
  const meta = result.querySelector(".md-search-result__meta")
  const done = marker ? () => result.getAttribute("data-hc-query") === q : () => true
  return await new Promise(resolve => {
    let t0 = 0
    const obs = new MutationObserver(() => {
      if (!done()) return
      const ms = performance.now() - t0
      obs.disconnect()
      clearTimeout(timer)
      const links = [...result.querySelectorAll(".md-search-result__item > a:first-child")].map(a => a.href)
      const articles = result.querySelectorAll(".md-search-result__list article").length
      resolve({ ms, meta: meta.textContent.trim(), links, articles })
    })
    const timer = setTimeout(() => {
      obs.disconnect()
      resolve({ ms: null, meta: meta.textContent.trim(), links: [], articles: 0 })
    }, timeout)
    obs.observe(result, { subtree: true, childList: true, characterData: true, attributes: true,
                          attributeFilter: ["data-hc-query"] })
    const key = q.slice(-1)
    box.value = q
    t0 = performance.now()
    box.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true }))
    box.dispatchEvent(new InputEvent("input", { data: key, inputType: "insertText", bubbles: true }))
    box.dispatchEvent(new KeyboardEvent("keyup", { key, bubbles: true }))
  })
}
"""

RESET = """
([marker]) => {
  const box = document.querySelector("[data-md-component=search-query]")
  box.value = ""
  box.dispatchEvent(new InputEvent("input", { inputType: "deleteContentBackward", bubbles: true }))
  box.dispatchEvent(new KeyboardEvent("keyup", { key: "Backspace", bubbles: true }))
}
"""

SETTLED = """
([marker]) => {
  const result = document.querySelector("[data-md-component=search-result]")
  if (marker) return result.getAttribute("data-hc-query") === ""
  const meta = result.querySelector(".md-search-result__meta").textContent.trim()
  return meta === window.__bench.placeholder && !result.querySelector(".md-search-result__item")
}
"""

OUR_BREAKDOWN = """
async ([lang]) => {
  const entries = performance.getEntriesByType("resource")
    .filter(e => /lunr\\.min\\.js|analyzer\\.js|search\\/index\\.[a-z]+\\.js/.test(e.name))
    .map(e => ({ name: e.name.split("/").slice(-2).join("/"), fetch_ms: e.responseEnd - e.startTime,
                 start_ms: e.startTime, end_ms: e.responseEnd }))
  const timings = window.hcSearchTimings || {}
  return { load_ms: timings.load ?? null, index_load_ms: timings.index ?? null, resources: entries }
}
"""

# Ours only, warm, after the keystroke was measured: lunr query and page ranking alone
# (Engine.rank), and the whole result Material is handed (Engine.materialResult:
# ranking plus highlighted titles and snippets for every hit).
ENGINE_TIME = """
async ([q]) => {
  const engine = await window.hcSearch.ready()
  let t = performance.now()
  engine.rank(q)
  const rank_ms = performance.now() - t
  let result_ms = null
  if (typeof engine.materialResult === "function") {
    t = performance.now()
    engine.materialResult(q)
    result_ms = performance.now() - t
  }
  return { rank_ms, result_ms }
}
"""


# Ours: the index files (search/…) loaded so far, by name.
INDEX_FILES_LOADED = """
() => performance.getEntriesByType("resource").map(e => e.name)
  .filter(n => n.indexOf("/search/") >= 0).map(n => n.split("/search/").pop())
"""


def index_files_per_query(browser: Any, url: str, initializer: str | None,
                          queries: list[tuple[str, str]]) -> list[dict[str, list[str]]]:
    """Ours: the index files a cold page loads by first focus, and then by one query, for each query."""
    out = []
    for _, query in queries:
        with _page(browser, initializer) as page:
            _open_search(page, url)
            _wait_ready(page)
            focus = page.evaluate(INDEX_FILES_LOADED)
            page.evaluate(KEYSTROKE, [query, True, QUERY_TIMEOUT_MS])
            out.append({"first_focus": focus, "with_query": page.evaluate(INDEX_FILES_LOADED)})
    return out


def initializer_text(html_file: Path) -> str | None:
    """Material's 'initializing search' text, as the built page has it."""
    match = re.search(r'class="md-search-result__meta">\s*([^<]*?)\s*<', html_file.read_text(encoding="utf-8"))
    return match.group(1) if match else None


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def _page(browser: Any, initializer: str | None) -> Iterator[Any]:
    # Search is timed alone: the offline worker would otherwise start keeping the
    # whole language (1,000 pages) in the background while the keystrokes are timed.
    context = browser.new_context(service_workers="block")
    try:
        context.add_init_script(INIT_SCRIPT % json.dumps(initializer))
        page = context.new_page()
        page.set_default_timeout(READY_TIMEOUT_MS)
        yield page
    finally:
        context.close()


def _open_search(page: Any, url: str) -> None:
    page.goto(url, wait_until="load")
    box = page.locator(BOX)
    if not box.is_visible():
        page.locator("label.md-header__button[for=__search]").first.click()
    box.click()


def _wait_ready(page: Any, timeout_ms: int = READY_TIMEOUT_MS) -> dict[str, Any]:
    page.wait_for_function("() => window.__bench && window.__bench.readyAt !== null", timeout=timeout_ms)
    return page.evaluate("() => ({ ...window.__bench })")


@dataclass
class ReadySample:
    focus_to_ready_ms: float
    nav_to_ready_ms: float
    breakdown: dict[str, Any] | None  # ours only: load, index fetch, lunr.Index.load


def measure_ready(browser: Any, url: str, base: str, initializer: str | None, ours: bool, lang: str,
                  samples: int, queries: list[tuple[str, str]], warmup: str,
                  ) -> tuple[list[ReadySample], list[QuerySample]]:
    """First focus to ready, each sample in a new context (cold cache); then the keystrokes in the last one.

    The keystrokes need a page whose search is ready, with the box empty: the
    last sample's page is one, so no further cold page is opened for them.
    """
    ready: list[ReadySample] = []
    typed: list[QuerySample] = []
    for sample in range(samples):
        with _page(browser, initializer) as page:
            _open_search(page, url)
            bench = _wait_ready(page)
            breakdown = page.evaluate(OUR_BREAKDOWN, [lang]) if ours else None
            focus = bench["focusAt"] if bench["focusAt"] is not None else bench["readyAt"]
            ready.append(ReadySample(max(0.0, bench["readyAt"] - focus), bench["readyAt"], breakdown))
            if sample == samples - 1:
                typed = _keystrokes(page, base, ours, queries, warmup)
    return ready, typed


@dataclass
class QuerySample:
    lang: str
    query: str
    ms: float | None  # None: no results rendered within the timeout
    pages: list[str]  # distinct result pages, site-relative, in order
    articles: int  # result entries (pages and sections) Material put in the DOM
    rank_ms: float | None  # ours only, warm: Engine.rank (lunr query and page ranking)
    result_ms: float | None  # ours only, warm: Engine.materialResult (rank + highlighting + snippets)


def _keystrokes(page: Any, base: str, ours: bool, queries: list[tuple[str, str]],
                warmup: str) -> list[QuerySample]:
    """Keystroke to results for each (lang, query), on a page whose search is ready (one language)."""
    out: list[QuerySample] = []
    for i, (lang, query) in enumerate([("warmup", warmup), *queries]):
        got = page.evaluate(KEYSTROKE, [query, ours, QUERY_TIMEOUT_MS])
        page.evaluate(RESET, [ours])
        page.wait_for_function(SETTLED, arg=[ours], timeout=QUERY_TIMEOUT_MS)
        if i == 0:
            continue
        engine = page.evaluate(ENGINE_TIME, [query]) if ours else {}
        out.append(QuerySample(lang, query, got["ms"], distinct_pages(got["links"], base), got["articles"],
                               engine.get("rank_ms"), engine.get("result_ms")))
    return out


def profile_queries(browser: Any, url: str, initializer: str | None, queries: list[tuple[str, str]],
                    warmup: str) -> dict[str, Any]:
    """Where our search spends keystroke-to-results time: V8 sampling profiles of the main thread.

    A separate pass over the same queries, since the profiler slows the page
    down: these give shares, not timings. The profiler runs only around each
    keystroke (from before the events are sent until the results are in the
    DOM), so resetting the box between queries is not counted.
    """
    profiles = []
    with _page(browser, initializer) as page:
        _open_search(page, url)
        _wait_ready(page)
        cdp = page.context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 250})
        for i, (_, query) in enumerate([("warmup", warmup), *queries]):
            if i:
                cdp.send("Profiler.start")
            page.evaluate(KEYSTROKE, [query, True, QUERY_TIMEOUT_MS])
            if i:
                profiles.append(cdp.send("Profiler.stop")["profile"])
            page.evaluate(RESET, [True])
            page.wait_for_function(SETTLED, arg=[True], timeout=QUERY_TIMEOUT_MS)
    return summarize_cpu_profiles(profiles)


def summarize_cpu_profiles(profiles: list[dict[str, Any]], top: int = 10) -> dict[str, Any]:
    """Self and inclusive time per function (name, file, line) over CDP Profiler profiles."""
    own: dict[str, float] = {}
    total: dict[str, float] = {}
    for profile in profiles:
        nodes = {n["id"]: n for n in profile["nodes"]}
        parent = {child: n["id"] for n in profile["nodes"] for child in n.get("children", [])}

        def key(node_id: int, nodes: dict[int, Any] = nodes) -> str:
            frame = nodes[node_id]["callFrame"]
            name = frame["functionName"] or "(anonymous)"
            where = frame["url"].rsplit("/", 1)[-1]
            return f"{name} ({where}:{frame['lineNumber'] + 1})" if where else name

        for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
            own[key(sample)] = own.get(key(sample), 0.0) + delta / 1000
            seen: set[str] = set()
            node: int | None = sample
            while node is not None:
                k = key(node)
                if k not in seen:
                    total[k] = total.get(k, 0.0) + delta / 1000
                    seen.add(k)
                node = parent.get(node)
    busy = sum(v for k, v in own.items() if k != "(idle)")

    def rows(table: dict[str, float], keep: Any) -> list[dict[str, Any]]:
        picked = sorted(((k, v) for k, v in table.items() if keep(k)), key=lambda kv: -kv[1])[:top]
        return [{"function": k, "ms": round(v, 1), "share": round(v / busy, 3) if busy else None} for k, v in picked]

    def share(x: float) -> float | None:
        return round(x / busy, 3) if busy else None

    ours = ("search.js", "analyzer.js", "lunr.min.js")
    return {
        "queries": len(profiles),
        "busy_ms": round(busy, 1),
        "self": rows(own, lambda k: k != "(idle)"),
        "inclusive_ours": rows(total, lambda k: any(f"({f}:" in k for f in ours)),
        "material_bundle_self_share": share(sum(v for k, v in own.items() if "(bundle." in k)),
        "program_share": share(own.get("(program)", 0.0)),
        "gc_share": share(own.get("(garbage collector)", 0.0)),
    }


def distinct_pages(links: list[str], base: str) -> list[str]:
    """Result links -> site-relative page paths, first occurrence only."""
    pages: list[str] = []
    for link in links:
        path = link.removeprefix(base).split("#")[0].split("?")[0]
        if path not in pages:
            pages.append(path)
    return pages


def stock_offline_search_works(browser: Any, file_url: str, initializer: str | None, wait_ms: int = 5000) -> bool:
    """Whether stock Material's search becomes ready from disk (file://) within `wait_ms`."""
    with _page(browser, initializer) as page:
        page.goto(file_url, wait_until="load")
        box = page.locator(BOX)
        if not box.is_visible():
            return False  # Material hides search when it cannot work
        box.click()
        try:
            _wait_ready(page, wait_ms)
        except Exception:  # noqa: BLE001 (a Playwright timeout: not ready)
            return False
        got = page.evaluate(KEYSTROKE, ["bitbank", False, wait_ms])
        return bool(got["links"])


def page_weight(browser: Any, site: Site, path: str, quiet: float = 1.5) -> dict[str, Any]:
    """Bytes and requests of one page load with a cold cache, as the server sent them: the
    page itself, before the offline worker keeps the language (postbuild/README.md: offline cache size)."""
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        site.log.clear()
        page.goto(site.url + path, wait_until="load")
        site.wait_quiet(quiet=quiet)
        served = list(site.log)
    finally:
        context.close()
    responses = []
    for s in served:
        file = site.file_for(s.path)
        gz = len(gzip.compress(file.read_bytes(), 9)) if s.status == 200 and file.is_file() else s.bytes
        responses.append({"path": s.path, "status": s.status, "bytes": s.bytes, "gzip_bytes": gz,
                          "kind": _kind(s.path)})
    return {
        "requests": len(responses),
        "bytes": sum(r["bytes"] for r in responses),
        "gzip_bytes": sum(r["gzip_bytes"] for r in responses),
        "failed": sum(1 for r in responses if r["status"] >= 400),
        "responses": responses,
    }


def _kind(path: str) -> str:
    name = urlsplit(path).path
    if "/search/" in name or "workers/search" in name or "/lunr/" in name:
        return "search"
    suffix = Path(name).suffix.lower()
    return {".html": "html", ".css": "css", ".js": "js", ".svg": "image", ".png": "image", ".json": "json",
            ".xml": "xml", ".woff2": "font", ".woff": "font"}.get(suffix, suffix.lstrip(".") or "other")


def summary(values: list[float]) -> dict[str, float | int | None]:
    """Median and p95 (nearest rank) of the values that are not None."""
    xs = sorted(x for x in values if x is not None)
    if not xs:
        return {"n": 0, "median": None, "p95": None, "max": None}
    rank = max(1, -(-95 * len(xs) // 100))  # ceil(0.95 n)
    return {"n": len(xs), "median": round(statistics.median(xs), 2), "p95": round(xs[rank - 1], 2),
            "max": round(xs[-1], 2)}
