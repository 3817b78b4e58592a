"""`scripts/bench`: this project's search against stock Material, in one run, on this machine.

Usage: python -m helpcenter.bench [--tiny] [--out DIR] [--work DIR] [--sizes 100,1000]

Builds every corpus twice (ours, stock) first, while nothing else runs, then
measures in Chromium, then writes bench/results.json and bench/results.md.
Nothing here fails on a slow figure: budgets are reported, not enforced.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from helpcenter.bench import browser as br
from helpcenter.bench import budgets, corpus, profiling, queries, report, sites, sizes
from helpcenter.bench.server import serve
from helpcenter.paths import DOCS, LANGUAGES, ROOT, language_prefix

BENCH = ROOT / "bench"
WARMUP = {"ja": "テスト", "en": "test"}
REAL_TROUBLE_PAGE = "troubles/deposits-withdrawals.html"


@dataclass
class Settings:
    tiny: bool
    sizes: tuple[int, ...]
    seed: int
    ready_samples: int
    shared_per_lang: int | None  # None: all of ../shared/search-queries.tsv
    synthetic_per_lang: int
    profile: bool
    profile_build: tuple[str, ...]  # corpora whose whole build is profiled
    js_profile_per_lang: int  # queries per language in the JavaScript profile pass
    index_load_queries: int  # cold loads per language measuring the index bytes of first focus plus one query
    keep_sites: bool
    quiet_seconds: float = 1.5  # page weight: no request for this long ends a page load
    stock_file_wait_ms: int = 5000  # how long stock search gets to become ready from disk


@dataclass
class CorpusRun:
    """One corpus: where its docs, configurations and both built sites live, and its queries."""

    name: str
    kind: str  # "real" or "synthetic"
    pages_per_lang: int
    work: Path
    docs_dir: Path
    trouble_page: str
    queries: list[queries.Query]
    configs: dict[str, Path] = field(default_factory=dict)

    def site(self, variant: str) -> Path:
        return self.work / f"site-{variant}"


def start_page(lang: str) -> str:
    return f"{language_prefix(lang)}index.html"


def prepare(settings: Settings, work: Path) -> list[CorpusRun]:
    """The real site and the synthetic corpora, with their configurations written."""
    shared = queries.first_per_lang(queries.read_shared(), settings.shared_per_lang)
    real_pages = len(list((DOCS / LANGUAGES[0]).rglob("*.md")))
    runs = [CorpusRun("real", "real", real_pages, work / "real", DOCS, REAL_TROUBLE_PAGE, shared)]
    timing_only = [queries.Query(q.lang, q.text, (), q.source) for q in shared]
    for size in settings.sizes:
        name = f"synthetic-{size}"
        generated = corpus.generate(work / name, size, settings.seed, settings.synthetic_per_lang)
        runs.append(CorpusRun(name, "synthetic", size, work / name, generated.docs_dir, generated.trouble_page,
                              timing_only + queries.from_synthetic(generated.queries)))
    for run in runs:
        run.configs = sites.write_configs(run.docs_dir, run.work, keep_nav=run.kind == "real")
    return runs


def build(run: CorpusRun, settings: Settings, largest: bool, profiles_dir: Path) -> dict[str, Any]:
    """Both builds timed; then our build once more under pyinstrument where that answers a question.

    Profiled: the largest corpus (what dominates as the site grows, and where
    in our index build lunr.py spends its time), the real site when it misses
    its budget, and any corpus named with --profile-build.
    """
    say(f"{run.name}: building (ours, stock)")
    seconds = {v: sites.build(run.configs[v], run.site(v)).seconds for v in sites.VARIANTS}
    out: dict[str, Any] = {"ours": round(seconds["ours"], 2), "stock": round(seconds["stock"], 2),
                           "ratio": _ratio(seconds["ours"], seconds["stock"]), "profile": None}
    # --tiny checks the pipeline on a machine that may be busy: a slow build there asks no question.
    over_budget = run.kind == "real" and seconds["ours"] > budgets.REAL_BUILD_SECONDS and not settings.tiny
    why = ("real-site build over budget" if over_budget else "largest corpus" if largest
           else "asked for (--profile-build)" if run.name in settings.profile_build else None)
    if settings.profile and why:
        say(f"{run.name}: profiling our build with pyinstrument ({why})")
        session = run.work / "profile.pyisession"
        profiled = sites.profile_build(run.configs["ours"], run.work / "site-profiled", session)
        shutil.rmtree(run.work / "site-profiled", ignore_errors=True)
        text = profiles_dir / f"{run.name}-build.txt"
        out["profile"] = {"why": why, "wall_seconds_under_profiler": round(profiled, 2), "text": _shown(text),
                          **profiling.summarize(session, text)}
    return out


def _shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def static_sizes(run: CorpusRun) -> dict[str, Any]:
    ours = sizes.our_indexes(run.site("ours"))
    stock = sizes.stock_index(run.site("stock"))
    return {
        "ours": ours, "stock": stock,
        "ours_composition": {lang: sizes.index_composition(run.site("ours"), lang) for lang in ours},
        "ours_total": {k: sum(x[k] for x in ours.values()) for k in ("raw", "gzip")},
        "ratio": {lang: {k: _ratio(ours[lang][k], stock[k]) for k in ("raw", "gzip")} for lang in ours},
    }


def measure(browser: Any, run: CorpusRun, settings: Settings) -> dict[str, Any]:
    """Ready, keystroke, relevance and page weight for both builds of one corpus."""
    ours_dir, stock_dir = run.site("ours"), run.site("stock")
    init = {lang: br.initializer_text(ours_dir / start_page(lang)) for lang in LANGUAGES}
    init_stock = {lang: br.initializer_text(stock_dir / start_page(lang)) for lang in LANGUAGES}
    by_lang = {lang: [(q.lang, q.text) for q in run.queries if q.lang == lang] for lang in LANGUAGES}
    out: dict[str, Any] = {}
    with serve(ours_dir) as ours_http, serve(stock_dir) as stock_http:
        targets = {
            ("ours", "http"): (ours_http.url, init, True),
            ("ours", "file"): (ours_dir.resolve().as_uri() + "/", init, True),
            ("stock", "http"): (stock_http.url, init_stock, False),
        }
        ready: dict[str, dict[str, Any]] = {"ours": {}, "stock": {}}
        samples: dict[tuple[str, str], list[br.QuerySample]] = {}
        for (variant, mode), (base, texts, ours) in targets.items():
            say(f"{run.name}: {variant} over {mode}: focus to ready, keystrokes")
            measured = {lang: br.measure_ready(browser, base + start_page(lang), base, texts[lang], ours, lang,
                                               settings.ready_samples, by_lang[lang], WARMUP[lang])
                        for lang in LANGUAGES}
            ready[variant][mode] = _ready_summary({lang: r for lang, (r, _) in measured.items()})
            samples[(variant, mode)] = [s for lang in LANGUAGES for s in measured[lang][1]]
        say(f"{run.name}: ours over http: index files loaded by first focus and one query")
        out["index_loaded"] = _index_loaded(browser, run, ours_http.url, init, by_lang, settings)
        say(f"{run.name}: ours over http: JavaScript profile of the keystrokes")
        js_profile = {lang: br.profile_queries(browser, ours_http.url + start_page(lang), init[lang],
                                               _spread(by_lang[lang], settings.js_profile_per_lang), WARMUP[lang])
                      for lang in LANGUAGES}
        if run.kind == "real":
            works = br.stock_offline_search_works(browser, stock_dir.resolve().as_uri() + "/index.html",
                                                  init_stock["ja"], settings.stock_file_wait_ms)
            ready["stock"]["file"] = {"works": works}
        out["ready"] = ready
        out["keystroke"] = _keystroke_summary(samples)
        out["keystroke"]["js_profile"] = js_profile
        out["relevance"] = {variant: _relevance(run.queries, samples[(variant, "http")]) for variant in sites.VARIANTS}
        out["relevance"]["set"] = "shared" if run.kind == "real" else "synthetic (informational)"
        say(f"{run.name}: page weight")
        weights: dict[str, Any] = {}
        for name, path in (("home", "index.html"), ("trouble", run.trouble_page)):
            pair = {"path": path, "ours": br.page_weight(browser, ours_http, path, settings.quiet_seconds),
                    "stock": br.page_weight(browser, stock_http, path, settings.quiet_seconds)}
            pair["ratio"] = {k: _ratio(pair["ours"][k], pair["stock"][k]) for k in ("bytes", "gzip_bytes", "requests")}
            weights[name] = pair
        out["page_weight"] = weights
    return out


def _index_loaded(browser: Any, run: CorpusRun, base: str, init: dict[str, str | None],
                  by_lang: dict[str, list[tuple[str, str]]], settings: Settings) -> dict[str, Any]:
    """Bytes of our index a cold page loads by first focus, and by first focus plus one query (median)."""
    out: dict[str, Any] = {}
    for lang in LANGUAGES:
        loads = br.index_files_per_query(browser, base + start_page(lang), init[lang],
                                         _spread(by_lang[lang], settings.index_load_queries))
        site = run.site("ours")
        with_query = [sizes.loaded_bytes(site, x["with_query"]) for x in loads]
        out[lang] = {
            "first_focus": sizes.loaded_bytes(site, loads[0]["first_focus"]) if loads else None,
            "with_query": {k: br.summary([w[k] for w in with_query]) for k in ("raw", "gzip", "files")},
        }
    return out


def _spread(items: list[Any], n: int) -> list[Any]:
    """n items spread evenly over the list (all of them if it is short)."""
    step = max(1, len(items) // n) if n else 1
    return items[::step][:n]


def _ready_summary(by_lang: dict[str, list[br.ReadySample]]) -> dict[str, Any]:
    every = [s for xs in by_lang.values() for s in xs]
    out: dict[str, Any] = {
        "focus_to_ready_ms": br.summary([s.focus_to_ready_ms for s in every]),
        "nav_to_ready_ms": br.summary([s.nav_to_ready_ms for s in every]),
        "by_lang": {lang: br.summary([s.focus_to_ready_ms for s in xs]) for lang, xs in by_lang.items()},
    }
    breakdowns = [s.breakdown for s in every if s.breakdown]
    if breakdowns:
        def index_fetch(b: dict[str, Any]) -> float | None:
            return next((r["fetch_ms"] for r in b["resources"] if r["name"].startswith("search/index.")), None)

        out["breakdown"] = {
            "load_ms": br.summary([b["load_ms"] for b in breakdowns]),
            "index_fetch_ms": br.summary([index_fetch(b) for b in breakdowns]),
            "index_load_ms": br.summary([b["index_load_ms"] for b in breakdowns]),
        }
    return out


def _keystroke_summary(samples: dict[tuple[str, str], list[br.QuerySample]]) -> dict[str, Any]:
    ours, ours_file, stock = samples[("ours", "http")], samples[("ours", "file")], samples[("stock", "http")]
    both = [(o, s) for o, s in zip(ours, stock, strict=True) if o.pages and s.pages]
    out: dict[str, Any] = {
        "ours": {"http": br.summary([s.ms for s in ours]), "file": br.summary([s.ms for s in ours_file])},
        "stock": {"http": br.summary([s.ms for s in stock])},
        "like_for_like": {"what": "queries where both builds rendered at least one result",
                          "ours": br.summary([o.ms for o, _ in both]), "stock": br.summary([s.ms for _, s in both])},
        "breakdown": {"rank_ms": br.summary([s.rank_ms for s in ours]),
                      "result_ms": br.summary([s.result_ms for s in ours])},
        "rendered_entries": {"what": "result entries (pages and sections) in the DOM after the keystroke, "
                                     "on the queries both builds answer",
                             "ours": br.summary([o.articles for o, _ in both]),
                             "stock": br.summary([s.articles for _, s in both])},
        "timeouts": {k[0] + "/" + k[1]: sum(1 for s in v if s.ms is None) for k, v in samples.items()},
        "stock_no_results": sum(1 for s in stock if not s.pages),
        "ours_no_results": sum(1 for s in ours if not s.pages),
        "queries": [
            {"lang": o.lang, "query": o.query, "ours_ms": _r(o.ms), "ours_file_ms": _r(f.ms), "stock_ms": _r(s.ms),
             "rank_ms": _r(o.rank_ms), "result_ms": _r(o.result_ms), "ours_pages": len(o.pages),
             "stock_pages": len(s.pages), "ours_entries": o.articles, "stock_entries": s.articles}
            for o, f, s in zip(ours, ours_file, stock, strict=True)
        ],
    }
    out["ratio"] = _ratio(out["ours"]["http"]["median"], out["stock"]["http"]["median"])
    out["like_for_like"]["ratio"] = _ratio(out["like_for_like"]["ours"]["median"],
                                           out["like_for_like"]["stock"]["median"])
    return out


def _relevance(qs: list[queries.Query], got: list[br.QuerySample]) -> dict[str, Any]:
    """Hit rate at 3 per language, on the queries that name accepted pages."""
    out: dict[str, Any] = {}
    for lang in LANGUAGES:
        pairs = [(q, s) for q, s in zip(qs, _align(qs, got), strict=True) if q.lang == lang and q.accept]
        misses = [{"query": q.text, "top3": s.pages[:3], "accept": list(q.accept)}
                  for q, s in pairs if not queries.hit_at_3(s.pages, q.accept)]
        out[lang] = {"queries": len(pairs), "hits": len(pairs) - len(misses),
                     "hit_rate": round((len(pairs) - len(misses)) / len(pairs), 3) if pairs else None,
                     "misses": misses}
    return out


def _align(qs: list[queries.Query], got: list[br.QuerySample]) -> list[br.QuerySample]:
    """Samples in the order of `qs` (they were measured language by language)."""
    by_key = {(s.lang, s.query): s for s in got}
    return [by_key[(q.lang, q.text)] for q in qs]


def growth(corpora: list[dict[str, Any]]) -> dict[str, Any]:
    """How build time, keystroke, ready and index size grow from the smallest to the largest synthetic corpus."""
    synth = sorted((c for c in corpora if c["kind"] == "synthetic"), key=lambda c: c["pages_per_lang"])
    if len(synth) < 2:
        return {}
    a, b = synth[0], synth[-1]
    pages = b["pages_per_lang"] / a["pages_per_lang"]

    def pair(x: float | None, y: float | None) -> dict[str, Any]:
        factor = _ratio(y, x)
        exponent = round(math.log(factor) / math.log(pages), 2) if factor and factor > 0 else None
        return {"from": x, "to": y, "factor": factor, "exponent": exponent}

    return {
        "from_pages": a["pages_per_lang"], "to_pages": b["pages_per_lang"],
        "build_seconds": {v: pair(a["build"][v], b["build"][v]) for v in sites.VARIANTS},
        "keystroke_median_ms": {v: pair(a["keystroke"][v]["http"]["median"], b["keystroke"][v]["http"]["median"])
                                for v in sites.VARIANTS},
        "focus_to_ready_median_ms": {
            v: pair(a["ready"][v]["http"]["focus_to_ready_ms"]["median"],
                    b["ready"][v]["http"]["focus_to_ready_ms"]["median"]) for v in sites.VARIANTS},
        "index_gzip_bytes": {"ours_ja": pair(a["index"]["ours"]["ja"]["gzip"], b["index"]["ours"]["ja"]["gzip"]),
                             "stock": pair(a["index"]["stock"]["gzip"], b["index"]["stock"]["gzip"])},
    }


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 3) if a is not None and b else None


def _r(x: float | None) -> float | None:
    return round(x, 2) if x is not None else None


def machine(browser_version: str) -> dict[str, Any]:
    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    return {
        "cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
        "chromium": browser_version,
        "packages": {n: version(n) for n in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "lunr", "playwright",
                                             "pyinstrument")},
    }


def _loadavg() -> list[float] | None:
    """1, 5 and 15 minute load averages: other work on a shared machine skews every timing."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def parse_args(argv: list[str] | None) -> tuple[argparse.Namespace, Settings]:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--tiny", action="store_true",
                        help="everything on tiny corpora (5 and 10 pages per language) with few queries, quickly")
    parser.add_argument("--out", type=Path, default=None, help="where results.json and results.md go "
                        "(default: bench/, or bench/work/tiny with --tiny so a quick check never replaces the figures)")
    parser.add_argument("--work", type=Path, default=None, help="where corpora and sites are built "
                        "(default: <out>/work)")
    parser.add_argument("--sizes", default=None, help="synthetic pages per language, comma-separated "
                        "(default 100,1000; --tiny 5,10; 100,1000,10000 adds the large corpus, about "
                        "35 minutes more)")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--ready-samples", type=int, default=None, help="cold loads per language (default 3)")
    parser.add_argument("--no-profile", action="store_true", help="skip the pyinstrument profiles")
    parser.add_argument("--profile-build", action="append", default=[], metavar="CORPUS",
                        help="also profile the whole build of this corpus (real, synthetic-1000, ...); slow")
    parser.add_argument("--keep-sites", action="store_true", help="keep the built sites in the work folder")
    args = parser.parse_args(argv)
    sizes = default_sizes(args.tiny)
    if args.sizes:
        sizes = tuple(sorted(int(s) for s in args.sizes.split(",") if s.strip()))
    settings = Settings(
        tiny=args.tiny,
        sizes=sizes,
        seed=args.seed,
        ready_samples=args.ready_samples or (1 if args.tiny else 3),
        shared_per_lang=3 if args.tiny else None,
        synthetic_per_lang=2 if args.tiny else 12,
        profile=not args.no_profile,
        profile_build=tuple(args.profile_build),
        js_profile_per_lang=4 if args.tiny else 12,
        index_load_queries=1 if args.tiny else 6,
        keep_sites=args.keep_sites,
        quiet_seconds=0.5 if args.tiny else 1.5,
        stock_file_wait_ms=2000 if args.tiny else 5000,
    )
    return args, settings


def default_sizes(tiny: bool) -> tuple[int, ...]:
    """Synthetic pages per language when --sizes is not given (results.json names --sizes otherwise)."""
    return (5, 10) if tiny else (100, 1000)


def main(argv: list[str] | None = None) -> int:
    args, settings = parse_args(argv)
    started = time.perf_counter()
    out_dir: Path = (args.out or (BENCH / "work" / "tiny" if settings.tiny else BENCH)).resolve()
    work: Path = (args.work or out_dir / "work").resolve()
    profiles = out_dir / "profiles"
    shutil.rmtree(profiles, ignore_errors=True)  # only this run's profiles stay beside its results
    load = {"start": _loadavg()}
    runs = prepare(settings, work)
    results: list[dict[str, Any]] = []
    for run in runs:
        entry = {"name": run.name, "kind": run.kind, "pages_per_lang": run.pages_per_lang,
                 "queries": {"timing": len(run.queries), "relevance": sum(1 for q in run.queries if q.accept)},
                 "build": build(run, settings, run is runs[-1] and run.kind == "synthetic", profiles)}
        entry["index"] = static_sizes(run)
        results.append(entry)
    build_done = time.perf_counter()
    load["after_builds"] = _loadavg()
    with br.chromium() as browser:
        info = machine(browser.version)
        for run, entry in zip(runs, results, strict=True):
            entry.update(measure(browser, run, settings))
    load["end"] = _loadavg()
    info["load_average"] = load
    if not settings.keep_sites:
        for run in runs:
            for variant in sites.VARIANTS:
                shutil.rmtree(run.site(variant), ignore_errors=True)
    data: dict[str, Any] = {
        "version": 1,
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": "scripts/bench" + (" --tiny" if settings.tiny else "")
                   + ("" if settings.sizes == default_sizes(settings.tiny)
                      else " --sizes " + ",".join(str(n) for n in settings.sizes)),
        "settings": asdict(settings),
        "machine": info,
        "methods": report.METHODS,
        "search_code": {"ours": sizes.our_search_code(), "budget_bytes": budgets.SEARCH_CODE_GZIP_BYTES},
        "corpora": results,
        "growth": growth(results),
    }
    data["budgets"] = budgets.evaluate(data)
    data["duration_seconds"] = {"builds": round(build_done - started, 1),
                                "browser": round(time.perf_counter() - build_done, 1),
                                "total": round(time.perf_counter() - started, 1)}
    written = report.write(data, out_dir)
    say(f"done in {data['duration_seconds']['total']:.0f} s: " + ", ".join(str(p) for p in written))
    return 0
