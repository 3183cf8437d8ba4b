"""Python's cycle collector runs in the GUI thread only, while a window is open.

Automatic collection runs in whichever thread happens to allocate when a threshold is crossed. In
an analysis worker it may finalise an unreachable Qt object that the GUI thread owns (a finished
worker's signals, a closed dialog), and PySide crashes: CI once died with a segmentation fault
"Garbage-collecting" inside the worker. Reference counting still frees almost everything at once;
only cycles wait for the collector, which this timer runs in the GUI thread at the thresholds
Python would use (the pattern calibre and other PyQt applications follow).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Disables automatic collection and collects from a GUI-thread timer until :meth:`stop`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(_INTERVAL_MS)

    def collect(self) -> None:
        """Collect the generations whose counts passed their thresholds, youngest first."""
        counts = gc.get_count()
        for generation in range(3):
            if counts[generation] <= self._thresholds[generation]:
                break
            gc.collect(generation)

    def stop(self) -> None:
        """Hand collection back to Python (the window is closing; no worker is left running)."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
