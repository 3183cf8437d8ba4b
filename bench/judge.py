"""Judgement on labelled documents: every ``labels.tsv`` under ../shared/corpus (real documents
written by others), then the project's own written sets (tests/data/eval, tests/data/holdout).

Prints per set and in total: verdict, industry, measure hit@3, precision@3, mean reciprocal rank
of the first expected measure, location, document kind, missed and false conflicts, and each miss.

    .venv/bin/python bench/judge.py [--corpus DIR] [--no-written] [--quiet]
"""

from __future__ import annotations

import argparse
import csv
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"

from alignment import (  # noqa: E402
    AlignmentResult,
    Analyzer,
    load_plan,
    load_rules,
    read_document,
)


@dataclass
class Label:
    file: Path
    mode: str
    industry: str
    verdicts: tuple[str, ...]
    location: str = ""
    measures: tuple[str, ...] = ()
    red_line: str = ""
    kind: str = ""


@dataclass
class Tally:
    name: str
    counts: dict[str, list[float]] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)

    def add(self, key: str, value: float | None) -> None:
        if value is not None:
            self.counts.setdefault(key, []).append(float(value))

    def line(self, key: str) -> str:
        values = self.counts.get(key, [])
        if not values:
            return "-"
        if key in ("precision@3", "mrr"):
            return f"{sum(values) / len(values):.2f} (n={len(values)})"
        return f"{int(sum(values))}/{len(values)} = {sum(values) / len(values):.0%}"


KEYS = ("verdict", "industry", "hit@3", "precision@3", "mrr", "location", "kind")


def corpus_labels(folder: Path) -> list[Label]:
    rows = []
    with (folder / "labels.tsv").open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip()]
    header = lines[0].lstrip("# ").rstrip("\n").split("\t")
    for row in csv.DictReader(lines[1:], fieldnames=header, delimiter="\t"):
        measures = tuple(m for m in row["expected_measures"].split(";") if m and m != "-")
        location = row["location"]
        if folder.name == "proposals":
            kind = "proposal"
        else:
            kind = "subplan" if location == "inside" else "plan"
        verdicts = tuple(row["verdicts"].split(","))
        rows.append(
            Label(
                folder / row["file"],
                row["mode"],
                row["industry"],
                verdicts,
                location,
                measures,
                row.get("red_line") or _red_line_of(verdicts),
                kind,
            )
        )
    return rows


def _red_line_of(verdicts: tuple[str, ...]) -> str:
    """Where a labels file has no red_line column (plans/), the verdicts say it: conflict only,
    a line crossed; conflict among others, either answer is right."""
    if verdicts == ("conflict",):
        return "crossed"
    return "either" if "conflict" in verdicts else "none"


def written_labels(folder: Path) -> list[Label]:
    samples = tomllib.loads((folder / "labels.toml").read_text(encoding="utf-8"))["samples"]
    return [
        Label(
            folder / name,
            "auto",
            expected["primary"] or "none",
            (expected["verdict"],),
            kind=expected["mode"],
        )
        for name, expected in samples.items()
    ]


def cited(result: AlignmentResult, leads_only: bool = False) -> list[str]:
    """The measures the result cites, in order: a conflict's basis first, then the matches (the
    leads, the measures it says the document serves first, when ``leads_only``)."""
    matches = [m for m in result.matches if m.lead or not leads_only]
    order = [m for c in result.conflicts for m in c.basis] + [m.measure_id for m in matches]
    return list(dict.fromkeys(order))


def judge(label: Label, result: AlignmentResult, auto: AlignmentResult, tally: Tally) -> None:
    why = []
    ok = result.verdict in label.verdicts
    tally.add("verdict", ok)
    if not ok:
        why.append(f"verdict {result.verdict} ({result.score}) not in {','.join(label.verdicts)}")
    if label.industry != "*":
        got = result.primary_industry or "none"
        ok = got in label.industry.split("|")
        tally.add("industry", ok)
        if not ok:
            why.append(f"industry {got} ≠ {label.industry}")
    if label.measures:
        first = cited(result, leads_only=True)[:3]
        hit = any(m in label.measures for m in first)
        tally.add("hit@3", hit)
        sections = {m.rsplit(".", 1)[0] for m in label.measures}
        score = sum(
            1.0 if m in label.measures else 0.5 if m.rsplit(".", 1)[0] in sections else 0.0
            for m in first
        )
        tally.add("precision@3", score / len(first) if first else 0.0)
        ranks = [n for n, m in enumerate(cited(result), start=1) if m in label.measures]
        tally.add("mrr", 1 / ranks[0] if ranks else 0.0)
        if not hit:
            why.append(f"cited {','.join(first) or 'nothing'}, expected {';'.join(label.measures)}")
    if label.location:
        got = getattr(result, "location", None)
        status = got.status if got is not None else "n/a"
        ok = status == label.location
        tally.add("location", ok)
        if not ok:
            why.append(f"location {status} ≠ {label.location}")
    if label.kind:
        ok = auto.mode == label.kind
        tally.add("kind", ok)
        if not ok:
            why.append(f"kind {auto.mode} ≠ {label.kind}")
    if label.red_line and label.red_line != "either":
        crossed = not (label.red_line == "none" or label.red_line.startswith("trap:"))
        flagged = bool(result.conflicts)
        if crossed and not flagged:
            tally.add("missed_conflicts", 1)
            why.append(f"missed conflict: {label.red_line}")
        elif flagged and not crossed:
            tally.add("false_conflicts", 1)
            why.append(f"false conflict: {', '.join(c.name for c in result.conflicts)}")
    if why:
        tally.misses.append(f"{label.file.name}: " + "; ".join(why))


def run(analyzer: Analyzer, name: str, labels: list[Label]) -> Tally:
    tally = Tally(name)
    for label in labels:
        document = read_document(label.file)
        auto = analyzer.analyse(document)
        result = (
            auto if label.mode in ("auto", auto.mode) else analyzer.analyse(document, label.mode)
        )
        judge(label, result, auto, tally)
    return tally


def print_tally(tally: Tally, quiet: bool) -> None:
    n = len(tally.counts.get("verdict", []))
    print(f"\n## {tally.name} ({n} documents)")
    for key in KEYS:
        if key in tally.counts:
            print(f"  {key:<12} {tally.line(key)}")
    for key in ("missed_conflicts", "false_conflicts"):
        print(f"  {key:<17} {int(sum(tally.counts.get(key, [])))}")
    if not quiet:
        for miss in tally.misses:
            print(f"    - {miss}")


def total(tallies: list[Tally], name: str) -> Tally:
    merged = Tally(name)
    for tally in tallies:
        for key, values in tally.counts.items():
            merged.counts.setdefault(key, []).extend(values)
    return merged


def corpus_sets(corpus: Path) -> list[tuple[str, list[Label]]]:
    return [
        (f"corpus/{folder.name}", corpus_labels(folder))
        for folder in sorted(p.parent for p in corpus.glob("*/labels.tsv"))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-written", action="store_true", help="skip the project's own sets")
    parser.add_argument("--quiet", action="store_true", help="figures only, no misses")
    options = parser.parse_args(argv)
    analyzer = Analyzer(load_plan(), load_rules())
    real = [run(analyzer, name, labels) for name, labels in corpus_sets(options.corpus)]
    print("# Real documents written by others")
    for tally in real:
        print_tally(tally, options.quiet)
    if not options.no_written:
        print("\n# Written by the project (behaviour tests, not accuracy claims)")
        for folder in ("eval", "holdout"):
            labels = written_labels(ROOT / "tests" / "data" / folder)
            print_tally(run(analyzer, f"tests/data/{folder}", labels), True)
    print_tally(total(real, "real documents, in total"), True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
