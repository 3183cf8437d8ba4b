"""Red lines in the words EIA and approval notices use, and compliance statements that never
make a conflict."""

from __future__ import annotations

import pytest

from alignment.scoring.analysis import Analyzer
from tests.factories import text_document as _document


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:  # type: ignore[no-untyped-def]
    return Analyzer(plan, rules)


@pytest.mark.parametrize(
    ("title", "body", "terms"),
    [
        (
            "某化工公司焦油加工扩能技改项目",
            "项目将煤焦油加工能力由15万吨/年提高到36万吨/年。",
            {"煤焦油"},
        ),
        (
            "某钢铁公司产能置换项目",
            "项目新建2座1280立方米高炉和2座120吨转炉，配套烧结机。",
            {"高炉", "转炉"},
        ),
        (
            "某能源公司煤制烯烃项目",
            "项目建设年产60万吨煤制烯烃装置及配套煤气化装置。",
            {"煤制烯烃"},
        ),
        ("某建材公司水泥项目", "项目建设一条日产5000吨新型干法水泥熟料生产线。", {"新型干法"}),
    ],
)
def test_restricted_works_are_conflicts(
    analyzer: Analyzer, title: str, body: str, terms: set[str]
) -> None:
    result = analyzer.analyse(_document(title, body))
    assert result.verdict == "conflict"
    conflict = result.conflicts[0]
    assert terms <= set(conflict.terms)
    assert conflict.basis == ("10.1.1",)
    assert body in {e.sentence for e in conflict.evidence}


@pytest.mark.parametrize(
    "texts",
    [
        (
            "原焦化厂旧址文创园项目",
            "项目利用原焦化厂旧址，将老厂房改造为文化创意园区，引进设计企业50家。",
        ),
        ("某数据中心项目", "项目不涉及高炉、转炉、焦炉等高耗能设施，全部使用绿色电力。"),
        ("某钢厂搬迁项目", "项目完成高炉、转炉整体关停拆除，原址建设城市公园。"),
    ],
)
def test_compliance_statements_are_not_conflicts(
    analyzer: Analyzer, texts: tuple[str, ...]
) -> None:
    assert analyzer.analyse(_document(*texts)).conflicts == ()


@pytest.mark.parametrize(
    ("texts", "crossed"),
    [
        # A boiler the project builds crosses the line; one it removes or replaces does not.
        (("某厂区供热项目", "项目在厂区内新建两台10吨燃煤锅炉，为车间供热。"), True),
        (("某医院锅炉改造", "医院用两台燃气锅炉替换原有燃煤锅炉。"), False),
        (("某学校锅炉改造", "学校锅炉房的燃煤锅炉已被拆掉，改用空气源热泵供暖。"), False),
        # Permanent basic farmland occupied crosses it; a statement that none is, a lawful use of
        # ordinary farmland and a statutory condition quoted from the law do not.
        (("某物流园项目", "项目选址占用永久基本农田12公顷，用于建设仓储设施。"), True),
        (("某道路工程", "项目用地不涉及永久基本农田，不占用生态保护红线。"), False),
        (("某道路工程", "项目占用一般耕地3公顷，已落实耕地占补平衡。"), False),
        (
            ("某道路用地预审", "建设项目占用永久基本农田的，应当依法报批并补划数量相等的耕地。"),
            False,
        ),
    ],
)
def test_a_red_line_is_crossed_by_the_projects_own_act(
    analyzer: Analyzer, texts: tuple[str, ...], crossed: bool
) -> None:
    assert bool(analyzer.analyse(_document(*texts)).conflicts) is crossed
