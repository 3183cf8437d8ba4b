"""The measures a document serves first (leads), as the analysis, report and CLI tell them."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from alignment import read_document
from alignment.output.report import write_report
from alignment.output.wording import reasons
from alignment.scoring.analysis import Analyzer
from tests.alignment.scoring.test_analysis import EVAL


@pytest.fixture(scope="module")
def analyzer(plan, rules) -> Analyzer:
    return Analyzer(plan, rules)


def _body(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_a_park_serves_its_leads_first_and_the_rest_are_related(analyzer, rules, tmp_path) -> None:
    result = analyzer.analyse(read_document(EVAL / "pub_公园.txt"))
    leads = result.leads
    assert 0 < len(leads) < len(result.matches)
    assert list(result.matches[: len(leads)]) == list(leads)  # leads come first
    body = _body(write_report(result, rules, tmp_path / "r.docx"))
    assert any(f"标“主要”的{len(leads)}项" in t for t in body)
    named = f"{leads[0].measure_id}“{leads[0].measure_title}”"
    assert any(named in r and "另与" in r for r in reasons(result))


def test_a_document_crossing_a_red_line_serves_no_measure_first(analyzer, rules, tmp_path) -> None:
    result = analyzer.analyse(read_document(EVAL / "red_水泥厂.txt"))
    assert result.verdict == "conflict" and result.matches
    assert result.leads == () and not any(m.lead for m in result.matches)
    body = _body(write_report(result, rules, tmp_path / "r.docx"))
    assert any("触及规划红线，下表所列是其文本与之相近的规划措施" in t for t in body)
    assert not any("主要服务规划措施" in r for r in reasons(result))
    assert any("不视为服务这些措施" in r for r in reasons(result))


def test_the_cli_marks_the_leads(tmp_path, capsys) -> None:
    from alignment.cli import main

    assert main(["check", str(EVAL / "pub_公园.txt")]) == 0
    out = capsys.readouterr().out
    assert "（主要，相似度" in out and "“主要”为首先服务的措施" in out
    assert main(["check", str(EVAL / "red_水泥厂.txt")]) == 0
    assert "文本相近的规划措施（文档触及红线" in capsys.readouterr().out
