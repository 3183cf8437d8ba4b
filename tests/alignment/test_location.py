"""Where a project is: the first sentence with a location cue decides."""

from __future__ import annotations

import pytest

from alignment.location import locate
from alignment.rules import load_rules_or_default


def _rule():  # the shipped rule file's location section (金水区, its parents and neighbours)
    rules, _ = load_rules_or_default(None)
    return rules.location


def test_the_first_cue_sentence_decides_with_its_whole_sentence() -> None:
    text = "本项目由金水区招商引进\n项目选址位于洛阳市，地处伊河畔。项目位于金水区的总部另行建设。"
    found = locate(text, _rule())
    assert (found.status, found.place) == ("outside", "洛阳")
    assert found.sentence == "项目选址位于洛阳市"


def test_home_district_inside_and_no_cue_at_all() -> None:
    assert locate("项目位于郑州市金水区花园路。", _rule()).status == "inside"
    assert locate("项目建设内容包括研发楼。", _rule()).status == "unknown"
    # No cue, but the district named: inside without a deciding sentence.
    found = locate("金水区数字经济项目。", _rule())
    assert (found.status, found.sentence) == ("inside", "")


def test_a_cue_in_the_last_sentence_without_a_full_stop() -> None:
    found = locate("总投资5亿元。项目落户上海市浦东新区", _rule())
    assert (found.status, found.sentence) == ("outside", "项目落户上海市浦东新区")


@pytest.mark.parametrize(
    ("text", "status", "place"),
    [
        # Where the investor is does not place the project.
        ("某科技集团总部位于深圳市，是网络安全企业。本项目选址郑州市金水区。", "inside", "金水区"),
        (
            "该公司成立于2010年，注册地位于北京市海淀区。拟在金水区设立区域总部。",
            "inside",
            "金水区",
        ),
        ("建设单位：郑州某公司，地址：郑州市郑东新区。建设地点：金水区", "inside", "金水区"),
        (
            "建设单位：北京某公司\n单位地址：北京市朝阳区\n建设地点：郑州市金水区",
            "inside",
            "金水区",
        ),
        # The clause with the cue decides, not a mention of the district elsewhere in the sentence.
        ("项目由金水区招商引进，建设地点为中牟县。", "outside", "中牟"),
        ("项目落户金水区，与位于洛阳市的生产基地协同发展。", "inside", "金水区"),
        ("本项目由某集团投资建设，位于深圳市南山区。", "outside", "深圳"),
        ("项目公司注册地位于洛阳市，项目选址洛阳市伊滨区。", "outside", "洛阳"),
    ],
)
def test_the_project_not_its_investor_is_located(text: str, status: str, place: str) -> None:
    found = locate(text, _rule())
    assert (found.status, found.place) == (status, place)
