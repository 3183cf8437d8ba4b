from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from alignment.cli import main
from tests.factories import make_docx

ROOT = Path(__file__).parent.parent


def test_plan_json_has_the_whole_model(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["chapters"]) == 14
    assert sum(len(c["sections"]) for c in data["chapters"]) == 54
    measures = [m for c in data["chapters"] for s in c["sections"] for m in s["measures"]]
    assert 190 <= len(measures) <= 210 and {"id", "title", "text", "targets"} <= set(measures[0])
    assert len(data["targets"]) >= 40
    assert {"id", "indicator", "comparator", "value", "unit", "year", "measure_id", "text"} <= set(
        data["targets"][0]
    )
    assert [i["name"] for i in data["industries"]][:5] == [
        "信息科技",
        "商贸服务",
        "现代金融",
        "高端商务",
        "文化创意",
    ]
    assert "5.2.1" in data["industries"][0]["measure_ids"]
    assert data["red_lines"]


def test_plan_outline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan"]) == 0
    out = capsys.readouterr().out
    assert "14 章，54 节" in out and "5.2 培育壮大五大重点产业" in out


def test_plan_option_selects_another_plan(
    capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    assert main(["plan", "--plan", str(data_dir / "good" / "示范区数字经济发展规划.txt")]) == 0
    assert "惠济区数字经济" in capsys.readouterr().out


def test_read_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make_docx(tmp_path / "建议书.docx")
    assert main(["read", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["paragraphs"][0]["level"] == 1


def test_unreadable_input_exits_3_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "坏.docx"
    bad.write_text("not a docx", encoding="utf-8")
    assert main(["read", str(bad)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "不是有效的 Word 文档" in err and "Error:" in err


def test_bad_plan_file_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "无结构.txt"
    plain.write_text("没有章节的文字。", encoding="utf-8")
    assert main(["plan", "--plan", str(plain)]) == 3
    assert "章节结构" in capsys.readouterr().err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_main_py_runs_as_a_process() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "read", "/nonexistent.txt"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 3
    assert "Traceback" not in result.stderr and "文件不存在" in result.stderr


def test_a_bug_gives_one_line_and_a_log_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignment import cli

    monkeypatch.setattr(cli, "cache_dir", lambda: tmp_path)

    def broken(path: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(cli, "read_document", broken)
    assert main(["read", str(tmp_path / "x.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "程序错误" in err and "Unexpected error" in err
    assert "Traceback" not in err
    (log,) = (tmp_path / "logs").glob("error-*.log")
    assert "KeyError: 'boom'" in log.read_text(encoding="utf-8") and str(log) in err


def test_check_files_the_report_for_the_office_in_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    profile = tmp_path / "office.toml"
    profile.write_text('unit = "金水区发展和改革委员会"\nreviewer = "张三"\n', encoding="utf-8")
    source = ROOT / "tests" / "data" / "eval" / "it_网络安全产业园.txt"
    report = tmp_path / "r.docx"
    code = main(
        [
            "check",
            str(source),
            "--profile",
            str(profile),
            "--checker",
            "李四",
            "--number",
            "金发改审〔2026〕3号",
            "--report",
            str(report),
        ]
    )
    assert code == 0
    texts = [p.text for p in docx.Document(str(report)).paragraphs]
    assert texts[0] == "金发改审〔2026〕3号"
    assert "审查人：张三　　复核：李四" in texts and "金水区发展和改革委员会" in texts


def test_check_applies_a_saved_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from alignment.review import Decision, Review
    from alignment.review_file import content_hash, save_review

    source = ROOT / "tests" / "data" / "eval" / "red_水泥厂.txt"
    review = Review(
        document_hash=content_hash(source),
        decisions={"conflict:high_energy_pollution": Decision(False, "已改为清洁生产")},
    )
    saved = save_review(review, tmp_path / "review.json")
    assert main(["check", str(source), "--review", str(saved)]) == 0
    out = capsys.readouterr().out
    assert "计算结论：与规划冲突" in out and "审查结论：" in out
    # A review of another document is refused, naming it.
    other = ROOT / "tests" / "data" / "eval" / "it_网络安全产业园.txt"
    assert main(["check", str(other), "--review", str(saved)]) == 3
    assert "另一份文档" in capsys.readouterr().err


def test_bad_profile_exits_3(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "office.toml"
    profile.write_text('signer = "x"\n', encoding="utf-8")
    source = ROOT / "tests" / "data" / "eval" / "it_网络安全产业园.txt"
    assert main(["check", str(source), "--profile", str(profile)]) == 3
    err = capsys.readouterr().err
    assert "未知的项：signer" in err and "Unknown keys" in err
