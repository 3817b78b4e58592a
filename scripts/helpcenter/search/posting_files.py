"""Which postings file holds each term: terms that follow one another in the pages share a file.

A query is words as customers read them in pages, so the terms it looks up
(the bigrams of one Japanese word, the words of one phrase) are neighbours in
the pages' text. Files cut by term range scatter them. At 10,000 pages per
language, in files of 256,000 characters, a Japanese query's terms lie in
5.4 files (1.3 MB) on average; grouped, in 2.7 files (0.66 MB), measured on
the benchmark's queries, which the grouping never sees: it reads only the
pages' text.

No library does this small, size-capped grouping; it is a greedy
single-linkage clustering (union-find), strongest neighbours first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence


class Adjacency:
    """What the index builder saw, token by token: how often two terms were neighbours, and in how many texts
    each term occurs. build_index feeds it every field text's tokens as lunr.py indexes them."""

    def __init__(self) -> None:
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.spread: Counter[str] = Counter()

    def record(self, tokens: Sequence[str]) -> Sequence[str]:
        """Count the neighbours in `tokens`; returns them, so that it can sit inside a field extractor."""
        for a, b in zip(tokens, tokens[1:], strict=False):
            if a != b:
                self.pairs[(a, b) if a < b else (b, a)] += 1
        self.spread.update(set(tokens))
        return tokens


def assign(terms: Sequence[str], sizes: Sequence[int], adjacency: Adjacency | None, file_chars: int) -> list[int]:
    """The file number of each term (terms sorted, `sizes` their postings in characters).

    Neighbours are joined strongest first, strength being how often they
    were neighbours for how rare the rarer one is (common terms neighbour
    everything), while a group fits in `file_chars`. Groups then fill files
    in the order of their first term, so a term no text neighbours (or every
    term, without `adjacency`) stays near the terms it sorts beside, which is
    what a prefix query (`withdraw*`) reads.
    """
    ids = {term: i for i, term in enumerate(terms)}
    parent = list(range(len(terms)))
    group_size = list(sizes)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = adjacency.pairs if adjacency else Counter()
    spread = adjacency.spread if adjacency else Counter()
    strongest = sorted((pair for pair in pairs if pair[0] in ids and pair[1] in ids),
                       key=lambda p: (-pairs[p] / (min(spread[p[0]], spread[p[1]]) + 1), p))
    for a, b in strongest:
        ra, rb = root(ids[a]), root(ids[b])
        if ra != rb and group_size[ra] + group_size[rb] <= file_chars:
            ra, rb = min(ra, rb), max(ra, rb)
            parent[rb] = ra
            group_size[ra] += group_size[rb]

    groups: dict[int, list[int]] = {}
    for i in range(len(terms)):
        groups.setdefault(root(i), []).append(i)
    file_of = [0] * len(terms)
    number, fill = 0, 0
    for members in sorted(groups.values(), key=lambda g: g[0]):
        size = sum(sizes[i] for i in members)
        if fill and fill + size > file_chars:
            number, fill = number + 1, 0
        for i in members:
            file_of[i] = number
        fill += size
    return file_of
