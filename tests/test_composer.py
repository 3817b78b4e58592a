"""Inquiry composer (issue 6): contact/compose.html in real Chromium, opened from disk.

Every browser test opens the built page with a file:// URL, as the offline
download is used, except those about the draft, which the composer keeps
only when served (from disk every local file shares one storage); each ends
by asserting that the page made no request outside the site and logged no
error (conftest.watch).
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import urllib.parse
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from conftest import ROOT, watch
from site_map import TROUBLE_SLUGS, built_path

LANGS = ["ja", "en"]
TIMEZONES = {"ja": "Asia/Tokyo", "en": "America/New_York"}
HELPCENTER_JS = ROOT / "overrides" / "assets" / "javascripts" / "helpcenter"
HEX = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"
ORDER = "27342185674"


def official(key: str) -> str:
    """An address from extra.official in mkdocs.yml, the one place that holds them."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return re.search(rf"^\s+{key}:\s*(\S+)\s*$", text, re.M).group(1)


# ----------------------------------------------------------------- helpers


def page_url(site_dir: Path, lang: str, path: str, served: str | None = None) -> str:
    """A built page's address: on the test server when `served` (its base URL), else from disk."""
    return served + built_path(lang, path) if served else (site_dir / built_path(lang, path)).as_uri()


def composer_context(lang: str, width: int = 1280) -> dict:
    """The options of a composer test's browser context: the language's time zone and locale."""
    # Served, the site registers its service worker, which would cache the whole site in every test.
    return {"viewport": {"width": width, "height": 900}, "timezone_id": TIMEZONES[lang],
            "locale": "ja-JP" if lang == "ja" else "en-US", "service_workers": "block"}


def open_composer(browser, site_dir: Path, lang: str, query: str = "", *, width: int = 1280, context=None,
                  init_script: str | None = None, now: datetime | None = None, served: str | None = None,
                  tab=None):
    """The composer loaded and ready: in `tab` when given (a warm tab), else in a new tab of `context` or of a
    new context."""
    if tab is not None:
        ctx, page = tab.context, tab
    else:
        ctx = context or browser.new_context(**composer_context(lang, width))
        page = ctx.new_page()
    page.set_default_timeout(10_000)
    seen = watch(page)
    if init_script:
        page.add_init_script(init_script)
    if now:
        page.clock.install(time=now)
    page.goto(page_url(site_dir, lang, "contact/compose.html", served) + query)
    page.wait_for_selector("#inquiry-composer[data-hc-ready]:not([hidden])")
    return ctx, page, seen


@pytest.fixture
def composer(browser, site_dir, warm_tab, request):
    """open(lang, query='', served=False, **kw) -> (page, seen); closes every context it opened.

    served=True opens the page on the test server (the draft is kept only there). A test without a clock or a
    context of its own gets a warm tab (conftest.warm_tab), one kept for its init script if it has one.
    """
    opened = []

    def _open(lang, query="", served=False, **kw):
        base = request.getfixturevalue("server") if served else None
        if not (kw.get("now") or kw.get("context")):
            tab = warm_tab(init_script=kw.pop("init_script", None), **composer_context(lang, kw.pop("width", 1280)))
            _, page, seen = open_composer(browser, site_dir, lang, query, served=base, tab=tab, **kw)
            return page, seen
        ctx, page, seen = open_composer(browser, site_dir, lang, query, served=base, **kw)
        opened.append(ctx)
        return page, seen

    yield _open
    for ctx in opened:
        ctx.close()


def preview(page) -> tuple[str, str]:
    return (page.text_content("#inquiry-preview-subject") or "", page.text_content("#inquiry-preview-body") or "")


def mailto_parts(page) -> tuple[str, str, str]:
    href = page.get_attribute("#inquiry-mailto", "href")
    parts = urllib.parse.urlsplit(href)
    assert parts.scheme == "mailto", href
    query = urllib.parse.parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert set(query) == {"subject", "body"}
    return parts.path, query["subject"][0], query["body"][0]


def wait_until(page, expression: str, arg=None, timeout: float = 10.0) -> None:
    """Poll a JS function of `arg` until it returns true.

    page.wait_for_function polls with eval inside the page, which the site's
    Content-Security-Policy (no 'unsafe-eval') refuses; page.evaluate is not
    subject to it.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"arg => !!(({expression}))(arg)", arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        page.wait_for_timeout(50)


def guard_text(page) -> str:
    return page.text_content("#inquiry-guard") or ""


def no_problems(seen) -> None:
    assert seen.problems() == []


# ------------------------------------------------------------ full inquiry

FILL = {
    "ja": {
        "category": "deposits-withdrawals",
        "occurred_at": "2025-01-15T14:30",
        "summary": "出金が反映されない",
        "details": "アプリからBTCの出金を申請しましたが、\n翌日になっても反映されません。",
        "error_message": "出金処理中です",
        "user_id": "20250115abc",
        "account_email": "taro@example.com",
        "reference_id": f"txid {HEX}",
        "tried": ["announcements", "status-page"],
        "evidence": ["screenshot"],
    },
    "en": {
        "category": "deposits-withdrawals",
        "occurred_at": "2025-07-01T09:05",
        "summary": "Withdrawal delayed",
        "details": "I requested a BTC withdrawal in the app.\nIt has not arrived a day later.",
        "error_message": "Withdrawal in progress",
        "user_id": "20250115abc",
        "account_email": "taro@example.com",
        "reference_id": f"txid {HEX}",
        "tried": ["announcements", "status-page"],
        "evidence": ["screenshot", "transfer-record"],
    },
}

EXPECTED = {
    "ja": (
        "入出金に関する問題：出金が反映されない",
        "bitbankサポートご担当者様\n\n"
        "【トラブルの種類】\n入出金に関する問題\n\n"
        "【発生日時】\n2025-01-15 14:30（UTC+09:00、Asia/Tokyo）\n\n"
        "【起きたこと】\n出金が反映されない\n\n"
        "【詳しい状況と操作】\nアプリからBTCの出金を申請しましたが、\n翌日になっても反映されません。\n\n"
        "【エラーメッセージ】\n出金処理中です\n\n"
        "【試したこと】\n・公式サイトのお知らせとFAQを確認した\n・ステータスページを確認した\n\n"
        "【アカウント】\nユーザーID：20250115abc\n登録メールアドレス：taro@example.com\n\n"
        f"【注文番号・取引ID・トランザクションID（txid）】\ntxid {HEX}\n\n"
        "【添付資料】\n・画面のスクリーンショット\n\n"
        "よろしくお願いいたします。",
    ),
    "en": (
        "Deposit and withdrawal problems: Withdrawal delayed",
        "Hello bitbank support,\n\n"
        "## Type of trouble\nDeposit and withdrawal problems\n\n"
        "## When it happened\n2025-07-01 09:05 (UTC-04:00, America/New_York)\n\n"
        "## What happened\nWithdrawal delayed\n\n"
        "## Details and steps\nI requested a BTC withdrawal in the app.\nIt has not arrived a day later.\n\n"
        "## Error message shown\nWithdrawal in progress\n\n"
        "## Already tried\n- Checked the announcements and the FAQ on the official site\n- Checked the status page\n\n"
        "## Account\nUser ID: 20250115abc\nRegistered email address: taro@example.com\n\n"
        f"## Order number, trade ID or transaction ID (txid)\ntxid {HEX}\n\n"
        "## Attachments\n- Screenshots of the screen or the error message\n- Deposit or withdrawal records\n\n"
        "Thank you.",
    ),
}


def fill(page, values: dict) -> None:
    for name, value in values.items():
        if name in ("tried", "evidence"):
            for v in value:
                page.check(f"input[name={name}][value={v}]")
        elif name == "category":
            page.select_option("[name=category]", value)
        else:
            page.fill(f"[name={name}]", value)
            if name == "summary":  # suggestions appear below it: let the layout settle before clicking on
                wait_until(page, "q => document.getElementById('inquiry-suggestions')"
                                 ".getAttribute('data-hc-query') === q", value.strip())


CLIPBOARD_SPY = """
window.__copied = [];
Object.defineProperty(navigator, 'clipboard', {configurable: true, value: {
  writeText: t => { window.__copied.push(t); return Promise.resolve() }
}});
"""


# Japanese costs nine characters a letter once percent-encoded, so the full
# Japanese inquiry is over the mailto limit: its mail link is checked with the
# optional sections emptied again.
SHORTER = {"error_message": "", "reference_id": "", "tried": [], "evidence": []}


def without_sections(body: str, headings: list[str]) -> str:
    blocks = body.split("\n\n")
    return "\n\n".join(b for b in blocks if b.split("\n")[0] not in headings)


@pytest.mark.parametrize("lang", LANGS)
def test_filled_form_gives_preview_mailto_and_copy(composer, lang):
    page, seen = composer(lang, init_script=CLIPBOARD_SPY)
    fill(page, FILL[lang])
    subject, body = EXPECTED[lang]
    assert preview(page) == (subject, body)

    page.click("#inquiry-copy")
    wait_until(page, "() => window.__copied.length === 1")
    prefix = "件名：" if lang == "ja" else "Subject: "
    assert page.evaluate("window.__copied[0]") == f"{prefix}{subject}\n\n{body}"
    expect_status = "コピーしました" if lang == "ja" else "Copied"
    wait_until(page, "s => document.getElementById('inquiry-status').textContent.startsWith(s)",
                           arg=expect_status)
    assert page.get_attribute("#inquiry-status", "role") == "status"
    assert page.get_attribute("#inquiry-form-link", "href") == official("inquiry_form")

    if lang == "ja":
        assert page.get_attribute("#inquiry-mailto", "aria-disabled") == "true"
        for box in page.locator("#inquiry-composer input[type=checkbox]").all():
            box.uncheck()
        fill(page, SHORTER)
        emptied = ["【エラーメッセージ】", "【試したこと】", "【注文番号・取引ID・トランザクションID（txid）】",
                   "【添付資料】"]
        body = without_sections(body, emptied)
        assert preview(page) == (subject, body)
    address, mail_subject, mail_body = mailto_parts(page)
    assert address == official("support_email") == "support@bitbank.cc"
    assert mail_subject == subject
    assert mail_body == body.replace("\n", "\r\n")  # RFC 6068: line breaks as %0D%0A
    href = page.get_attribute("#inquiry-mailto", "href")
    assert len(href) <= 1800 and " " not in href and "\n" not in href
    assert page.get_attribute("#inquiry-mailto", "aria-disabled") is None
    assert page.text_content("#inquiry-length") == ""
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_labels_and_text_are_in_the_page_language(composer, lang):
    page, seen = composer(lang)
    assert page.get_attribute("html", "lang").startswith(lang)
    for name in ["category", "occurred_at", "summary", "details", "error_message", "user_id", "account_email",
                 "reference_id"]:
        field_id = page.get_attribute(f"[name={name}]", "id")
        label = page.text_content(f"label[for={field_id}]")
        assert label.strip(), name
        assert bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", label)) == (lang == "ja"), label
    assert page.locator("fieldset legend").count() == 3
    for selector in ["#inquiry-copy", "#inquiry-mailto", "#inquiry-clear", "#inquiry-output-title"]:
        text = page.text_content(selector)
        assert bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text)) == (lang == "ja"), text
    timezone = page.text_content("[data-hc-timezone]")
    assert TIMEZONES[lang] in timezone and "UTC" in timezone
    no_problems(seen)


# ---------------------------------------------------- category and draft


@pytest.mark.parametrize("slug", TROUBLE_SLUGS)
@pytest.mark.parametrize("lang", LANGS)
def test_category_preset_from_url(composer, lang, slug):
    page, seen = composer(lang, f"?category={slug}")
    assert page.input_value("[name=category]") == slug
    option = page.text_content(f"[name=category] option[value={slug}]")
    short = re.sub(r"\s*[（(].*[）)]\s*$", "", option)
    assert preview(page)[0] == short
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_category_is_ignored(composer, lang):
    page, seen = composer(lang, "?category=javascript:alert(1)")
    assert page.input_value("[name=category]") == ""
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_preset_does_not_override_a_later_choice(composer, lang):
    page, seen = composer(lang, "?category=trading", served=True)
    page.select_option("[name=category]", "account")
    page.reload()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]")
    assert page.input_value("[name=category]") == "account"  # the user's choice survives the reload
    # Arriving from another trouble page presets that page's category.
    page.goto(page.url.split("?")[0] + "?category=other")
    page.wait_for_selector("#inquiry-composer[data-hc-ready]")
    assert page.input_value("[name=category]") == "other"
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_default_time_is_now(composer, lang):
    now = datetime(2025, 3, 4, 5, 6, tzinfo=ZoneInfo(TIMEZONES[lang]))
    page, seen = composer(lang, now=now)
    assert page.input_value("[name=occurred_at]") == "2025-03-04T05:06"
    assert "2025-03-04 05:06" in preview(page)[1]
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_draft_survives_reload_and_clear_empties_it(composer, lang):
    page, seen = composer(lang, "?category=trading", served=True)
    values = dict(FILL[lang], category="account")
    fill(page, values)
    before = preview(page)
    settled = "q => document.getElementById('inquiry-suggestions').getAttribute('data-hc-query') === q"
    wait_until(page, settled, values["summary"])  # reload only once the suggestions have loaded
    page.reload()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]")
    wait_until(page, settled, values["summary"])  # a restored summary brings its suggestions back
    for name, value in values.items():
        if name in ("tried", "evidence"):
            assert page.eval_on_selector_all(f"input[name={name}]:checked", "els => els.map(e => e.value)") == value
        else:
            assert page.input_value(f"[name={name}]") == value, name
    assert preview(page) == before
    restored = "復元しました" if lang == "ja" else "restored"
    wait_until(page, "s => document.getElementById('inquiry-status').textContent.includes(s)", arg=restored)

    page.click("#inquiry-clear")
    for name in ["summary", "details", "error_message", "user_id", "account_email", "reference_id"]:
        assert page.input_value(f"[name={name}]") == "", name
    assert page.locator("#inquiry-composer input[type=checkbox]:checked").count() == 0
    assert page.input_value("[name=category]") == "trading"  # back to what this link presets
    assert page.evaluate("sessionStorage.length") == 0
    assert page.evaluate("document.activeElement.name") == "category"
    page.reload()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]")
    assert page.input_value("[name=summary]") == ""
    assert page.input_value("[name=details]") == ""
    no_problems(seen)


# ----------------------------------------------------------------- guard

PHRASE_12 = "legal winner thank year wave sausage worth useful legal winner thank yellow"
PHRASE_24 = "\n".join(f"{i}. {w}" for i, w in enumerate(
    ("letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount doctor acoustic avoid "
     "letter advice cage absurd amount doctor acoustic bless").split(), start=1))
XPRV = ("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33y"
        "uGBxrMPHi")

# Cases taken through the page (alert, output, draft). What the guard decides on its own is tested on the
# cases in data/composer/guard-cases.yml (test_secret_guard.py).
# (field, text, kind): each must trip the guard with that kind.
POSITIVE = [
    ("details", "パスワード：Abc12345", "password"),
    ("details", "パスワードは hunter22 です", "password"),
    ("details", "ﾊﾟｽﾜｰﾄﾞ：ｈｕｎｔｅｒ２２", "password"),
    ("details", "ログインパスワード=Tr0ub4dor&3 を入力しました", "password"),
    ("details", "暗証番号 4821", "password"),
    ("details", "password: hunter22", "password"),
    ("details", "My password is Summer2024! and it fails", "password"),
    ("summary", "PW = s3cr3t!", "password"),
    ("details", "PIN: 4821", "password"),
    ("details", "認証コード：123456", "otp"),
    ("details", "2FAのコードは 123 456 です", "otp"),
    ("details", "二段階認証のコード654321を入れてもエラーになります", "otp"),
    ("details", "123456 という認証コードが届きました", "otp"),
    ("details", "ワンタイムパスワード：987654", "otp"),
    ("details", "my 2FA code is 482913", "otp"),
    ("details", "Google Authenticator shows 123456", "otp"),
    ("error_message", "verification code: 000111", "otp"),
    ("details", PHRASE_12, "phrase"),
    ("details", "Legal, Winner, Thank, Year, Wave, Sausage, Worth, Useful, Legal, Winner, Thank, Yellow", "phrase"),
    ("details", "復元用の単語：\n" + PHRASE_24, "phrase"),
    ("details", f"秘密鍵：{HEX}", "private-key"),
    ("details", f"private key 0x{HEX}", "private-key"),
    ("reference_id", f"秘密鍵 {HEX}", "private-key"),
    ("details", f"my secret key is\n{HEX}", "private-key"),
    ("details", HEX, "private-key"),  # bare 64 hex outside the txid field: could be either, so it is held back
    ("details", "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", "private-key"),  # WIF, uncompressed
    ("details", "WIF: KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617", "private-key"),  # WIF, compressed
    ("details", XPRV, "private-key"),
    ("details", "APIシークレット：a1b2c3d4e5f6g7h8i9j0k1l2", "api-secret"),
    ("details", "api secret = Zq8RtY2pLm4NvX7sKd9WbC3f", "api-secret"),
    ("details", f"API secret: {HEX}", "api-secret"),
]

# (field, text): none may trip the guard.
NEGATIVE = [
    ("details", "パスワードを忘れました"),
    ("details", "パスワードを再設定したいのですが、再設定メールが届きません"),
    ("details", "パスワード再設定のURL: https://bitbank.cc/reset を開きました"),
    ("details", "Password: ********"),
    ("details", "My password is incorrect, the app says."),
    ("details", "The password reset link expired."),
    ("details", "password-reset email was not delivered"),
    ("details", "認証コードが届きません"),
    ("details", "2FA code did not arrive at 14:30 on 2025-01-15"),
    ("details", "二段階認証を設定した後、注文番号 123456 の注文が約定しません"),
    ("error_message", "エラーコード：60001"),
    ("error_message", "error code 100001"),
    ("details", "SMSが届かないので電話番号 090-1234-5678 を確認しました"),
    ("details", f"注文番号：{ORDER}"),
    ("reference_id", ORDER),
    ("reference_id", f"order ID {ORDER}"),
    ("details", f"txid: {HEX}"),
    ("details", f"トランザクションID：{HEX}"),
    ("details", f"取引ID 0x{HEX}"),
    ("details", f"TxHash\n{HEX}"),
    ("details", f"ブロックエクスプローラーで {HEX} を確認しました"),
    ("reference_id", HEX),  # the field asks for a txid
    ("reference_id", f"0x{HEX}"),
    ("details", "送付先アドレス bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("details", "address 1BoatSLRHtKNngkdXEeobR76b53LETtpyT"),
    ("details", "ETH address 0x742d35Cc6634C0532925a3b844Bc454e4438f44e"),
    ("details", "abandon ability able about above absent absorb abstract absurd abuse access"),  # 11 words
    ("details", "Please check my account balance because the deposit I sent at noon did not arrive and I "
                "have a large order waiting; when will you be able to check where the coin is?"),
    ("details", "API secret was regenerated yesterday"),
    ("details", "APIキーを再発行しました"),
    ("details", "2025-01-15 14:30:00 に出金を申請"),
    ("details", "暗証番号 2024年に変更しました"),
    ("details", "パスワード 2025-01-15 に変更しました"),
    ("details", "password changed at 10:30"),
    ("details", "2FAを設定した後、出金番号 250115 の出金が届きません"),
    ("user_id", "20250115abc"),
]


def scan(page, text: str, field: str) -> list[dict]:
    return page.evaluate("([t, f]) => window.hcSecretGuard.scan(t, f)", [text, field])


@pytest.fixture(scope="module")
def guard_page(browser, site_dir):
    """One composer page per language, shared by the unit-level guard tests (they only read)."""
    pages = {}
    contexts = []
    for lang in LANGS:
        ctx, page, seen = open_composer(browser, site_dir, lang)
        contexts.append(ctx)
        pages[lang] = (page, seen)
    yield pages
    for ctx in contexts:
        ctx.close()


def test_bip39_list_is_loaded(guard_page):
    for page, seen in guard_page.values():
        assert page.evaluate("window.hcSecretGuard.wordsLoaded()")
        assert page.evaluate("window.hcBip39English.length") == 2048
        no_problems(seen)


@pytest.mark.parametrize(("field", "text", "kind"), POSITIVE)
def test_page_cases_trip_the_guard(guard_page, field, text, kind):
    page, _ = guard_page["ja"]
    assert [f["kind"] for f in scan(page, text, field)] == [kind]


@pytest.mark.parametrize(("field", "text"), NEGATIVE)
def test_page_cases_pass_the_guard(guard_page, field, text):
    page, _ = guard_page["en"]
    assert scan(page, text, field) == []


def test_guard_unit_hex_hint(guard_page):
    page, _ = guard_page["ja"]
    assert scan(page, HEX, "details") == [{"kind": "private-key", "hint": "hex"}]
    assert scan(page, f"秘密鍵 {HEX}", "details") == [{"kind": "private-key"}]
    assert scan(page, "", "details") == []


@pytest.fixture(scope="module")
def reused_composer(browser, site_dir, request):
    """open(lang, query, served=False, init_script=None) -> (page, seen): one page per arguments, reused.

    The guard's cases through the page are many and each only types into the
    form: a case starts from that page with its text fields emptied and its
    observations cleared, instead of from a new browser context (a page load
    per case was most of their time).
    """
    opened: dict[tuple, tuple] = {}

    def _open(lang, query, served=False, init_script=None):
        key = (lang, query, served, init_script)
        if key not in opened:
            base = request.getfixturevalue("server") if served else None
            opened[key] = open_composer(browser, site_dir, lang, query, served=base, init_script=init_script)
        _, page, seen = opened[key]
        for name in GUARDED_FIELDS:
            page.fill(f"[name={name}]", "")
        assert guard_text(page) == "", "a case left the guard raised"
        for found in (seen.external, seen.failed, seen.console_errors, seen.csp_violations):
            found.clear()
        return page, seen

    yield _open
    for ctx, _, _ in opened.values():
        ctx.close()


# The same cases through the page: alert shown, nothing of the secret anywhere in the output.
DOM_POSITIVE = [POSITIVE[i] for i in (0, 5, 7, 9, 14, 16, 17, 20, 22, 24, 25, 29)]
DOM_NEGATIVE = [NEGATIVE[i] for i in (0, 4, 8, 9, 10, 13, 16, 17, 21)]
GUARDED_FIELDS = sorted({"summary", "details"} | {case[0] for case in DOM_POSITIVE + DOM_NEGATIVE})


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("field", "text", "kind"), DOM_POSITIVE)
def test_guard_alert_fires_and_keeps_the_secret_out(reused_composer, lang, field, text, kind):
    page, seen = reused_composer(lang, "?category=account", init_script=CLIPBOARD_SPY, served=True)
    fill(page, {"summary": "Login" if field != "summary" else text, "details": "x", field: text})
    alert = page.locator("#inquiry-guard")
    assert alert.get_attribute("role") == "alert"
    assert alert.is_visible()
    label = page.text_content(f"label[for={page.get_attribute(f'[name={field}]', 'id')}]")
    label = re.sub(r"(必須|任意|Required|Optional)$", "", label.strip())
    assert label in guard_text(page)
    assert page.get_attribute(f"[name={field}]", "aria-invalid") == "true"

    secrets = re.findall(r"[!-~]{6,}", text)
    assert secrets
    assert not any(t in page.text_content("#inquiry-preview") for t in secrets)
    href = page.get_attribute("#inquiry-mailto", "href")
    assert not href.startswith("mailto:") and page.get_attribute("#inquiry-mailto", "aria-disabled") == "true"
    assert page.get_attribute("#inquiry-copy", "aria-disabled") == "true"
    page.focus("#inquiry-copy")  # aria-disabled, so still reachable: Enter says why
    page.keyboard.press("Enter")
    assert page.evaluate("window.__copied") == []
    assert page.evaluate("document.activeElement.id") == "inquiry-guard"
    stored = page.evaluate("JSON.stringify(sessionStorage)")
    assert "Login" in stored or field == "summary"
    assert not any(t in stored for t in secrets)  # no secret in the draft either

    page.fill(f"[name={field}]", "")
    assert guard_text(page) == ""
    assert not alert.is_visible()
    assert page.get_attribute("#inquiry-mailto", "href").startswith("mailto:")
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("field", "text"), DOM_NEGATIVE)
def test_guard_does_not_misfire_in_the_page(reused_composer, lang, field, text):
    page, seen = reused_composer(lang, "?category=trading")
    fill(page, {"summary": "x", "details": "x", field: text})
    assert guard_text(page) == ""
    assert text.splitlines()[-1] in page.text_content("#inquiry-preview-body")
    assert page.get_attribute("#inquiry-mailto", "href").startswith("mailto:")
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_bare_hex_asks_and_a_txid_moves_to_the_reference_field(composer, lang):
    page, seen = composer(lang, "?category=deposits-withdrawals", served=True)
    details = f"送金しました {HEX} 届きません" if lang == "ja" else f"Sent {HEX} not arrived"
    fill(page, {"summary": "x", "details": details})
    assert guard_text(page)  # the alert names the field; the question is asked under the field (issue 32)
    assert "txid" in page.text_content("#inquiry-details ~ .hc-composer__ask")
    buttons = page.locator("#inquiry-composer [data-hc-hex]")
    assert buttons.count() == 2
    assert page.evaluate("JSON.stringify(sessionStorage)").count(HEX[:8]) == 0  # unanswered: not stored
    page.click("#inquiry-composer [data-hc-hex=txid]")
    assert guard_text(page) == ""
    assert page.input_value("[name=reference_id]") == f"txid {HEX}"
    assert HEX not in page.input_value("[name=details]")
    assert page.input_value("[name=details]") == ("送金しました 届きません" if lang == "ja" else "Sent not arrived")
    assert page.evaluate("document.activeElement.name") == "details"
    moved = "移しました" if lang == "ja" else "moved"
    wait_until(page, "s => document.getElementById('inquiry-status').textContent.includes(s)", arg=moved)
    assert f"txid {HEX}" in preview(page)[1]
    assert page.get_attribute("#inquiry-mailto", "href").startswith("mailto:")
    stored = page.evaluate("JSON.parse(sessionStorage.getItem(Object.keys(sessionStorage)[0])).fields")
    assert stored["reference_id"] == f"txid {HEX}" and stored["details"] == page.input_value("[name=details]")
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_bare_hex_something_else_is_removed(composer, lang):
    page, seen = composer(lang, "?category=other", served=True)
    fill(page, {"summary": "x", "details": f"これです\n{HEX}" if lang == "ja" else f"This one:\n{HEX}"})
    page.click("#inquiry-composer [data-hc-hex=other]")
    assert guard_text(page) == ""
    assert HEX not in page.input_value("[name=details]") and page.input_value("[name=reference_id]") == ""
    removed = "削除しました" if lang == "ja" else "removed"
    wait_until(page, "s => document.getElementById('inquiry-status').textContent.includes(s)", arg=removed)
    assert HEX not in page.evaluate("JSON.stringify(sessionStorage)")
    assert HEX not in page.text_content("#inquiry-preview")
    no_problems(seen)


# ------------------------------------------------------- the draft and secrets

# Typed one key at a time: the guard sees each prefix, most of which look harmless.
TYPED = {
    "ja": [
        ("details", "ログインできません。パスワード：hunter2!", "hunter"),
        ("details", "復元用の単語です " + PHRASE_12, "legal winner thank year"),
        ("details", "秘密鍵 " + HEX, HEX[:16]),
        ("details", "二段階認証のコードは 482913 です", "4829"),
    ],
    "en": [
        ("details", "Cannot log in. password: hunter2!", "hunter"),
        ("details", "my words: " + PHRASE_12, "legal winner thank year"),
        ("details", "private key " + HEX, HEX[:16]),
        ("error_message", "my 2FA code is 482913", "4829"),
    ],
}


def stored_draft(page) -> str:
    """Everything the page keeps in sessionStorage, as stored."""
    return page.evaluate("Object.keys(sessionStorage).map(k => k + '=' + sessionStorage.getItem(k)).join('\\n')")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", range(4))
def test_a_secret_typed_key_by_key_is_never_stored(composer, lang, case):
    name, text, part = TYPED[lang][case]
    page, seen = composer(lang, "?category=account", served=True)
    fill(page, {"summary": "Login", "user_id": "abc123"})
    box = page.locator(f"[name={name}]")
    box.press_sequentially(text)
    assert guard_text(page) != ""
    assert part not in stored_draft(page)  # nothing of it, not "the last safe value"
    assert '"user_id":"abc123"' in stored_draft(page)  # the other fields are still kept
    # Backspace: the field now holds a shorter, harmless-looking text that was part of the secret.
    for _ in range(3):
        box.press("Backspace")
    assert part not in stored_draft(page)
    note = page.text_content(f"#{box.get_attribute('id')}-count")
    assert note  # the counter is there for every text field
    page.reload()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]")
    assert page.input_value(f"[name={name}]") == "" and part not in stored_draft(page)
    page.goto(page.url.split("contact/")[0] + "index.html")  # another page, and back
    page.go_back()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]")
    assert page.input_value(f"[name={name}]") == ""
    assert page.input_value("[name=user_id]") == "abc123"
    assert part not in page.text_content("#inquiry-preview") and part not in stored_draft(page)
    # Emptied, the field is kept in the draft again.
    box.press_sequentially("ok")
    assert '"ok"' in stored_draft(page)
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_a_stored_secret_is_not_restored(composer, lang):
    """A draft written before this check (or by hand) is checked again before it is shown."""
    key = f"hc-inquiry-draft:{lang}"
    words = PHRASE_12.split()
    draft = json.dumps({"fields": {"summary": "Login", "details": "パスワード：hunter2!",
                                   "error_message": " ".join(words[:6]), "reference_id": " ".join(words[6:])},
                        "groups": {}, "preset": ""}, ensure_ascii=False)
    seed = f"if (!sessionStorage.getItem({key!r})) sessionStorage.setItem({key!r}, {draft!r})"
    page, seen = composer(lang, init_script=seed, served=True)
    assert page.input_value("[name=summary]") == "Login"
    for name in ("details", "error_message", "reference_id"):
        assert page.input_value(f"[name={name}]") == "", name
    stored = stored_draft(page)
    assert "hunter2" not in stored and "sausage" not in stored and "Login" in stored
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_from_disk_no_draft_is_kept_where_another_local_file_could_read_it(composer, tmp_path, lang):
    """Every file:// page shares one storage: the composer keeps nothing there, and removes an old draft."""
    reader = tmp_path / "reader.html"
    reader.write_text("<!doctype html><title>another local file</title>", encoding="utf-8")
    key = f"hc-inquiry-draft:{lang}"
    old = json.dumps({"fields": {"summary": "old draft", "user_id": "olduser"}, "groups": {}, "preset": ""})
    seed = f"if (location.pathname.endsWith('compose.html')) sessionStorage.setItem({key!r}, {old!r})"
    page, seen = composer(lang, "?category=account", init_script=seed)
    assert page.input_value("[name=summary]") == "", "an old draft is not restored from disk"
    fill(page, {"summary": "Login fails", "details": "details 42", "user_id": "user777",
                "account_email": "a@b.example"})
    assert page.evaluate("sessionStorage.length") == 0
    assert page.evaluate("Object.keys(localStorage).every(k => k.endsWith('.__palette'))")  # the theme's own
    page.reload()
    page.wait_for_selector("#inquiry-composer[data-hc-ready]")
    assert page.input_value("[name=user_id]") == "" and page.input_value("[name=details]") == ""
    fill(page, {"summary": "Login fails", "user_id": "user777"})
    no_problems(seen)
    page.goto(reader.as_uri())
    kept = page.evaluate("JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])")
    assert "user777" not in kept and "Login" not in kept and "olduser" not in kept and "hc-" not in kept
    assert page.evaluate("sessionStorage.length") == 0, kept


# ------------------------------------------------------------ suggestions

SUGGEST = {
    "ja": ("出金が反映されない", "troubles/deposits-withdrawals.html"),
    "en": ("withdrawal delayed", "en/troubles/deposits-withdrawals.html"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_suggestions_for_a_typical_summary(composer, lang):
    query, expected = SUGGEST[lang]
    page, seen = composer(lang)
    page.locator("[name=summary]").press_sequentially(query)
    wait_until(page, "q => document.getElementById('inquiry-suggestions').getAttribute('data-hc-query') === q",
                           arg=query)
    box = page.locator("#inquiry-suggestions")
    assert box.is_visible()
    links = box.locator("a").evaluate_all("els => els.map(e => e.href)")
    assert 1 <= len(links) <= 3
    assert any(link.endswith(expected) for link in links), links
    assert not any("contact/compose.html" in link for link in links)
    assert all(link.startswith("file://") for link in links)
    assert all(("/en/" in link) == (lang == "en") for link in links)
    page.fill("[name=summary]", "")
    wait_until(page, "() => document.getElementById('inquiry-suggestions').hidden")
    no_problems(seen)


# ---------------------------------------------------------- long messages


@pytest.mark.parametrize("lang", LANGS)
def test_long_message_steers_to_copy(composer, lang):
    page, seen = composer(lang, "?category=other", init_script=CLIPBOARD_SPY)
    long_text = ("長い説明です。" if lang == "ja" else "A long explanation. ") * 80
    fill(page, {"summary": "x", "details": long_text})
    box = page.locator("#inquiry-length")
    assert box.is_visible()
    assert ("コピー" if lang == "ja" else "Copy") in box.text_content()
    assert page.get_attribute("#inquiry-mailto", "aria-disabled") == "true"
    assert not page.get_attribute("#inquiry-mailto", "href").startswith("mailto:")
    page.evaluate("document.querySelector('#inquiry-length p').hcMark = 1")
    page.locator("[name=details]").press_sequentially(" more")
    assert page.evaluate("document.querySelector('#inquiry-length p').hcMark") == 1  # not re-announced per key
    page.focus("#inquiry-mailto")  # aria-disabled, still reachable: Enter shows why
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inquiry-length"
    page.click("#inquiry-copy")
    wait_until(page, "() => window.__copied.length === 1")
    assert long_text.strip() in page.evaluate("window.__copied[0]")
    page.fill("[name=details]", "short")
    assert not box.is_visible()
    assert page.get_attribute("#inquiry-mailto", "href").startswith("mailto:")
    no_problems(seen)


# ------------------------------------------------------------ length limits

LIMITS = {"summary": 120, "details": 4000, "error_message": 1000, "user_id": 64, "account_email": 254,
          "reference_id": 1000}


@pytest.mark.parametrize("lang", LANGS)
def test_every_field_has_a_counter_and_a_limit(composer, lang):
    page, seen = composer(lang)
    for name, limit in LIMITS.items():
        field_id = page.get_attribute(f"[name={name}]", "id")
        assert page.get_attribute(f"[name={name}]", "maxlength") is None  # a maxlength cuts pastes silently
        counter = page.locator(f"#{field_id}-count")
        assert counter.is_visible(), name
        assert f"{limit:,}" in counter.text_content(), name
        assert f"{field_id}-count" in page.get_attribute(f"[name={name}]", "aria-describedby").split()
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_a_huge_paste_is_cut_with_a_message_and_typing_stays_fast(composer, lang, figures):
    page, seen = composer(lang, "?category=other")
    fill(page, {"summary": "x"})
    huge = ("出金が遅れています。abc 123 " if lang == "ja" else "The withdrawal is late. abc 123 ") * 10000
    huge = huge[:100_000]
    page.fill("[name=details]", huge)
    assert page.input_value("[name=details]") == huge[:4000]  # what fits stays, in order
    counter = page.locator("#inquiry-details-count")
    assert "96,000" in counter.text_content()
    assert "hc-field__count--over" in counter.get_attribute("class")
    wait_until(page, "s => document.getElementById('inquiry-status').textContent.includes(s)", arg="96,000")
    box = page.locator("[name=details]")
    box.press("End")
    box.press("Backspace")
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        box.press("a")
        page.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r)))")
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    figures.append(f"composer keystroke in a full 4,000-character field ({lang}): median {timings[2]:.0f} ms")
    assert timings[2] < 1000, timings  # about a second per key at 100,000 characters before the limit
    assert page.input_value("[name=details]").endswith("a") and len(page.input_value("[name=details]")) == 4000
    # Typed at the limit: the counter says one character was left out; deleting clears the note.
    assert "1" in counter.text_content() and "96,000" not in counter.text_content()
    box.press("Backspace")
    assert counter.text_content() == ("3,999 / 4,000文字" if lang == "ja" else "3,999 / 4,000 characters")
    assert page.get_attribute("#inquiry-mailto", "href").startswith("mailto:") or \
        page.get_attribute("#inquiry-mailto", "aria-disabled") == "true"  # long: steered to copy
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_a_pasted_log_is_cut_before_the_field_holds_it(browser, composer, lang):
    """Ctrl+V of a long log: the field never holds more than its limit, not even for one event (Chromium takes
    seconds to lay out 100,000 Japanese characters however few are kept); undo takes the paste back whole."""
    ctx = browser.new_context(**composer_context(lang, 1280), permissions=["clipboard-read", "clipboard-write"])
    page, seen = composer(lang, "?category=other", served=True, context=ctx)
    page.evaluate("() => { window.__longest = 0; document.addEventListener('input', e =>"
                  " { window.__longest = Math.max(window.__longest, e.target.value.length) }, true) }")
    log = ("出金が遅れています。abc 123 " if lang == "ja" else "The withdrawal is late. abc 123 ") * 500
    page.evaluate("text => navigator.clipboard.writeText(text)", log)
    box = page.locator("[name=details]")
    box.press_sequentially("log: ")
    box.press("Control+V")
    assert page.input_value("[name=details]") == ("log: " + log)[:4000]  # what fits, in order
    assert page.evaluate("window.__longest") == 4000
    cut = len("log: " + log) - 4000
    assert f"{cut:,}" in page.text_content("#inquiry-details-count")
    box.press("Control+Z")
    assert page.input_value("[name=details]") == "log: "
    no_problems(seen)


def test_an_insertion_in_the_middle_loses_its_own_end_not_the_text_after_it(composer):
    page, seen = composer("en", "?category=other")
    page.fill("[name=summary]", "A" * 110 + "END")
    page.evaluate("document.querySelector('[name=summary]').setSelectionRange(10, 10)")
    page.focus("[name=summary]")
    page.keyboard.insert_text("0123456789xyz")
    value = page.input_value("[name=summary]")
    assert value == "A" * 10 + "0123456" + "A" * 100 + "END"
    assert "6 characters" in page.text_content("#inquiry-summary-count")
    no_problems(seen)


# ------------------------------------------------- errors and the keyboard


@pytest.mark.parametrize("lang", LANGS)
def test_missing_fields_are_announced(composer, lang):
    page, seen = composer(lang, init_script=CLIPBOARD_SPY)
    page.fill("[name=account_email]", "taro@")
    page.click("#inquiry-copy")
    errors = page.locator("#inquiry-errors")
    assert errors.get_attribute("role") == "alert"
    assert errors.locator("li").count() == 4  # category, summary, details, e-mail format
    assert page.evaluate("document.activeElement.name") == "category"
    for name in ["category", "summary", "details", "account_email"]:
        assert page.get_attribute(f"[name={name}]", "aria-invalid") == "true"
        described = page.get_attribute(f"[name={name}]", "aria-describedby").split()
        assert any(page.locator(f"#{i}.hc-field__error").count() for i in described), name
    assert page.evaluate("window.__copied") == []
    # Typing elsewhere does not rebuild the alert, which would have it read out at every key.
    page.evaluate("document.querySelector('#inquiry-errors li').hcMark = 1")
    page.locator("[name=user_id]").press_sequentially("abc")
    assert page.evaluate("document.querySelector('#inquiry-errors li').hcMark") == 1
    fill(page, {"category": "trading", "summary": "x", "details": "y", "account_email": "taro@example.com"})
    assert errors.text_content() == ""
    assert page.locator(".hc-field__error").count() == 0
    no_problems(seen)


def tab_until(page, predicate: str, limit: int = 120) -> None:
    """Press Tab until `predicate` (a JS expression on `el`, the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => !!el && ({predicate}))(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {predicate}")


def tab_to(page, element_id: str) -> None:
    tab_until(page, f"el.id === {element_id!r}")


@pytest.mark.parametrize("lang", LANGS)
def test_keyboard_only(composer, lang):
    now = datetime(2025, 1, 15, 14, 30, tzinfo=ZoneInfo(TIMEZONES[lang]))
    page, seen = composer(lang, init_script=CLIPBOARD_SPY, now=now)
    tab_to(page, "inquiry-category")
    for _ in range(3):  # a closed <select>: arrow keys change the choice
        page.keyboard.press("ArrowDown")
    assert page.input_value("[name=category]") == "deposits-withdrawals"
    tab_to(page, "inquiry-summary")
    page.keyboard.type("出金が反映されない" if lang == "ja" else "Withdrawal delayed")
    tab_to(page, "inquiry-details")  # past the suggestions, if they are already there
    page.keyboard.type("Details.")
    tab_until(page, "el.name === 'tried'")
    page.keyboard.press("Space")
    tab_to(page, "inquiry-copy")
    page.keyboard.press("Enter")
    wait_until(page, "() => window.__copied.length === 1")
    copied = page.evaluate("window.__copied[0]")
    assert "Details." in copied and "2025-01-15 14:30" in copied
    assert ("公式サイトのお知らせとFAQを確認した" if lang == "ja" else "Checked the announcements") in copied
    tab_to(page, "inquiry-mailto")
    _, subject, body = mailto_parts(page)
    assert subject.endswith("出金が反映されない" if lang == "ja" else "Withdrawal delayed")
    assert body == copied.split("\n\n", 1)[1].replace("\n", "\r\n")

    tab_to(page, "inquiry-clear")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inquiry-category"
    assert page.input_value("[name=summary]") == ""
    # Enter in a one-line field neither submits nor leaves the page.
    url = page.url
    tab_to(page, "inquiry-summary")
    page.keyboard.type("x")
    page.keyboard.press("Enter")
    assert page.url == url and page.input_value("[name=summary]") == "x"
    no_problems(seen)


@pytest.mark.parametrize("lang", LANGS)
def test_copy_without_clipboard_api_falls_back(composer, lang):
    spy = """
    window.__copyEvents = [];
    Object.defineProperty(navigator, 'clipboard', {configurable: true, value: undefined});
    document.addEventListener('copy', () => {
      const a = document.activeElement;
      window.__copyEvents.push(a && a.tagName === 'TEXTAREA' ? a.value.slice(a.selectionStart, a.selectionEnd) : '');
    });
    """
    page, seen = composer(lang, "?category=account", init_script=spy)
    fill(page, {"summary": "S", "details": "D"})
    page.click("#inquiry-copy")
    wait_until(page, "() => document.getElementById('inquiry-status').textContent !== ''")
    assert page.text_content("#inquiry-status").startswith("コピーしました" if lang == "ja" else "Copied")
    events = page.evaluate("window.__copyEvents")
    assert len(events) == 1 and events[0].endswith(preview(page)[1])
    assert page.locator(".hc-composer__clipboard").count() == 0
    assert page.evaluate("document.activeElement.id") == "inquiry-copy"

    # When neither way works, the preview is selected and the user is told to copy it.
    page.evaluate("document.execCommand = () => false")
    page.click("#inquiry-copy")
    failed = "自動でコピーできません" if lang == "ja" else "Could not copy"
    wait_until(page, "s => document.getElementById('inquiry-status').textContent.startsWith(s)", arg=failed)
    assert page.evaluate("getSelection().toString()").strip().endswith(preview(page)[1].splitlines()[-1])
    no_problems(seen)


# ------------------------------------------------------- layout, fallback


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_phone_width_does_not_scroll_sideways(browser, site_dir, lang, scheme):
    ctx = browser.new_context(viewport={"width": 375, "height": 812}, color_scheme=scheme,
                              timezone_id=TIMEZONES[lang])
    try:
        _, page, seen = open_composer(browser, site_dir, lang, "?category=account", context=ctx)
        fill(page, dict(FILL[lang], details="x" * 300, reference_id=HEX + HEX))
        page.fill("[name=error_message]", HEX)  # guard alert with its longest hint
        page.fill("[name=summary]", "出金" if lang == "ja" else "withdrawal")
        page.wait_for_selector("#inquiry-suggestions:not([hidden])")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375
        for selector in ["#inquiry-copy", "#inquiry-mailto", "#inquiry-clear", "[name=details]", "#inquiry-guard"]:
            box = page.locator(selector).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 375, selector
        no_problems(seen)
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_page_points_to_form_and_email(browser, site_dir, lang):
    ctx = browser.new_context(java_script_enabled=False)
    try:
        page = ctx.new_page()
        seen = watch(page)
        page.goto((site_dir / built_path(lang, "contact/compose.html")).as_uri())
        assert not page.locator("#inquiry-composer").is_visible()
        fallback = page.locator(".hc-composer-fallback")
        assert fallback.is_visible()
        hrefs = fallback.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
        assert official("inquiry_form") in hrefs
        assert "mailto:" + official("support_email") in hrefs
        assert seen.external == []
    finally:
        ctx.close()


@pytest.mark.parametrize("lang", LANGS)
def test_other_pages_are_left_alone(browser, site_dir, lang):
    ctx = browser.new_context()
    try:
        page = ctx.new_page()
        seen = watch(page)
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((site_dir / built_path(lang, "troubles/account.html")).as_uri())
        page.wait_for_load_state("load")
        assert not any(u.endswith("composer.js") or "bip39" in u for u in requests), "only the composer page loads it"
        assert not any(u.endswith("secret-guard.js") for u in requests)
        assert page.evaluate("typeof window.hcSecretGuard") == "undefined"
        no_problems(seen)
    finally:
        ctx.close()


def test_works_under_the_sites_content_security_policy(composer, site_dir):
    """The built page allows no inline script; the composer needs none and trips nothing."""
    html = (site_dir / "contact" / "compose.html").read_text(encoding="utf-8")
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert meta, "the build adds a CSP to every page"
    script_src = re.search(r"script-src ([^;]+)", meta.group(1)).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    page, seen = composer("ja", "?category=trading")
    page.fill("[name=details]", PHRASE_12)
    assert "リカバリーフレーズ" in guard_text(page)
    assert seen.csp_violations == []
    no_problems(seen)


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # the pinned npm package, as in test_accessibility
RUN_AXE = """async () => {
  const result = await axe.run('#inquiry-composer', { resultTypes: ['violations'] })
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')).join(' | '))
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGS)
def test_axe_finds_nothing_serious_in_the_composer_in_use(browser, server, lang, scheme):
    """axe-core on the form in the states the page-wide axe test never sees: errors, alerts, suggestions.

    Served over loopback, as in test_accessibility: bypass_csp (which lets the test inject
    axe, an inline script) does not work for file:// pages. The site itself is unchanged.
    """
    ctx = browser.new_context(**composer_context(lang), color_scheme=scheme, bypass_csp=True)
    try:
        page = ctx.new_page()
        page.set_default_timeout(10_000)
        seen = watch(page)
        page.goto(server + built_path(lang, "contact/compose.html"))
        page.wait_for_selector("#inquiry-composer[data-hc-ready]:not([hidden])")
        wait_until(page, "s => document.body.dataset.mdColorScheme === s", "slate" if scheme == "dark" else "default")
        page.add_style_tag(content="* { transition: none !important; animation: none !important; }")
        page.add_script_tag(path=str(AXE))
        page.fill("[name=account_email]", "taro@")
        page.focus("#inquiry-copy")
        page.keyboard.press("Enter")  # errors shown
        assert page.evaluate(RUN_AXE) == []
        fill(page, dict(FILL[lang], details="x " * 900, error_message=f"秘密鍵 {HEX}"))
        page.fill("[name=summary]", SUGGEST[lang][0])
        wait_until(page, "() => !document.getElementById('inquiry-suggestions').hidden")
        assert page.locator("#inquiry-guard li").count() == 1
        page.fill("[name=error_message]", "")
        assert page.locator("#inquiry-length").is_visible()
        page.fill("[name=error_message]", f"秘密鍵 {HEX}")
        assert page.evaluate(RUN_AXE) == []  # guard alert, suggestions, long-message note, disabled actions
        page.fill("[name=error_message]", HEX)  # the txid question, with its buttons
        page.fill("[name=user_id]", "u" * 70)  # a counter that says what was left out
        assert page.locator("#inquiry-composer [data-hc-hex]").count() == 2
        assert page.evaluate(RUN_AXE) == []
        no_problems(seen)
    finally:
        ctx.close()


# ----------------------------------------------------------- static checks


def test_bip39_word_list_is_the_standard_one():
    source = (HELPCENTER_JS / "bip39-english.js").read_text(encoding="utf-8")
    words = " ".join(re.findall(r'^\s+"([a-z ]+)"', source, re.M)).split()
    assert len(words) == 2048 and words == sorted(words)
    digest = hashlib.sha256(("\n".join(words) + "\n").encode()).hexdigest()
    assert digest == "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda"  # bip-0039/english.txt
    assert "@scure/bip39 2.4.0" in source and "MIT" in source
    assert "MIT License" in (HELPCENTER_JS / "bip39-english.LICENSE").read_text(encoding="utf-8")


def test_composer_pages_follow_the_page_rules():
    pages = {lang: (ROOT / "docs" / lang / "contact" / "compose.md").read_text(encoding="utf-8") for lang in LANGS}
    headings = {}
    for lang, text in pages.items():
        front = re.match(r"---\n(.*?)\n---\n", text, re.S).group(1)
        keys = [line.split(":")[0] for line in front.splitlines()]
        # source_hash: the translation-status record that English pages carry (scripts/translation-status);
        # keywords: the words customers use for the page's topic, for search (CONTRIBUTING.md)
        assert [k for k in keys if k not in ("source_hash", "keywords")] == ["title", "description"]
        assert ("source_hash" in keys) == (lang == "en") and "keywords" in keys
        assert not re.search(r"<script|\son[a-z]+\s*=|javascript:", text, re.I)
        assert "support@bitbank.cc" not in re.sub(r"\[support@bitbank\.cc\]\[support-email\]", "", text)
        found = re.findall(r"^(#{2,6}) .+?(\{#[a-z0-9-]+\})?$", text, re.M)
        assert all(anchor for _, anchor in found), lang
        headings[lang] = [level for level, _ in found]
    assert headings["ja"] == headings["en"] and headings["ja"].count("##") >= 1
    for name in ("composer.js", "secret-guard.js"):
        script = (HELPCENTER_JS / name).read_text(encoding="utf-8")
        assert "bitbank.cc" not in script  # addresses come from the page, made from mkdocs.yml
        assert not re.search(r"\bfetch\(|XMLHttpRequest|sendBeacon|WebSocket|localStorage", script), name


@pytest.mark.parametrize("slug", TROUBLE_SLUGS)
@pytest.mark.parametrize("lang", LANGS)
def test_trouble_pages_link_to_the_composer_with_their_category(site_dir, lang, slug):
    html = (site_dir / built_path(lang, f"troubles/{slug}.html")).read_text(encoding="utf-8")
    assert f'href="../contact/compose.html?category={slug}"' in html
