"""A loopback static server that remembers what it served.

ThreadingHTTPServer on 127.0.0.1 with a free port, speaking HTTP/1.1 with
keep-alive as static hosts do; the test suite serves the built site with it
too. The log of every response is for page weight: the server side sees every
request the page makes, including those from Material's search worker, which
page-level request events may miss.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class Served:
    path: str  # URL path, e.g. /assets/javascripts/bundle.js
    status: int
    bytes: int  # body bytes sent (Content-Length)
    at: float  # time.monotonic() when the response was finished


class _LoggingHandler(http.server.SimpleHTTPRequestHandler):
    """Serves as real static hosts do: connections kept open (HTTP/1.1) and no Nagle delay.

    http.server's default, HTTP/1.0, opens a connection per file, a cost no
    host a site is published on charges; with keep-alive and Nagle's
    algorithm on, a small response can wait 40 ms for a delayed ACK.
    """

    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def send_response(self, code: int, message: str | None = None) -> None:
        self._bench_status = int(code)
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self._bench_length = int(value)
        super().send_header(keyword, value)

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        self._bench_status, self._bench_length = 0, 0
        super().do_GET()
        self.server.log.append(Served(urlsplit(self.path).path, self._bench_status, self._bench_length,
                                      time.monotonic()))

    def log_message(self, *args) -> None:  # quiet
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """With not_found set, a missing file gets the site's 404 page, as static hosts do."""
        page = self.server.not_found
        if code != 404 or page is None or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class _Server(http.server.ThreadingHTTPServer):
    log: list[Served]
    not_found: Path | None

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a kept-alive connection mid-response (a page closed) is not an error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@dataclass
class Site:
    """A served site: its base URL (with trailing slash), folder and response log."""

    url: str
    root: Path
    server: _Server

    @property
    def log(self) -> list[Served]:
        return self.server.log

    def file_for(self, path: str) -> Path:
        return self.root / unquote(path).lstrip("/")

    def wait_quiet(self, quiet: float = 1.0, limit: float = 30.0) -> None:
        """Wait until nothing has been served for `quiet` seconds (or `limit` passed)."""
        start = time.monotonic()
        while time.monotonic() - start < limit:
            last = self.log[-1].at if self.log else start
            if time.monotonic() - last >= quiet:
                return
            time.sleep(0.05)


@contextmanager
def serve(directory: Path, not_found: str | None = None) -> Iterator[Site]:
    """Serve `directory`; `not_found` (e.g. "404.html") is shown for missing files, like GitHub Pages."""
    handler = functools.partial(_LoggingHandler, directory=str(directory))
    httpd = _Server(("127.0.0.1", 0), handler)
    httpd.log = []
    httpd.not_found = directory / not_found if not_found else None
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield Site(f"http://127.0.0.1:{httpd.server_address[1]}/", directory, httpd)
    finally:
        httpd.shutdown()
        httpd.server_close()
