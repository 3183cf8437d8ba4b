"""Hostile files, fuzzing, the offline guarantee and crash-safe writes."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from alignment import DocumentReadError, RuleFileError, read_document
from alignment.batch import BatchOptions, run_batch
from alignment.config import load_rules_or_default, parse_rules
from alignment.errors import DocumentTooLargeError
from alignment.output.report import write_report
from alignment.output.workbook import write_workbook
from alignment.resources import RULES, read_text
from alignment.scoring.analysis import Analyzer
from bench.fuzz import fuzz, hostile_files
from tests.factories import make_docx

EVAL = Path(__file__).parents[2] / "data" / "eval"
ROOT = Path(__file__).parents[3]


@pytest.mark.slow
def test_fuzzed_inputs_end_in_a_result_or_our_own_error(plan, rules, tmp_path: Path) -> None:
    analyzer = Analyzer(plan, rules)
    outcomes = fuzz(150, seed=20261127, folder=tmp_path, analyse=analyzer.analyse)
    assert sum(outcomes.values()) == 150
    bad = {o: n for o, n in outcomes.items() if o.startswith(("crash", "timeout"))}
    assert bad == {}
    assert outcomes["ok"] > 0 and any(o.startswith("refused") for o in outcomes)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Built once: the zip bomb alone writes 1 GiB through zlib."""
    return hostile_files(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize(
    "label",
    [
        "zip bomb (1 GiB inside 1 MB)",
        "DOCTYPE/ENTITY docx",
        "25 MB text file",
        "binary data named .txt",
        "encrypted Office file",
    ],
)
def test_hostile_files_are_refused(hostile: dict[str, Path], label: str) -> None:
    path = hostile[label]
    with pytest.raises(DocumentReadError):
        read_document(path)


def test_doctype_in_any_part_is_refused(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx")
    bad = tmp_path / "styles-xxe.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/styles.xml":
                data = (
                    b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY x SYSTEM "http://example.invalid/">]>'
                    + data.split(b"?>", 1)[1]
                )
            target.writestr(name, data)
    with pytest.raises(DocumentReadError, match="DOCTYPE"):
        read_document(bad)


def test_huge_table_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import docx

    from alignment.documents import safety

    monkeypatch.setattr(safety, "MAX_PARAGRAPHS", 50)
    document = docx.Document()
    table = document.add_table(rows=30, cols=3)
    for row in table.rows:
        for cell in row.cells:
            cell.text = "单元格"
    path = tmp_path / "大表格.docx"
    document.save(path)
    with pytest.raises(DocumentTooLargeError, match="过多"):
        read_document(path)


def test_too_many_paragraphs_are_refused_before_python_docx_parses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignment.documents import safety
    from tests.factories import make_docx

    path = make_docx(tmp_path / "长.docx", ["金水区建设软件园。"] * 60, table=False)
    monkeypatch.setattr(safety, "MAX_PARAGRAPHS", 50)
    monkeypatch.setattr("docx.Document", None)  # parsing would be a TypeError, not a refusal
    with pytest.raises(DocumentTooLargeError, match="段落或表格单元格过多"):
        read_document(path)


def test_text_over_the_character_cap_is_refused(tmp_path: Path) -> None:
    from alignment.documents import safety

    path = tmp_path / "长.txt"
    path.write_text("金水区建设软件园。" * (safety.MAX_CHARACTERS // 9 + 1), encoding="utf-8")
    with pytest.raises(DocumentTooLargeError, match="文字过多"):
        read_document(path)


def test_a_document_of_too_many_sentences_is_refused_before_it_is_compared(
    plan, rules, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignment.documents import safety
    from alignment.scoring.analysis import Analyzer
    from tests.factories import text_document

    monkeypatch.setattr(safety, "MAX_SENTENCES", 3)
    document = text_document(*(f"金水区建设第{n}个软件产业园区。" for n in range(5)))
    analyzer = Analyzer(plan, rules)
    monkeypatch.setattr(analyzer.index, "similarity", None)  # must not be reached
    with pytest.raises(DocumentTooLargeError, match="句子过多"):
        analyzer.analyse(document)


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    path = tmp_path / "加密.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(DocumentReadError, match="加密"):
        read_document(path)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any attempt to open a connection fails the test loudly."""
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_read_check_report_batch_offline(
    no_network: list[object], plan, rules, tmp_path: Path
) -> None:
    document = read_document(EVAL / "it_网络安全产业园.txt")
    result = Analyzer(plan, rules).analyse(document)
    write_report(result, rules, tmp_path / "报告.docx", date=dt.date(2026, 11, 27))
    results, failures = run_batch(
        [EVAL / "fin_金融中心.txt", EVAL / "red_炒房.txt"], BatchOptions(), workers=1
    )
    write_workbook(results, failures, tmp_path / "批量.xlsx")
    assert no_network == [] and len(results) == 2


_KILLED_WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from alignment.atomic import atomic_write

def write(path: Path) -> None:
    with path.open("wb") as handle:
        handle.write(b"half of the new report")
        handle.flush()
        print("writing", flush=True)
        sys.stdin.readline()  # blocks until the parent kills us

atomic_write(sys.argv[1], write)
"""


def _kill_while_writing(target: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(target), str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout.readline().strip() == "writing"
        child.kill()
        child.wait(timeout=30)


def test_write_killed_half_way_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "报告.docx"
    target.write_bytes(b"the previous report")
    _kill_while_writing(target)
    assert target.read_bytes() == b"the previous report"


def test_write_killed_before_any_file_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "新报告.docx"
    _kill_while_writing(target)
    assert not target.exists()


def _shipped_line(fragment: str) -> int:
    return next(n for n, line in enumerate(read_text(RULES).splitlines(), 1) if fragment in line)


def test_bad_regular_expression_names_its_line() -> None:
    text = read_text(RULES).replace(
        'patterns = ["(新建|建设|安装)', 'patterns = ["((新建|建设|安装)'
    )
    with pytest.raises(RuleFileError) as caught:
        parse_rules(text, "user.toml")
    line = _shipped_line('patterns = ["(新建|建设|安装)')
    assert f"第{line}行" in caught.value.message
    assert "正则表达式" in caught.value.message


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        (("[scoring]", "[scoring"), "TOML"),
        (("weight = 3", "weight = -3"), "weight"),
        (('quote = "坚持房住不炒的定位"', 'quotation = "x"'), "quotation"),
    ],
)
def test_broken_user_rule_file_falls_back_to_shipped(
    tmp_path: Path, change: tuple[str, str], fragment: str
) -> None:
    path = tmp_path / "rules.toml"
    path.write_text(read_text(RULES).replace(*change, 1), encoding="utf-8")
    rules, warning = load_rules_or_default(path)
    assert rules.source == "resources/rules.toml"
    assert warning is not None and str(path) in warning and "行" in warning and fragment in warning


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_written_files_get_a_normal_mode_not_the_temp_files_private_one(tmp_path: Path) -> None:
    import os

    from alignment.atomic import atomic_write

    new = atomic_write(tmp_path / "新.txt", lambda p: p.write_text("a", encoding="utf-8"))
    mask = os.umask(0)
    os.umask(mask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~mask
    existing = tmp_path / "旧.txt"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o640)
    atomic_write(existing, lambda p: p.write_text("new", encoding="utf-8"))
    assert (
        existing.stat().st_mode & 0o777 == 0o640 and existing.read_text(encoding="utf-8") == "new"
    )


def test_style_names_are_read_once_not_per_paragraph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # python-docx's Paragraph.style searches every style: 20,000 styles × 3,000 paragraphs read
    # for over 300 s. The reader resolves each paragraph's style from one id → name table.
    from docx.text.paragraph import Paragraph as DocxParagraph

    from tests.factories import many_styles_docx

    def searched(self: object) -> None:
        raise AssertionError("Paragraph.style searched the styles")

    styled = many_styles_docx(tmp_path / "styles.docx", 2000, 300)
    headings = make_docx(tmp_path / "headings.docx")
    monkeypatch.setattr(DocxParagraph, "style", property(searched))
    assert len(read_document(styled).paragraphs) == 300
    assert [p.level for p in read_document(headings).paragraphs][:2] == [1, 2]


def test_a_docx_padded_with_definitions_or_runs_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alignment.documents import safety
    from tests.factories import many_styles_docx

    with pytest.raises(DocumentTooLargeError, match="样式超过 5000 个"):
        read_document(many_styles_docx(tmp_path / "styles.docx", 6000, 10))
    monkeypatch.setattr(safety, "MAX_BODY_ELEMENTS", 1000)
    runs = make_docx(tmp_path / "runs.docx", ["金水区软件园。"] * 1200, table=False)
    with pytest.raises(DocumentTooLargeError, match="结构过于复杂"):
        read_document(runs)
    assert safety._count(zipfile.ZipFile(runs), "word/document.xml", (b"<w:r>",)) >= 1200


def test_a_zip_of_an_unknown_version_is_a_damaged_document(tmp_path: Path) -> None:
    # Found by bench/fuzz.py --count 10000: zipfile raised NotImplementedError ("程序错误").
    data = bytearray(make_docx(tmp_path / "seed.docx").read_bytes())
    entry = data.find(b"PK\x01\x02")
    while entry >= 0:
        data[entry + 6] = 239  # "version needed to extract": 23.9
        entry = data.find(b"PK\x01\x02", entry + 1)
    damaged = tmp_path / "损坏.docx"
    damaged.write_bytes(bytes(data))
    with pytest.raises(DocumentReadError, match="不是有效的 Word 文档"):
        read_document(damaged)
