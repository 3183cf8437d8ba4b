"""PlanAlign's core: read documents and plans, score alignment, write reports. No Qt here."""

from __future__ import annotations

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
