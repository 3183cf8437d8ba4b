"""Analyse many documents on both cores; a bad file is reported and the batch goes on."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from alignment.budget import Budget
from alignment.config import Rules, load_rules
from alignment.documents.formats import READERS
from alignment.errors import AlignmentError, Cancelled, OutputError
from alignment.output.profile import OfficeProfile
from alignment.output.workbook import Failure
from alignment.plan.parser import load_plan
from alignment.review import Review
from alignment.review_file import reviews_for
from alignment.scoring.analysis import Analyzer
from alignment.scoring.result import AlignmentResult
from alignment.session import read_within

Progress = Callable[[float, str], None]
# Below this many files, starting worker processes costs more than it saves.
_PARALLEL_FROM = 4


@dataclass(frozen=True)
class BatchOptions:
    """What every job needs; plain paths so that worker processes can rebuild the analyzer."""

    plan: str | None = None
    rules: str | None = None
    mode: str = "auto"
    reports_dir: str | None = None
    # Saved reviews (the window's app-data folder, or `batch --reviews`): a document reviewed
    # there gets its reviewed verdict in the workbook and its decisions in its report.
    reviews_dir: str | None = None
    profile: OfficeProfile | None = None
    # Rules already in hand (the window's applied but unsaved edits); used instead of ``rules``.
    # Plain frozen data, so it travels to worker processes as it is.
    applied_rules: Rules | None = None


def collect_files(
    paths: Iterable[str | Path], outputs: Iterable[str | Path | None] = ()
) -> list[Path]:
    """The readable files among ``paths``; folders are searched recursively, sorted by name.

    A batch never reads its own outputs: in a folder, the ``outputs`` (the workbook, the reports
    folder) and files named ``*-审查报告*.docx`` are skipped; a second run with ``--reports``
    inside the input folder reviewed its own reports and ranked them first. A path that does not
    exist is kept, so that it is reported as a failure.
    """
    skipped = [Path(o).resolve() for o in outputs if o]
    files: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            found = (p for p in item.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
            files += sorted(p for p in found if not _own_output(p, skipped))
        else:
            files.append(item)
    return list(dict.fromkeys(files))


def _own_output(path: Path, skipped: list[Path]) -> bool:
    if path.name.startswith(("~$", ".")) or "-审查报告" in path.stem:
        return True
    resolved = path.resolve()
    return any(resolved == s or s in resolved.parents for s in skipped)


def report_paths(files: Sequence[Path], folder: str | Path) -> dict[Path, Path]:
    """A report file for each input: ``<stem>-审查报告.docx``, numbered where two inputs share a
    stem (建议书.docx and 建议书.pdf, or the same name in two sub-folders)."""
    taken: set[str] = set()
    paths = {}
    for file in files:
        name, number = f"{file.stem}-审查报告.docx", 1
        while name.lower() in taken:
            number += 1
            name = f"{file.stem}-审查报告-{number}.docx"
        taken.add(name.lower())
        paths[file] = Path(folder) / name
    return paths


def run_batch(
    paths: Sequence[str | Path],
    options: BatchOptions,
    *,
    reviews: Mapping[str, Review] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> tuple[list[AlignmentResult], list[Failure]]:
    """Analyse every file; returns ``(results, failures)`` and never stops at a bad file.

    ``reviews`` (by file path, as :func:`find_reviews` gives them) go into the reports; when
    None they are read from ``options.reviews_dir``, once per file.

    Raises
    ------
    Cancelled
        ``is_cancelled`` returned True; unfinished jobs are dropped.
    AlignmentError
        The reference plan or rule file cannot be loaded (nothing can be analysed then).
    """
    files = collect_files(paths, outputs=[options.reports_dir])
    if reviews is None:
        reviews = find_reviews(files, options)[0]
    # Named here, before any job runs: two workers must never pick the same report file.
    reports = report_paths(files, options.reports_dir) if options.reports_dir else {}
    workers = workers or min(os.cpu_count() or 1, 2)
    if len(files) < _PARALLEL_FROM or workers <= 1:
        analyzer = _make_analyzer(options)
        outcomes = []
        for done, path in enumerate(files, start=1):
            if is_cancelled is not None and is_cancelled():
                raise Cancelled()
            review = reviews.get(str(path))
            outcomes.append(_job(analyzer, path, options, reports.get(path), review))
            _report(progress, done, len(files), path)
        return _split(outcomes)
    _make_analyzer(options)  # fail fast (and warm the index cache) before starting workers
    return _split(_run_parallel(files, reports, reviews, options, workers, progress, is_cancelled))


def find_reviews(
    files: Sequence[Path], options: BatchOptions
) -> tuple[dict[str, Review], list[str]]:
    """The saved reviews of ``files`` in ``options.reviews_dir`` (each file hashed once), and the
    messages of review files that could not be read."""
    return reviews_for([str(f) for f in files], options.reviews_dir)


def _run_parallel(
    files: list[Path],
    reports: dict[Path, Path],
    reviews: Mapping[str, Review],
    options: BatchOptions,
    workers: int,
    progress: Progress | None,
    is_cancelled: Callable[[], bool] | None,
) -> list[AlignmentResult | Failure]:
    # "spawn": forking a process that runs Qt or threads is unsafe, and it is what Windows does.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(options, os.getpid())
    ) as pool:
        futures: list[Future[AlignmentResult | Failure]] = [
            pool.submit(_worker_job, str(path), reports.get(path), reviews.get(str(path)))
            for path in files
        ]
        outcomes = []
        for done, (path, future) in enumerate(zip(files, futures, strict=True), start=1):
            if is_cancelled is not None and is_cancelled():
                for pending in futures:
                    pending.cancel()
                raise Cancelled()
            outcomes.append(future.result())
            _report(progress, done, len(files), path)
    return outcomes


def _report(progress: Progress | None, done: int, total: int, path: Path) -> None:
    if progress is not None:
        progress(done / max(total, 1), f"{done}/{total} {path.name}")


def _split(
    outcomes: list[AlignmentResult | Failure],
) -> tuple[list[AlignmentResult], list[Failure]]:
    results = [o for o in outcomes if isinstance(o, AlignmentResult)]
    failures = [o for o in outcomes if isinstance(o, Failure)]
    return results, failures


def _make_analyzer(options: BatchOptions) -> Analyzer:
    rules = options.applied_rules or load_rules(options.rules)
    return Analyzer(load_plan(options.plan), rules)


_worker_analyzer: Analyzer | None = None
_worker_options: BatchOptions | None = None


# How often a worker looks whether the batch that started it is still there.
_WATCH_SECONDS = 0.5


def _watch_parent(parent: int) -> None:
    """End this worker when the batch that started it is gone (killed, crashed): a worker left
    behind holds hundreds of MB and goes on writing reports nobody waits for. psutil compares
    the process's start time, so a new process given the same pid does not keep it alive."""
    import threading

    import psutil

    try:
        batch = psutil.Process(parent)
    except psutil.Error:
        os._exit(1)

    def watch() -> None:
        while batch.is_running():
            time.sleep(_WATCH_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _init_worker(options: BatchOptions, parent: int | None = None) -> None:
    global _worker_analyzer, _worker_options
    import logging

    import jieba

    if parent is not None:
        _watch_parent(parent)

    # A worker process does not run main.py; keep jieba's dictionary chatter off the console.
    jieba.setLogLevel(logging.WARNING)
    _worker_options = options
    _worker_analyzer = _make_analyzer(options)


def _worker_job(path: str, report: Path | None, review: Review | None) -> AlignmentResult | Failure:
    assert _worker_analyzer is not None and _worker_options is not None
    return _job(_worker_analyzer, Path(path), _worker_options, report, review)


def _job(
    analyzer: Analyzer,
    path: Path,
    options: BatchOptions,
    report: Path | None,
    review: Review | None = None,
) -> AlignmentResult | Failure:
    try:
        budget = Budget()
        document = read_within(path, budget)
        result = analyzer.analyse(document, mode=options.mode, budget=budget)
        if report is not None:
            from alignment.output.report import write_report

            write_report(result, analyzer.rules, report, review=review, profile=options.profile)
        return result
    except OutputError as error:
        return Failure(str(path), f"审查完成，但报告无法写入：{error.message}")
    except AlignmentError as error:
        return Failure(str(path), error.message)
    except Exception as error:  # one strange file must not end a batch of a hundred
        return Failure(str(path), f"处理时出现意外错误（{type(error).__name__}: {error}）。")
