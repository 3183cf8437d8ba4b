"""The version of PlanAlign, in one place (the report, the CLI and the index cache read it)."""

__version__ = "0.1.0"
