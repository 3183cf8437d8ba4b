"""Floors on the real documents in ../shared/corpus (bench/judge.py): CI fails on a regression.

Reset on 2026-12-08 when the corpus grew from 31 to 83 documents, from what bench/judge.py measures
on the 83 with the 2026-12-03 judgement: verdict 68/83, industry 74/78, hit@3 67/78, precision@3
0.70, MRR 0.83, location 73/83, kind 76/83, no missed conflict and 3 false ones. The judgement issues
raise them; floors only move up. With the document's subject naming a public service (its measure
first, a project strong): verdict 72/83, hit@3 71/78, precision@3 0.75, MRR 0.88; with industries held
back from leading adding nothing and the weights refitted: verdict 75/83 (leave-one-out 75/83);
red lines read as the project's own act, genre and issuer level read from the structure and the
weights refitted again: verdict 78/83 (leave-one-out 78/83), location 77/83, kind 81/83, no false
and no missed conflict; with a ceremony's venue, a table's site column and no mailing address as the
site: location 79/83; with a subject outside the priorities (a factory, farming) weak: verdict
80/83 (leave-one-out 80/83). Accuracy is claimed on these, not on the written sets.
"""

from __future__ import annotations

import os

import pytest

from bench import judge

pytestmark = pytest.mark.slow  # every real document analysed


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
    assert len(tally.counts["verdict"]) >= 83
    assert _share(tally, "verdict") >= 0.96
    assert _share(tally, "industry") >= 0.94
    assert _share(tally, "hit@3") >= 0.91
    assert _share(tally, "precision@3") >= 0.75
    assert _share(tally, "mrr") >= 0.87
    assert _share(tally, "location") >= 0.95
    assert _share(tally, "kind") >= 0.97


def test_every_labelled_conflict_is_caught_and_none_is_false(tally: judge.Tally) -> None:
    assert sum(tally.counts.get("missed_conflicts", [])) == 0
    assert sum(tally.counts.get("false_conflicts", [])) == 0
