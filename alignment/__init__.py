"""PlanAlign's core: read documents and plans, score alignment, write reports. No Qt here."""

from __future__ import annotations

__version__ = "0.1.0"

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
from alignment.rules import load_rules

__all__ = [
    "AlignmentError",
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
    "read_document",
]
