"""The configuration an analysis runs with: the rule file (its data, its loading and saving, its
validation) and the verdict model fitted on labelled documents that ships beside it."""

from __future__ import annotations

from alignment.config.model import (
    CrossCutting,
    Industry,
    LocationRule,
    RedLine,
    Rules,
    Scoring,
    ServiceSubject,
    TermGroup,
)
from alignment.config.rules import (
    dump_rules,
    load_rules,
    load_rules_or_default,
    parse_rules,
    rules_template,
)

__all__ = [
    "CrossCutting",
    "Industry",
    "LocationRule",
    "RedLine",
    "Rules",
    "Scoring",
    "ServiceSubject",
    "TermGroup",
    "dump_rules",
    "load_rules",
    "load_rules_or_default",
    "parse_rules",
    "rules_template",
]
