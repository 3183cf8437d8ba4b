"""The steps an interface runs in the background: prepare the analyzer, analyse a file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alignment.budget import Budget
from alignment.config import Rules, load_rules_or_default
from alignment.documents.formats import read_document
from alignment.documents.model import Document
from alignment.plan.parser import load_plan
from alignment.scoring.analysis import Analyzer, IsCancelled, Progress
from alignment.scoring.result import AlignmentResult


@dataclass(frozen=True)
class Prepared:
    """A ready analyzer, and a warning when the user's rule file had to be set aside."""

    analyzer: Analyzer
    rules_warning: str | None = None


def prepare(
    plan_path: str | None,
    rules_path: str | Path | None,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Prepared:
    """Load plan and rules, load jieba's dictionary, fit or load the index (about 1-2 s)."""
    if progress:
        progress(0.1, "读取参考规划")
    plan = load_plan(plan_path or None)
    rules, warning = load_rules_or_default(rules_path)
    if progress:
        progress(0.4, "加载分词词典与规划索引")
    analyzer = Analyzer(plan, rules)
    analyzer.segmenter.warm_up()
    if progress:
        progress(1.0, "就绪")
    return Prepared(analyzer, warning)


def with_rules(analyzer: Analyzer, rules: Rules) -> Analyzer:
    """The same plan, tokenizer and index under other rules (re-scoring is then instant)."""
    return Analyzer(analyzer.plan, rules, analyzer.segmenter, analyzer.index)


def analyse_file(
    analyzer: Analyzer,
    path: str,
    mode: str = "auto",
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> tuple[Document, AlignmentResult]:
    """Read and analyse one file within the default :class:`Budget`. A scan's recognition
    (seconds a page) takes the first 60% of the progress, when there is one."""
    budget = Budget()
    document = read_within(path, budget, _scaled(progress, 0.0, 0.6), is_cancelled)
    if document.ocr is not None:
        progress = _scaled(progress, 0.6, 1.0)
    return document, analyzer.analyse(document, mode, progress, is_cancelled, budget)


def read_within(
    path: str | Path,
    budget: Budget,
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> Document:
    """Read ``path`` with ``budget`` started and checked; for a scan the budget starts after
    recognition, which has its own page and pixel limits, so that it is the analysis' alone."""
    name = Path(path).name
    budget.start(name)
    document = read_document(path, progress, is_cancelled)
    if document.ocr is not None:
        budget.start(name)
    budget.check("读取")
    return document


def _scaled(progress: Progress | None, low: float, high: float) -> Progress | None:
    if progress is None:
        return None
    return lambda fraction, message: progress(low + (high - low) * fraction, message)


def analyse_document(
    analyzer: Analyzer,
    document: Document,
    mode: str = "auto",
    progress: Progress | None = None,
    is_cancelled: IsCancelled | None = None,
) -> tuple[Document, AlignmentResult]:
    """Analyse an already read document (after a change of rules or mode)."""
    budget = Budget().start(document.title)
    return document, analyzer.analyse(document, mode, progress, is_cancelled, budget)
