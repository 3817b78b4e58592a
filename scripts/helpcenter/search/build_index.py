"""Build one prebuilt lunr index per language from the built HTML.

Builds the payload: the serialized lunr index (lunr.py), the document
store results need, and the analyzer's data (stop words, synonyms, intent words, the pages' Japanese
words and their readings), so the browser analyzes queries exactly as the
CLI does. What the site ships is its compact encoding (compact.py), as
plain scripts under `search/` (a page opened from disk may load scripts but
not fetch files), expanded back into lunr's index by the browser
(index-loader.js, for lunr.js's `lunr.Index.load`) and the CLI.

Each document is a page (its title and intro) or one of its sections
(`h2`/`h3` with an id); the index pipeline is empty because the tokens come
pre-analyzed: bigrams and stems from `analyzer.py`, the standard forms of
Japanese words from `japanese.py` (Sudachi).

Usage: python -m helpcenter.search.build_index [SITE_DIR]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from lunr.builder import Builder

from helpcenter.paths import DEFAULT_LANGUAGE, LANGUAGES, SITE
from helpcenter.search import analyzer as an
from helpcenter.search import compact, japanese, lexicon, posting_files
from helpcenter.search.extract import Page, iter_pages

FORMAT_VERSION = 2
SNIPPET_CHARS = 240
# Field weights: a section's heading says what the section is about, and its
# page's title what the page is about, as much (the page about a topic ranks
# above one that mentions it); the text counts a quarter of that, and so does
# what other pages' pointers say about it (extract.Pointer). A page's keywords
# (the customers' words for its topic, front matter `keywords:`) are given to
# each of its entries, as its title is, and weigh half of its text: a label,
# below what the page says (DESIGN.md, "Per-page keywords").
FIELDS = {"title": 4.0, "page": 4.0, "text": 1.0, "pointers": 1.0, "keywords": 0.5}
# The standard forms of the Japanese words a section writes in a variant
# (japanese.word_terms): 問い合わせ finds a page that writes 問合せ.
WORD_FIELD = "words"
WORD_BOOST = 1.0


def read_page_boosts(path: Path = lexicon.SEARCH_DATA / "page-boosts.yml") -> dict[str, float]:
    """Writer-set page weights, keyed by the path within a language ("faq.html")."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for key, value in data.items():
        if not isinstance(value, (int, float)) or value <= 0:
            raise ValueError(f"{path}: {key}: a page weight is a number above 0, like 0.5")
    return {str(k): float(v) for k, v in data.items()}


def documents(pages: list[Page], boosts: dict[str, float] | None = None) -> tuple[list[dict], list[list]]:
    """Index documents (with raw text and weight) and the store: [location, title, parent, snippet]."""
    boosts = boosts or {}
    docs: list[dict] = []
    store: list[list] = []
    for page in pages:
        parent = len(store)
        boost = boosts.get(page.path.removeprefix(f"{page.lang}/"), 1.0)
        for section in page.sections:
            location = page.path if section.anchor is None else f"{page.path}#{section.anchor}"
            ref = str(len(store))
            store.append([location, section.title, -1 if section.anchor is None else parent,
                          section.text[:SNIPPET_CHARS]])
            docs.append({"ref": ref, "title": section.title, "page": page.title, "text": section.text,
                         "pointers": "", "keywords": "\n".join(page.keywords), "boost": boost})
    credit_pointers(pages, docs, store)
    return docs, store


def credit_pointers(pages: list[Page], docs: list[dict], store: list[list]) -> None:
    """Index each pointer's text with the entry it points to (its section, else its page)."""
    ref_of = {entry[0]: ref for ref, entry in enumerate(store)}
    for page in pages:
        for pointer in page.pointers:
            ref = ref_of.get(pointer.target, ref_of.get(pointer.target.partition("#")[0]))
            if ref is not None:
                docs[ref]["pointers"] += pointer.text + "\n"


def build_payload(pages: list[Page], lang: str, builder: Builder | None = None,
                  adjacency: posting_files.Adjacency | None = None) -> dict:
    """The index as lunr.py serializes it; pass `builder` to keep it (compact.encode reads its tf and lengths)
    and `adjacency` to have it count which terms neighbour which (compact.encode groups them in files)."""
    analyzer = an.for_language(lang)
    record = adjacency.record if adjacency else lambda tokens: tokens
    docs, store = documents(pages, read_page_boosts())
    builder = Builder() if builder is None else builder
    builder.pipeline.reset()
    builder.search_pipeline.reset()
    builder.ref("ref")
    for name, boost in FIELDS.items():
        builder.field(name, boost=boost, extractor=lambda doc, name=name: record(analyzer.tokens(doc[name])))
    stop = lexicon.read_japanese_stopwords()
    for doc in docs:
        doc["japanese"] = list(japanese.analyze_text("\n".join((doc["title"], doc["text"], doc["pointers"],
                                                                    doc["keywords"])), stop))
    builder.field(WORD_FIELD, boost=WORD_BOOST, extractor=lambda doc: record(japanese.word_terms(doc["japanese"])))
    for doc in docs:
        builder.add(doc, attributes={"boost": doc["boost"]})
    index = builder.build()
    return {
        "version": FORMAT_VERSION,
        "lang": lang,
        "analyzer": {"stopwords": sorted(analyzer.stopwords), "synonyms": analyzer.synonyms,
                     "intent": analyzer.intent, **vocabulary(docs)},
        "docs": store,
        "index": index.serialize(),
    }


def vocabulary(docs: list[dict]) -> dict:
    """The Japanese words of the pages (2+ characters), by which the browser cuts a query
    into words, and their readings: {reading: the word most often read so}."""
    words: set[str] = set()
    readings: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        for analysis in doc["japanese"]:
            words.update(w for w in analysis.words if len(w) >= 2)
            readings.update(analysis.readings)
    by_reading: dict[str, str] = {}
    for (reading, word), _ in sorted(readings.items(), key=lambda item: (-item[1], item[0])):
        by_reading.setdefault(reading, word)
    return {"words": sorted(words), "readings": dict(sorted(by_reading.items()))}


def read_script(path: Path) -> dict:
    """The payload back from a site's index files (`path` is `search/index.<lang>.js`), as build_payload made it."""
    return compact.expand(path.parent, path.name.split(".")[1])


def index_path(site_dir: Path, lang: str) -> Path:
    """The manifest, the one index file a page loads on first focus; compact.files() lists them all."""
    return site_dir / "search" / f"index.{lang}.js"


def write_indexes(site_dir: Path, languages: tuple[str, ...] = LANGUAGES, shard_bytes: int | None = None,
                  store_shard_bytes: int = compact.STORE_SHARD_BYTES) -> dict[str, Path]:
    """Write every language's index files (compact.py: manifest, lengths, postings, store, page addresses);
    returns manifests. Tests pass small shard sizes to cut a small site into many files."""
    by_lang: dict[str, list[Page]] = {lang: [] for lang in languages}
    for page in iter_pages(site_dir, languages, DEFAULT_LANGUAGE):
        by_lang[page.lang].append(page)
    written = {}
    for lang, pages in by_lang.items():
        builder, adjacency = Builder(), posting_files.Adjacency()
        payload = build_payload(pages, lang, builder, adjacency)
        compact.write(index_path(site_dir, lang).parent, lang,
                      compact.encode(payload, builder, shard_bytes, store_shard_bytes, adjacency))
        written[lang] = index_path(site_dir, lang)
    return written


if __name__ == "__main__":
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else SITE
    for lang, path in write_indexes(site).items():
        print(f"{lang}: {path} ({path.stat().st_size / 1024:.0f} KiB)")
