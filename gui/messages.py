"""The one way the interface shows an expected error, and the handler of unexpected ones."""

from __future__ import annotations

import datetime as dt
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gui.i18n import tr

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """A modal error dialog with a message the user can act on."""
    QMessageBox.critical(parent, title, text)


_UNEXPECTED = "发生了意外错误：{error}\n\n详细信息已记录到：\n{path}\n请将该文件发送给技术支持。"


def log_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base or Path.home() / ".planalign") / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_crash_log(
    kind: type[BaseException],
    value: BaseException,
    trace: TracebackType | None,
    text: str | None = None,
) -> Path:
    """Write the traceback to a new file in the log folder and return its path."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    path = log_folder() / f"error-{stamp}.log"
    body = text or "".join(traceback.format_exception(kind, value, trace))
    path.write_text(body, encoding="utf-8")
    return path


def report_unexpected(error: BaseException, parent: QWidget | None = None) -> Path:
    """Log an unexpected error from a worker and tell the user where the log is."""
    text = getattr(error, "formatted_traceback", None)
    path = write_crash_log(type(error), error, error.__traceback__, text)
    log.error("unexpected error, logged to %s", path)
    show_error(
        parent,
        tr("程序错误"),
        tr(_UNEXPECTED, error=error, path=path),
    )
    return path


def install_excepthook() -> None:
    """Unexpected errors on the UI thread: logged to a file, named in a dialog; the app goes on."""

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        path = write_crash_log(kind, value, trace)
        sys.__stderr__.write(f"PlanAlign: unexpected error, logged to {path}\n")
        if QApplication.instance() is not None:
            show_error(
                None,
                tr("程序错误"),
                tr(_UNEXPECTED, error=value, path=path),
            )

    sys.excepthook = hook
