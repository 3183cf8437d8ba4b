"""Where a project is: the first sentence with a location cue decides."""

from __future__ import annotations

from alignment.location import locate
from alignment.rules import load_rules_or_default


def _rule():  # the shipped rule file's location section (金水区, its parents and neighbours)
    rules, _ = load_rules_or_default(None)
    return rules.location


def test_the_first_cue_sentence_decides_with_its_whole_sentence() -> None:
    text = "本项目由金水区招商引进\n项目选址位于洛阳市，地处伊河畔。项目位于金水区的总部另行建设。"
    found = locate(text, _rule())
    assert (found.status, found.place) == ("outside", "洛阳")
    assert found.sentence == "项目选址位于洛阳市，地处伊河畔"


def test_home_district_inside_and_no_cue_at_all() -> None:
    assert locate("项目位于郑州市金水区花园路。", _rule()).status == "inside"
    assert locate("项目建设内容包括研发楼。", _rule()).status == "unknown"
    # No cue, but the district named: inside without a deciding sentence.
    found = locate("金水区数字经济项目。", _rule())
    assert (found.status, found.sentence) == ("inside", "")


def test_a_cue_in_the_last_sentence_without_a_full_stop() -> None:
    found = locate("总投资5亿元。项目落户上海市浦东新区", _rule())
    assert (found.status, found.sentence) == ("outside", "项目落户上海市浦东新区")
