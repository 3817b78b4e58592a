"""Held-out folds of the real queries (issue 33): a stable split, and figures computed as defined."""

from __future__ import annotations

import pytest

from helpcenter.bench import folds
from helpcenter.bench.queries import Query


def q(text: str, lang: str = "ja") -> Query:
    return Query(lang, text, ("a.html",), "test")


def test_a_rows_fold_depends_on_its_text_only():
    rows = [q(f"問い合わせ {i}") for i in range(200)]
    before = {r.text: folds.fold_of(r) for r in rows}
    after = {r.text: folds.fold_of(r) for r in reversed(rows + [q("新しい行")])}
    assert all(after[t] == f for t, f in before.items())
    assert set(before.values()) == set(range(folds.FOLDS))


def test_every_real_query_is_in_exactly_one_of_tuning_and_held_out_per_language():
    sets = folds.query_sets()
    whole = sets["real, whole"]
    tuning, held = sets["real, tuning folds"], sets["real, held-out folds"]
    assert len(whole) == len({(r.lang, r.text) for r in whole})
    assert sorted(map(id, tuning + held)) == sorted(map(id, whole))
    for lang in ("ja", "en"):
        assert [r for r in tuning if r.lang == lang] and [r for r in held if r.lang == lang]


@pytest.mark.parametrize(
    "ranks,expected",
    [([0, 0, 0, 0], (1.0, 1.0, 1.0)), ([0, 1, 2, None], (0.25, 0.75, (1 + 1 / 2 + 1 / 3) / 4)),
     ([3, None], (0.0, 0.0, 1 / 8))],
)
def test_figures_are_hit_at_1_hit_at_3_and_mean_reciprocal_rank(ranks, expected):
    got = folds.figures(ranks)
    assert (got.hit1, got.hit3, got.mrr) == pytest.approx(expected)


def test_rank_of_finds_the_first_accepted_page():
    assert folds.rank_of(["x.html", "b.html", "a.html"], ("a.html", "b.html")) == 1
    assert folds.rank_of(["x.html"], ("a.html",)) is None


def test_the_blind_list_is_split_in_two_halves_per_language():
    sets = folds.query_sets()
    tuning, judging = sets["blind, tuning half"], sets["blind, judging half"]
    assert not {(r.lang, r.text) for r in tuning} & {(r.lang, r.text) for r in judging}
    for lang in ("ja", "en"):
        assert [r for r in tuning if r.lang == lang] and [r for r in judging if r.lang == lang]
        assert all(r.accept for r in tuning + judging)  # every row names the page(s) that answer it
