"""Seconds per page and peak memory of reading scans by OCR (the ``ocr`` extra).

Each case is generated (Chinese text drawn with a CJK font, as tests/factories.py draws it) and
read in a fresh process, so the model's load and the peak memory are the case's own:

    python bench/ocr.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.factories import scanned_page, scanned_pdf, scanned_study  # noqa: E402

MEASURE = """
import sys, time; sys.path.insert(0, sys.argv[2])
started = time.perf_counter()
from alignment.documents import ocr
ocr._engine()
loaded = time.perf_counter()
from alignment import read_document
document = read_document(sys.argv[1])
done = time.perf_counter()
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(loaded - started, done - loaded, document.ocr.pages, int(hwm) / 1024, document.char_count)
"""


def cases(folder: Path) -> dict[str, Path]:
    notice = [
        "本项目拟在金水区建设信息安全产业园，重点发展网络安全、数据安全和密码技术等产业。",
        "项目总投资5亿元，建成后预计年产值10亿元，引进信息安全企业30家，带动就业2000人。",
        "经研究，同意该项目按程序实施。",
    ]
    page = scanned_page(notice, "关于金水区信息安全产业园项目的批复", page_number=1, seal=True)
    png = folder / "notice.png"
    page.save(png)
    return {
        "one-page notice with a seal, .png (150 dpi)": png,
        "the same page, scanned PDF": scanned_pdf(folder / "notice.pdf", [page]),
        "five-page scanned study, PDF": scanned_study(folder / "study.pdf"),
        "one page upside down, PDF": scanned_pdf(folder / "turned.pdf", [page.rotate(180)]),
        "one page on its side, PDF": scanned_pdf(
            folder / "side.pdf", [page.rotate(90, expand=True)]
        ),
    }


def main() -> int:
    print(f"{os.cpu_count()} cores; each case in a fresh process")
    with tempfile.TemporaryDirectory() as folder:
        for label, path in cases(Path(folder)).items():
            out = subprocess.run(
                [sys.executable, "-c", MEASURE, str(path), str(ROOT)],
                capture_output=True,
                text=True,
                check=True,
                timeout=600,
            ).stdout.split()
            load, read, pages, peak, chars = (
                float(out[0]),
                float(out[1]),
                int(out[2]),
                *map(float, out[3:]),
            )
            print(
                f"  {label:<44} model load {load:4.1f} s | {read / pages:4.1f} s a page "
                f"({pages} pages, {chars:.0f} characters) | peak {peak:.0f} MB"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
