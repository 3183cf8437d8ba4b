"""Load and validate the rule file: industries, red lines, cross-cutting topics, thresholds.

The rule file is TOML (``resources/rules.toml``). Any problem raises :class:`RuleFileError` whose
message names the file, the line and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import alignment.resources as resources
from alignment.config.model import Rules, Scoring
from alignment.config.validation import RuleValidator
from alignment.errors import RuleFileError
from alignment.files import RULES_BYTES, read_capped_text


def load_rules(path: str | Path | None = None) -> Rules:
    """Load a rule file, or the shipped one when ``path`` is None.

    Raises
    ------
    RuleFileError
        When the file is missing, not valid TOML, or breaks the schema; the message names the
        file and the line.
    """
    if path is None:
        return parse_rules(resources.read_text(resources.RULES), "resources/rules.toml")
    path = Path(path)
    try:
        text = read_capped_text(path, RULES_BYTES, "utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(
            f"无法读取规则文件 {path}：{exc}", f"Cannot read the rule file {path}: {exc}"
        ) from exc
    return parse_rules(text, str(path))


def parse_rules(text: str, source: str) -> Rules:
    """Parse and validate rule-file text; ``source`` names it in messages."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        raise RuleFileError(
            f"规则文件 {source} 第{line}行：TOML 语法错误（{exc}）。",
            f"Rule file {source}, line {line}: TOML syntax error ({exc}).",
        ) from exc
    return RuleValidator(text, source).rules(data)


def _line_from_message(message: str) -> int:
    match = re.search(r"line (\d+)", message)
    return int(match[1]) if match else 1


def rules_template(rules: Rules) -> str:
    """The text ``rules`` were read from, to save edits into: the user's own rule file (with its
    own red lines and comments) when it can still be read, else the shipped one."""
    source = Path(rules.source)
    if rules.source and source.is_file():
        try:
            return source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            pass  # gone or garbled since it was loaded: the shipped file's layout will do
    return resources.read_text(resources.RULES)


def dump_rules(rules: Rules, template: str) -> str:
    """``template`` (a rule file's text) with ``rules``' thresholds and industry lexicons.

    Comments and layout of the template are kept, so a saved user rule file stays readable.
    """
    import tomlkit

    document = tomlkit.parse(template)
    scoring = document.setdefault("scoring", tomlkit.table())
    for name in Scoring.__dataclass_fields__:
        value = getattr(rules.scoring, name)
        scoring[name] = int(value) if float(value).is_integer() else value
    for key, industries in (
        ("industries", rules.industries),
        ("future_industries", rules.future_industries),
    ):
        tables = document.get(key, [])
        for table, industry in zip(tables, industries, strict=False):
            table["exclude"] = list(industry.exclude)
            groups = tomlkit.aot()
            for group in industry.groups:
                item = tomlkit.table()
                item["weight"] = int(group.weight) if group.weight.is_integer() else group.weight
                if group.any:
                    item["any"] = list(group.any)
                if group.all:
                    item["all"] = list(group.all)
                groups.append(item)
            table["groups"] = groups
    return tomlkit.dumps(document)


def load_rules_or_default(path: str | Path | None) -> tuple[Rules, str | None]:
    """The user's rule file, or the shipped rules and the reason when the user's is broken."""
    if path is None or not Path(path).exists():
        return load_rules(), None
    try:
        return load_rules(path), None
    except RuleFileError as error:
        return load_rules(), f"{error.message} 已改用内置规则。"
