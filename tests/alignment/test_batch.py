from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook

from alignment import OutputError
from alignment.atomic import atomic_write
from alignment.batch import BatchOptions, collect_files, run_batch
from alignment.cli import main
from alignment.output.workbook import write_workbook

EVAL = Path(__file__).parent.parent / "data" / "eval"
NAMES = ["it_网络安全产业园.txt", "red_水泥厂.txt", "off_海水养殖.txt", "pub_养老中心.txt"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    source = tmp_path / "提交材料"
    source.mkdir()
    for name in NAMES:
        shutil.copy(EVAL / name, source / name)
    (source / "损坏.docx").write_text("not a docx", encoding="utf-8")
    (source / "~$临时.docx").write_text("lock file", encoding="utf-8")
    return source


def test_collect_files_searches_folders_and_skips_lock_files(folder: Path) -> None:
    names = [p.name for p in collect_files([folder])]
    assert "~$临时.docx" not in names and "损坏.docx" in names and len(names) == 5


def test_batch_keeps_going_past_a_bad_file(folder: Path) -> None:
    progress = []
    results, failures = run_batch(
        [folder], BatchOptions(), workers=1, progress=lambda f, m: progress.append(f)
    )
    assert len(results) == 4
    assert [Path(f.path).name for f in failures] == ["损坏.docx"]
    assert "不是有效的 Word 文档" in failures[0].reason
    assert progress[-1] == 1.0


def test_workbook_is_ranked_with_formats_and_failures(folder: Path, tmp_path: Path) -> None:
    results, failures = run_batch([folder], BatchOptions(), workers=1)
    output = write_workbook(results, failures, tmp_path / "排名.xlsx")
    workbook = load_workbook(output)
    sheet = workbook["审查排名"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    scored = [r for r in rows if r[0]]
    assert [r[1] for r in scored][-1] == "red_水泥厂.txt"  # conflicts rank last
    assert [r[3] for r in scored[:-1]] == sorted((r[3] for r in scored[:-1]), reverse=True)
    assert rows[-1][1] == "损坏.docx" and rows[-1][4] == "读取失败"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.cell(row=2, column=4).number_format == "0.0"
    assert sheet.cell(row=1, column=19).value == "未来产业得分"
    assert sheet.cell(row=2, column=19).number_format == "0.0"
    assert sheet.cell(row=2, column=5).fill.fgColor.rgb.endswith("C6EFCE")
    assert sheet.column_dimensions["B"].width >= 20
    evidence = workbook["措施对照"]
    assert evidence.max_row > 1 and evidence.cell(row=1, column=7).value == "文档证据"
    assert evidence.cell(row=1, column=4).value == "主要措施"
    assert {evidence.cell(row=r, column=4).value for r in range(2, evidence.max_row + 1)} >= {"是"}
    for printed in (sheet, evidence):  # one page wide, A4 landscape, the header on every page
        setup = printed.page_setup
        assert (setup.paperSize, setup.orientation) == (9, "landscape")
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
        assert printed.sheet_properties.pageSetUpPr.fitToPage
        assert printed.print_title_rows == "$1:$1"


@pytest.mark.slow
def test_parallel_batch_matches_serial(folder: Path) -> None:
    serial, _ = run_batch([folder], BatchOptions(), workers=1)
    parallel, failures = run_batch([folder], BatchOptions(), workers=2)
    assert sorted((r.document, r.score) for r in serial) == sorted(
        (r.document, r.score) for r in parallel
    )
    assert len(failures) == 1


def test_cli_batch_with_reports(folder: Path, tmp_path: Path) -> None:
    excel, reports = tmp_path / "out.xlsx", tmp_path / "reports"
    assert (
        main(
            [
                "batch",
                str(folder),
                "--excel",
                str(excel),
                "--reports",
                str(reports),
                "--workers",
                "1",
            ]
        )
        == 0
    )
    assert excel.exists() and len(list(reports.glob("*.docx"))) == 4


def test_cli_check_report_and_output_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "建议书.txt"
    shutil.copy(EVAL / "fin_金融中心.txt", source)
    assert main(["check", str(source), "--report", str(tmp_path / "报告.docx")]) == 0
    assert (tmp_path / "报告.docx").exists()
    assert main(["check", str(source), "--report", str(source)]) == 4
    assert source.read_text(encoding="utf-8").startswith("金水区金融机构")
    assert "不能与输入文件相同" in capsys.readouterr().err


def test_read_only_folder_gives_output_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    if os.geteuid() == 0:  # root ignores the mode: refuse as the folder would (see below too)

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(locked))

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(OutputError):
            atomic_write(locked / "x.docx", lambda p: p.write_bytes(b"x"))
    finally:
        locked.chmod(stat.S_IRWXU)


def test_read_only_folder_is_exit_4_for_an_unprivileged_user() -> None:
    """Run as nobody (setpriv) when the tests run as root, as CI does: it must not skip."""
    import shutil
    import subprocess
    import sys
    import tempfile

    root = Path(tempfile.mkdtemp(prefix="planalign-ro-"))
    try:
        root.chmod(0o755)
        cache = root / "cache"
        cache.mkdir(mode=0o777)
        cache.chmod(0o777)
        locked = root / "locked"
        locked.mkdir(mode=0o555)
        source = root / "项目.txt"
        shutil.copy(EVAL / "it_网络安全产业园.txt", source)
        source.chmod(0o644)
        command = [sys.executable, str(Path(__file__).parents[2] / "main.py"), "check"]
        command += [str(source), "--report", str(locked / "报告.docx")]
        env = {**os.environ, "PLANALIGN_CACHE": str(cache), "HOME": str(cache)}
        if os.geteuid() == 0:
            drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            probe = [*drop, sys.executable, "-c", "import alignment"]
            if subprocess.run(probe, capture_output=True, env=env, timeout=60).returncode != 0:
                # The checkout or its venv is closed to other users: refuse the write as the
                # folder would, in this process, so that the promise is still checked.
                _refused_in_process(source, locked)
                return
            command = [*drop, *command]
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 4, done.stderr
        assert "无法写入" in done.stderr and "Traceback" not in done.stderr
        assert list(locked.iterdir()) == []
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _refused_in_process(source: Path, locked: Path) -> None:
    import contextlib
    import io
    import tempfile

    from alignment.cli import main

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(locked))

    err = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stderr(err):
        patch.setattr(tempfile, "mkstemp", refuse)
        assert main(["check", str(source), "--report", str(locked / "报告.docx")]) == 4
    assert "无法写入" in err.getvalue()


def test_failed_write_leaves_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"previous")

    def failing(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="无法写入"):
        atomic_write(target, failing)
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_locked_target_gives_output_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"open in Word")

    def locked(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputError, match="被其他程序"):
        atomic_write(target, lambda p: p.write_bytes(b"new"))
    assert target.read_bytes() == b"open in Word"


def test_cli_exit_code_4_when_target_cannot_be_written(tmp_path: Path) -> None:
    source = tmp_path / "建议书.txt"
    shutil.copy(EVAL / "fin_金融中心.txt", source)
    blocked = tmp_path / "报告.docx"
    blocked.mkdir()  # a folder where the file should go cannot be replaced
    assert main(["check", str(source), "--report", str(blocked)]) == 4


def test_inputs_sharing_a_stem_get_their_own_reports(tmp_path: Path) -> None:
    source = tmp_path / "材料"
    (source / "二期").mkdir(parents=True)
    shutil.copy(EVAL / "it_网络安全产业园.txt", source / "建议书.txt")
    shutil.copy(EVAL / "fin_金融中心.txt", source / "建议书.md")
    shutil.copy(EVAL / "pub_公园.txt", source / "二期" / "建议书.txt")
    reports = tmp_path / "报告"
    reports.mkdir()
    results, failures = run_batch([source], BatchOptions(reports_dir=str(reports)), workers=1)
    assert failures == [] and len(results) == 3
    assert sorted(p.name for p in reports.iterdir()) == [
        "建议书-审查报告-2.docx",
        "建议书-审查报告-3.docx",
        "建议书-审查报告.docx",
    ]


def test_workbook_names_the_sub_plans_weaker_targets(tmp_path: Path) -> None:
    planted = Path(__file__).parent.parent / "data" / "good" / "金水区科技创新专项规划.txt"
    results, failures = run_batch([planted], BatchOptions(), workers=1)
    sheet = load_workbook(write_workbook(results, failures, tmp_path / "子规划.xlsx"))["审查排名"]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, next(sheet.iter_rows(min_row=2, values_only=True)), strict=True))
    assert row["低于规划的目标"] == "高新技术企业"
    assert header[-6:] == ["提示", "文档类型", "区位", "未来产业得分", "审查结论", "报告"]
    assert (row["文档类型"], row["区位"]) == ("本区专项规划/实施方案", "区内")


def test_a_batch_never_reads_its_own_outputs(tmp_path: Path) -> None:
    # A second run with --reports inside the input folder reviewed its own reports (100, 99.8 …).
    from alignment.cli import main

    folder = tmp_path / "材料"
    folder.mkdir()
    shutil.copy(EVAL / "it_网络安全产业园.txt", folder / "建议书.txt")
    args = ["batch", str(folder), "--excel", str(folder / "排名.xlsx")]
    for _ in range(2):
        assert main([*args, "--reports", str(folder / "报告")]) == 0
    (folder / "报告" / "建议书-审查报告.docx").rename(folder / "建议书-审查报告.docx")
    assert main(args) == 0
    sheet = load_workbook(folder / "排名.xlsx")["审查排名"]
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["建议书.txt"]


def test_batch_uses_saved_reviews_and_links_each_row_to_its_report(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    from alignment.review import Decision, Review
    from alignment.review_file import content_hash, review_path, save_review

    reviews = tmp_path / "审查记录"
    cement = folder / "red_水泥厂.txt"
    review = Review(decisions={"conflict:high_energy_pollution": Decision(False, "已核实")})
    save_review(review, review_path(reviews, content_hash(cement)))
    (tmp_path / "损坏审查").mkdir()
    excel, reports = tmp_path / "排名.xlsx", tmp_path / "报告"
    code = main(
        [
            "batch",
            str(folder),
            "--excel",
            str(excel),
            "--reports",
            str(reports),
            "--reviews",
            str(reviews),
            "--workers",
            "1",
            "--unit",
            "金水区发改委",
        ]
    )
    assert code == 0
    sheet = load_workbook(excel)["审查排名"]
    header = [c.value for c in sheet[1]]
    assert header[-2:] == ["审查结论", "报告"]
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2) if row[0].value}
    cement_row = rows["red_水泥厂.txt"]
    assert cement_row[4].value == "与规划冲突"  # computed, kept beside the reviewed one
    assert cement_row[-2].value not in ("", None, "与规划冲突")
    assert rows["it_网络安全产业园.txt"][-2].value in ("", None)  # not reviewed
    link = cement_row[-1]
    assert link.value == "打开报告"
    assert link.hyperlink.target == os.path.join("报告", "red_水泥厂-审查报告.docx")
    assert (excel.parent / link.hyperlink.target).exists()
    filed = docx.Document(str(reports / "red_水泥厂-审查报告.docx"))
    assert "金水区发改委" in [p.text for p in filed.paragraphs]
    record = next(t for t in filed.tables if t.rows[0].cells[0].text == "事项")
    assert [c.text for c in record.rows[1].cells[1:3]] == ["不采纳", "已核实"]
