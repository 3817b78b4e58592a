"""bench/results.json (every figure) and bench/results.md (the same, for people).

The Markdown is written from the JSON alone, so the two never disagree.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from helpcenter.bench.budgets import js_profile_text

METHODS = {
    "builds": "ours = the real mkdocs.yml pointed at the corpus; stock = the same without this project's search "
              "(overrides/ copied without partials/search.html and the scripts main.html adds before Material's "
              "bundle, hooks without on_post_build, so no prebuilt index, CSP or SEO step; Material's search plugin "
              "indexes both languages; mkdocs-static-i18n reconfigure_search false, as in our mkdocs.yml, since its "
              "duplicate check compares every ja entry with every en entry: hours at 10,000 pages). "
              "Timed as `mkdocs build --strict` in a fresh process.",
    "ready": "New browser context (cold cache); at the load event the search box is clicked. Focus to ready = "
             "first focusin on the search box to the moment .md-search-result__meta leaves its initializing text "
             "(Material changes it when the worker answers the first empty query after READY, for both builds). "
             "Stock fetches and indexes on page load, so it may be ready at focus (0 ms).",
    "keystroke": "Search ready, box empty and settled; the whole query is put in the box and one keystroke's "
                 "events are dispatched (keydown, input, keyup). Stop: the MutationObserver callback that sees the "
                 "results in the DOM - for ours data-hc-query equal to the query, for stock the first mutation of "
                 "the result meta or list. One warm-up query per page first.",
    "relevance": "Top 3 distinct pages among the rendered result links (.md-search-result__item > a:first-child) "
                 "of the measured keystroke; a hit if one is accepted. Real site: ../shared/search-queries.tsv; "
                 "synthetic corpora: generated queries with the pages whose topic matches (informational).",
    "index_size": "Ours: every file of a language's index (search/index.<lang>*.js: the manifest first focus "
                  "loads, field lengths, postings and result store files a query loads as it needs them), and "
                  "what a cold page loaded by first focus and by one query (median over a few queries). Stock: "
                  "search/search_index.json, both languages, loaded on every page. gzip -9.",
    "page_weight": "New context (cold cache), page opened over http, no interaction; every response the loopback "
                   "server sent until it was idle for 1.5 s (includes Material's worker and its lunr files). Bytes "
                   "as sent (uncompressed, like file://) and the gzip -9 size of the same bodies.",
    "percentiles": "median and p95 (nearest rank) over all queries of both languages, or all cold loads.",
    "server": "Both builds are served over http by one loopback server (Python's http.server, a thread per "
              "connection) speaking HTTP/1.1 with keep-alive and Nagle's algorithm off, as static hosts do; "
              "runs generated before 2026-11-28 13:00 UTC used its HTTP/1.0 default, one connection per file.",
}


def write(data: dict[str, Any], out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "results.json"
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    md_path = out_dir / "results.md"
    md_path.write_text(markdown(data), encoding="utf-8")
    return [json_path, md_path]


def _ms(x: float | None) -> str:
    return "–" if x is None else f"{x:,.1f}"


def _x(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}×"


def _kb(n: int | None) -> str:
    return "–" if n is None else f"{n / 1024:,.1f} KiB"


def _load(machine: dict[str, Any], when: str) -> str:
    value = (machine.get("load_average") or {}).get(when)
    return "/".join(f"{x:.1f}" for x in value) if value else "–"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|",
            *("| " + " | ".join(r) + " |" for r in rows), ""]


def _profile_section(corpus: dict[str, Any]) -> list[str]:
    p = corpus["build"].get("profile")
    if not p:
        return []
    lines = [f"### Profile of our build, {corpus['name']} ({p['why']})", "",
             f"pyinstrument: {p['seconds']:.1f} s profiled ({p['wall_seconds_under_profiler']:.1f} s wall under the "
             f"profiler, against {corpus['build']['ours']:.1f} s without; stock's build took "
             f"{corpus['build']['stock']:.1f} s). Full tree: `{p['text']}`.", ""]
    lines += _table(["Phase", "Seconds", "Share"],
                    [[ph["phase"].replace("  ", "&nbsp;&nbsp;"), f"{ph['seconds']:.1f}", f"{ph['share']:.0%}"]
                     for ph in p["phases"]])
    lines += ["Our functions by total time: " + "; ".join(f"`{f['function']}` {f['seconds']:.1f} s"
                                                         for f in p["ours"][:8]) + ".", "",
              "Hottest functions by own time: " + "; ".join(f"`{f['function']}` {f['seconds']:.1f} s"
                                                           for f in p["self_time"][:8]) + ".", ""]
    return lines


def markdown(data: dict[str, Any]) -> str:
    corpora = data["corpora"]
    m = data["machine"]
    pk = m["packages"]
    lines = [
        "# Search benchmark: this project against stock Material",
        "",
        f"Generated {data['generated']} by `{data['command']}` in {data['duration_seconds']['total']:.0f} s "
        f"(builds {data['duration_seconds']['builds']:.0f} s, browser {data['duration_seconds']['browser']:.0f} s) "
        f"on {m['cpus']} CPUs, {m['platform']}; Chromium {m['chromium']}, MkDocs {pk['mkdocs']}, "
        f"Material {pk['mkdocs-material']}, mkdocs-static-i18n {pk['mkdocs-static-i18n']}, lunr.py {pk['lunr']}. "
        "Every figure is from this one run; ratios are ours ÷ stock (below 1 is better for ours). "
        f"Load average (1/5/15 min) at start {_load(m, 'start')}, after the builds {_load(m, 'after_builds')}, "
        f"at the end {_load(m, 'end')}: above {m['cpus']} means other work shared the CPUs and slowed timings.",
        "",
        "Corpora: " + ", ".join(f"**{c['name']}** ({c['pages_per_lang']:,} pages per language, "
                                f"{c['queries']['timing']} timed queries)" for c in corpora) + ".",
        "",
        "## Budgets",
        "",
    ]
    lines += _table(["Budget", "Limit", "Measured", "Result"],
                    [[b["budget"], b["limit"], b["measured"], "✅ pass" if b["status"] == "pass" else
                      "❌ miss" if b["status"] == "miss" else "n/a"] for b in data["budgets"]])
    misses = [b for b in data["budgets"] if b["status"] == "miss"]
    if misses:
        lines += ["What dominates where a budget is missed:", ""]
        lines += [f"- **{b['budget']}**: {b['dominates']}" for b in misses]
        lines.append("")

    lines += ["## Keystroke to results rendered (ms)", ""]
    rows = []
    for c in corpora:
        k = c["keystroke"]
        o, s, f, lfl = k["ours"]["http"], k["stock"]["http"], k["ours"]["file"], k["like_for_like"]
        entries = k["rendered_entries"]
        rows.append([c["name"], f"{_ms(o['median'])} / {_ms(o['p95'])}", f"{_ms(s['median'])} / {_ms(s['p95'])}",
                     _x(k["ratio"]), f"{_ms(lfl['ours']['median'])} vs {_ms(lfl['stock']['median'])} "
                     f"(n={lfl['ours']['n']}, {_x(lfl['ratio'])})", f"{_ms(f['median'])} / {_ms(f['p95'])}",
                     f"{_ms(k['breakdown']['rank_ms']['median'])} / {_ms(k['breakdown']['result_ms']['median'])}",
                     f"{k['stock_no_results']} / {k['ours_no_results']}",
                     f"{_ms(entries['ours']['median'])} / {_ms(entries['stock']['median'])}"])
    lines += _table(["Corpus", "Ours http median / p95", "Stock http median / p95", "Ratio (median)",
                     "Like for like (both answer): ours vs stock", "Ours file:// median / p95",
                     "Ours rank / materialResult (median)", "No results: stock / ours",
                     "Entries rendered, both answer: ours / stock (median)"], rows)
    lines += ["Where our main thread spends keystroke time (V8 sampling profile, a separate pass over the same "
              "queries; shares of busy time, inclusive):", ""]
    for c in corpora:
        for lang, profile in (c["keystroke"].get("js_profile") or {}).items():
            lines.append(f"- {c['name']}, {lang}: {js_profile_text(profile)}")
    lines.append("")

    lines += ["## First focus to search ready (ms)", ""]
    rows = []
    for c in corpora:
        r = c["ready"]
        o, s, f = r["ours"]["http"], r["stock"]["http"], r["ours"]["file"]
        b = o.get("breakdown", {})
        stock_file = r["stock"].get("file")
        rows.append([c["name"], f"{_ms(o['focus_to_ready_ms']['median'])} / {_ms(o['focus_to_ready_ms']['p95'])}",
                     f"{_ms(s['focus_to_ready_ms']['median'])} / {_ms(s['focus_to_ready_ms']['p95'])}",
                     f"{_ms(o['nav_to_ready_ms']['median'])} vs {_ms(s['nav_to_ready_ms']['median'])}",
                     f"{_ms(f['focus_to_ready_ms']['median'])}",
                     "works" if stock_file and stock_file["works"] else "does not work" if stock_file else "–",
                     f"{_ms(b.get('index_fetch_ms', {}).get('median'))} / {_ms(b.get('load_ms', {}).get('median'))} / "
                     f"{_ms(b.get('index_load_ms', {}).get('median'))}"])
    lines += _table(["Corpus", "Ours http median / p95", "Stock http median / p95",
                     "Navigation start to ready: ours vs stock", "Ours file:// median", "Stock file://",
                     "Ours: index fetch / lunr+analyzer+index load / lunr.Index.load"], rows)

    lines += ["## Relevance: hit rate at 3", ""]
    rows = []
    for c in corpora:
        rel = c["relevance"]
        for lang in ("ja", "en"):
            o, s = rel["ours"][lang], rel["stock"][lang]
            if not o["queries"]:
                continue
            rows.append([c["name"], rel["set"], lang, f"{o['hits']}/{o['queries']} ({o['hit_rate']:.0%})",
                         f"{s['hits']}/{s['queries']} ({s['hit_rate']:.0%})"])
    lines += _table(["Corpus", "Query set", "Lang", "Ours", "Stock"], rows)
    real = next((c for c in corpora if c["kind"] == "real"), None)
    if real:
        for variant in ("ours", "stock"):
            rel = real["relevance"][variant]
            missed = [f"{lang}: {x['query']}" for lang in ("ja", "en") for x in rel[lang]["misses"]]
            lines.append(f"Real-site misses, {variant}: " + (", ".join(missed) if missed else "none") + ".")
        lines.append("")

    lines += ["## Search index size", ""]
    rows = []
    for c in corpora:
        i = c["index"]
        rows.append([c["name"], f"{_kb(i['ours']['ja']['raw'])} / {_kb(i['ours']['ja']['gzip'])}",
                     f"{_kb(i['ours']['en']['raw'])} / {_kb(i['ours']['en']['gzip'])}",
                     f"{_kb(i['stock']['raw'])} / {_kb(i['stock']['gzip'])}",
                     f"{_x(i['ratio']['ja']['gzip'])} / {_x(i['ratio']['en']['gzip'])}"])
    lines += _table(["Corpus", "Ours ja raw / gzip", "Ours en raw / gzip", "Stock (ja+en) raw / gzip",
                     "gzip ratio ja / en (what one page loads)"], rows)
    rows = []
    for c in corpora:
        loaded = c.get("index_loaded") or {}
        cells = []
        for lang in ("ja", "en"):
            x = loaded.get(lang) or {}
            first, query = x.get("first_focus") or {}, (x.get("with_query") or {})
            cells.append(f"{_kb(first.get('gzip'))} / {_kb((query.get('gzip') or {}).get('median'))} "
                         f"({(query.get('files') or {}).get('median')} files)" if first else "–")
        files = f"{c['index']['ours']['ja'].get('files', '–')} / {c['index']['ours']['en'].get('files', '–')}"
        rows.append([c["name"], files, *cells])
    lines += _table(["Corpus", "Ours index files ja / en", "ja gzip: first focus / with one query (median)",
                     "en gzip: first focus / with one query (median)"], rows)
    lines += ["What our index files are made of (share of their raw bytes):", ""]
    for c in corpora:
        for lang, parts in (c["index"].get("ours_composition") or {}).items():
            if parts:
                whole = sum(parts.values()) or 1
                lines.append(f"- {c['name']}, {lang}: " + ", ".join(f"{k} {v / whole:.0%}" for k, v in parts.items()))
    lines.append("")

    lines += ["## Page weight on page load (cold cache, no interaction)", ""]
    rows = []
    for c in corpora:
        for name, w in c["page_weight"].items():
            o, s = w["ours"], w["stock"]
            rows.append([c["name"], f"{name} (`{w['path']}`)", f"{_kb(o['bytes'])} / {_kb(o['gzip_bytes'])}",
                         str(o["requests"]), f"{_kb(s['bytes'])} / {_kb(s['gzip_bytes'])}",
                         f"{s['requests']} ({s['failed']} failed)", _x(w["ratio"]["bytes"]),
                         _x(w["ratio"]["gzip_bytes"])])
    lines += _table(["Corpus", "Page", "Ours bytes / gzip", "Ours requests", "Stock bytes / gzip", "Stock requests",
                     "Ratio bytes", "Ratio gzip"], rows)
    code = data["search_code"]["ours"]
    lines += [f"Search code this project adds (loaded: search.js and no-sitemap.js on every page, lunr and the "
              f"analyzer on first focus): {code['raw']:,} B raw, {code['gzip']:,} B gzip "
              f"(budget {data['search_code']['budget_bytes']:,} B).", ""]

    lines += ["## Build time (s)", ""]
    rows = [[c["name"], f"{c['pages_per_lang']:,}", _ms(c["build"]["ours"]), _ms(c["build"]["stock"]),
             _x(c["build"]["ratio"])] for c in corpora]
    lines += _table(["Corpus", "Pages per language", "Ours", "Stock", "Ratio"], rows)
    g = data.get("growth") or {}
    if g:
        lines += [f"Growth from {g['from_pages']:,} to {g['to_pages']:,} pages per language "
                  "(factor; exponent k in time ∝ pages^k):", ""]
        grow_rows = []
        for label, key in (("Build", "build_seconds"), ("Keystroke median", "keystroke_median_ms"),
                           ("Focus to ready median", "focus_to_ready_median_ms")):
            grow_rows.append([label] + [f"{_x(g[key][v]['factor'])} (k={g[key][v]['exponent']})"
                                        for v in ("ours", "stock")])
        grow_rows.append(["Index gzip (ours ja vs stock)",
                          f"{_x(g['index_gzip_bytes']['ours_ja']['factor'])}",
                          f"{_x(g['index_gzip_bytes']['stock']['factor'])}"])
        lines += _table(["", "Ours", "Stock"], grow_rows)
    for c in corpora:
        lines += _profile_section(c)

    lines += ["## How it is measured", ""]
    lines += [f"- **{k}**: {v}" for k, v in data["methods"].items()]
    lines += ["", f"Reproduce: `{data['command']}` (this run: {data['duration_seconds']['total'] / 60:.1f} min); "
              "`scripts/bench --tiny` checks the whole pipeline on tiny corpora in about a minute.", ""]
    return "\n".join(lines)
