"""Shared fixtures: the real site built once, served on loopback, and real Chromium.

Browser tests never skip: if Chromium is missing the run fails and says how
to install it (scripts/test installs it when run as root).

The suite runs in parallel (pytest-xdist, `scripts/test`): each worker has its
own Chromium and loopback server, and the workers share one build of the site,
one offline zip and one run of scripts/check on it per run (`_once_per_run`);
figures measured in the workers are gathered and printed by the controller.
`--dist loadscope` keeps a module's tests on one worker, so that a
module-scoped fixture (a copy of the project built and checked, hundreds of
queries typed) is made once, not once per worker. (`--dist loadgroup` would
choose per test, but pytest 9 ignores the node ids xdist 3.8 rewrites for it.)
A browser test that only navigates and reads takes a warm tab (`warm_tab`,
warm_tabs.py): the suite is bound by CPU, and a new tab costs three warm ones.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
import uuid
import weakref
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpcenter.bench.browser import CHROMIUM, CHROMIUM_FLAGS  # Debian's Chromium, flags this machine needs
from helpcenter.bench.server import serve
from helpcenter.build.site import build_site, write_offline_zip
from helpcenter.postbuild.offline_download import ZIP_NAME
from warm_tabs import WarmTabs

ROOT = Path(__file__).resolve().parents[1]
ARTEFACTS = ROOT / "tests" / "artefacts"


FIGURES: list[str] = []
# One id per run, the same in every xdist worker (xdist sets it); a run without xdist makes its own.
RUN_ID = os.environ.get("PYTEST_XDIST_TESTRUNUID") or uuid.uuid4().hex
# The prose linters' results (helpcenter.writing.lint_cache) are kept for this run only, shared by the workers
# and every scripts/check they start: each distinct page is linted at least once per run, and only once.
LINT_CACHE = ARTEFACTS / "lint-cache"
os.environ["HELPCENTER_LINT_CACHE"] = str(LINT_CACHE / RUN_ID)


@pytest.fixture(scope="session")
def figures() -> list[str]:
    """Figures tests measure and report but never assert (sizes, timings, hit rates); printed at the end."""
    return FIGURES


# The modules that take longest, longest first (tests/README.md lists them). With `--no-loadscope-reorder`
# (scripts/test) xdist hands out modules in collection order: started first, a long module cannot be the
# one left running on one worker after the other has finished. The others follow by their number of tests,
# as xdist would order them. A stale entry only changes the order.
LONGEST_FIRST = ["test_bench.py", "test_composer.py", "test_accessibility.py", "test_offline.py",
                 "test_check_inject.py", "test_offline_app.py", "test_check_loop.py", "test_search.py"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: at for at, name in enumerate(LONGEST_FIRST)}
    tests = Counter(item.path.name for item in items)
    items.sort(key=lambda item: (rank.get(item.path.name, len(rank)), -tests[item.path.name], str(item.path)))


def pytest_sessionstart(session) -> None:
    if not hasattr(session.config, "workerinput"):  # the controller, or a run without xdist
        (ARTEFACTS / "axe-report.txt").unlink(missing_ok=True)  # test_accessibility's workers append to it
        shutil.rmtree(LINT_CACHE, ignore_errors=True)  # earlier runs' results


def pytest_sessionfinish(session) -> None:
    if hasattr(session.config, "workeroutput"):  # an xdist worker hands its figures to the controller
        session.config.workeroutput["figures"] = list(FIGURES)


def pytest_testnodedown(node, error) -> None:
    FIGURES.extend(getattr(node, "workeroutput", {}).get("figures", []))


def pytest_terminal_summary(terminalreporter) -> None:
    if FIGURES:
        terminalreporter.section("figures")
        for line in FIGURES:
            terminalreporter.write_line(line)


def _once_per_run(target: Path, make) -> Path:
    """Make `target` once per run, whichever worker asks first; the others wait for it and reuse it.

    A lock file (fcntl: the suite runs on Linux, and no other lock is needed)
    and a stamp naming the run, so that a target left by an earlier run is
    made again.
    """
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    stamp = target.with_name(target.name + ".run")
    with open(target.with_name(target.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (target.exists() and stamp.exists() and stamp.read_text() == RUN_ID):
            stamp.unlink(missing_ok=True)
            if target.exists():
                shutil.rmtree(target)
            make(target)
            stamp.write_text(RUN_ID)
    return target


SITE_LOG = ARTEFACTS / "site.log"  # what the shared build printed


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The real site, built strictly once per test run (shared by the workers; never change it: copy it)."""
    return _once_per_run(ARTEFACTS / "site", lambda target: build_site(target, log=SITE_LOG))


@dataclass(frozen=True)
class CheckRun:
    returncode: int
    stdout: str
    stderr: str


def _run_real_check(site_dir: Path, fmt: str) -> CheckRun:
    """`scripts/check --prose --format FMT` on the real project and its shared build, once per run and format."""
    def make(target: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
        env.pop("GITHUB_ACTIONS", None)
        done = subprocess.run([sys.executable, "-m", "helpcenter.check", "--prose", "--format", fmt,
                               "--site-dir", str(site_dir)], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=600)
        target.mkdir()
        for name in ("returncode", "stdout", "stderr"):
            (target / name).write_text(str(getattr(done, name)), encoding="utf-8")

    out = _once_per_run(ARTEFACTS / f"real-check-{fmt}", make)
    return CheckRun(int((out / "returncode").read_text()), (out / "stdout").read_text(encoding="utf-8"),
                    (out / "stderr").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def real_check(site_dir: Path) -> CheckRun:
    """What scripts/check says about the real project (plain lines): what fault tests subtract from a copy's."""
    return _run_real_check(site_dir, "plain")


@pytest.fixture(scope="session")
def real_check_github(site_dir: Path) -> CheckRun:
    """The same as GitHub annotations."""
    return _run_real_check(site_dir, "github")


@pytest.fixture(scope="session")
def offline_zip(site_dir: Path) -> Path:
    return _once_per_run(ARTEFACTS / "dist", lambda d: write_offline_zip(site_dir, d)) / ZIP_NAME


@pytest.fixture(scope="session")
def unpacked_download(offline_zip: Path, tmp_path_factory) -> Path:
    """The offline download unpacked as a customer would, in a folder of its own: its one folder (read only)."""
    target = tmp_path_factory.mktemp("unpacked")
    with zipfile.ZipFile(offline_zip) as zf:
        zf.extractall(target)
    roots = [p for p in target.iterdir() if p.is_dir()]
    assert len(roots) == 1 and (roots[0] / "index.html").exists(), "one folder with index.html inside"
    return roots[0]


@pytest.fixture(scope="session")
def server(site_dir: Path) -> Iterator[str]:
    """Base URL (with trailing slash) of the built site served on loopback."""
    with serve(site_dir) as site:
        yield site.url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/test as root, or apt-get install -y chromium",
                    pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@dataclass
class Observed:
    """What a page did that a person would not see: requests, errors, CSP reports."""

    external: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    csp_violations: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return ([f"external request: {u}" for u in self.external] + [f"failed: {u}" for u in self.failed]
                + [f"console: {m}" for m in self.console_errors] + [f"CSP: {m}" for m in self.csp_violations])


LOCAL_PREFIXES = ("file://", "http://127.0.0.1", "data:", "blob:", "about:")
# Matched by Playwright's driver, so the site's own requests are never handed to Python (a round trip each).
NOT_LOCAL = re.compile("^(?!" + "|".join(re.escape(prefix) for prefix in LOCAL_PREFIXES) + ")")


def left_unfinished(request) -> bool:
    """The page was left (or the site cancelled its own fetch) before `request` ended: ERR_ABORTED, e.g. the
    favicon of a page a test clicks away from. Not a fault of the site; a missing file fails otherwise (404,
    ERR_FAILED from disk)."""
    return request.failure == "net::ERR_ABORTED"


_REPORTS_CSP: weakref.WeakSet = weakref.WeakSet()  # tabs whose pages report CSP violations to the console


def watch(page) -> Observed:
    """Abort every request that leaves the site and record what went wrong."""
    seen = Observed()

    def route(r):
        seen.external.append(r.request.url)
        r.abort()

    page.route(NOT_LOCAL, route)
    page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
    page.on("pageerror", lambda e: seen.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: r.url.startswith(LOCAL_PREFIXES) and not left_unfinished(r)
            and seen.failed.append(r.url))
    page.on("response", lambda r: r.status >= 400 and seen.failed.append(f"{r.status} {r.url}"))
    if page not in _REPORTS_CSP:  # once per tab: a warm tab (warm_tabs.py) keeps its init scripts
        _REPORTS_CSP.add(page)
        page.add_init_script(
            "document.addEventListener('securitypolicyviolation', e =>"
            " console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))"
        )
    page.on("console", lambda m: m.text.startswith("CSP violation") and seen.csp_violations.append(m.text))
    return seen


@pytest.fixture(scope="module")
def warm_tabs(browser) -> Iterator[WarmTabs]:
    """The module's warm tabs (warm_tabs.py): closed when the module is done."""
    tabs = WarmTabs(browser)
    yield tabs
    tabs.close()


@pytest.fixture
def warm_tab(warm_tabs):
    """open(init_script=None, **context options) -> a tab, warm when an earlier test of the module left one with
    the same script and options; reset after the test. The site's service worker is blocked unless the options
    say service_workers="allow"."""
    yield warm_tabs.open
    warm_tabs.release()


@pytest.fixture
def page(warm_tab):
    """A tab at a first visit, in a context of default options (warm_tab: no service worker)."""
    return warm_tab()


def open_search_box(page):
    """Material's search box, focused as a person opens it (on a phone through the header's search button)."""
    box = page.locator("input[data-md-component=search-query]")
    if not box.is_visible():
        page.locator("button.hc-header-search").click()
    box.click()
    return box


def search(page, query: str, keystrokes: bool = True) -> list[str]:
    """Type `query` into Material's search box and return the result links, in order.

    `keystrokes=False` puts the whole query in with one input event, as an IME
    commits a word or a paste does: for runs of hundreds of queries that judge
    the ranking, not the typing (the typing has tests of its own).
    """
    box = open_search_box(page)
    box.fill("")
    if keystrokes:
        box.press_sequentially(query)
    else:
        box.fill(query)
    page.wait_for_function(
        "q => document.querySelector('[data-md-component=search-result]').getAttribute('data-hc-query') === q",
        arg=query,
    )
    return page.eval_on_selector_all(
        ".md-search-result__item > a:first-child", "els => els.map(e => e.getAttribute('href'))"
    )


# Each query goes into the box with one input event (as an IME commits a word or a paste does), and its rendered
# result links are read once the result list names the query: the same path as search(keystrokes=False), with
# the whole list judged inside the page instead of six round trips to the browser per query.
SEARCH_MANY = """async ([queries, timeout]) => {
  const box = document.querySelector('input[data-md-component=search-query]')
  const list = document.querySelector('[data-md-component=search-result]')
  const out = []
  for (const q of queries) {
    box.value = q
    box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertText', data: q}))
    const started = performance.now()
    while (list.getAttribute('data-hc-query') !== q) {
      if (performance.now() - started > timeout) throw new Error('no results rendered for ' + JSON.stringify(q))
      await new Promise(r => setTimeout(r, 5))
    }
    out.push([...document.querySelectorAll('.md-search-result__item > a:first-child')].map(a => a.getAttribute('href')))
  }
  return out
}"""


def search_many(page, queries: list[str], timeout_ms: int = 10_000) -> dict[str, list[str]]:
    """{query: result links, in order} for every query typed into Material's search box of the open page."""
    open_search_box(page)
    unique = list(dict.fromkeys(queries))
    return dict(zip(unique, page.evaluate(SEARCH_MANY, [unique, timeout_ms]), strict=True))
