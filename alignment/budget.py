"""A wall-clock and memory budget for reading and analysing one document.

The readers' size and structure limits (see docs/safety.md) are checked before parsing and keep
known hostile inputs cheap; the budget is the net under them, for an input no limit foresaw. It is
checked cooperatively wherever the analysis reports progress (at least every second or so on the
largest documents), so a document that runs over is stopped with a clear message and a batch or
the window's worker moves on, instead of stalling for minutes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import psutil

from alignment.errors import DocumentTooComplexError

# The largest documents the limits admit took at most 5.3 s and 366 MB here (bench/fuzz.py); an
# office PC three times slower still finishes well inside these.
DEFAULT_SECONDS = 120.0
DEFAULT_MEGABYTES = 1500.0


def resident_megabytes() -> float:
    """This process's resident memory in MB (about 10 µs a call)."""
    return float(psutil.Process().memory_info().rss) / 1048576


@dataclass
class Budget:
    """Time and memory one document may take; memory is counted above the process's use at
    :meth:`start` (the window and the plan index are already there)."""

    seconds: float = DEFAULT_SECONDS
    megabytes: float = DEFAULT_MEGABYTES
    clock: Callable[[], float] = time.monotonic
    memory: Callable[[], float] = resident_megabytes
    _started: float = field(default=0.0, init=False)
    _baseline: float = field(default=0.0, init=False)
    name: str = field(default="该文档", init=False)

    def start(self, name: str) -> Budget:
        """Start counting for the document called ``name``; returns self."""
        self.name = name
        self._started = self.clock()
        self._baseline = self.memory()
        return self

    def check(self, stage: str) -> None:
        """Raise :class:`DocumentTooComplexError` when the time or memory is spent."""
        if self.clock() - self._started > self.seconds:
            raise self._over(
                f"{stage}阶段已用时超过 {self.seconds:.0f} 秒",
                f"still at '{stage}' after {self.seconds:.0f} s",
            )
        if self.memory() - self._baseline > self.megabytes:
            raise self._over(
                f"{stage}阶段占用内存超过 {self.megabytes:.0f} MB",
                f"'{stage}' used over {self.megabytes:.0f} MB of memory",
            )

    def _over(self, chinese: str, english: str) -> DocumentTooComplexError:
        return DocumentTooComplexError(
            f"{self.name} 过于复杂：{chinese}，已停止分析。请拆分文档，或另存为新的 .docx 或 PDF 后重试。",
            f"{self.name} is too complex: {english}; stopped. Split the document or save it as "
            "a new .docx or PDF and retry.",
        )
