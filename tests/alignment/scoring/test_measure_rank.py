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


def test_leads_are_the_measures_near_the_best_margin() -> None:
    from alignment.scoring.measure_rank import LEAD_SHARE, Standing

    standing = Standing({}, {}, {"8.3.2": 9.4, "8.1.2": 4.0, "11.3.2": 7.0, "5.2.1": -0.3})
    # 7.0 is within LEAD_SHARE of 9.4; 4.0 is not; the first named is always a lead.
    assert LEAD_SHARE * 9.4 <= 7.0 and LEAD_SHARE * 9.4 > 4.0
    assert standing.leads(["8.3.2", "8.1.2", "11.3.2"]) == {"8.3.2", "11.3.2"}
    # The first (a keyword's measure, below the background) and the best margin among them.
    assert standing.leads(["5.2.1", "8.1.2"]) == {"5.2.1", "8.1.2"}
    assert standing.leads(["8.3.2", "8.1.2"], share=0.4) == {"8.3.2", "8.1.2"}
    assert standing.leads([]) == set()
    # Nothing stands above the background: only the first.
    assert Standing({}, {}, {"a": -1.0, "b": -2.0}).leads(["a", "b"]) == {"a"}


def test_the_plan_framing_is_cited_after_the_measures_that_act(analyzer, plan) -> None:
    from alignment.plan.framing import framing_measures

    framing = framing_measures(plan)
    # Guidance, principles, positioning, goals (chapter 2), the 2035 vision and the safeguards
    # chapter; not 11.4 健全多层次社会保障体系, an action.
    assert {"2.1.1", "2.4.11", "1.3.1", "14.3.1"} <= framing
    assert not any(m.startswith(("3.", "5.", "11.4")) for m in framing)
    result = analyzer.analyse(read_document(EVAL / "pub_公园.txt"))
    ids = [m.measure_id for m in result.matches]
    acting = [n for n, m in enumerate(ids) if m not in framing]
    framed = [n for n, m in enumerate(ids) if m in framing]
    assert acting and framed and max(acting) < min(framed)
    assert all(not m.lead for m in result.matches if m.measure_id in framing)
    assert result.leads and result.leads[0] is result.matches[0]


def test_fitting_a_ranker_says_nothing_on_stderr(plan, analyzer, caplog) -> None:
    import logging

    caplog.set_level(logging.DEBUG)
    MeasureRanker(plan, analyzer.segmenter)
    assert not [r for r in caplog.records if r.name.startswith("bm25s")]
