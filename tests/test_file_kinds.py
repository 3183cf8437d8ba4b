"""Files that are not regular files: a named pipe given as a rule file, profile or review is
refused at once (it used to block forever), a device is not read until memory runs out, and an
output onto a device is refused (exit 4) instead of replaced."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from alignment.cli import main
from alignment.files import UnreadableFile, read_capped

EVAL = Path(__file__).parent / "data" / "eval"
DOCUMENT = str(EVAL / "pub_学校.txt")

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


@needs_fifo
@pytest.mark.parametrize("option", ["--rules", "--profile", "--review"])
def test_a_named_pipe_as_an_input_file_is_refused_with_exit_3(
    fifo: Path, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", DOCUMENT, option, str(fifo)]) == 3
    error = capsys.readouterr().err
    assert "不是普通文件" in error and "not a regular file" in error and "Traceback" not in error


def test_a_device_is_not_read_whole(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="not a regular file"):
        read_capped(Path("/dev/zero"), 1024)
    big = tmp_path / "rules.toml"
    big.write_bytes(b"#" * 5000)
    with pytest.raises(UnreadableFile, match="too large"):
        read_capped(big, 4096)


def test_a_report_onto_a_device_is_refused_with_exit_4(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", DOCUMENT, "--report", "/dev/null"]) == 4
    assert "不是普通文件" in capsys.readouterr().err
    assert Path("/dev/null").is_char_device()


def test_a_file_name_cannot_forge_a_line_or_turn_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    forged = tmp_path / "a\n错误：伪造的一行\u202etxt.\x1b[31m.txt"
    forged.write_text("", encoding="utf-8")  # empty: refused, naming the file
    assert main(["check", str(forged)]) == 3
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith("错误：")
    assert "\u202e" not in error and "\x1b" not in error
    assert "\\n错误：伪造的一行\\u202etxt.\\x1b[31m" in error
