"""Old binary Word (.doc) and WPS (.wps) files, converted to .docx by LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from alignment.documents.model import Paragraph
from alignment.documents.word import read_docx
from alignment.errors import DocumentReadError


def read_doc(path: Path) -> list[Paragraph]:
    """An old binary Word file (.doc, or WPS's .wps), converted to .docx by LibreOffice."""
    soffice = find_soffice()
    if soffice is None:
        raise DocumentReadError(
            f"读取旧版文件 {path.name} 需要安装 LibreOffice；也可在 Word 或 WPS 中另存为 .docx 后重试。",
            f"Reading the old-format file {path.name} needs LibreOffice; or save it as .docx in "
            "Word or WPS.",
        )
    with tempfile.TemporaryDirectory(prefix="planalign-doc-") as out_dir:
        # A private profile: with the user's own LibreOffice open, a conversion sharing its
        # profile hands the job to that instance and returns without writing anything.
        profile = Path(out_dir, "profile").as_uri()
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    out_dir,
                    str(path),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
        except (subprocess.SubprocessError, OSError) as exc:
            raise DocumentReadError(
                f"LibreOffice 无法转换 {path.name}，文件可能已损坏。",
                f"LibreOffice could not convert {path.name}; the file may be corrupt.",
            ) from exc
        converted = Path(out_dir) / (path.stem + ".docx")
        if not converted.exists():
            raise DocumentReadError(
                f"LibreOffice 无法转换 {path.name}，文件可能已损坏。",
                f"LibreOffice could not convert {path.name}; the file may be corrupt.",
            )
        return read_docx(converted)


def find_soffice(windows: bool = os.name == "nt") -> str | None:
    """LibreOffice's ``soffice`` on PATH, or in its default Windows folder (the installer does not
    add it to PATH)."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found or not windows:
        return found
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        candidate = Path(base or "", "LibreOffice", "program", "soffice.exe")
        if base and candidate.exists():
            return str(candidate)
    return None
