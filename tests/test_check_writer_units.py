"""Issue 27, class by class on the detectors alone: many writings of each fault, and the ordinary text beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpcenter.build import banner, front_matter_text, official_links, published_files
from helpcenter.check import contact_text, urls
from helpcenter.check.rules.contact_phone import phone_numbers

OFFICIAL = {"website": "https://bitbank.cc/", "inquiry_form": "https://support.bitbank.cc/hc/ja/requests/new",
            "support_email": "support@bitbank.cc"}


@pytest.mark.parametrize("text", [
    "03.1234.5678", "０３・１２３４・５６７８", "〇三一二三四五六七八", "0 3 1 2 3 4 5 6 7 8", "03/1234/5678",
    "03\u200b-1234\u200b-5678", "0\u20623\u20631234 5678", "０１２０ー１２３ー４５６", "090.1234.5678",
    "+81 90 1234 5678", "+81.3.1234.5678", "〇九〇・一二三四・五六七八",
    # read aloud with の, in formal numerals, grouped with brackets or other punctuation, other scripts' digits,
    # Japan's country code without its plus
    "03の1234の5678", "〇三の一二三四の五六七八", "零参壱弐参肆伍陸漆捌", "03 (1234) 5678", "(0)3-1234-5678",
    "0120 (123) 456", "03_1234_5678", "03:1234:5678", "03｜1234｜5678", "03〜1234〜5678", "03→1234→5678",
    "03×1234×5678", "٠٣-١٢٣٤-٥٦٧٨", "81-3-1234-5678",
    "81 (0)3 1234 5678",
])
def test_phone_numbers_in_other_writings(text):
    assert phone_numbers(f"お問い合わせは{text}まで"), text


@pytest.mark.parametrize("text", [
    "2026/12/06 14:30", "2026.12.06", "0.0001 BTC", "1,234,567円", "Ver 1.2.3", "注文番号 1234567890",
    "2026年12月6日", "手数料は0.1%です", "v2.14.3 (build 20261206)", "09:00〜17:30", "12:30から13:45まで",
    "第1の手順、第2の手順", "1:1 の比率", "2026/01/15 09:30", "お問い合わせ番号 2501150123", "81,000円",
])
def test_ordinary_numbers_are_not_phone_numbers(text):
    assert phone_numbers(text) == []


@pytest.mark.parametrize("text", [
    "help@bitbank-support.com", "ＨＥＬＰ＠ｂｉｔｂａｎｋ－ｓｕｐｐｏｒｔ．ｃｏｍ", "help [at] bitbank-help.net",
    "support@bitbank.co", "support@bitbank.cc.evil.net", "su\u200bpport@bitbank-cc.jp",
    "support@ビットバンク.com", "help@bitbank-help。com", "help@bitbank-help[.]net",
])
def test_foreign_email_addresses(text):
    assert contact_text.emails(f"連絡先：{text}"), text


@pytest.mark.parametrize("text", [
    "support@bitbank.cc", "SUPPORT@BITBANK.CC", "user@example.com", "you@mail.example", "a@b.invalid",
])
def test_official_and_example_addresses_pass(text):
    assert contact_text.emails(text) == []


@pytest.mark.parametrize("text", [
    "bitbank-login.com", "www.bitbank-jp.net", "https://bitbank.cc.secure-login.io/", "ｂｉｔｂａｎｋ．ｊｐ",
    "//evil.zip/x", "bitbank.co", "t.me/bitbank_support",
    # a name in another script (as typed, a browser goes there), a dot written as 。 or in brackets
    "ビットバンク-サポート.com", "ビットバンク.jp", "bitbank-help。com", "bitbank-help｡com", "bitbank-help[.]com",
    "bitbank-help(dot)net", "bitbank-help ( . ) com",
])
def test_foreign_domains_in_text(text):
    assert contact_text.domains(f"ログインは {text} から"), text


@pytest.mark.parametrize("text", [
    "bitbank.cc", "support.bitbank.cc", "bitbank-cc.example.com", "bitbank.cc.example.net", "index.html",
    "bitbank-help-offline.zip", "faq.md", "e.g. a deposit", "Node.js", "No.1", "Ver.2.1",
    "ご確認ください。Thank you", "手順1。次に", "U.S. customers", "公式サイト（bitbank.cc）",
])
def test_official_example_and_file_names_pass(text):
    assert contact_text.domains(text) == []


@pytest.mark.parametrize("text", ["@bitbank_help", "LINE ID: bitbank_support", "Telegram: @bitbank_desk",
                                  "ＬＩＮＥ ＩＤ：ｂｉｔｂａｎｋ", "WhatsApp: bitbank.help", "LINE ID bitbank_help",
                                  "Telegram ID @desk24"])
def test_messenger_handles(text):
    assert contact_text.handles(f"{text} にご連絡ください"), text


def test_an_email_address_is_not_a_handle():
    assert contact_text.handles("support@bitbank.cc") == []


@pytest.mark.parametrize("text", ["LINE ID and password", "Signal ID verification", "LINE IDを変えた"])
def test_a_messenger_named_in_prose_is_not_a_handle(text):
    assert contact_text.handles(text) == []


@pytest.mark.parametrize(("name", "data", "allowed"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 8, True),
    ("photo.JPG", b"\xff\xd8\xff\xe0" + b"\0" * 8, True),
    ("anim.gif", b"GIF89a" + b"\0" * 8, True),
    ("pic.webp", b"RIFF\0\0\0\0WEBPVP8 ", True),
    ("pic.avif", b"\0\0\0\x1cftypavif\0\0", True),
    ("logo.svg", b"<svg/>", False),
    ("page.html", b"<meta http-equiv=refresh>", False),
    ("page.HTM", b"x", False),
    ("sw.js", b"self.addEventListener('fetch', e => {})", False),
    ("sw.mjs", b"x", False),
    ("guide.pdf", b"%PDF-1.7", False),
    ("photo.png", b"<svg onload=alert(1)>", False),  # an SVG renamed
    ("README", b"text", False),
    ("data.json", b"{}", False),
    ("page.xhtml", b"<html/>", False),
])
def test_only_pages_and_real_raster_images_are_published(tmp_path: Path, name: str, data: bytes, allowed: bool):
    path = tmp_path / name
    path.write_bytes(data)
    assert (published_files.refusal(path) is None) is allowed


@pytest.mark.parametrize("value", ['<meta http-equiv="refresh" content="0">', "FAQ</title><script>", "&lt;b&gt;",
                                   "&#60;script", "a > b"])
def test_front_matter_markup_is_found(value):
    assert front_matter_text.markup_in(value)


def test_front_matter_plain_text_passes():
    assert front_matter_text.markup_in("Deposits & withdrawals: what to check") is None


def test_front_matter_becomes_escaped_text():
    meta = {"title": 'x</title><meta http-equiv="refresh">', "description": 'say "hi"'}
    warned: list[str] = []
    front_matter_text.neutralize(meta, "ja/x.md", None, warned.append)
    assert str(meta["title"]) == "x&lt;/title&gt;&lt;meta http-equiv=&#34;refresh&#34;&gt;"
    assert str(meta["description"]) == "say &#34;hi&#34;"
    assert len(warned) == 1 and "ja/x.md" in warned[0]


@pytest.mark.parametrize("text", [
    '<script src="a.js"></script>', '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "[x](javascript:alert(1))", "[x](https://bitbank-cc.com/)", "![i](logo.png)", "<a href=https://evil.example/>x</a>",
    "[x](http://bitbank.cc/)", "[x](https://bitbank.cc@evil.example/)", "[x](tel:0312345678)",
])
def test_banner_keeps_no_markup_and_no_foreign_link(text):
    rendered = banner.render_inline(f"**障害** {text} [公式サイト][official-website]", OFFICIAL, "ja")
    assert "<script" not in rendered and "<meta" not in rendered and "<img" not in rendered
    assert rendered.count("<a ") == 1 and '<a href="https://bitbank.cc/">公式サイト</a>' in rendered


@pytest.mark.parametrize(("official", "bad"), [
    ({**OFFICIAL}, set()),
    ({k: v.replace("bitbank.cc", "bitbank-cc.com") for k, v in OFFICIAL.items()}, set(OFFICIAL)),
    ({**OFFICIAL, "website": "http://bitbank.cc/"}, {"website"}),
    ({**OFFICIAL, "website": "https://bitbank.cc.evil.net/"}, {"website"}),
    ({**OFFICIAL, "inquiry_form": "https://bitbank.cc@evil.net/"}, {"inquiry_form"}),
    ({**OFFICIAL, "support_email": "support@mail.bitbank-cc.com"}, {"support_email"}),
    ({**OFFICIAL, "support_email": "https://bitbank.cc/"}, {"support_email"}),
])
def test_official_addresses_are_judged_in_code(official, bad):
    assert {key for key, _ in official_links.problems(official)} == bad


@pytest.mark.parametrize("url", ["\\/evil.example/../../index.html", "\x01//evil.example/", "/\\evil.example/",
                                 "\t//evil.example/", "\\\\evil.example\\x"])
def test_links_that_look_relative_but_leave_the_site(url):
    assert urls.is_external(url, "en/contact/index.html")
    assert urls.host_of(url) == "evil.example"


def test_what_decides_where_customers_are_sent_needs_a_maintainer():
    """CODEOWNERS names an owner for each path a page body cannot reach but a commit can."""
    root = Path(__file__).resolve().parents[1]
    owned = {}
    for line in (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            path, *owners = line.split()
            owned[path] = owners
    for path in ("/mkdocs.yml", "/data/", "/overrides/", "/scripts/", "/.github/"):
        assert owned.get(path), f"{path} has no code owner"
    assert not any(path.startswith("/docs") for path in owned), "pages need the usual review only"


@pytest.mark.parametrize(("html", "form_page", "flagged"), [
    ('<li class="task-list-item"><label class="task-list-control"><input type="checkbox" disabled></label></li>',
     False, False),
    ('<table><tr><td style="text-align: left;">1</td></tr></table>', False, False),
    ('<button type="button" data-hc-search-open>Search</button>', False, False),
    ('<form><input type="text" name="summary"><select name="c"><option>x</option></select></form>', True, False),
    ('<form><input type="text" name="summary"></form>', False, True),
    ('<form><input type="password" name="p"></form>', True, True),
    ('<form><input type="hidden" name="t" value="x"></form>', True, True),
    ('<form><button type="submit">Send</button></form>', True, True),
    ('<form action="index.html"></form>', True, True),
    ('<td style="text-align: left; position: fixed">1</td>', False, True),
    ('<p style="display:none">hidden text</p>', False, True),
    ('<svg><foreignObject><p>x</p></foreignObject></svg>', False, True),
    ('<marquee>x</marquee>', False, True),
    ('<a href="x.html" ping="https://evil.example/">x</a>', False, True),
    ('<img src="a.png" srcdoc="x">', False, True),
])
def test_markup_allow_list(html, form_page, flagged):
    from selectolax.lexbor import LexborHTMLParser

    from helpcenter.check.rules import html_markup

    body = LexborHTMLParser(f"<table><tbody><tr>{html}</tr></tbody></table>" if html.startswith("<td")
                            else html).body
    found = [m for node in body.traverse(include_text=False) if node.tag != "body"
             for m in html_markup._problems(node, form_page)]
    assert bool(found) is flagged, found


def test_an_official_placeholder_is_not_a_domain():
    """`{{ official.phone }}` names no address (.phone is a real top-level domain): the placeholder rule says so."""
    text = "電話：{{ official.phone }}、{{official.website.host}}、&#123;&#123; official.phone }}"
    assert contact_text.domains(text) == []
