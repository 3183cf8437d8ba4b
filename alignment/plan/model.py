"""The reference plan as frozen dataclasses: Plan → Chapter → Section → Measure, with Targets."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

# Comparators whose value is a ceiling; a plan's bare target value is a floor to reach.
_CEILING_WORDS = ("控制在", "不超过", "低于", "降低到", "降低至", "降至", "压缩至", "以内", "以下")


@dataclass(frozen=True)
class Target:
    """One quantified target, e.g. 高新技术企业 达到 1000 家 by 2025."""

    id: str
    indicator: str
    comparator: str
    value: float
    unit: str
    year: int | None
    measure_id: str
    text: str
    qualifier: str = ""
    value_high: float | None = None
    parent_id: str | None = None

    @property
    def direction(self) -> str:
        """``"ceiling"`` for a maximum (控制在/以内), ``"about"`` for 左右, else ``"floor"``."""
        if self.qualifier == "左右":
            return "about"
        return "ceiling" if self.lower_is_better else "floor"

    @property
    def lower_is_better(self) -> bool:
        """A maximum or a reduction: "控制在5%以内", "PM2.5年日均浓度降低到53微克/立方米左右"."""
        return self.qualifier in _CEILING_WORDS or self.comparator in _CEILING_WORDS


def format_quantity(value: float | None, unit: str, year: int | None = None) -> str:
    """ "1000家（2025年）", or "—" for no value."""
    if value is None:
        return "—"
    return f"{format_number(value)}{unit}" + (f"（{year}年）" if year else "")


def format_number(value: float) -> str:
    """1000000.0 → "1000000", 0.6 → "0.6" (never "1e+06")."""
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"


@dataclass(frozen=True)
class Measure:
    """One body paragraph of a section; ``title`` is its lead sentence where it has one."""

    id: str
    title: str
    text: str
    has_lead: bool
    targets: tuple[Target, ...] = ()

    @property
    def chapter_id(self) -> str:
        return self.id.split(".")[0]

    @property
    def section_id(self) -> str:
        return ".".join(self.id.split(".")[:2])


@dataclass(frozen=True)
class Section:
    """A 第X节 (or （一）) heading and its measures."""

    id: str
    title: str
    measures: tuple[Measure, ...]


@dataclass(frozen=True)
class Chapter:
    """A 第X章 (or 一、) heading, its introductory paragraphs and its sections."""

    id: str
    title: str
    sections: tuple[Section, ...]
    intro: tuple[str, ...] = ()


@dataclass(frozen=True)
class Plan:
    """A development plan parsed into its structure.

    ``horizon_year`` is the year targets refer to when a sentence names none (2025 for a
    14th five-year plan).
    """

    title: str
    chapters: tuple[Chapter, ...]
    preface: tuple[str, ...] = ()
    source: str = ""
    horizon_year: int | None = None
    warnings: tuple[str, ...] = field(default=())

    @property
    def sections(self) -> list[Section]:
        return [s for c in self.chapters for s in c.sections]

    @property
    def measures(self) -> list[Measure]:
        return [m for s in self.sections for m in s.measures]

    @property
    def targets(self) -> list[Target]:
        return [t for m in self.measures for t in m.targets]

    def iter_measures(self) -> Iterator[Measure]:
        for section in self.sections:
            yield from section.measures

    @functools.cached_property
    def _measures_by_id(self) -> dict[str, Measure]:
        # Looked up for every match of every analysis; the plan is frozen, so built once.
        return {m.id: m for m in self.iter_measures()}

    def measure(self, measure_id: str) -> Measure:
        """The measure with this id; raises ``KeyError`` when there is none."""
        return self._measures_by_id[measure_id]

    def has_measure(self, measure_id: str) -> bool:
        return measure_id in self._measures_by_id

    def chapter(self, chapter_id: str) -> Chapter:
        for chapter in self.chapters:
            if chapter.id == chapter_id:
                return chapter
        raise KeyError(chapter_id)
