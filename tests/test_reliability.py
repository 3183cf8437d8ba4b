"""Outputs that are never formulas or crashes, and rule files that cannot hang the app."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from alignment import RuleFileError, read_document
from alignment.batch import BatchOptions, run_batch
from alignment.cli import main
from alignment.config import parse_rules
from alignment.output.workbook import write_workbook
from alignment.resources import RULES, read_text

_BODY = "项目位于金水区，建设软件园，引进软件企业100家，发展信息安全和人工智能产业。" * 10


def test_workbook_cells_are_never_formulas(tmp_path: Path) -> None:
    source = tmp_path / "=HYPERLINK(1).txt"
    source.write_text('=HYPERLINK("http://example.invalid","点击")\n' + _BODY, encoding="utf-8")
    results, failures = run_batch([source], BatchOptions(), workers=1)
    out = write_workbook(results, failures, tmp_path / "排名.xlsx")
    cells = [c for sheet in load_workbook(out) for row in sheet.iter_rows() for c in row]
    texts = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=")]
    assert {c.value for c in texts} >= {source.name, results[0].title}, [c.value for c in cells]
    assert all(c.data_type == "s" and c.quotePrefix for c in texts)
    assert not any(c.data_type == "f" for c in cells)


@pytest.mark.slow
def test_libreoffice_shows_formula_like_cells_as_text(tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    source = tmp_path / "=HYPERLINK(1).txt"
    source.write_text('=HYPERLINK("http://example.invalid","点击")\n' + _BODY, encoding="utf-8")
    results, failures = run_batch([source], BatchOptions(), workers=1)
    out = write_workbook(results, failures, tmp_path / "rank.xlsx")
    to_csv = "csv:Text - txt - csv (StarCalc):44,34,76"  # comma, quote, UTF-8
    run = subprocess.run(
        [soffice, "--headless", "--convert-to", to_csv, "--outdir", str(tmp_path), str(out)],
        check=True,
        capture_output=True,
        text=True,
        timeout=180,
    )
    if "could not be loaded" in run.stderr and not (tmp_path / "rank.csv").exists():
        pytest.skip("LibreOffice without Calc (libreoffice-writer-nogui alone) reads no .xlsx")
    rows = list(csv.reader((tmp_path / "rank.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[1][1] == source.name  # the text itself, not a formula's value
    assert rows[1][2].startswith("=HYPERLINK") and rows[1][2] != "点击"


def test_control_characters_are_replaced_on_the_way_in(tmp_path: Path) -> None:
    source = tmp_path / "控制字符.txt"
    source.write_text("金水区软件园\x01项目建议书\n" + _BODY + "\x1f\n", encoding="utf-8")
    document = read_document(source)
    assert document.paragraphs[0].text == "金水区软件园 项目建议书"
    assert not any(ord(c) < 32 and c not in "\t\n" for p in document.paragraphs for c in p.text)
    # python-docx refused the title: the report died with "程序错误" (exit 1).
    assert main(["check", str(source), "--report", str(tmp_path / "报告.docx")]) == 0
    out = tmp_path / "排名.xlsx"
    assert main(["batch", str(source), "--excel", str(out)]) == 0 and out.exists()


@pytest.mark.parametrize("pattern", ["(a+)+$", "(.*)*x", "((ab)*c)+"])
def test_a_rule_file_with_a_nested_quantifier_is_refused(pattern: str) -> None:
    text = read_text(RULES).replace(
        'patterns = ["(新建|建设|安装)[^，。；]{0,12}燃煤"]', f"patterns = ['{pattern}']"
    )
    assert pattern in text
    with pytest.raises(RuleFileError) as error:
        parse_rules(text, "colleague.toml")
    assert "嵌套的重复" in str(error.value) and "colleague.toml" in str(error.value)


def test_a_slow_pattern_the_validator_lets_through_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # (a|aa)+b backtracks exponentially on a line of a's, with no nested repetition to refuse.
    from alignment.scoring import lexicon

    monkeypatch.setattr(lexicon, "PATTERN_SECONDS", 0.2)
    rules = tmp_path / "colleague.toml"
    text = read_text(RULES).replace(
        'patterns = ["(新建|建设|安装)[^，。；]{0,12}燃煤"]', "patterns = ['(a|aa)+b']"
    )
    rules.write_text(text, encoding="utf-8")
    source = tmp_path / "项目.txt"
    source.write_text("某项目建议书\n项目位于金水区，代号" + "a" * 60 + "。\n", encoding="utf-8")
    assert main(["check", str(source), "--rules", str(rules)]) == 3
    err = capsys.readouterr().err
    assert "(a|aa)+b" in err and "运行超过" in err and "Traceback" not in err
