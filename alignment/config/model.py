"""The rule file's contents as data: industries and their term groups, red lines, cross-cutting
topics, the location rule, the thresholds and the fitted verdict model."""

from __future__ import annotations

from dataclasses import dataclass, field

from alignment.config.verdict_model import VerdictModel, shipped_model


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
class ServiceSubject:
    """A public service a document's subject may name (学校, 医院, 养老 …) and the plan's
    measures that serve it (11.1.2, 11.2.1, 11.3.2 …)."""

    name: str
    any: tuple[str, ...]
    measures: tuple[str, ...]


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
    # A subject naming one of these serves its section first (components.service).
    service_subjects: tuple[ServiceSubject, ...] = ()
    # Subjects outside the plan's priorities (factory manufacturing, farming, mining, transport):
    # a project about one, in none of the five industries, is weak (components.priorities).
    outside_priorities: tuple[str, ...] = ()
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
