"""PlanAlign's core: read documents and plans, score alignment, write reports. No Qt here.

The entry points the window, the command line and the benches use::

    document = read_document(path)
    analyzer = Analyzer(load_plan(), load_rules())   # fits or loads the plan's index
    result = analyzer.analyse(document)
    write_report(result, analyzer.rules, report_path)
    write_workbook(results, failures, workbook_path)
    result_to_dict(result)                            # check --json

The analysis, report and workbook modules are imported on first use (``Analyzer`` pulls in
scikit-learn and jieba, the report python-docx and matplotlib), so reading a document or
showing the window does not wait for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from alignment.config import load_rules
from alignment.documents.formats import read_document
from alignment.errors import (
    AlignmentError,
    Cancelled,
    DocumentReadError,
    OutputError,
    PlanError,
    RuleFileError,
    UnsupportedFormatError,
)
from alignment.plan.parser import load_plan, parse_plan
from alignment.version import __version__

if TYPE_CHECKING:
    from alignment.batch import BatchOptions, run_batch
    from alignment.output.report import write_report
    from alignment.output.serialize import plan_to_dict, result_to_dict
    from alignment.output.workbook import write_workbook
    from alignment.scoring.analysis import Analyzer
    from alignment.scoring.result import AlignmentResult

_LAZY = {
    "Analyzer": "alignment.scoring.analysis",
    "AlignmentResult": "alignment.scoring.result",
    "BatchOptions": "alignment.batch",
    "plan_to_dict": "alignment.output.serialize",
    "result_to_dict": "alignment.output.serialize",
    "run_batch": "alignment.batch",
    "write_report": "alignment.output.report",
    "write_workbook": "alignment.output.workbook",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'alignment' has no attribute {name!r}")


__all__ = [
    "AlignmentError",
    "AlignmentResult",
    "Analyzer",
    "BatchOptions",
    "Cancelled",
    "DocumentReadError",
    "OutputError",
    "PlanError",
    "RuleFileError",
    "UnsupportedFormatError",
    "__version__",
    "load_plan",
    "load_rules",
    "parse_plan",
    "plan_to_dict",
    "read_document",
    "result_to_dict",
    "run_batch",
    "write_report",
    "write_workbook",
]
