"""The pooled BM25 standing of the plan's measures."""

from __future__ import annotations

import pytest

from alignment import read_document
from alignment.scoring.analysis import Analyzer
from alignment.scoring.measure_rank import MeasureRanker
from tests.alignment.scoring.test_analysis import EVAL


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:
    return Analyzer(plan, rules)


@pytest.fixture(scope="module")
def ranker(analyzer) -> MeasureRanker:
    return analyzer.ranker


def test_a_school_stands_at_the_education_measure(analyzer, ranker: MeasureRanker) -> None:
    standing = ranker.standing(
        [
            analyzer.segmenter(text)
            for text in (
                "新建一所公办高级中学，设置教学班48个，新增优质学位2400个。",
                "学校建设教学楼、实验楼、图书馆和体育馆，扩大优质教育资源供给。",
            )
        ]
    )
    first = max(standing.scores, key=standing.scores.get)
    assert first.startswith("11.1")
    assert standing.margins[first] > 2  # well above the document's background


def test_review_sections_are_not_measures_to_serve(ranker: MeasureRanker, plan) -> None:
    reviews = {m.id for s in plan.sections if "发展成就" in s.title for m in s.measures}
    assert reviews and not reviews & set(ranker.ids)


def test_nothing_to_rank(ranker: MeasureRanker) -> None:
    standing = ranker.standing([[]])
    assert set(standing.scores.values()) == {0.0} and standing.standouts() == []


def test_matches_are_ordered_by_standing(analyzer) -> None:
    result = analyzer.analyse(read_document(EVAL / "pub_学校.txt"))
    similarity = [m for m in result.matches if m.confidence in ("high", "medium", "low")]
    sentences = [analyzer.segmenter(e.sentence) for m in similarity for e in m.evidence]
    standing = analyzer.ranker.standing(sentences)
    assert similarity and similarity[0].measure_id.startswith("11.1")
    assert standing.scores[similarity[0].measure_id] >= standing.scores[similarity[-1].measure_id]
