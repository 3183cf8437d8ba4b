"""The analysis as a pipeline of components over one :class:`Findings` object, in the manner of
spaCy's ``Language``: each component names the findings it ``requires`` and those it
``assigns``; the pipeline checks, before anything runs, that every requirement was assigned by
an earlier component (:func:`missing_requirements`), then runs them in order, reporting
progress and polling for cancel between them and, for long ones, inside them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence
from dataclasses import fields
from typing import ClassVar

from alignment.budget import Budget
from alignment.errors import Cancelled
from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings

Progress = Callable[[float, str], None]
IsCancelled = Callable[[], bool]
Advance = Callable[[float], None]  # the share of a component's own work done, 0..1

# What a pipeline starts with: the document and the mode the user asked for.
GIVEN = frozenset({"document", "mode"})


class Component(ABC):
    """One step of the analysis. It reads only the findings it ``requires`` and writes only the
    ones it ``assigns``, never changing another component's; ``start`` is the share of the
    whole analysis done when it begins, ``message`` the step shown to the user ("" for none)."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]]
    assigns: ClassVar[tuple[str, ...]]
    start: ClassVar[float]
    message: ClassVar[str]

    @abstractmethod
    def __call__(self, findings: Findings, context: PlanContext, advance: Advance) -> None:
        """Read ``findings``' required fields, assign its own; ``advance`` reports progress."""


class PipelineError(Exception):
    """A pipeline whose components read findings no earlier one assigns."""


def missing_requirements(components: Iterable[Component]) -> list[str]:
    """Each requirement not assigned by an earlier component, as "component: finding"; also
    findings assigned twice and names that are not findings."""
    known = {f.name for f in fields(Findings)}
    assigned = set(GIVEN)
    problems = []
    for component in components:
        for name in component.requires:
            if name not in assigned:
                problems.append(f"{component.name}: requires {name}, not assigned before it")
        for name in component.assigns:
            if name not in known:
                problems.append(f"{component.name}: assigns {name}, which is not a finding")
            elif name in assigned:
                problems.append(f"{component.name}: assigns {name}, assigned before it")
            assigned.add(name)
    return problems


class Reporter:
    """Progress, cancel and the budget, checked wherever progress is reported."""

    def __init__(
        self,
        progress: Progress | None = None,
        is_cancelled: IsCancelled | None = None,
        budget: Budget | None = None,
    ) -> None:
        self.progress = progress
        self.is_cancelled = is_cancelled
        self.budget = budget

    def __call__(self, fraction: float, message: str) -> None:
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled()
        if self.budget is not None:
            self.budget.check(message)
        if self.progress is not None:
            self.progress(fraction, message)


class Pipeline:
    def __init__(self, components: Sequence[Component]) -> None:
        problems = missing_requirements(components)
        if problems:
            raise PipelineError("; ".join(problems))
        names = [c.name for c in components]
        if len(set(names)) != len(names):
            raise PipelineError(f"components named twice: {names}")
        self.components = tuple(components)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def replaced(self, name: str, component: Component) -> Pipeline:
        """This pipeline with the component ``name`` replaced (an audit switching a rule off)."""
        if name not in self.names:
            raise KeyError(name)
        return Pipeline([component if c.name == name else c for c in self.components])

    def run(
        self, findings: Findings, context: PlanContext, report: Reporter, until: str = ""
    ) -> Findings:
        """Run the components in order, up to and including ``until`` if given."""
        for position, component in enumerate(self.components):
            if component.message:
                report(component.start, component.message)
            component(findings, context, _advance(self.components, position, report))
            if component.name == until:
                break
        return findings


def _advance(components: Sequence[Component], position: int, report: Reporter) -> Advance:
    """Progress within a component: from its start to the next reporting component's."""
    component = components[position]
    end = next((c.start for c in components[position + 1 :] if c.message), 1.0)

    def advance(done: float) -> None:
        report(component.start + (end - component.start) * done, component.message)

    return advance
