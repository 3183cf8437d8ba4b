"""The report as an office files it: 审查意见 first, header and signing blocks from the office's
profile, the method in an appendix, the office's template as the base, quotations trimmed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from alignment import read_document
from alignment.errors import ProfileError
from alignment.output.docx_layout import fitted_widths
from alignment.output.profile import OfficeProfile, load_profile
from alignment.output.report import write_report
from alignment.output.wording import reasons, recommendation, trim_quote
from alignment.review import Addition, Decision, Review, match_key
from alignment.scoring.analysis import Analyzer

EVAL = Path(__file__).parents[2] / "data" / "eval"
DAY = dt.date(2026, 11, 27)
PROFILE = OfficeProfile(
    unit="金水区发展和改革委员会",
    recipient="区政府",
    number="金发改审〔2026〕12号",
    reviewer="张三",
    checker="李四",
)


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:
    return Analyzer(plan, rules)


@pytest.fixture(scope="module")
def aligned(analyzer):
    return analyzer.analyse(read_document(EVAL / "it_网络安全产业园.txt"))


def _texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_opinion_comes_first_with_a_recommendation_and_reasons(aligned, rules, tmp_path) -> None:
    body = _texts(write_report(aligned, rules, tmp_path / "r.docx", date=DAY))
    assert body.index("一、审查意见") < body.index("二、基本情况")
    assert "审查意见：建议支持。" in body  # the result is strong
    assert f"计算结论：高度契合（{aligned.score:g}分）。" in body
    first_reason = body[body.index("主要理由：") + 1]
    assert first_reason == "1．项目属于本区五大重点产业中的信息科技产业（产业得分100分）。"


def test_header_and_signing_blocks_come_from_the_profile(aligned, rules, tmp_path) -> None:
    path = write_report(aligned, rules, tmp_path / "r.docx", date=DAY, profile=PROFILE)
    paragraphs = docx.Document(str(path)).paragraphs
    texts = [p.text for p in paragraphs]
    assert texts[:3] == ["金发改审〔2026〕12号", "项目与规划契合度审查报告", "区政府："]
    assert paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    signing = texts.index("审查人：张三　　复核：李四")
    assert texts[signing + 1 : signing + 3] == ["金水区发展和改革委员会", "2026年11月27日"]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.RIGHT for p in paragraphs[signing : signing + 3])
    # Signed by hand where the profile is empty.
    blank = _texts(write_report(aligned, rules, tmp_path / "b.docx", date=DAY))
    assert "审查人：__________　　复核：__________" in blank


def test_method_and_version_are_in_the_appendix_only(aligned, rules, tmp_path) -> None:
    body = _texts(write_report(aligned, rules, tmp_path / "r.docx", date=DAY))
    appendix = body.index("附件")
    assert body[appendix + 1] == "审查方法说明"
    before = "\n".join(body[:appendix])
    after = "\n".join(body[appendix:])
    for tool_words in ("TF-IDF", "PlanAlign", "0.15"):
        assert tool_words not in before
        assert tool_words in after
    # The appendix's figures are this result's.
    share = f"{aligned.components['plan_share']:.0%}"
    assert f"与规划相符句子比例{share}" in after and f"得分{aligned.score:g}分" in after


def test_the_offices_template_is_the_base(aligned, rules, tmp_path) -> None:
    template = docx.Document()
    red = template.add_paragraph("金水区发展和改革委员会文件")
    red.runs[0].font.size = docx.shared.Pt(36)
    template.add_paragraph("")
    template.sections[0].left_margin = docx.shared.Mm(30)
    template.save(str(tmp_path / "红头.docx"))
    profile = OfficeProfile(template=str(tmp_path / "红头.docx"))
    path = write_report(aligned, rules, tmp_path / "r.docx", date=DAY, profile=profile)
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "金水区发展和改革委员会文件"
    assert document.paragraphs[2].text == "项目与规划契合度审查报告"
    assert abs(document.sections[0].left_margin - docx.shared.Mm(30)) < docx.shared.Mm(0.1)
    assert "二、基本情况" in [p.text for p in document.paragraphs]


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_an_unusable_template_is_refused_in_chinese(aligned, rules, tmp_path, content) -> None:
    (tmp_path / "bad.docx").write_bytes(content)
    profile = OfficeProfile(template=str(tmp_path / "bad.docx"))
    with pytest.raises(ProfileError, match=r"报告模板无法使用：bad\.docx"):
        write_report(aligned, rules, tmp_path / "r.docx", date=DAY, profile=profile)
    assert not (tmp_path / "r.docx").exists()


def test_profile_toml(tmp_path: Path) -> None:
    path = tmp_path / "office.toml"
    path.write_text('unit = "金水区发改委"\nreviewer = "张三"\ntemplate = "红头.docx"\n', "utf-8")
    profile = load_profile(path)
    assert profile.unit == "金水区发改委" and profile.reviewer == "张三"
    assert profile.template == str(tmp_path / "红头.docx")
    assert profile.merged(reviewer="王五", checker=None).reviewer == "王五"
    path.write_text('unit = "x"\nsigner = "y"\n', "utf-8")
    with pytest.raises(ProfileError, match="未知的项：signer"):
        load_profile(path)
    path.write_text("unit = 3\n", "utf-8")
    with pytest.raises(ProfileError, match="“unit”应为"):
        load_profile(path)
    path.write_text("unit = \n", "utf-8")
    with pytest.raises(ProfileError, match="无法读取"):
        load_profile(path)


def test_a_rejected_everything_review_is_weak_beside_the_computed_verdict(
    aligned, rules, tmp_path
) -> None:
    review = Review(decisions={match_key(m): Decision(False) for m in aligned.matches})
    body = _texts(write_report(aligned, rules, tmp_path / "r.docx", date=DAY, review=review))
    line = next(t for t in body if t.startswith("计算结论："))
    assert "审查结论：契合度低（审查人员未采纳任何规划措施对照）" in line
    assert "审查意见：不予支持。" in body
    assert "未发现与规划措施明显对应的内容。" in body


def test_additions_and_stale_decisions_are_listed(aligned, rules, tmp_path) -> None:
    review = Review(
        decisions={"match:99.9.9": Decision(True, "旧版规则下的对照")},
        additions=(
            Addition("evidence", "11.1.2", "聚势优化教育资源", "建设实训基地", 3, "张三"),
            Addition("conflict", "", "占用耕地", "项目用地涉及耕地", 5, "张三"),
        ),
    )
    path = write_report(aligned, rules, tmp_path / "r.docx", date=DAY, review=review)
    document = docx.Document(str(path))
    record = next(t for t in document.tables if t.rows[0].cells[0].text == "事项")
    labels = [row.cells[0].text for row in record.rows[1:]]
    assert "match:99.9.9（该项在本次分析中已不存在）" in labels
    assert "补充措施证据：11.1.2 聚势优化教育资源" in labels
    body = [p.text for p in document.paragraphs]
    assert "（一）占用耕地" in body and "依据：审查人员认定。" in body
    assert any("审查结论：与规划冲突（审查人员认定与规划冲突）" in t for t in body)
    evidence = next(t for t in document.tables if t.rows[0].cells[0].text == "规划措施")
    assert ["11.1.2 聚势优化教育资源（主要）", "建设实训基地", "—", "人工"] in [
        [c.text for c in row.cells] for row in evidence.rows
    ]


def test_shared_words_are_bold_in_the_evidence(aligned, rules, tmp_path) -> None:
    path = write_report(aligned, rules, tmp_path / "r.docx", date=DAY)
    table = next(
        t for t in docx.Document(str(path)).tables if t.rows[0].cells[0].text == "规划措施"
    )
    match = aligned.matches[0]
    runs = table.rows[1].cells[1].paragraphs[0].runs
    bold = {r.text for r in runs if r.bold}
    assert bold and bold <= set(match.evidence[0].shared_terms)


def test_quotations_are_trimmed_around_the_shared_words() -> None:
    text = "甲" * 200 + "信息安全" + "乙" * 200
    trimmed = trim_quote(text, ("信息安全",), limit=60)
    assert trimmed.startswith("……") and trimmed.endswith("……")
    assert "信息安全" in trimmed and len(trimmed) == 64
    assert trim_quote("短句。", ("短句",)) == "短句。"


def test_widths_fit_the_content_within_the_text_block() -> None:
    rows = [["5.2.1 做大做强信息科技产业", "长" * 120, "文" * 90, "0.51（高）"]]
    widths = fitted_widths(["规划措施", "文档证据", "规划原文", "相似度"], rows)
    assert abs(sum(widths) - 156) < 0.5
    assert widths[3] < 30 <= widths[0] < widths[2] <= widths[1]
    short = fitted_widths(["产业", "得分"], [["信息科技", "100"]])
    assert abs(sum(short) - 156) < 0.5 and short[0] > short[1]


@pytest.mark.parametrize(
    ("mode", "verdict", "expected"),
    [
        ("proposal", "strong", "建议支持"),
        ("proposal", "partial", "建议修改完善后再报"),
        ("proposal", "conflict", "不予支持"),
        ("subplan", "partial", "建议修改完善后再报"),
        ("plan", "weak", "仅作一般参考"),
    ],
)
def test_recommendations(mode: str, verdict: str, expected: str) -> None:
    assert recommendation(mode, verdict) == expected


def test_reasons_name_the_conflict(analyzer) -> None:
    result = analyzer.analyse(read_document(EVAL / "red_水泥厂.txt"))
    assert reasons(result)[-1].startswith("涉及高耗能、高污染产业")


def test_a_template_without_page_setup_gets_the_reports_own(aligned, rules, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml.ns import qn

    template = docx.Document()
    template.add_paragraph("某某单位文件")
    body = template.element.body
    for properties in body.findall(qn("w:sectPr")):
        body.remove(properties)
    template.save(tmp_path / "红头.docx")
    out = write_report(
        aligned,
        rules,
        tmp_path / "报告.docx",
        profile=OfficeProfile(template=str(tmp_path / "红头.docx")),
    )
    report = docx.Document(str(out))
    assert report.paragraphs[0].text == "某某单位文件"
    section = report.sections[0]
    assert (round(section.page_width.mm), round(section.top_margin.mm)) == (210, 37)
