"""The benchmark (issue 8) runs end to end and reports every figure; no timing is ever asserted.

The run is `--tiny` (the real site plus 5- and 10-page corpora, a few
queries) in a temporary folder, in its own process: it drives Chromium with
Playwright's sync API, which cannot share a thread with the session's browser.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from numbers import Number
from pathlib import Path

import pytest

from conftest import ROOT
from helpcenter.bench import corpus, sites


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory) -> tuple[dict, Path]:
    out = tmp_path_factory.mktemp("bench")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "scripts"), os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "-m", "helpcenter.bench", "--tiny", "--out", str(out),
                           "--work", str(out / "work")], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-4000:]
    return json.loads((out / "results.json").read_text(encoding="utf-8")), out


def number(x) -> bool:
    return isinstance(x, Number) and not isinstance(x, bool)


def assert_summary(s: dict, where: str) -> None:
    assert s["n"] > 0 and number(s["median"]) and number(s["p95"]), where


def test_every_corpus_is_built_twice_and_measured(tiny_run):
    data, _ = tiny_run
    corpora = {c["name"]: c for c in data["corpora"]}
    assert set(corpora) == {"real", "synthetic-5", "synthetic-10"}
    for name, c in corpora.items():
        assert all(number(c["build"][k]) for k in ("ours", "stock", "ratio")), name
        for lang in ("ja", "en"):
            assert all(number(c["index"]["ours"][lang][k]) for k in ("raw", "gzip")), name
            assert all(number(c["index"]["ratio"][lang][k]) for k in ("raw", "gzip")), name
        assert all(number(c["index"]["stock"][k]) for k in ("raw", "gzip")), name
        for variant, mode in (("ours", "http"), ("ours", "file"), ("stock", "http")):
            ready = c["ready"][variant][mode]
            assert_summary(ready["focus_to_ready_ms"], f"{name} {variant} {mode} ready")
            assert_summary(ready["nav_to_ready_ms"], f"{name} {variant} {mode} nav")
            assert_summary(c["keystroke"][variant][mode], f"{name} {variant} {mode} keystroke")
        assert number(c["ready"]["ours"]["http"]["breakdown"]["load_ms"]["median"]), name
        k = c["keystroke"]
        assert number(k["ratio"]) and "like_for_like" in k, name
        assert_summary(k["breakdown"]["rank_ms"], f"{name} rank")
        assert {"ja", "en"} <= set(k["js_profile"]) and k["js_profile"]["ja"]["queries"] > 0, name
        assert len(k["queries"]) == c["queries"]["timing"] >= 4, name
        for variant in ("ours", "stock"):
            for lang in ("ja", "en"):
                assert number(c["relevance"][variant][lang]["hit_rate"]), f"{name} {variant} {lang}"
        for page in ("home", "trouble"):
            w = c["page_weight"][page]
            for variant in ("ours", "stock"):
                assert w[variant]["requests"] > 0 and w[variant]["bytes"] > 0, f"{name} {page} {variant}"
                assert number(w[variant]["gzip_bytes"]), f"{name} {page} {variant}"
            assert all(number(w["ratio"][x]) for x in ("bytes", "gzip_bytes", "requests")), f"{name} {page}"


def test_real_site_relevance_offline_stock_profile_growth_and_budgets(tiny_run):
    data, out = tiny_run
    real = next(c for c in data["corpora"] if c["kind"] == "real")
    assert real["relevance"]["set"] == "shared" and real["queries"]["relevance"] >= 6
    assert isinstance(real["ready"]["stock"]["file"]["works"], bool)
    largest = data["corpora"][-1]
    profile = largest["build"]["profile"]
    assert profile["phases"] and profile["ours"] and profile["self_time"]
    assert (ROOT / profile["text"] if not Path(profile["text"]).is_absolute() else Path(profile["text"])).exists()
    growth = data["growth"]
    assert (growth["from_pages"], growth["to_pages"]) == (5, 10)
    for key in ("build_seconds", "keystroke_median_ms", "focus_to_ready_median_ms"):
        # A tiny stock site can be ready before the first focus (0 ms): no factor from 0.
        assert all(number(growth[key][v]["factor"]) or growth[key][v]["from"] == 0 for v in ("ours", "stock")), key
        assert number(growth[key]["ours"]["factor"]), key
    assert number(data["search_code"]["ours"]["gzip"])
    names = " | ".join(b["budget"] for b in data["budgets"])
    for expected in ("real site", "pages/lang", "faster than stock, real", "faster than stock, synthetic-10",
                     "First focus to ready", "Search code", "Real-site build"):
        assert expected in names
    assert all(b["status"] in ("pass", "miss") for b in data["budgets"])
    assert all(b["dominates"] for b in data["budgets"] if b["status"] == "miss")
    md = (out / "results.md").read_text(encoding="utf-8")
    assert "## Budgets" in md and "## Build time" in md and "stock" in md
    assert not (out / "work" / "real" / "site-ours").exists(), "built sites are removed unless --keep-sites"


def test_synthetic_corpus_is_deterministic_and_bilingual(tmp_path):
    a = corpus.generate(tmp_path / "a", 12)
    b = corpus.generate(tmp_path / "b", 12)
    files_a = sorted(p.relative_to(a.docs_dir) for p in a.docs_dir.rglob("*.md"))
    assert files_a == sorted(p.relative_to(b.docs_dir) for p in b.docs_dir.rglob("*.md"))
    assert all((a.docs_dir / f).read_bytes() == (b.docs_dir / f).read_bytes() for f in files_a)
    for lang in ("ja", "en"):
        pages = list((a.docs_dir / lang).rglob("*.md"))
        assert len(pages) == 12
        assert all(p.read_text(encoding="utf-8").startswith("---\ntitle: ") for p in pages)
    assert all(q.accept for q in a.queries)


def test_stock_build_has_none_of_our_search(tmp_path):
    configs = sites.write_configs(tmp_path / "docs", tmp_path, keep_nav=False)
    stock = sites.load_config(configs["stock"])
    overrides = Path(stock["theme"]["custom_dir"])
    assert not (overrides / "partials" / "search.html").exists()
    assert not (overrides / "assets/javascripts/helpcenter/search.js").exists()
    assert "helpcenter/search.js" not in (overrides / "main.html").read_text(encoding="utf-8")
    hooks = Path(stock["hooks"][0]).read_text(encoding="utf-8")
    assert "on_post_build" not in hooks and "on_page_markdown" in hooks
    ours = sites.load_config(configs["ours"])
    assert ours["theme"]["custom_dir"] == str(ROOT / "overrides")
    assert ours["plugins"] == sites.load_config()["plugins"]
