"""Mutation fuzzing of the readers and the analysis, and the cost of refusing hostile files.

Each input is a valid .docx, .pdf or .txt with random damage (flipped bytes, truncation,
inserted bytes, a damaged zip member). Every outcome must be a result or one of PlanAlign's own
exceptions; anything else is a crash. With --hostile, also builds the hostile files of the
"Limits and safety" section and the costly inputs of issue 19, and reports the time and peak
memory to check each (refused or analysed) in a fresh process.

    python bench/fuzz.py --count 500 [--seed 1] [--hostile]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from alignment import AlignmentError, read_document  # noqa: E402
from tests.factories import make_docx, make_pdf  # noqa: E402

PER_FILE_SECONDS = 10


def seeds(folder: Path) -> dict[str, bytes]:
    """Valid files to damage."""
    docx_path = make_docx(folder / "seed.docx")
    pdf_path = make_pdf(folder / "seed.pdf", ["信息安全产业园项目建议书", "项目位于金水区。"])
    text = "金水区信息安全产业园项目。\n项目总投资5亿元，建设网络安全实验室。\n"
    return {
        ".docx": docx_path.read_bytes(),
        ".pdf": pdf_path.read_bytes(),
        ".txt": text.encode("gb18030"),
        ".md": ("# 标题\n" + text).encode("utf-8"),
    }


def mutate(data: bytes, suffix: str, rng: random.Random) -> bytes:
    kind = rng.choice(
        ["flip", "truncate", "insert", "member"]
        if suffix == ".docx"
        else ["flip", "truncate", "insert"]
    )
    buffer = bytearray(data)
    if kind == "flip":
        for _ in range(rng.randint(1, 20)):
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    elif kind == "truncate":
        del buffer[rng.randrange(1, len(buffer)) :]
    elif kind == "insert":
        at = rng.randrange(len(buffer))
        buffer[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    else:
        return _damage_member(data, rng)
    return bytes(buffer)


def _damage_member(data: bytes, rng: random.Random) -> bytes:
    """Rewrite one zip member with damaged content, keeping the zip itself valid."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    victim = rng.choice(names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = bytearray(source.read(name))
            if name == victim and content:
                for _ in range(rng.randint(1, 10)):
                    content[rng.randrange(len(content))] = rng.randrange(256)
            target.writestr(name, bytes(content))
    return out.getvalue()


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Timeout()


def outcome_of(path: Path, analyse: Callable[[object], object] | None) -> str:
    """ "ok", "refused:<Error>", "timeout" or "crash:<Error>" for one file."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(PER_FILE_SECONDS)
    try:
        document = read_document(path)
        if analyse is not None:
            analyse(document)
        return "ok"
    except AlignmentError as error:
        return f"refused:{type(error).__name__}"
    except _Timeout:
        return "timeout"
    except Exception as error:  # the finding the fuzzer is for
        return f"crash:{type(error).__name__}: {error}"
    finally:
        signal.alarm(0)


def fuzz(
    count: int, seed: int, folder: Path, analyse: Callable[[object], object] | None = None
) -> Counter[str]:
    rng = random.Random(seed)
    valid = seeds(folder)
    outcomes: Counter[str] = Counter()
    for n in range(count):
        suffix = rng.choice(sorted(valid))
        path = folder / f"fuzz-{n}{suffix}"
        path.write_bytes(mutate(valid[suffix], suffix, rng))
        outcomes[outcome_of(path, analyse)] += 1
        path.unlink()
    return outcomes


def hostile_files(folder: Path) -> dict[str, Path]:
    """The files that "Limits and safety" says are refused."""
    files = {}
    bomb = folder / "zip-bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/bomb.xml", "w", force_zip64=True) as member:
            block = b"0" * (1 << 20)
            for _ in range(1024):  # 1 GiB of zeros, about 1 MB compressed
                member.write(block)
    files["zip bomb (1 GiB inside 1 MB)"] = bomb
    xxe = folder / "xxe.docx"
    with zipfile.ZipFile(xxe, "w") as archive:
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]><d>&e;</d>',
        )
    files["DOCTYPE/ENTITY docx"] = xxe
    big_text = folder / "huge.txt"
    with big_text.open("wb") as handle:
        line = "金水区信息安全产业园项目建设。\n".encode()
        handle.write(line * (25 * 1048576 // len(line)))  # 25 MB of text
    files["25 MB text file"] = big_text
    binary = folder / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4096)
    files["binary data named .txt"] = binary
    encrypted = folder / "encrypted.docx"
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
    files["encrypted Office file"] = encrypted
    files.update(costly_files(folder))
    return files


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _raw_docx(path: Path, body: str, method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A .docx whose body is ``body``, written as XML (python-docx takes minutes for 10^6
    paragraphs); the rest of the package is python-docx's default."""
    make_docx(path, table=False)
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}'
        "</w:body></w:document>"
    ).encode()
    with zipfile.ZipFile(path, "w", method) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path


def _words(rng: random.Random, count: int) -> str:
    """``count`` two-character words drawn from the plan's vocabulary, so that the text
    compresses like real text (repeating one sentence trips the zip-bomb ratio check instead)."""
    vocabulary = [
        "金水",
        "建设",
        "软件",
        "园区",
        "企业",
        "产业",
        "数字",
        "经济",
        "创新",
        "服务",
        "金融",
        "商务",
        "文化",
        "创意",
        "科技",
        "信息",
        "医疗",
        "养老",
        "教育",
        "交通",
    ]
    return "".join(
        rng.choice(vocabulary) + ("。" if rng.random() < 0.1 else "") for _ in range(count)
    )


def costly_files(folder: Path) -> dict[str, Path]:
    """The inputs issue 19 measured taking minutes or gigabytes, within the size limits."""
    rng = random.Random(19)
    paragraphs = "".join(
        f"<w:p><w:r><w:t>{_words(rng, 4)}</w:t></w:r></w:p>" for _ in range(49_000)
    )
    files = {
        ".docx, 49,000 short paragraphs": _raw_docx(folder / "paras.docx", paragraphs),
        ".docx, 99,000 short paragraphs": _raw_docx(
            folder / "paras99.docx",
            "".join(f"<w:p><w:r><w:t>{_words(rng, 2)}</w:t></w:r></w:p>" for _ in range(99_000)),
        ),
        ".docx, 10^6 paragraphs stored": _raw_docx(
            folder / "stored.docx", "<w:p/>" * 1_000_000, zipfile.ZIP_STORED
        ),
        ".docx, one 990k-char paragraph": _raw_docx(
            folder / "one-para.docx",
            "<w:p><w:r><w:t>" + _words(rng, 480_000)[:990_000] + "</w:t></w:r></w:p>",
        ),
        ".docx, 90 MB of hidden runs": _raw_docx(
            folder / "hidden.docx",
            "<w:p>"
            + "".join(
                f"<w:r><w:rPr><w:vanish/></w:rPr><w:t>{_words(rng, 2)}</w:t></w:r>"
                for _ in range(900_000)
            )
            + "</w:p>",
        ),
    }
    from tests.factories import many_styles_docx

    files[".docx, 20,000 styles × 300 paras"] = many_styles_docx(folder / "s300.docx", 20_000, 300)
    files[".docx, 20,000 styles × 3,000 paras"] = many_styles_docx(
        folder / "s3000.docx", 20_000, 3000
    )
    line = folder / "one-line.txt"
    line.write_text(_words(rng, 480_000)[:990_000].replace("。", "，"), encoding="utf-8")
    files[".txt, one 990k-char line"] = line
    for count in (49_000, 110_000):
        short = folder / f"sentences-{count}.txt"
        short.write_text("".join(_words(rng, 4) + "。" for _ in range(count)), encoding="utf-8")
        files[f".txt, {count:,} short sentences"] = short
    blank = folder / "blank-lines.txt"
    blank.write_text("金水区建设软件园。" + "\n" * 2_800_000 + "引进软件企业。", encoding="utf-8")
    files[".txt, 2.8M blank lines"] = blank
    return files


def measure_check(path: Path) -> tuple[str, float, float]:
    """Outcome, seconds and peak MB of checking ``path`` (read and analyse, as ``check`` does)
    in a fresh process; the seconds leave out loading the plan and the dictionary."""
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[2])\n"
        "from alignment import AlignmentError, load_plan, load_rules\n"
        "from alignment.budget import Budget\n"
        "from alignment.scoring.analysis import Analyzer\n"
        "from alignment.session import read_within\n"
        "analyzer = Analyzer(load_plan(), load_rules()); analyzer.segmenter.warm_up()\n"
        "t = time.perf_counter()\n"
        "try:\n"
        "    budget = Budget(); document = read_within(sys.argv[1], budget)\n"
        "    analyzer.analyse(document, budget=budget); outcome = 'analysed'\n"
        "except AlignmentError as e:\n    outcome = type(e).__name__\n"
        "hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]\n"
        "print(outcome, time.perf_counter() - t, int(hwm) / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout.split()
    return out[0], float(out[1]), float(out[2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    import logging

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # damaged PDFs are the point here
    from alignment import Analyzer, load_plan, load_rules

    analyzer = Analyzer(load_plan(), load_rules())
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        outcomes = fuzz(args.count, args.seed, Path(folder), analyzer.analyse)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{args.count} mutated inputs in {elapsed:.1f} s (seed {args.seed}), peak {peak:.0f} MB"
        )
        for outcome, number in outcomes.most_common():
            print(f"  {number:5d}  {outcome}")
        if args.hostile:
            print("hostile files (each checked in a fresh process):")
            for label, path in hostile_files(Path(folder)).items():
                outcome, seconds, megabytes = measure_check(path)
                print(
                    f"  {label:<36} {path.stat().st_size / 1048576:7.1f} MB on disk → {outcome}"
                    f" in {seconds * 1000:.0f} ms, peak {megabytes:.0f} MB"
                )
    crashes = sum(n for o, n in outcomes.items() if o.startswith(("crash", "timeout")))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
