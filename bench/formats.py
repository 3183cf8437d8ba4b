"""Does a document score the same as .txt, .docx and .pdf?

Writes every labelled evaluation and hold-out document as a .docx (its first line a heading), has
LibreOffice make a PDF of each, and prints the documents whose verdict, primary industry or mode
differ between the three, and the largest score difference. Needs LibreOffice (``soffice``).

    python bench/formats.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alignment import (  # noqa: E402
    Analyzer,
    load_plan,
    load_rules,
    read_document,
)
from alignment.documents.legacy import find_soffice  # noqa: E402

SETS = (ROOT / "tests" / "data" / "eval", ROOT / "tests" / "data" / "holdout")


def as_docx(text: str, path: Path) -> None:
    import docx

    lines = [line for line in text.splitlines() if line.strip()]
    document = docx.Document()
    document.add_heading(lines[0], 1)
    for line in lines[1:]:
        document.add_paragraph(line)
    document.save(str(path))


def main() -> int:
    soffice = find_soffice()
    if soffice is None:
        print("LibreOffice (soffice) is needed to make the PDFs.")
        return 1
    analyzer = Analyzer(load_plan(), load_rules())
    sources = [
        folder / name
        for folder in SETS
        for name in tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))["samples"]
        if name.endswith(".txt")  # the text is what is written out as .docx and PDF
    ]
    differ, widest = 0, 0.0
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        for source in sources:
            as_docx(source.read_text(encoding="utf-8"), out / f"{source.stem}.docx")
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out)]
            + [str(out / f"{s.stem}.docx") for s in sources],
            check=True,
            capture_output=True,
        )
        for source in sources:
            results = [
                analyzer.analyse(read_document(path))
                for path in (source, out / f"{source.stem}.docx", out / f"{source.stem}.pdf")
            ]
            judgements = {(r.verdict, r.primary_industry, r.mode) for r in results}
            spread = max(r.score for r in results) - min(r.score for r in results)
            widest = max(widest, spread)
            differ += len(judgements) > 1
            if len(judgements) > 1 or spread > 3:
                print(source.name, [(r.score, r.verdict, r.primary_industry) for r in results])
    print(
        f"{differ} of {len(sources)} documents judged differently as .txt/.docx/.pdf "
        "(listed with those whose scores differ by more than 3); "
        f"largest score difference {widest:.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
