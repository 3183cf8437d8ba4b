"""Plain-dict (JSON-ready) views of the plan model, documents and results."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from alignment.config import Rules
from alignment.documents.model import Document
from alignment.plan.model import Measure, Plan, Target
from alignment.scoring.lexicon import linked_measures
from alignment.scoring.result import AlignmentResult


def target_to_dict(target: Target) -> dict[str, Any]:
    data = asdict(target)
    data["direction"] = target.direction
    return data


def measure_to_dict(measure: Measure) -> dict[str, Any]:
    return {
        "id": measure.id,
        "title": measure.title,
        "text": measure.text,
        "targets": [target_to_dict(t) for t in measure.targets],
    }


def plan_to_dict(plan: Plan, rules: Rules) -> dict[str, Any]:
    """The whole model: structure, targets, industries with their measures, red lines."""
    return {
        "title": plan.title,
        "source": plan.source,
        "horizon_year": plan.horizon_year,
        "preface": list(plan.preface),
        "chapters": [
            {
                "id": c.id,
                "title": c.title,
                "sections": [
                    {
                        "id": s.id,
                        "title": s.title,
                        "measures": [measure_to_dict(m) for m in s.measures],
                    }
                    for s in c.sections
                ],
            }
            for c in plan.chapters
        ],
        "industries": [
            {
                "id": i.id,
                "name": i.name,
                "future": i.future,
                "defining_measures": [m for m in i.defining_measures],
                "measure_ids": linked_measures(plan, i),
                "keywords": list(i.terms),
            }
            for i in rules.all_industries
        ],
        "targets": [target_to_dict(t) for t in plan.targets],
        "red_lines": [asdict(r) for r in rules.red_lines],
        "warnings": list(plan.warnings),
    }


def document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "path": document.path,
        "title": document.title,
        "characters": document.char_count,
        "paragraphs": [asdict(p) for p in document.paragraphs],
        "warnings": list(document.warnings),
        # Set when some text was recognised from page images: OCR errors can change a finding.
        "ocr": asdict(document.ocr) if document.ocr else None,
    }


def result_to_dict(result: AlignmentResult) -> dict[str, Any]:
    """A result's JSON view (check --json; docs/json.md)."""
    data = asdict(result)
    del data["fitted_score"], data["override"]
    data["verdict_name"] = result.verdict_name
    data["mode_name"] = result.mode_name
    data["location"]["label"] = result.location.label
    data["headline"] = result.headline
    for industry in data["industries"]:
        industry["matched_terms"] = list(industry["matched_terms"])
    for conflict in data["conflicts"]:
        conflict["evidence_text"] = [e["sentence"] for e in conflict["evidence"]]
    for check, item in zip(result.targets, data["targets"], strict=True):
        item["status_name"] = check.status_name
    return data
