"""A batch killed outright (SIGKILL, a crash, the window closed by the task manager) takes its
worker processes with it: each watches the batch that started it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT / "tests" / "data" / "eval"

BATCH = """
import sys
from pathlib import Path
from alignment import BatchOptions, run_batch
run_batch(sorted(Path(sys.argv[1]).glob("*.txt")), BatchOptions(), workers=2)
"""


def _workers(batch: psutil.Process) -> list[psutil.Process]:
    """The batch's pool workers (spawn also starts a resource tracker, not a worker)."""
    return [
        child
        for child in batch.children(recursive=True)
        if "resource_tracker" not in " ".join(child.cmdline())
    ]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL; Windows ends a pool on its own terms")
def test_killing_a_batch_ends_its_workers(tmp_path: Path) -> None:
    for copy in range(6):  # enough documents that the batch is still running when it is killed
        for source in EVAL.glob("*.txt"):
            shutil.copy(source, tmp_path / f"{copy}-{source.name}")
    batch = subprocess.Popen(
        [sys.executable, "-c", BATCH, str(tmp_path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    parent = psutil.Process(batch.pid)
    deadline = time.monotonic() + 120
    workers: list[psutil.Process] = []
    while len(workers) < 2 and time.monotonic() < deadline and batch.poll() is None:
        workers = _workers(parent)
        time.sleep(0.1)  # polling for the workers to start, not timing anything
    assert len(workers) >= 2, "the batch should have started its two workers"
    os.kill(batch.pid, signal.SIGKILL)
    batch.wait()
    gone, alive = psutil.wait_procs(workers, timeout=5)
    assert alive == [], f"workers outlived the batch: {[p.pid for p in alive]}"
    assert len(gone) == len(workers)
