"""Floors on the real documents in ../shared/corpus (bench/judge.py): CI fails on a regression.

Reached on 2026-12-03 (with the BM25 standing of measures): verdict 25/31, industry 27/29, hit@3
27/30, precision@3 0.46, MRR 0.84, location 30/31, kind 31/31, no missed and no false conflict. Accuracy is claimed on these, not on the written sets.
"""

from __future__ import annotations

import os

import pytest

from bench import judge


@pytest.fixture(scope="module")
def tally(plan, rules) -> judge.Tally:  # type: ignore[no-untyped-def]
    sets = judge.corpus_sets(judge.CORPUS)
    if not sets and not os.environ.get("CI"):
        pytest.skip("../shared/corpus is not beside this checkout")
    assert sets, "CI runs with ../shared/corpus beside the clone"
    analyzer = judge.Analyzer(plan, rules)
    return judge.total([judge.run(analyzer, name, labels) for name, labels in sets], "all")


def _share(tally: judge.Tally, key: str) -> float:
    values = tally.counts[key]
    return sum(values) / len(values)


def test_real_documents_hold_their_floors(tally: judge.Tally) -> None:
    assert len(tally.counts["verdict"]) >= 31
    assert _share(tally, "verdict") >= 0.87
    assert _share(tally, "industry") >= 0.96
    assert _share(tally, "hit@3") >= 0.90
    assert _share(tally, "precision@3") >= 0.72
    assert _share(tally, "mrr") >= 0.88
    assert _share(tally, "location") >= 0.96
    assert _share(tally, "kind") >= 0.96


def test_every_labelled_conflict_is_caught_and_none_is_false(tally: judge.Tally) -> None:
    assert sum(tally.counts.get("missed_conflicts", [])) == 0
    assert sum(tally.counts.get("false_conflicts", [])) == 0
