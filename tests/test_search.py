"""Search (issue 4): one analyzer in two languages, a prebuilt per-language index, real Chromium."""

from __future__ import annotations

import gzip
import json
import statistics
from pathlib import Path

import pytest

from conftest import ROOT, search, search_many, watch
from helpcenter.bench import folds
from helpcenter.bench.browser import distinct_pages
from helpcenter.bench.queries import (
    HOLDOUT_QUERIES,
    REAL_QUERIES,
    REAL_QUERIES_2,
    SHARED_QUERIES,
    Query,
    hit_at_3,
    read_shared,
)
from helpcenter.search import compact
from helpcenter.search.analyzer import Analyzer
from helpcenter.search.build_index import index_path
from helpcenter.search.engine import Engine

VECTORS = json.loads((ROOT / "data/search/analyzer-vectors.json").read_text(encoding="utf-8"))
JS_DIR = ROOT / "overrides/assets/javascripts"
START_PAGE = {"ja": "troubles/index.html", "en": "en/troubles/index.html"}


def read_queries(path: Path) -> list[Query]:
    return read_shared(path, source=path.stem)


def vector_analyzer() -> Analyzer:
    c = VECTORS["config"]
    return Analyzer(c["stopwords"], c["synonyms"], c["intent"], c["vocabulary"], c["words"], c["readings"])


# --------------------------------------------------------------------------- analyzer parity


@pytest.mark.parametrize("case", VECTORS["tokens"], ids=lambda c: c["input"] or "empty")
def test_python_analyzer_tokens(case):
    assert vector_analyzer().tokens(case["input"]) == case["expected"], case["why"]


@pytest.mark.parametrize("case", VECTORS["query"], ids=lambda c: c["input"])
def test_python_analyzer_query_terms(case):
    assert [t.as_list() for t in vector_analyzer().query_terms(case["input"])] == case["expected"], case["why"]


@pytest.mark.parametrize("case", VECTORS["factors"], ids=lambda c: c["input"] or "empty")
def test_python_analyzer_token_factors(case):
    assert vector_analyzer().factors(case["input"]) == case["expected"], case["why"]


@pytest.mark.parametrize("case", VECTORS["segments"], ids=lambda c: c["input"] or "empty")
def test_python_query_segments(case):
    assert [[s.kind, s.word] for s in vector_analyzer().segments(case["input"])] == case["expected"], case["why"]


def test_javascript_analyzer_matches_vectors_token_for_token(page):
    page.goto("about:blank")
    page.add_script_tag(path=str(JS_DIR / "vendor/lunr.min.js"))
    page.add_script_tag(path=str(JS_DIR / "helpcenter/analyzer.js"))
    got = page.evaluate(
        """v => {
          const c = v.config
          const a = new hcAnalyzer.Analyzer(c.stopwords, c.synonyms, c.intent, c.vocabulary, c.words, c.readings)
          return {
            tokens: v.tokens.map(c => a.tokens(c.input)),
            query: v.query.map(c => a.queryTerms(c.input).map(t => [t.term, t.boost, t.prefix, t.covers])),
            factors: v.factors.map(c => a.factors(c.input)),
            segments: v.segments.map(c => a.segments(c.input).map(s => [s.kind, s.word]))
          }
        }""",
        VECTORS,
    )
    mismatches = [(c["input"], c["expected"], g) for c, g in zip(VECTORS["tokens"], got["tokens"], strict=True)
                  if g != c["expected"]]
    mismatches += [(c["input"], c["expected"], g) for c, g in zip(VECTORS["query"], got["query"], strict=True)
                   if g != c["expected"]]
    for kind in ("factors", "segments"):
        mismatches += [(c["input"], c["expected"], g) for c, g in zip(VECTORS[kind], got[kind], strict=True)
                       if g != c["expected"]]
    assert not mismatches


def test_javascript_and_python_agree_on_the_real_site_text(page, site_dir, cli_engines):
    """Beyond the vectors: every section title of the site and every real query, analyzed both ways
    with the real index's words, readings and synonyms."""
    from helpcenter.search.build_index import read_script

    payload = read_script(index_path(site_dir, "ja"))
    english = read_script(index_path(site_dir, "en"))
    samples = [doc[1] for doc in payload["docs"] + english["docs"]] + [doc[3][:80] for doc in payload["docs"]]
    page.goto("about:blank")
    page.add_script_tag(path=str(JS_DIR / "vendor/lunr.min.js"))
    page.add_script_tag(path=str(JS_DIR / "helpcenter/analyzer.js"))
    samples += [q.text for path in (REAL_QUERIES, REAL_QUERIES_2, HOLDOUT_QUERIES) for q in read_queries(path)]
    py = cli_engines["ja"].analyzer
    js = page.evaluate(
        "([a, voc, xs]) => { const an = new hcAnalyzer.Analyzer(a.stopwords, a.synonyms, a.intent, voc, a.words,"
        " a.readings); return xs.map(x => [an.tokens(x), an.queryTerms(x).map(t => [t.term, t.boost, t.prefix,"
        " t.covers]), an.factors(x), an.segments(x).map(s => [s.kind, s.word])]) }",
        [payload["analyzer"], sorted(py.vocabulary), samples],
    )
    expected = [[py.tokens(x), [t.as_list() for t in py.query_terms(x)], py.factors(x),
                 [[s.kind, s.word] for s in py.segments(x)]] for x in samples]
    assert js == expected


PORTER_WORDS = ("caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled sized "
                "hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational "
                "valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization "
                "predication operator feudalism decisiveness hopefulness callousness formaliti sensitiviti "
                "sensibiliti triplicate formative formalize electriciti electrical hopeful goodness revival "
                "allowance inference airliner gyroscopic adjustable defensible irritant replacement adjustment "
                "dependent adoption homologou communism activate angulariti homologous effective bowdlerize "
                "probate rate cease controll roll yes yellow delayed says cry by").split()


def test_stemmer_matches_lunr_js_on_every_word_of_the_site(page, site_dir):
    """lunr.py's own stemmer differs from lunr.js's; ours must not."""
    import re

    from helpcenter.search.build_index import read_script
    from helpcenter.search.stemmer import stem

    text = " ".join(doc[1] + " " + doc[3] for doc in read_script(index_path(site_dir, "en"))["docs"])
    words = sorted(set(re.findall(r"[a-z]+", text.lower())) | set(PORTER_WORDS))
    page.goto("about:blank")
    page.add_script_tag(path=str(JS_DIR / "vendor/lunr.min.js"))
    js = page.evaluate("ws => ws.map(w => lunr.stemmer(new lunr.Token(w)).toString())", words)
    assert len(words) > 300
    assert [(w, stem(w)) for w in words] == list(zip(words, js, strict=True))


# --------------------------------------------------------------------------- the built index


def test_one_prebuilt_index_per_language_and_no_stock_index(site_dir):
    for lang in ("ja", "en"):
        assert index_path(site_dir, lang).stat().st_size > 1000
    assert not (site_dir / "search" / "search_index.json").exists()


@pytest.fixture(scope="module")
def cli_engines(site_dir) -> dict[str, Engine]:
    """The CLI's engine per language on the shared build, loaded once for the module's tests."""
    return {lang: Engine.from_site(site_dir, lang) for lang in ("ja", "en")}


def test_index_documents_stay_in_their_language(cli_engines):
    for lang, engine in cli_engines.items():
        locations = [doc[0] for doc in engine.docs]
        assert all(loc.startswith("en/") == (lang == "en") for loc in locations), lang
        assert any("#" in loc for loc in locations), "sections by heading are indexed"


def test_index_sizes_are_reported(site_dir, figures):
    for lang in ("ja", "en"):
        files = compact.files(index_path(site_dir, lang).parent, lang)
        raw = [f.read_bytes() for f in files]
        first = raw[0]
        figures.append(f"search index {lang}: {len(files)} files, {sum(map(len, raw)) / 1024:.1f} KiB raw,"
                       f" {sum(len(gzip.compress(r, 9)) for r in raw) / 1024:.1f} KiB gzip; first focus loads"
                       f" {len(first) / 1024:.1f} KiB raw, {len(gzip.compress(first, 9)) / 1024:.1f} KiB gzip")


# --------------------------------------------------------------------------- in the browser


def result_pages(hrefs: list[str], site_dir: Path) -> list[str]:
    """Result links of a page opened from disk -> distinct page paths relative to the site root."""
    return distinct_pages(hrefs, site_dir.resolve().as_uri() + "/")


def open_search_page(page, site_dir: Path, lang: str):
    seen = watch(page)
    page.goto((site_dir / START_PAGE[lang]).as_uri())
    return seen


def run_queries(page, site_dir, queries, lang):
    """{query: top pages} for one language, typed into the real search box of a page opened from disk."""
    open_search_page(page, site_dir, lang)
    found = search_many(page, [q.text for q in queries if q.lang == lang])
    return {text: result_pages(links, site_dir) for text, links in found.items()}


def hit_rate(results: dict[str, list[str]], queries: list[Query], lang: str) -> tuple[float, list[str]]:
    relevant = [q for q in queries if q.lang == lang]
    misses = [f"{q.text!r}: got {results[q.text][:3]}, accepted {list(q.accept)}"
              for q in relevant if not hit_at_3(results[q.text], q.accept)]
    return 1 - len(misses) / len(relevant), misses


@pytest.fixture(scope="module")
def browser_results(browser, site_dir):
    """Every shared and hold-out query, run once in the browser, per language."""
    out = {}
    ctx = browser.new_context()
    for lang in ("ja", "en"):
        page = ctx.new_page()
        queries = (read_queries(SHARED_QUERIES) + read_queries(HOLDOUT_QUERIES) + read_queries(REAL_QUERIES)
                   + read_queries(REAL_QUERIES_2))
        out[lang] = run_queries(page, site_dir, queries, lang)
        page.close()
    ctx.close()
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_shared_queries_hit_rate_at_3(browser_results, lang, figures):
    rate, misses = hit_rate(browser_results[lang], read_queries(SHARED_QUERIES), lang)
    figures.append(f"search {lang}: hit@3 on shared queries {rate:.1%}; misses: {misses or 'none'}")
    assert rate >= 0.95, misses


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_hold_out_queries_hit_rate_at_3(browser_results, lang, figures):
    """Queries written apart from the shared list, so that tuning to it does not pass for quality."""
    rate, misses = hit_rate(browser_results[lang], read_queries(HOLDOUT_QUERIES), lang)
    figures.append(f"search {lang}: hit@3 on hold-out queries {rate:.1%}; misses: {misses or 'none'}")
    assert rate == 1.0, misses


def rank_figures(results: dict[str, list[str]], queries: list[Query], lang: str) -> tuple[float, float, float, list]:
    """hit@1, hit@3, MRR and the queries whose accepted page is not first."""
    relevant = [q for q in queries if q.lang == lang]
    ranks = [next((i for i, p in enumerate(results[q.text]) if p in q.accept), None) for q in relevant]
    misses = [f"{q.text!r}: rank {'-' if r is None else r + 1}, top {results[q.text][:3]}"
              for q, r in zip(relevant, ranks, strict=True) if r != 0]
    n = len(relevant)
    return (sum(r == 0 for r in ranks) / n, sum(r is not None and r < 3 for r in ranks) / n,
            sum(1 / (r + 1) for r in ranks if r is not None) / n, misses)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_shared_and_real_phrasing_reach_issue_12_targets(browser_results, lang, figures):
    """The shared list and phrasing other people wrote (../shared/search-queries-real.tsv): issue 12
    asks for hit@1 0.85 and hit@3 0.95 on both, in each language."""
    reached = {}
    for name, path in (("shared", SHARED_QUERIES), ("real", REAL_QUERIES), ("hold-out", HOLDOUT_QUERIES)):
        h1, h3, mrr, misses = rank_figures(browser_results[lang], read_queries(path), lang)
        reached[name] = (h1, h3)
        figures.append(f"search {lang} {name}: hit@1 {h1:.2f}, hit@3 {h3:.2f}, MRR {mrr:.2f}; not first: {misses}")
    short = {name: (h1, h3) for name, (h1, h3) in reached.items()
             if name != "hold-out" and (h1 < 0.85 or h3 < 0.95)}
    assert not short, f"below hit@1 0.85 / hit@3 0.95: {short}"


def test_real_phrasing_whole_and_held_out_folds_side_by_side(browser_results, cli_engines, figures):
    """Issue 33: all 148 handed-over real queries, whole and by fold (folds.py), as the browser ranks them;
    the blind list's halves as the CLI ranks them (it ranks as the browser: test_cli_top_three_equals_the_browser).
    The held-out folds and the blind judging half are the figures a ranking change must lift; the floors
    guard against regressions (the issue's targets, hit@1 0.90 and hit@3 0.97, are printed against them)."""
    def rank(q):
        if q.source == "blind":
            return [p.url for p in cli_engines[q.lang].search(q.text)]
        return browser_results[q.lang][q.text]

    rows = folds.table(rank)
    figures.extend(f"search relevance {line}" for line in folds.render(rows))
    whole = rows["real, whole"]
    low = {lang: f for lang, f in whole.items() if f.hit1 < 0.85 or f.hit3 < 0.90}
    assert not low, f"real phrasing below hit@1 0.85 / hit@3 0.90: {low}"
    for name in ("search-queries.tsv", "holdout-queries.tsv"):
        assert all(f.hit3 == 1.0 for f in rows[name].values()), (name, rows[name])
    for name in ("blind, tuning half", "blind, judging half"):
        assert all(f.hit3 >= 0.90 for f in rows[name].values()), (name, rows[name])


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_results_stay_in_the_page_language(browser_results, lang):
    pages = [p for result in browser_results[lang].values() for p in result]
    assert pages, "queries returned results"
    assert all(p.startswith("en/") == (lang == "en") for p in pages)


def test_cli_top_three_equals_the_browser(browser_results, cli_engines):
    differences = []
    for q in read_queries(SHARED_QUERIES) + read_queries(REAL_QUERIES) + read_queries(REAL_QUERIES_2):
        cli = [p.url for p in cli_engines[q.lang].search(q.text)[:3]]
        if cli != browser_results[q.lang][q.text][:3]:
            differences.append((q.lang, q.text, cli, browser_results[q.lang][q.text][:3]))
    assert not differences


@pytest.mark.parametrize(
    "lang,query,expected_page",
    [
        ("ja", "反映されない", "troubles/deposits-withdrawals.html"),
        ("ja", "ログインできない", "troubles/account.html"),
        ("ja", "出金が遅延", "troubles/deposits-withdrawals.html"),
        ("ja", "ﾊﾟｽﾜｰﾄﾞ", "troubles/account.html"),
        ("ja", "２段階認証", "security.html"),
        ("ja", "2段階認証", "security.html"),
        ("ja", "問合せ", "contact/index.html"),
        ("en", "withdrawal", "en/troubles/deposits-withdrawals.html"),
        ("en", "Withdrawal", "en/troubles/deposits-withdrawals.html"),
        ("en", "withdrawl", "en/troubles/deposits-withdrawals.html"),  # one typo forgiven
        ("en", "pasword reset", "en/troubles/account.html"),
        ("en", "phising", "en/troubles/security-threats.html"),
        ("ja", "ビットバンク ログインできない", "troubles/account.html"),  # a variant prh corrects (bitbank)
        ("ja", "しゅっきん", "troubles/deposits-withdrawals.html"),  # hiragana for the kanji word (its reading)
        ("ja", "にだんかいにんしょう", "security.html"),
    ],
)
def test_what_stock_material_missed_is_found(page, site_dir, lang, query, expected_page):
    open_search_page(page, site_dir, lang)
    assert expected_page in result_pages(search(page, query), site_dir)[:5]


def test_results_update_while_typing_prefixes_included(page, site_dir):
    open_search_page(page, site_dir, "en")
    assert "en/troubles/deposits-withdrawals.html" in result_pages(search(page, "withdr"), site_dir)[:3]
    open_search_page(page, site_dir, "ja")
    assert result_pages(search(page, "出"), site_dir), "a single character already gives results"


def test_results_are_highlighted_and_enter_opens_the_best(page, site_dir):
    open_search_page(page, site_dir, "ja")
    hrefs = search(page, "パスワードを忘れた")
    assert page.locator(".md-search-result__item mark").count() > 0
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] == hrefs[0].split("#")[0]


def test_index_loads_on_first_focus_not_on_page_load(page, site_dir):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    seen = open_search_page(page, site_dir, "en")
    page.wait_for_load_state("load")
    assert not [u for u in requests if "/search/" in u or "lunr" in u]
    search(page, "deposit")
    loaded = [u.rsplit("/", 2)[-2:] for u in requests if "/search/" in u or "lunr" in u]
    assert ["search", "index.en.js"] in loaded
    assert not [u for u in requests if "index.ja.js" in u or "search_index" in u]
    assert not seen.problems()


def test_keystroke_to_results_time_is_reported(page, site_dir, figures):
    """Printed, not asserted: the benchmark compares figures."""
    open_search_page(page, site_dir, "ja")
    search(page, "出金")
    timings = []
    for query in ["入金", "パスワード", "フィッシング", "問い合わせ番号", "システム障害"]:
        page.locator("input[data-md-component=search-query]").fill("")
        timings.append(page.evaluate(
            """q => new Promise(resolve => {
                const box = document.querySelector('[data-md-component=search-query]')
                const out = document.querySelector('[data-md-component=search-result]')
                const t0 = performance.now()
                new MutationObserver((_, obs) => {
                  if (out.getAttribute('data-hc-query') === q) { obs.disconnect(); resolve(performance.now() - t0) }
                }).observe(out, {attributes: true, subtree: true, childList: true})
                box.value = q
                box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true}))
            })""",
            query,
        ))
    load = page.evaluate("window.hcSearchTimings.load")
    figures.append(f"search (file://, ja): index load {load:.1f} ms; keystroke to results median "
                   f"{statistics.median(timings):.1f} ms, max {max(timings):.1f} ms")


# --------------------------------------------------------------------------- precision, highlights, dead ends


def test_synonyms_list_only_what_prh_does_not_express():
    """One vocabulary: a pair of words that prh.yml already joins has no place in synonyms.yml."""
    from helpcenter.search.lexicon import read_synonyms
    from helpcenter.search.prh_terms import groups_from_prh
    from helpcenter.search.text import normalize

    prh = [{normalize(w) for w in group} for group in groups_from_prh()]
    assert len(prh) > 10, "prh.yml's word rules are read"
    twice = [(a, b) for group in read_synonyms("ja") for i, a in enumerate(group) for b in group[i + 1:]
             if any(normalize(a) in p and normalize(b) in p for p in prh)]
    assert not twice


def test_result_count_says_how_many_pages_answer(cli_engines, figures):
    """Bigrams make nearly every page match a Japanese query; the list keeps the pages that answer."""
    for lang, engine in cli_engines.items():
        pages = sum(1 for doc in engine.docs if doc[2] < 0)
        counts = sorted(len(engine.search(q.text)) for q in read_queries(SHARED_QUERIES) + read_queries(REAL_QUERIES)
                        if q.lang == lang)
        median = statistics.median(counts)
        figures.append(f"search {lang}: results per query, median {median} of {pages} pages, max {counts[-1]}")
        assert median <= pages / 2


HIGHLIGHT_QUERIES = {"ja": ["ビットバンク", "ット", "チャット", "パスワードを忘れた", "出金が遅い", "ﾊﾟｽﾜｰﾄﾞ"],
                     "en": ["in", "withdrawal delayed", "pasword", "log in"]}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_highlights_are_whole_words_never_fragments(page, site_dir, lang):
    """No single character, no piece of a longer katakana word (ット in チャット), no English word marked
    from its middle (in in login)."""
    open_search_page(page, site_dir, lang)
    found = []
    for query in HIGHLIGHT_QUERIES[lang]:
        search(page, query)
        found += page.eval_on_selector_all(
            ".md-search-result__item mark",
            """els => els.map(m => {
                 const text = n => (n && n.nodeType === Node.TEXT_NODE ? n.textContent : '')
                 return [m.textContent, text(m.previousSibling).slice(-1), text(m.nextSibling).slice(0, 1)]
               })""",
        )
    assert found, "the queries highlight something"

    def katakana(ch: str) -> bool:
        return bool(ch) and ("\u30a1" <= ch <= "\u30fc" or "\uff66" <= ch <= "\uff9f")

    def latin(ch: str) -> bool:
        return bool(ch) and ch.isascii() and ch.isalnum()

    bad = [(text, before, after) for text, before, after in found
           if len(text) < 2 or (katakana(text[0]) and katakana(before)) or (katakana(text[-1]) and katakana(after))
           or (latin(text[0]) and latin(before))]
    assert not bad


@pytest.mark.parametrize(
    "lang,query,other_page,label",
    [("ja", "withdrawal", "en/troubles/deposits-withdrawals.html", "英語のページ"),
     ("en", "出金", "troubles/deposits-withdrawals.html", "Japanese page")],
)
def test_nothing_found_is_never_a_dead_end(page, site_dir, server, lang, query, other_page, label):
    """The list says so, offers the contact page and the composer, and the other language's matches,
    labelled; from disk and served."""
    for start in ((site_dir / START_PAGE[lang]).as_uri(), server + START_PAGE[lang]):
        seen = watch(page)
        page.goto(start)
        assert search(page, query) == []
        block = page.locator(".hc-search-empty")
        page.wait_for_function("() => document.querySelector('.hc-search-empty[data-hc-other-done]')")
        links = [page.evaluate("a => a.href", a) for a in block.locator("a").element_handles()]
        prefix = "en/" if lang == "en" else ""
        for target in (f"{prefix}contact/index.html", f"{prefix}contact/compose.html", other_page):
            assert any(link.endswith("/" + target) for link in links), (target, links)
        other = block.locator(".hc-search-other")
        assert other.is_visible()
        assert other.locator(".hc-search-other__label").first.text_content() == label
        assert other.locator("a").first.get_attribute("hreflang") == ("en" if lang == "ja" else "ja")
        # Enter there keeps the reader where they are: no error from Material, no reload without the query
        url = page.url
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        assert page.url == url and page.input_value("[data-md-component=search-query]") == query
        assert block.is_visible()
        assert not seen.problems()
