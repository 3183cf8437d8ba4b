"""Small files the app reads whole (rule files, profiles, reviews), read only when they are
regular files and only up to a cap counted while reading: a named pipe would block forever, and a
device such as /dev/zero reports size 0 and never ends."""

from __future__ import annotations

from pathlib import Path

RULES_BYTES = 2 * 1024 * 1024  # the shipped rule file is 20 KB
PROFILE_BYTES = 256 * 1024  # a handful of names and a template's path


class UnreadableFile(OSError):
    """Not a regular file, or larger than the cap; ``str()`` says which in Chinese and English."""


def read_capped(path: Path, limit: int) -> bytes:
    """The bytes of the regular file ``path``, refused past ``limit`` bytes.

    Raises
    ------
    FileNotFoundError
        It does not exist.
    UnreadableFile
        It is a folder, a device, a pipe or a socket, or larger than ``limit``.
    """
    if path.exists() and not path.is_file():
        raise UnreadableFile(
            "不是普通文件（文件夹、设备或管道）/ not a regular file (a folder, device or pipe)"
        )
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnreadableFile(
            f"文件过大（上限 {limit // 1024} KB）/ the file is too large (limit {limit // 1024} KB)"
        )
    return data


def read_capped_text(path: Path, limit: int, encoding: str = "utf-8") -> str:
    return read_capped(path, limit).decode(encoding)
