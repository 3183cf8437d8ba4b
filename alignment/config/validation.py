"""Check a parsed rule file against its schema, naming the line of every problem."""

from __future__ import annotations

import re
from typing import Any

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
from alignment.errors import RuleFileError

_TOP_KEYS = {
    "version",
    "scoring",
    "industries",
    "future_industries",
    "synonyms",
    "red_lines",
    "cross_cutting",
    "location",
    "public_services",
    "outside_priorities",
}
_LOCATION_KEYS = {"home", "aliases", "elsewhere", "parents"}
_INDUSTRY_KEYS = {
    "id",
    "name",
    "color",
    "defining_measures",
    "related_measures",
    "exclude",
    "groups",
}
_GROUP_KEYS = {"weight", "any", "all"}
_RED_LINE_KEYS = {
    "id",
    "name",
    "basis",
    "quote",
    "any",
    "requires",
    "negations",
    "patterns",
    "exclude",
    "sentence_negations",
}
_CROSS_KEYS = {"id", "name", "measures", "any", "suggestion", "industry_only"}
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class RuleValidator:
    """Checks the parsed TOML against the schema, locating errors in the source text."""

    def __init__(self, text: str, source: str) -> None:
        self.lines = text.splitlines()
        self.source = source

    def fail(self, line: int, zh: str, en: str) -> RuleFileError:
        return RuleFileError(
            f"规则文件 {self.source} 第{line}行：{zh}",
            f"Rule file {self.source}, line {line}: {en}",
        )

    def line_of(self, table: str, index: int = 0, key: str | None = None) -> int:
        """The line of the ``index``-th ``[[table]]`` (or ``[table]``), or of ``key`` inside it."""
        header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?\s*(#.*)?$")
        starts = [n for n, line in enumerate(self.lines) if header.match(line)]
        if index >= len(starts):
            return 1
        start = starts[index]
        if key is None:
            return start + 1
        key_re = re.compile(rf"^\s*{re.escape(key)}\s*=")
        for n in range(start + 1, len(self.lines)):
            if self.lines[n].lstrip().startswith("["):
                break
            if key_re.match(self.lines[n]):
                return n + 1
        return start + 1

    def rules(self, data: dict[str, Any]) -> Rules:
        self.check_keys(data, _TOP_KEYS, "", 0)
        scoring = self.scoring(data.get("scoring", {}))
        group_counter = {"industries": 0, "future_industries": 0}
        industries = tuple(
            self.industry(item, "industries", n, group_counter)
            for n, item in enumerate(self.table_list(data, "industries", required=True))
        )
        future = tuple(
            self.industry(item, "future_industries", n, group_counter, future=True)
            for n, item in enumerate(self.table_list(data, "future_industries"))
        )
        red_lines = tuple(
            self.red_line(item, n) for n, item in enumerate(self.table_list(data, "red_lines"))
        )
        cross = tuple(
            self.cross_cutting(item, n)
            for n, item in enumerate(self.table_list(data, "cross_cutting"))
        )
        self.check_unique_ids([*industries, *future], "industries")
        location = self.location(data.get("location", {}))
        synonyms = self.synonyms(data.get("synonyms", {}))
        public, subjects = self.public_services(data.get("public_services", {}))
        outside = data.get("outside_priorities", {})
        self.require_table(outside, "outside_priorities")
        self.check_keys(outside, {"any"}, "outside_priorities", 0)
        return Rules(
            scoring,
            industries,
            future,
            red_lines,
            cross,
            location,
            synonyms,
            self.source,
            public,
            subjects,
            self.strings(outside, "any", "outside_priorities", 0),
        )

    def public_services(self, item: Any) -> tuple[tuple[str, ...], tuple[ServiceSubject, ...]]:
        # "measures" (the sections a text had to stand out at, before a document's subject
        # decided) is still accepted in older rule files, and ignored.
        self.require_table(item, "public_services")
        self.check_keys(item, {"any", "measures", "subjects"}, "public_services", 0)
        subjects = []
        for n, subject in enumerate(self.table_list(item, "subjects")):
            self.check_keys(subject, {"name", "any", "measures"}, "subjects", n)
            subjects.append(
                ServiceSubject(
                    self.string(subject, "name", "subjects", n),
                    self.strings(subject, "any", "subjects", n, required=True),
                    self.strings(subject, "measures", "subjects", n, required=True),
                )
            )
        self.strings(item, "measures", "public_services", 0)
        return self.strings(item, "any", "public_services", 0), tuple(subjects)

    def synonyms(self, item: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
        self.require_table(item, "synonyms")
        return tuple(
            (name, self.strings(item, name, "synonyms", 0, required=True)) for name in item
        )

    def location(self, item: Any) -> LocationRule:
        self.require_table(item, "location")
        if not item:
            return LocationRule()
        self.check_keys(item, _LOCATION_KEYS, "location", 0)
        return LocationRule(
            home=self.string(item, "home", "location", 0),
            aliases=self.strings(item, "aliases", "location", 0),
            elsewhere=self.strings(item, "elsewhere", "location", 0),
            parents=self.strings(item, "parents", "location", 0),
        )

    def table_list(self, data: dict[str, Any], name: str, required: bool = False) -> list[Any]:
        items = data.get(name, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise self.fail(
                self.line_of(name),
                f"“{name}”应写成 [[{name}]] 表数组。",
                f"'{name}' must be an array of tables [[{name}]].",
            )
        if required and not items:
            raise self.fail(1, f"缺少 [[{name}]]。", f"No [[{name}]] table.")
        return items

    def require_table(self, item: Any, name: str) -> None:
        """A top-level table such as [scoring] or [location] must be one."""
        if not isinstance(item, dict):
            raise self.fail(
                self.line_of(name), f"[{name}] 必须是表。", f"[{name}] must be a table."
            )

    def check_keys(self, item: dict[str, Any], allowed: set[str], table: str, index: int) -> None:
        unknown = sorted(set(item) - allowed)
        if unknown:
            line = self.line_of(table, index, unknown[0]) if table else self.key_line(unknown[0])
            raise self.fail(
                line,
                f"未知的键“{unknown[0]}”（允许：{'、'.join(sorted(allowed))}）。",
                f"unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))}).",
            )

    def key_line(self, key: str) -> int:
        key_re = re.compile(rf"^\s*\[*\s*{re.escape(key)}\b")
        return next((n + 1 for n, line in enumerate(self.lines) if key_re.match(line)), 1)

    def string(self, item: dict[str, Any], key: str, table: str, index: int) -> str:
        value = item.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(
                self.line_of(table, index, key),
                f"“{key}”必须是非空字符串。",
                f"'{key}' must be a non-empty string.",
            )
        return value.strip()

    def strings(
        self, item: dict[str, Any], key: str, table: str, index: int, required: bool = False
    ) -> tuple[str, ...]:
        value = item.get(key, [])
        ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
        if not ok or (required and not value):
            raise self.fail(
                self.line_of(table, index, key),
                f"“{key}”必须是非空字符串的列表{'，且不能为空' if required else ''}。",
                f"'{key}' must be a list of non-empty strings"
                f"{' and must not be empty' if required else ''}.",
            )
        return tuple(v.strip() for v in value)

    def number(
        self, item: dict[str, Any], key: str, table: str, index: int, default: float
    ) -> float:
        value = item.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise self.fail(
                self.line_of(table, index, key),
                f"“{key}”必须是不小于 0 的数。",
                f"'{key}' must be a number not below 0.",
            )
        return float(value)

    def scoring(self, item: Any) -> Scoring:
        self.require_table(item, "scoring")
        defaults = Scoring()
        self.check_keys(item, set(Scoring.__dataclass_fields__), "scoring", 0)
        values = {
            k: self.number(item, k, "scoring", 0, getattr(defaults, k))
            for k in Scoring.__dataclass_fields__
        }
        scoring = Scoring(
            strong=values["strong"],
            partial=values["partial"],
            industry_threshold=values["industry_threshold"],
            match_threshold=values["match_threshold"],
            max_matches=int(values["max_matches"]),
            short_document_chars=int(values["short_document_chars"]),
        )
        if not scoring.partial < scoring.strong <= 100:
            raise self.fail(
                self.line_of("scoring", 0, "strong"),
                "阈值须满足 partial < strong ≤ 100。",
                "thresholds must satisfy partial < strong <= 100.",
            )
        if not 0 < scoring.match_threshold < 1:
            raise self.fail(
                self.line_of("scoring", 0, "match_threshold"),
                "match_threshold 必须在 0 与 1 之间。",
                "match_threshold must lie between 0 and 1.",
            )
        return scoring

    def industry(
        self,
        item: dict[str, Any],
        table: str,
        index: int,
        group_counter: dict[str, int],
        future: bool = False,
    ) -> Industry:
        self.check_keys(item, _INDUSTRY_KEYS, table, index)
        color = self.string(item, "color", table, index)
        if not _COLOR.match(color):
            raise self.fail(
                self.line_of(table, index, "color"),
                f"颜色“{color}”应写成 #RRGGBB。",
                f"colour '{color}' must be #RRGGBB.",
            )
        groups_data = item.get("groups", [])
        if not isinstance(groups_data, list) or not groups_data:
            raise self.fail(
                self.line_of(table, index),
                "每个产业至少需要一个 [[…groups]] 词组。",
                "each industry needs at least one [[...groups]] term group.",
            )
        groups = []
        for group in groups_data:
            groups.append(self.group(group, f"{table}.groups", group_counter[table]))
            group_counter[table] += 1
        return Industry(
            id=self.string(item, "id", table, index),
            name=self.string(item, "name", table, index),
            color=color,
            defining_measures=self.strings(item, "defining_measures", table, index, required=True),
            related_measures=self.strings(item, "related_measures", table, index),
            groups=tuple(groups),
            exclude=self.strings(item, "exclude", table, index),
            future=future,
        )

    def group(self, item: Any, table: str, index: int) -> TermGroup:
        if not isinstance(item, dict):
            raise self.fail(
                self.line_of(table, index), "词组必须是表。", "a term group must be a table."
            )
        self.check_keys(item, _GROUP_KEYS, table, index)
        weight = self.number(item, "weight", table, index, 1.0)
        any_terms = self.strings(item, "any", table, index)
        all_terms = self.strings(item, "all", table, index)
        if not any_terms and not all_terms:
            raise self.fail(
                self.line_of(table, index),
                "词组需要 any 或 all 词表。",
                "a term group needs an 'any' or an 'all' list.",
            )
        return TermGroup(weight, any_terms, all_terms)

    def red_line(self, item: dict[str, Any], index: int) -> RedLine:
        table = "red_lines"
        self.check_keys(item, _RED_LINE_KEYS, table, index)
        return RedLine(
            id=self.string(item, "id", table, index),
            name=self.string(item, "name", table, index),
            basis=self.strings(item, "basis", table, index, required=True),
            quote=self.string(item, "quote", table, index),
            any=self.strings(item, "any", table, index, required=True),
            requires=self.strings(item, "requires", table, index),
            negations=self.strings(item, "negations", table, index),
            patterns=self.patterns(item, table, index),
            exclude=self.strings(item, "exclude", table, index),
            sentence_negations=self.strings(item, "sentence_negations", table, index),
        )

    def patterns(self, item: dict[str, Any], table: str, index: int) -> tuple[str, ...]:
        """Regular expressions, each compiled now so that a typo names its line."""
        patterns = self.strings(item, "patterns", table, index)
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise self.fail(
                    self.line_of(table, index, "patterns"),
                    f"正则表达式“{pattern}”有误：{exc}。",
                    f"bad regular expression '{pattern}': {exc}.",
                ) from exc
            if has_nested_quantifier(pattern):
                raise self.fail(
                    self.line_of(table, index, "patterns"),
                    f"正则表达式“{pattern}”含有嵌套的重复（如 (a+)+、(.*)*），"
                    "在长文本上可能运行极慢，请改写。",
                    f"regular expression '{pattern}' repeats a repetition (like (a+)+ or (.*)*), "
                    "which can run for minutes on one long line; rewrite it.",
                )
        return patterns

    def cross_cutting(self, item: dict[str, Any], index: int) -> CrossCutting:
        table = "cross_cutting"
        self.check_keys(item, _CROSS_KEYS, table, index)
        return CrossCutting(
            id=self.string(item, "id", table, index),
            name=self.string(item, "name", table, index),
            measures=self.strings(item, "measures", table, index, required=True),
            any=self.strings(item, "any", table, index, required=True),
            suggestion=self.string(item, "suggestion", table, index),
            industry_only=self.boolean(item, "industry_only", table, index),
        )

    def boolean(self, item: dict[str, Any], key: str, table: str, index: int) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(
                self.line_of(table, index, key),
                f"“{key}”必须是 true 或 false。",
                f"'{key}' must be true or false.",
            )
        return value

    def check_unique_ids(self, industries: list[Industry], table: str) -> None:
        seen: set[str] = set()
        for index, industry in enumerate(industries):
            if industry.id in seen:
                raise self.fail(
                    self.line_of(table, index, "id"),
                    f"产业 id“{industry.id}”重复。",
                    f"duplicate industry id '{industry.id}'.",
                )
            seen.add(industry.id)


_UNBOUNDED = re.compile(r"[*+]|\{\d*,\}")


def has_nested_quantifier(pattern: str) -> bool:
    """Whether a group that repeats without bound holds a repetition of its own: the shape that
    makes a backtracking engine take exponential time ("(a+)+$", "(.*)*x")."""
    stack: list[bool] = []  # per open group: does it hold an unbounded repetition?
    n, in_class = 0, False
    while n < len(pattern):
        char = pattern[n]
        if char == "\\":
            n += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            stack.append(False)
        elif char == ")" and stack:
            inner = stack.pop()
            repeated = _UNBOUNDED.match(pattern, n + 1)
            if inner and repeated:
                return True
            if stack and (inner or repeated):
                stack[-1] = True
        elif _UNBOUNDED.match(pattern, n) and stack:
            stack[-1] = True
        n += 1
    return False
