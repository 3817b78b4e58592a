"""The small decisions scripts/check rests on: which hosts are official, what a phone number
looks like, how a built link is traced back to its Markdown line, how front matter and
sections are read. Each test names inputs a writer (or an attacker) could produce."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter import front_matter
from helpcenter.check import locate, urls
from helpcenter.check.model import SourcePage
from helpcenter.check.rules.contact_phone import phone_numbers
from helpcenter.check.rules.parity_sections import sections


@pytest.mark.parametrize("url", [
    "https://bitbank.cc/",
    "https://support.bitbank.cc/hc/ja/requests/new",
    "https://BITBANK.CC/path",
    "https://a.b.bitbank.cc/",
])
def test_official_hosts_are_bitbank_cc_and_its_subdomains(url):
    assert urls.is_official_host(urls.host_of(url))


@pytest.mark.parametrize("url", [
    "https://bitbank-support.com/",
    "https://bitbank.cc.example.net/login",
    "https://bitb\u0430nk.cc/",  # Cyrillic а
    "https://xn--bitbnk-6nf.cc/",  # the same lookalike in punycode
    "https://evilbitbank.cc/",
    "https://bitbank.co/",
    "https://bitbank.cc@evil.example/",  # user name that looks like a host
    "https://bitbank.cc:8443/",
    "https:///path",
])
def test_lookalike_hosts_are_not_official(url):
    assert not urls.is_official_host(urls.host_of(url))


def test_hosts_are_read_as_a_browser_reads_them():
    """A backslash ends the host for https (WHATWG): Chromium opens bitbank.cc, not evil.example."""
    assert urls.host_of("https://bitbank.cc\\@evil.example/") == "bitbank.cc"
    assert urls.host_of("\\/evil.example/../../index.html") == "evil.example"
    assert urls.host_of("https://bitb\u0430nk.cc/") == "xn--bitbnk-6nf.cc"


def test_cyrillic_lookalike_is_named_in_the_message():
    for host in ("bitb\u0430nk.cc", "xn--bitbnk-6nf.cc"):
        assert "CYRILLIC SMALL LETTER A" in urls.non_ascii_note(host)


@pytest.mark.parametrize(("url", "external"), [
    ("https://bitbank.cc/", True), ("http://bitbank.cc/", True), ("//bitbank.cc/", True),
    ("ftp://bitbank.cc/", True), ("faq.html", False), ("../faq.html#x", False), ("#x", False),
    ("mailto:support@bitbank.cc", False), ("tel:0312345678", False), ("javascript:void(0)", False),
    ("compose.html?category=trading", False),
    # As Chromium reads them: a backslash is a slash, control characters before // are dropped.
    ("\\/evil.example/../../index.html", True), ("\x01//evil.example/x", True), ("/\\evil.example/", True),
    ("..\\faq.html", False),
])
def test_which_links_leave_the_site(url, external):
    assert urls.is_external(url) is external


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:void(0)", " java\tscript:alert(1)",
                                 "\x01javascript:x"])
def test_javascript_scheme_is_read_as_a_browser_reads_it(url):
    assert urls.scheme(url) == "javascript"


def test_mailto_recipients_include_cc_and_bcc():
    assert urls.mailto_addresses("mailto:Support@bitbank.cc?subject=hi&cc=a@x.example&bcc=b@y.example") == [
        "support@bitbank.cc", "a@x.example", "b@y.example"]
    assert urls.mailto_addresses("mailto:support@bitbank.cc,evil@x.example") == [
        "support@bitbank.cc", "evil@x.example"]
    assert urls.mailto_addresses("mailto:?subject=x") == []


def test_allowlist_matches_exact_host_and_path_prefix(tmp_path: Path):
    path = tmp_path / "allow.txt"
    path.write_text("# comment\n\nhttps://www.example.go.jp/policy/  # why it is needed\n"
                    "http://insecure.example/\nhttps://b\u0430d.example/\n", encoding="utf-8")
    entries, errors = urls.read_allowlist(path)
    assert [e.host for e in entries] == ["www.example.go.jp"]
    assert [line for line, _ in errors] == [4, 5]
    allows = lambda url: any(e.allows(url) for e in entries)  # noqa: E731
    assert allows("https://www.example.go.jp/policy/a.html")
    assert allows("https://www.example.go.jp/policy")
    assert not allows("https://www.example.go.jp/other/")
    assert not allows("https://www.example.go.jp.evil.net/policy/")
    assert not allows("https://www.example.go.jp/policyx")


@pytest.mark.parametrize(("text", "found"), [
    ("お電話：03-1234-5678", ["03-1234-5678"]),
    ("フリーダイヤル ０１２０－１２３－４５６ まで", ["0120-123-456"]),
    ("携帯 090 1234 5678", ["090 1234 5678"]),
    ("(03) 1234-5678", ["(03) 1234-5678"]),
    ("03(1234)5678", ["03(1234)5678"]),
    ("call 09012345678 now", ["09012345678"]),
    ("Call +81 3-1234-5678", ["+81 3-1234-5678"]),
    ("+819012345678", ["+819012345678"]),
    ("(555) 123-4567", ["(555) 123-4567"]),
])
def test_phone_numbers_are_found(text, found):
    assert phone_numbers(text) == found


@pytest.mark.parametrize("text", [
    "24時間365日", "2025-01-15", "2025年1月15日 09:00-18:00", "1,000,000円", "0.0001 BTC",
    "二段階認証の6桁のコード 123456", "ステップ1-2-3", "TLS 1.3", "user ID 12345678",
])
def test_dates_amounts_and_codes_are_not_phone_numbers(text):
    assert phone_numbers(text) == []


LINES = """---
title: t
---
See [the FAQ](../faq.md#fees) and [the form][inquiry-form].

Again [the FAQ](../faq.md#fees), then [mine][m] and <a href="https://bitbank.cc/x?a=1&amp;b=2">raw</a>.

[m]: https://bitbank.cc/m
""".splitlines()


def test_link_line_finds_the_md_spelling_of_a_built_html_link():
    assert locate.link_line(LINES, "../faq.html#fees", 0) == 4
    assert locate.link_line(LINES, "../faq.html#fees", 1) == 6


def test_link_line_finds_dot_slash_links():
    assert locate.link_line(["x", "[a](./guide.md#steps)"], "guide.html#steps", 0) == 2


def test_link_line_finds_reference_usages_not_definitions():
    refs = {"inquiry-form": "https://support.bitbank.cc/hc/ja/requests/new"}
    assert locate.link_line(LINES, "https://support.bitbank.cc/hc/ja/requests/new", 0, refs) == 4
    assert locate.link_line(LINES, "https://bitbank.cc/m", 0) == 6


def test_link_line_finds_raw_html_links_with_entities():
    assert locate.link_line(LINES, "https://bitbank.cc/x?a=1&b=2", 0) == 6


def test_link_line_is_none_when_the_link_is_not_in_the_file():
    assert locate.link_line(LINES, "https://elsewhere.example/", 0) is None


def test_full_width_phone_number_is_traced_to_its_line():
    lines = ["# x", "tel: none", "お電話：０３－１２３４－５６７８"]
    assert locate.normalized_line(lines, "03-1234-5678", "0312345678") == 3


def test_front_matter_with_an_unquoted_colon_is_an_error_on_its_line():
    fm = front_matter.parse(["---", "title: Contact", "description: How to reach us: form and email", "---", "#"])
    assert fm.error and fm.error_line == 3


def test_front_matter_keys_and_lines():
    fm = front_matter.parse(["---", "title: T", "description: D", "author: me", "---", "# T"])
    assert fm.data == {"title": "T", "description": "D", "author": "me"}
    assert fm.key_lines["author"] == 4 and fm.end_line == 5


def test_no_front_matter():
    fm = front_matter.parse(["# Title", "", "text"])
    assert not fm.present and fm.data == {}


def test_sections_ignore_code_fences_and_deeper_headings(tmp_path: Path):
    lines = ["---", "title: t", "---", "# T", "## A {#a}", "### sub", "```", "## not a heading", "```",
             "~~~~", "## nor this", "~~~~", "## B", "##C is not a heading", "## C {: #c .x}"]
    page = SourcePage("en", "x.md", tmp_path / "x.md", "x.md", lines, front_matter.parse(lines))
    assert sections(page) == [(5, "a"), (13, None), (15, "c")]
