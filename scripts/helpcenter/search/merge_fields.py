"""One lunr field standing for all of an index's fields, with the same scores.

lunr's query works per (term, field, document): for each it makes a field
reference, match data and a set entry, and then a dot product per (field,
document) it met. On a large site that is most of ranking's time, and an
entry often holds a term in several fields: the `page` field gives every
section its page's title, which its heading and text repeat.

lunr scores a document as the sum, over fields, of the query vector's cosine
with the field's vector: sum_f (q_f . v_f) / |q_f|. Our queries never limit
a clause to some fields, so every field gets the same query vector q, and
the sum is (q . sum_f v_f) / |q|: one field whose vector element for a term
is the sum of the fields' elements scores every document as the fields did
(up to float rounding in the last bits), matches the same terms, and costs
lunr one pass per (term, document). Build time keeps lunr.py's index with
its fields (their lengths and boosts make the elements); this is how it is
queried, by the CLI (engine.py) and, built the same way term by term, by
the browser (index-loader.js, which sums in the same field order).
"""

from __future__ import annotations

FIELD = "all"


def merge_fields(index: dict) -> dict:
    """lunr's serialized `index` with its fields summed into FIELD (vector elements added in field order)."""
    fields: list[str] = index["fields"]
    vectors = dict(index["fieldVectors"])
    refs = dict.fromkeys(key.split("/", 1)[1] for key in vectors)
    field_vectors = []
    for ref in refs:
        merged: dict[int, float] = {}
        for field in fields:
            elements = vectors.get(f"{field}/{ref}", [])
            for i in range(0, len(elements), 2):
                merged[elements[i]] = merged.get(elements[i], 0) + elements[i + 1]
        field_vectors.append([f"{FIELD}/{ref}", [x for term_id in sorted(merged) for x in (term_id, merged[term_id])]])
    inverted = []
    for term, posting in index["invertedIndex"]:
        docs: dict[str, dict] = {}
        for field in fields:
            for ref in posting[field]:
                docs[ref] = {}
        inverted.append([term, {"_index": posting["_index"], FIELD: docs}])
    return {**index, "fields": [FIELD], "fieldVectors": field_vectors, "invertedIndex": inverted}
