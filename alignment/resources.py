"""The one way to reach files shipped in ``resources/`` (works installed, editable or frozen)."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

DEFAULT_PLAN = "jinshui-14th-fyp-2022.txt"
RULES = "rules.toml"
USER_DICT = "userdict.txt"
STOPWORDS = "stopwords.txt"


def resource(name: str) -> Traversable:
    """The shipped resource called ``name`` (a plain file name, never a path)."""
    if "/" in name or "\\" in name or name.startswith("."):
        raise ValueError(f"resource names are plain file names: {name!r}")
    return resources.files("resources") / name


def read_text(name: str) -> str:
    """The UTF-8 text of a shipped resource."""
    return resource(name).read_text(encoding="utf-8")
