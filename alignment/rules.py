"""Load and validate the rule file: industries, red lines, cross-cutting topics, thresholds.

The rule file is TOML (``resources/rules.toml``). Any problem raises :class:`RuleFileError` whose
message names the file, the line and what is wrong.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from alignment import resources
from alignment.errors import RuleFileError
from alignment.scoring.verdict_model import VerdictModel, shipped_model


@dataclass(frozen=True)
class TermGroup:
    """Terms scored together: any one of ``any``, or all of ``all`` in one sentence."""

    weight: float
    any: tuple[str, ...] = ()
    all: tuple[str, ...] = ()


@dataclass(frozen=True)
class Industry:
    """A priority industry with its plan measures and keyword lexicon."""

    id: str
    name: str
    color: str
    defining_measures: tuple[str, ...]
    related_measures: tuple[str, ...]
    groups: tuple[TermGroup, ...]
    exclude: tuple[str, ...] = ()
    future: bool = False

    def __hash__(self) -> int:
        # Lexicon caches are keyed by industry on every analysis; the generated hash walks
        # every term of every group (~3 µs). Equal industries share id and name, so this agrees
        # with equality.
        return hash((self.id, self.name))

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(t for g in self.groups for t in (*g.any, *g.all))

    @property
    def measure_ids(self) -> tuple[str, ...]:
        return self.defining_measures + tuple(
            m for m in self.related_measures if m not in self.defining_measures
        )


@dataclass(frozen=True)
class RedLine:
    """A restriction of the plan; a document that does what it forbids is in conflict."""

    id: str
    name: str
    basis: tuple[str, ...]
    quote: str
    any: tuple[str, ...]
    requires: tuple[str, ...]
    negations: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    # Longer phrases whose occurrences of a term are not the term: "高污染燃料" is a fuel the
    # plan bans from boilers, not a "高污染" industry.
    exclude: tuple[str, ...] = ()
    # Words that clear a term anywhere in its sentence, not only in its clause: "原为耕地，已依法
    # 办理农转用手续" is a lawful conversion.
    sentence_negations: tuple[str, ...] = ()


@dataclass(frozen=True)
class CrossCutting:
    """A topic every proposal should address (talent, IP, energy saving, digitalisation)."""

    id: str
    name: str
    measures: tuple[str, ...]
    any: tuple[str, ...]
    suggestion: str
    # Asked only of industrial projects (one of the priority industries leads): a hospital or a
    # park is not asked for its patents.
    industry_only: bool = False


@dataclass(frozen=True)
class LocationRule:
    """The plan's home district, its aliases, and places that are elsewhere."""

    home: str = ""
    aliases: tuple[str, ...] = ()
    elsewhere: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scoring:
    """Thresholds that turn similarities and term hits into verdicts."""

    strong: float = 60
    partial: float = 35
    industry_threshold: float = 30
    match_threshold: float = 0.2
    max_matches: int = 15
    short_document_chars: int = 200


@dataclass(frozen=True)
class Rules:
    """Everything the rule file defines."""

    scoring: Scoring
    industries: tuple[Industry, ...]
    future_industries: tuple[Industry, ...]
    red_lines: tuple[RedLine, ...]
    cross_cutting: tuple[CrossCutting, ...]
    location: LocationRule = LocationRule()
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()
    source: str = ""
    # Facilities a title may name (医院, 学校, 养老 …): such a project uses an industry's means
    # (a hospital's data centre) without being in that industry, unless its title says so; the
    # industry does not lead it (its score still counts).
    public_services: tuple[str, ...] = ()
    # The plan's sections a public service serves directly (a school: 11.1, a hospital: 11.2):
    # a project whose text stands out at one of them is a direct fit (see analysis.direct_fit).
    public_service_measures: tuple[str, ...] = ()
    # The score's weights, fitted on real documents (resources/verdict_model.toml): shipped
    # data beside the rule file, so a rule file's fingerprint covers the weights it scored with.
    verdict_model: VerdictModel = field(default_factory=shipped_model)

    @property
    def all_industries(self) -> tuple[Industry, ...]:
        return self.industries + self.future_industries

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """Every term of the file, for the tokenizer's user dictionary."""
        terms = [t for i in self.all_industries for t in i.terms]
        terms += [t for r in self.red_lines for t in r.any]
        terms += [t for c in self.cross_cutting for t in c.any]
        return tuple(dict.fromkeys(terms))


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
        text = path.read_text(encoding="utf-8-sig")
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
    from alignment.rule_validation import RuleValidator  # it builds the dataclasses above

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
