"""The search index on the wire: a compact, split encoding of the lunr.py index.

lunr's own serialization spells every posting twice (`invertedIndex` and
`fieldVectors`, as JSON objects keyed by strings such as "text/123"); at 1,000
pages that is 20 MB. What lunr.js needs to answer a query is far less:

- the sorted terms (a term's id is its position, lunr's `_index`);
- per term and field, which documents hold it and how often (tf), doc ids
  gap-coded as short varints in a string. The documents are numbered on the
  wire in `document_order` (sections headed alike together), which makes
  most gaps small (Japanese postings at 1,000 pages: 126 KiB gzip, not 286);
- per document and field its length, and the BM25 constants (k1, b, the
  average field lengths, field and page boosts, each term's idf), from which
  the browser recomputes each field-vector element exactly as lunr's Builder
  did (`score` below; index-loader.js is its twin);
- the result store (location, title, snippet), needed only for what is shown.

So it travels as files a page loads as plain scripts (from file:// too), all
named by `files()`:

- `index.<lang>.js`: the manifest (analyzer data, terms, idf, constants,
  page structure, each term's postings file, each page's store file),
  loaded on first focus;
- `index.<lang>.lengths.js`: each document's kind (its place in
  `document_order`) and field lengths (field by field, in that order),
  loaded once search is ready (every query needs them);
- `index.<lang>.p<K>.js`: postings of some terms (in term order), loaded
  when a query names one of them. Terms that neighbour each other in the
  pages share files (posting_files.py), as they tend to share queries;
- `index.<lang>.s<K>.js`: the store of some pages, loaded when one of them is
  on the first screen of results, or once that screen is rendered for the
  rest. Pages are kept in title order (`store_order`), so that pages a
  result list shows together tend to share a file; a section's location is
  only its anchor (its page's entry, first, has the page's address);
- `index.<lang>.pages.js`: every page's address, which the 404 page compares
  with the missing one (without it, it would load the whole store).

`expand()` turns the files back into lunr's serialized index, which the CLI
loads with lunr.py's `Index.load`; tests prove it equal to lunr.py's own.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from helpcenter.search import posting_files

FORMAT_VERSION = 6
GLOBAL = "__hcSearchIndex"
LUNR_VERSION = "2.3.9"
# Sizes of postings and store files, in characters. Chromium spends about
# 1.8 ms on each index script it loads, whatever its size, plus about 7 ms a
# megabyte (measured on the benchmark machine, over http and from disk alike).
# So postings come in about POSTINGS_FILES files a language: a query reads
# few of them (its terms are grouped, posting_files.py) and the next queries
# of the page mostly find theirs loaded. At 10,000 pages that is 256,000
# characters a file, which took the keystroke median from about 31 ms (files
# of 64,000 cut by term range) to 27. Small sites keep files of 64,000, so
# that a query there loads little. Store files are smaller: the first
# screen's 10 pages lie in several of them whatever their size (title order
# puts pages listed together in the same files), and store rows cost more to
# parse. At 10,000 pages, 32,000 characters rather than 16,000 took the
# keystroke median from about 28 to 26 ms, and a page's first query no slower.
POSTINGS_FILES = 40
MIN_SHARD_BYTES = 64_000
MAX_SHARD_BYTES = 256_000
STORE_SHARD_BYTES = 32_000
# Varints in printable ASCII that JSON leaves as they are: '#'..'~' without
# the backslash. The first BASE characters are digits with more to follow,
# the next BASE the last digit of a number.
ALPHABET = "".join(chr(c) for c in range(0x23, 0x7F) if c != 0x5C)
BASE = 45
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}


def varint(value: int) -> str:
    """`value` (>= 0) as continuation digits, lowest first, then a final digit."""
    out = []
    while value >= BASE:
        out.append(ALPHABET[value % BASE])
        value //= BASE
    out.append(ALPHABET[BASE + value])
    return "".join(out)


def read_varints(text: str) -> Iterator[int]:
    value, scale = 0, 1
    for ch in text:
        digit = _VALUE[ch]
        if digit < BASE:
            value += digit * scale
            scale *= BASE
        else:
            yield value + (digit - BASE) * scale
            value, scale = 0, 1


def encode_postings(docs: list[tuple[int, int]]) -> str:
    """(doc, tf) pairs in doc order: the gap, doubled, plus 1 when tf > 1; then tf - 2 if so."""
    out, previous = [], -1
    for doc, tf in docs:
        out.append(varint((doc - previous) * 2 + (tf > 1)))
        if tf > 1:
            out.append(varint(tf - 2))
        previous = doc
    return "".join(out)


def decode_postings(text: str) -> list[tuple[int, int]]:
    numbers = read_varints(text)
    out, doc = [], -1
    for value in numbers:
        doc += value >> 1
        out.append((doc, next(numbers) + 2 if value & 1 else 1))
    return out


def score(idf: float, tf: int, length: int, average: float, k1: float, b: float, field_boost: float,
          doc_boost: float) -> float:
    """A field-vector element, computed in the same operations and order as lunr.py's Builder."""
    value = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average)) + tf)
    value *= field_boost
    value *= doc_boost
    return round(value, 3)


def idf(documents_with_term: int, document_count: int) -> float:
    """lunr's idf (lunr.idf), from the number of (document, field) pairs holding the term."""
    x = (document_count - documents_with_term + 0.5) / (documents_with_term + 0.5)
    return math.log(1 + abs(x))


# --------------------------------------------------------------------------- encoding


def postings_file_chars(total: int) -> int:
    """The size of a language's postings files, from the characters of all its postings."""
    return min(MAX_SHARD_BYTES, max(MIN_SHARD_BYTES, total // POSTINGS_FILES))


def encode(payload: dict, builder, shard_bytes: int | None = None,
           store_shard_bytes: int = STORE_SHARD_BYTES,
           adjacency: posting_files.Adjacency | None = None) -> dict[str, object]:
    """The files of one language: {name: JSON-able content}, the manifest under `index.<lang>.js`.

    `payload` is build_index's (analyzer, docs store, lunr.py's serialized
    index); `builder` the lunr.py Builder that made it, for tf and lengths;
    `shard_bytes` the size of postings files (tests cut small ones; by
    default `postings_file_chars`);
    `adjacency` what it counted of neighbouring terms, by which terms share
    postings files (posting_files.py; without it, files hold runs of terms).
    """
    lang = payload["lang"]
    fields: list[str] = list(payload["index"]["fields"])
    store: list[list] = payload["docs"]
    terms = sorted(builder.inverted_index)
    doc_count = builder.document_count
    if [str(r) for r in range(doc_count)] != list(builder._documents):
        raise ValueError("document refs must be 0..n-1 in order")

    sizes = page_sizes(store)
    kinds = document_kinds(store)
    order = document_order(kinds)
    wire = [0] * doc_count  # each document's number on the wire
    for number, ref in enumerate(order):
        wire[ref] = number
    # Field by field: a field's lengths repeat in runs (a page's title, in each of its sections' kinds).
    lengths = "".join(varint(builder.field_lengths[f"{f}/{r}"]) for f in fields for r in order)
    postings: list[str] = []
    for term in terms:
        entry = builder.inverted_index[term]
        for f in fields:
            docs = sorted((wire[int(r)], builder.field_term_frequencies[f"{f}/{r}"][term]) for r in entry[f])
            postings.append(encode_postings(docs))
    nf = len(fields)
    sizes_of_terms = [len(json.dumps(postings[i * nf:(i + 1) * nf])) for i in range(len(terms))]
    file_chars = shard_bytes or postings_file_chars(sum(sizes_of_terms))
    posting_file_of = posting_files.assign(terms, sizes_of_terms, adjacency, file_chars)
    posting_shards: list[list[str]] = [[] for _ in range(max(posting_file_of, default=-1) + 1)]
    for i, k in enumerate(posting_file_of):
        posting_shards[k].extend(postings[i * nf:(i + 1) * nf])
    page_starts = [0]
    for size in sizes:
        page_starts.append(page_starts[-1] + size)
    store_rows = [[doc[0] if doc[2] < 0 else doc[0].partition("#")[2], doc[1], doc[3]] for doc in store]
    pages = store_order(store, page_starts)
    store_shards = _shards(
        len(pages), lambda i: [[pages[i], store_rows[page_starts[pages[i]]:page_starts[pages[i] + 1]]]],
        store_shard_bytes)
    file_of = [0] * len(sizes)
    for k, shard in enumerate(store_shards):
        for page, _ in shard:
            file_of[page] = k
    manifest = {
        "version": FORMAT_VERSION,
        "lang": lang,
        "analyzer": payload["analyzer"],
        "fields": fields,
        "fieldBoosts": [builder._fields[f].boost for f in fields],
        "k1": builder._k1,
        "b": builder._b,
        "averageLengths": [builder.average_field_length[f] for f in fields],
        "docBoosts": {str(r): float(a["boost"]) for r, a in builder._documents.items()
                      if a.get("boost", 1) != 1},
        "terms": "\n".join(terms),
        "idf": [idf(sum(len(builder.inverted_index[t][f]) for f in fields), doc_count) for t in terms],
        "pages": sizes,
        "postingFiles": len(posting_shards),
        "postingFileOf": "".join(varint(k) for k in posting_file_of),
        "storeFiles": len(store_shards),
        "storeFileOf": "".join(varint(k) for k in file_of),
    }
    files: dict[str, object] = {f"index.{lang}.js": manifest,
                                f"index.{lang}.lengths.js": {"kinds": "".join(map(varint, kinds)), "lengths": lengths},
                                f"index.{lang}.pages.js": [store[start][0] for start in page_starts[:-1]]}
    for k, shard in enumerate(posting_shards):
        files[f"index.{lang}.p{k}.js"] = shard
    for k, shard in enumerate(store_shards):
        files[f"index.{lang}.s{k}.js"] = shard
    return files


def document_kinds(store: list[list]) -> list[int]:
    """Each document's kind: 0 for a page's own entry; for a section, its heading's rank among the
    headings several sections share (most shared first), or one kind for every heading used once."""
    shared = Counter(doc[1] for doc in store if doc[2] >= 0)
    ranked = sorted((title for title, n in shared.items() if n > 1), key=lambda t: (-shared[t], t))
    rank = {title: k for k, title in enumerate(ranked, start=1)}
    return [0 if doc[2] < 0 else rank.get(doc[1], len(ranked) + 1) for doc in store]


def document_order(kinds: list[int]) -> list[int]:
    """The documents in the order the wire numbers them: by kind, then by number (a stable sort).

    Sections headed alike ("Symptoms", "Before you contact us") hold mostly
    the same words, so a term's postings become runs of small gaps, which
    varints and gzip store in few bytes: renumbering documents to cluster
    them is a known way to shrink an inverted index. Kinds travel with the
    field lengths (a character or two a document, most in repeating runs)
    and the browser sorts by them the same way.
    """
    return sorted(range(len(kinds)), key=lambda ref: (kinds[ref], ref))


def store_order(store: list[list], page_starts: list[int]) -> list[int]:
    """Pages in the order the store files keep them: by title (case-folded), then page number.

    A query's first screen is 10 pages, and each store file it touches costs
    the browser a request whatever its size. Pages titled alike are about the
    same thing and tend to be listed together, so they share files: on the
    benchmark's corpus of 10,000 pages per language, the first screen's 10
    pages lie in about 7.5 files of 16,000 characters (6.8 of 32,000) rather
    than 10 in page order.
    """
    return sorted(range(len(page_starts) - 1), key=lambda p: (str(store[page_starts[p]][1]).casefold(), p))


def page_sizes(store: list[list]) -> list[int]:
    """Entries per page: each page's own entry first (parent -1), then its sections (parent = that entry)."""
    sizes: list[int] = []
    start = 0
    for ref, doc in enumerate(store):
        if doc[2] < 0:
            sizes.append(1)
            start = ref
        elif sizes and doc[2] == start:
            sizes[-1] += 1
        else:
            raise ValueError(f"store entry {ref} ({doc[0]}) does not follow its page's entry")
    return sizes


def _shards(count: int, part: Callable[[int], list], shard_bytes: int) -> list[list]:
    """Consecutive items into shards of about `shard_bytes`."""
    shards: list[list] = []
    size = shard_bytes
    for i in range(count):
        chunk = part(i)
        if size >= shard_bytes:
            shards.append([])
            size = 0
        shards[-1].extend(chunk)
        size += len(json.dumps(chunk, ensure_ascii=False))
    return shards


def render(name: str, content: object) -> str:
    """One file as a script that registers its content under window.__hcSearchIndex["<file name>"].

    The JSON goes in as a string for JSON.parse, which browsers parse much
    faster than the same data as a JavaScript literal.
    """
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    literal = json.dumps(body, ensure_ascii=False).replace("</", "<\\/")
    return f'(window.{GLOBAL}=window.{GLOBAL}||{{}})["{name}"]=JSON.parse({literal});\n'


def write(directory: Path, lang: str, files: dict[str, object]) -> list[Path]:
    """Write one language's files into `directory` (the site's search/), replacing older shards."""
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob(f"index.{lang}.*.js"):
        old.unlink()
    written = []
    for name, content in files.items():
        path = directory / name
        path.write_text(render(name, content), encoding="utf-8")
        written.append(path)
    return written


# --------------------------------------------------------------------------- decoding


def read_file(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    start = text.index("JSON.parse(") + len("JSON.parse(")
    return json.loads(json.loads(text[start:text.rindex(");")]))


def files(directory: Path, lang: str) -> list[Path]:
    """Every file of one language's index, manifest first: what a cache of the search needs."""
    manifest = read_file(directory / f"index.{lang}.js")
    names = [f"index.{lang}.js", f"index.{lang}.lengths.js", f"index.{lang}.pages.js"]
    names += [f"index.{lang}.p{k}.js" for k in range(manifest["postingFiles"])]
    names += [f"index.{lang}.s{k}.js" for k in range(manifest["storeFiles"])]
    return [directory / n for n in names]


def expand(directory: Path, lang: str) -> dict:
    """All files of one language back into build_index's payload: analyzer, docs store, lunr serialized index."""
    m = read_file(directory / f"index.{lang}.js")
    fields: list[str] = m["fields"]
    terms: list[str] = m["terms"].split("\n") if m["terms"] else []
    nf = len(fields)
    per_document = read_file(directory / f"index.{lang}.lengths.js")
    lengths = list(read_varints(per_document["lengths"]))
    order = document_order(list(read_varints(per_document["kinds"])))
    doc_count = sum(m["pages"])
    if len(order) != doc_count:
        raise ValueError(f"lengths file: {len(order)} documents, the manifest's pages hold {doc_count}")
    terms_of: list[list[int]] = [[] for _ in range(m["postingFiles"])]
    for tid, k in enumerate(read_varints(m["postingFileOf"])):
        terms_of[k].append(tid)
    postings: list[str] = [""] * (len(terms) * nf)
    for k, tids in enumerate(terms_of):
        strings = read_file(directory / f"index.{lang}.p{k}.js")
        if len(strings) != len(tids) * nf:
            raise ValueError(f"postings file {k}: {len(strings)} strings, the manifest gives it {len(tids)} terms")
        for i, tid in enumerate(tids):
            postings[tid * nf:(tid + 1) * nf] = strings[i * nf:(i + 1) * nf]
    page_rows: dict[int, list] = {}
    for k in range(m["storeFiles"]):
        page_rows.update((page, rows) for page, rows in read_file(directory / f"index.{lang}.s{k}.js"))
    docs: list[list] = []
    for page, size in enumerate(m["pages"]):
        start = len(docs)
        if len(page_rows[page]) != size:
            raise ValueError(f"store of page {page}: {len(page_rows[page])} entries, the manifest says {size}")
        for i, (location, title, snippet) in enumerate(page_rows[page]):
            docs.append([location if i == 0 else f"{docs[start][0]}#{location}", title, -1 if i == 0 else start,
                         snippet])

    vectors: dict[str, list[tuple[int, float]]] = {f"{f}/{r}": [] for r in range(doc_count) for f in fields}
    inverted = []
    for tid, term in enumerate(terms):
        entry: dict[str, object] = {"_index": tid}
        for fi, f in enumerate(fields):
            entry[f] = {}
            held = sorted((order[number], number, tf) for number, tf in decode_postings(postings[tid * nf + fi]))
            for ref, number, tf in held:
                entry[f][str(ref)] = {}
                value = score(m["idf"][tid], tf, lengths[fi * doc_count + number], m["averageLengths"][fi], m["k1"],
                              m["b"], m["fieldBoosts"][fi], m["docBoosts"].get(str(ref), 1))
                vectors[f"{f}/{ref}"].append((tid, value))
        inverted.append([term, entry])
    field_vectors = [[ref, [x for pair in elements for x in pair]] for ref, elements in vectors.items()]
    index = {"version": LUNR_VERSION, "fields": fields, "fieldVectors": field_vectors, "invertedIndex": inverted,
             "pipeline": []}
    return {"version": m["version"], "lang": m["lang"], "analyzer": m["analyzer"], "docs": docs, "index": index}
