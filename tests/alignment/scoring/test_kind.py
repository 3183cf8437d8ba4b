"""Document kind and level, and location as a finding of its own (written examples; the real
documents' figures are held by tests/test_judge.py)."""

from __future__ import annotations

import pytest

from alignment.output.serialize import result_to_dict
from alignment.scoring.analysis import Analyzer
from alignment.scoring.places import jurisdiction
from tests.factories import text_document as _document


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:  # type: ignore[no-untyped-def]
    return Analyzer(plan, rules)


@pytest.mark.parametrize(
    ("texts", "mode", "status", "place"),
    [
        # A province's policy in a transmittal wrapper, known by its 文号.
        (("某省人民政府", "关于印发优化营商环境三年行动方案的通知", "豫政〔2023〕5号",
          "各省辖市人民政府，省人民政府有关部门：", "现将方案印发给你们，请认真贯彻执行。"),
         "plan", "upper", "河南省"),
        # Another province's district plan, named in its title.
        (("广州市天河区数字经济发展“十四五”规划", "一、发展基础", "数字经济规模持续扩大。"),
         "plan", "outside", "天河区"),
        # The district's own department plan.
        (("金水区商贸服务业发展“十四五”规划", "一、总体要求", "到2025年，社会消费品零售总额稳步增长。"),
         "subplan", "inside", "金水区"),
        # A county of another province that no rule file lists.
        (("西平县蔬菜基地项目签约", "项目选址西平县出山镇，建设蔬菜大棚500亩。"),
         "proposal", "outside", "西平县"),
        # 金 is the first character of 金水区 and of 金华市: the issuer line decides.
        (("金华市人民政府办公室", "关于印发数字经济发展行动方案的通知", "金政办发〔2023〕5号",
          "各县（市、区）人民政府，市政府各部门：", "现将方案印发给你们，请认真贯彻执行。"),
         "plan", "outside", "金华市"),
        # Without an issuer's place, the district's own 文号 prefix stands.
        (("关于印发数字经济发展行动方案的通知", "金政办〔2023〕5号",
          "各街道办事处，区政府各委、局：", "现将方案印发给你们，请认真贯彻执行。"),
         "subplan", "inside", "金水区"),
        (("某软件园项目建议书", "项目位于金水区北部，引进软件企业50家。"), "proposal", "inside", "金水区"),
        (("某软件园项目建议书", "项目引进软件企业50家。"), "proposal", "unstated", ""),
    ],
)  # fmt: skip
def test_kind_and_location(
    analyzer: Analyzer, texts: tuple[str, ...], mode: str, status: str, place: str
) -> None:
    result = analyzer.analyse(_document(*texts))
    assert (result.mode, result.location.status, result.location.place) == (mode, status, place)


def test_a_project_plan_is_a_proposal(analyzer: Analyzer) -> None:
    # "某项目实施方案" and a facility's 建设方案 are one project's, not the district's plans.
    result = analyzer.analyse(
        _document("金水区防洪排涝能力提升工程实施方案", "二、建设内容", "新建排水管网12公里。")
    )
    assert result.mode == "proposal"


def test_location_never_caps_the_verdict(analyzer: Analyzer) -> None:
    body = (
        "项目选址中原区，建设动漫产业基地，引进动漫游戏、数字创意企业50家，打造文化创意产业集群。"
    )
    inside = analyzer.analyse(_document("某动漫产业基地项目", body.replace("中原区", "金水区")))
    outside = analyzer.analyse(_document("某动漫产业基地项目", body))
    assert outside.location.label == "区外：中原区"
    # The place's own name shifts similarity a little; no cap takes the verdict away.
    assert outside.verdict == inside.verdict == "strong"
    assert abs(outside.score - inside.score) < 5
    assert result_to_dict(outside)["location"]["status"] == "outside"


def test_divisions_come_from_the_dataset() -> None:
    known = jurisdiction("金水区", ("金水",))
    assert {"郑州市", "河南省", "郑州", "河南"} <= set(known.upper)
    assert {"西平县", "鲁甸县", "怀仁市", "上海"} <= known.elsewhere
    assert "金水区" not in known.elsewhere and "郑州市" not in known.elsewhere


@pytest.mark.parametrize(
    ("texts", "kind", "status", "place"),
    [
        # A ministry's notice directing work: a national policy, known by its issuer and 文号.
        (("某某部等3部门办公厅关于进一步做好社区便民服务工作的通知", "某部发〔2024〕12号",
          "各省、自治区、直辖市商务主管部门：", "为进一步做好社区便民服务工作，现就有关事项通知如下。"),
         "plan", "upper", "国家"),
        # A party committee's 建议 for a five-year plan is a plan, not a project's 建议书.
        (("中共郑州市委关于制定郑州市国民经济和社会发展第十五个五年规划的建议",
          "一、发展环境", "“十五五”时期是基本实现现代化的关键时期。"),
         "plan", "upper", "郑州市"),
        # A guide named for the nation.
        (("国家算力基础设施建设指引", "一、总体要求", "统筹推进全国算力网络布局，提升算力供给能力。"),
         "plan", "upper", "国家"),
        # A project's own 建议书 stays a project.
        (("金水区智慧社区服务平台项目建议书", "一、项目概况", "项目位于金水区，建设社区服务平台。"),
         "proposal", "inside", "金水区"),
    ],
)  # fmt: skip
def test_genre_and_issuer_level_are_read_from_the_structure(
    analyzer: Analyzer, texts: tuple[str, ...], kind: str, status: str, place: str
) -> None:
    result = analyzer.analyse(_document(*texts))
    assert (result.mode, result.location.status) == (kind, status)
    assert result.location.place == place or status == "inside"
