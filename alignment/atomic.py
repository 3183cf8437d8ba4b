"""Write output files atomically, and never over an input."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from alignment.errors import OutputError


def check_output_path(output: str | Path, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse an output that is one of the inputs; return it resolved.

    Raises
    ------
    OutputError
        The output would overwrite an input, or its folder does not exist.
    """
    target = Path(output).resolve()
    for item in inputs:
        if Path(item).resolve() == target:
            raise OutputError(
                f"输出文件不能与输入文件相同：{output}",
                f"The output must not be the input file: {output}",
            )
    if target.exists() and not target.is_file():
        raise OutputError(
            f"输出位置不是普通文件（文件夹、设备或管道），不能写入：{output}",
            f"The output is not a regular file (a folder, device or pipe): {output}",
        )
    if not target.parent.is_dir():
        raise OutputError(
            f"输出文件夹不存在：{target.parent}",
            f"The output folder does not exist: {target.parent}",
        )
    return target


def atomic_write(
    output: str | Path, write: Callable[[Path], object], inputs: Iterable[str | Path] = ()
) -> Path:
    """Call ``write(temporary_path)``, then move the finished file over ``output``.

    The temporary file sits in the output's folder, so the final rename is atomic: a write that
    fails or is killed half-way leaves the previous file (or none), never a corrupt one.

    Raises
    ------
    OutputError
        The output is an input, or it cannot be written (locked, read-only, disk full).
    """
    target = check_output_path(output, inputs)
    temporary: Path | None = None
    try:
        # Inside the try: a read-only folder fails here, and must be the user's error too.
        handle, name = tempfile.mkstemp(
            prefix=f".{target.stem}-", suffix=target.suffix + ".tmp", dir=target.parent
        )
        os.close(handle)
        temporary = Path(name)
        write(temporary)
        with temporary.open("rb+") as finished:
            os.fsync(finished.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain save would.
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as exc:
        raise OutputError(
            f"无法写入 {target}：文件可能正被其他程序（如 Word、Excel）打开，或文件夹只读。（{exc.strerror}）",
            f"Cannot write {target}: it may be open in another program (Word, Excel) or the "
            f"folder is read-only. ({exc.strerror})",
        ) from exc
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
    return target


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once: os.umask can only be read by setting it, which is not safe once threads run.
_UMASK = _current_umask()


def _mode_for(target: Path) -> int:
    """The replaced file's mode, or what a new file gets under the user's umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK
