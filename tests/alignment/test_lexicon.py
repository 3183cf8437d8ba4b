"""Finding rule-file terms: whole Latin words, longest first, exclusions, negated red lines."""

from __future__ import annotations

from alignment.lexicon import find_terms, industry_hits, red_line_hits
from alignment.rules import Industry, RedLine, TermGroup


def test_latin_terms_stand_as_whole_words() -> None:
    terms = ("AR", "VR", "5G")
    assert find_terms("发展VR/AR和5G应用", terms) == [("VR", 2), ("AR", 5), ("5G", 8)]
    assert find_terms("CAR、ARM和5GHz都不算", terms) == []
    assert find_terms("15G不是词但5G是", terms) == [("5G", 1), ("5G", 7)]


def test_a_rejected_latin_match_does_not_hide_a_later_one() -> None:
    # "AR" inside "CAR" is refused; the search must go on to the "AR" after the slash.
    assert find_terms("CAR/AR", ("AR",)) == [("AR", 4)]


def test_longer_term_wins_where_two_start_together() -> None:
    found = find_terms("发展跨境电商和电商直播", ("电商", "跨境电商", "AR"))
    assert found == [("跨境电商", 2), ("电商", 7)]


def test_exclusions_hide_terms_inside_them() -> None:
    industry = Industry(
        id="it",
        name="信息科技",
        color="#1f77b4",
        defining_measures=(),
        related_measures=(),
        groups=(TermGroup(weight=2.0, any=("信息安全", "数据")),),
        exclude=("数据来源",),
    )
    hits = industry_hits("数据来源：统计局。建设信息安全和数据平台。", industry)
    assert [(h.term, h.start) for h in hits] == [("信息安全", 11), ("数据", 16)]


def test_red_line_negation_and_the_term_itself() -> None:
    rule = RedLine(
        id="eco",
        name="生态保护红线",
        basis=(),
        quote="",
        any=("生态保护红线",),
        requires=(),
        negations=("保护", "不占用"),
    )
    # "保护" inside the term is not a negation; "不占用" in the same clause is.
    assert [h.term for h in red_line_hits("项目用地涉及生态保护红线。", rule)] == ["生态保护红线"]
    assert red_line_hits("项目不占用生态保护红线。", rule) == []


def test_red_line_pattern_overlapping_a_term_counts_once() -> None:
    rule = RedLine(
        id="coal",
        name="禁燃区内燃煤设施",
        basis=(),
        quote="",
        any=("燃煤锅炉",),
        requires=(),
        negations=(),
        patterns=("(新建|建设)[^，。；]{0,12}燃煤",),
    )
    hits = red_line_hits("建设熔炼炉及配套燃煤锅炉房。新建2台燃煤热风炉。", rule)
    assert [h.term for h in hits] == ["燃煤锅炉", "新建2台燃煤"]
