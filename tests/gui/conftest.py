"""Qt fixtures: a main window on isolated settings, warmed up."""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.main_window import MainWindow
from gui.settings import Settings

EVAL = Path(__file__).parent.parent / "data" / "eval"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Error dialogs shown, as (title, text), instead of blocking modal boxes."""
    shown: list[tuple[str, str]] = []

    def record(parent: object, title: str, text: str) -> None:
        shown.append((title, text))

    for module in ("gui.main_window", "gui.review_actions", "gui.messages", "gui.batch_panel"):
        monkeypatch.setattr(f"{module}.show_error", record)
    return shown


@pytest.fixture
def window(qtbot, settings: Settings, errors) -> MainWindow:
    main = MainWindow(settings)
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.controller.ready, timeout=60000):
        pass
    yield main
    main.close()


def analyse(qtbot, window: MainWindow, path: Path) -> None:
    with qtbot.waitSignal(window.controller.analysis_finished, timeout=60000):
        window.open_file(str(path))
