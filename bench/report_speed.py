"""Time the Word report and the Excel batch.

Prints the time of one report (warm), and of 100 short documents analysed into an Excel
workbook plus 100 reports, with both cores.

    python bench/report_speed.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alignment import (  # noqa: E402  # noqa: E402
    Analyzer,
    BatchOptions,
    load_plan,
    load_rules,
    read_document,
    run_batch,
    write_report,
    write_workbook,
)

EVAL = ROOT / "tests" / "data" / "eval"


def main() -> int:
    plan, rules = load_plan(), load_rules()
    analyzer = Analyzer(plan, rules)
    result = analyzer.analyse(read_document(EVAL / "it_网络安全产业园.txt"))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        write_report(result, rules, out / "warm-up.docx")
        times = []
        for n in range(5):
            start = time.perf_counter()
            write_report(result, rules, out / f"r{n}.docx")
            times.append(time.perf_counter() - start)
        print(f"one report (warm): median {statistics.median(times):.3f} s")
        shorts = [p for p in sorted(EVAL.glob("*.txt")) if "long_" not in p.name]
        inputs = out / "in"
        inputs.mkdir()
        for n in range(100):
            source = shorts[n % len(shorts)]
            shutil.copy(source, inputs / f"{n:03d}-{source.name}")
        (out / "reports").mkdir()
        start = time.perf_counter()
        results, failures = run_batch(
            [inputs], BatchOptions(reports_dir=str(out / "reports")), workers=2
        )
        write_workbook(results, failures, out / "batch.xlsx")
        elapsed = time.perf_counter() - start
        reports = len(list((out / "reports").glob("*.docx")))
        print(
            f"100 documents → Excel + {reports} reports on 2 processes: {elapsed:.1f} s "
            f"({len(failures)} failures)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
