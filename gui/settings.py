"""User settings over QSettings with typed defaults; the core only ever sees plain values."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from alignment.output.profile import FIELD_NAMES, OfficeProfile

MAX_RECENT = 10


class Settings:
    """Typed access to the application's QSettings.

    Parameters
    ----------
    path:
        An INI file to use instead of the platform's store (tests isolate settings this way).
    """

    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self.store = QSettings("PlanAlign", "PlanAlign")
        else:
            self.store = QSettings(str(path), QSettings.Format.IniFormat)
        self._plan_this_run: str | None = None

    def _get(self, key: str, default: object, kind: type) -> object:
        value = self.store.value(key, default)
        try:
            return kind(value) if value is not None else default
        except (TypeError, ValueError):
            return default

    @property
    def recent_files(self) -> list[str]:
        value = self.store.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str) -> None:
        files = [path, *(f for f in self.recent_files if f != path)][:MAX_RECENT]
        self.store.setValue("files/recent", files)

    @property
    def last_folder(self) -> str:
        return str(self._get("files/last_folder", str(Path.home()), str))

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.store.setValue("files/last_folder", folder)

    @property
    def plan_file(self) -> str:
        """The reference plan chosen by the user; empty for the embedded plan."""
        if self._plan_this_run is not None:
            return self._plan_this_run
        return str(self._get("analysis/plan_file", "", str))

    @plan_file.setter
    def plan_file(self, path: str) -> None:
        """A choice made in the app: kept for the next start."""
        self._plan_this_run = None
        self.store.setValue("analysis/plan_file", path)

    def use_plan_for_this_run(self, path: str) -> None:
        """A plan named on the command line (``gui --plan``): this run only. It was saved, and
        every later start opened on that plan instead of the user's own choice."""
        self._plan_this_run = path

    @property
    def language(self) -> str:
        """The interface language: "zh" (default) or "en"."""
        return str(self._get("interface/language", "zh", str))

    @language.setter
    def language(self, code: str) -> None:
        self.store.setValue("interface/language", code)

    @property
    def mode(self) -> str:
        return str(self._get("analysis/mode", "auto", str))

    @mode.setter
    def mode(self, mode: str) -> None:
        self.store.setValue("analysis/mode", mode)

    def geometry(self, name: str) -> QByteArray | None:
        value = self.store.value(f"geometry/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, name: str, state: QByteArray) -> None:
        self.store.setValue(f"geometry/{name}", state)

    @property
    def profile(self) -> OfficeProfile:
        """Who files the reports (审查单位与署名)."""
        return OfficeProfile(
            **{name: str(self._get(f"office/{name}", "", str)) for name in FIELD_NAMES}
        )

    @profile.setter
    def profile(self, profile: OfficeProfile) -> None:
        for name in FIELD_NAMES:
            self.store.setValue(f"office/{name}", getattr(profile, name))

    def data_folder(self) -> Path:
        """The app data folder (beside the INI file when tests isolate settings)."""
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        if self.store.format() == QSettings.Format.IniFormat:
            return Path(self.store.fileName()).parent
        return Path(base or Path.home() / ".planalign")

    def user_rules_path(self) -> Path:
        """Where the rule editor saves; the shipped file is never written."""
        return self.data_folder() / "rules.toml"

    def reviews_folder(self) -> Path:
        """One review file per document, named by its content's hash."""
        return self.data_folder() / "reviews"

    def sync(self) -> None:
        self.store.sync()
