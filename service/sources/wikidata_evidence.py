"""From Wikidata statements to evidence: which statements bear on a claim, as of a date.

Only "who or what holds a role" relations are read: heads of government and state, capitals,
chief executives, chairs, coaches (one holder at a time), positions held, office holders and
memberships. Deprecated statements are ignored; a statement whose end is "some value" (ended,
date unknown) is ignored too. Among the statements of one entity and property valid at `as_of`,
preferred rank wins. Consecutive terms of one holder (one statement per cabinet) are merged. A
statement becomes evidence only when the claim names its relation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from service.domain import Claim, Evidence
from service.sources.wikidata_model import Entity, Statement
from service.verification.temporal import CURRENT, find_phrase, validity


@dataclass(frozen=True)
class Role:
    """How to read a property: its label, one holder at a time or not, who holds what."""

    label: str
    single_valued: bool
    holder_is_subject: bool = False  # P39 "position held": the subject holds the value
    office_property: str | None = None  # the subject's property naming the office (P1313)


ROLES: dict[str, Role] = {
    "P6": Role("head of government", True, office_property="P1313"),
    "P35": Role("head of state", True, office_property="P1906"),
    "P36": Role("capital", True),
    "P169": Role("chief executive officer", True),
    "P488": Role("chairperson", True),
    "P286": Role("head coach", True),
    "P1037": Role("director", True),
    "P39": Role("position held", False, holder_is_subject=True),
    "P1308": Role("officeholder", False),
    "P102": Role("member of political party", False, holder_is_subject=True),
    "P54": Role("member of sports team", False, holder_is_subject=True),
}
MEMBERSHIPS = frozenset({"P102", "P54"})


def select(entities: dict[str, Entity], as_of: date, wanted: set[str]) -> list[Statement]:
    """The role statements of the claim's entities worth a label lookup and a look."""
    chosen: list[Statement] = []
    for entity in entities.values():
        for prop in ROLES:
            statements = merge_terms(
                [
                    s
                    for s in entity.statements.get(prop, ())
                    if s.rank != "deprecated" and not s.ended_unknown
                ]
            )
            current = [
                s for s in statements if validity(as_of, s.valid_from, s.valid_until) == CURRENT
            ]
            if any(s.rank == "preferred" for s in current):
                current = [s for s in current if s.rank == "preferred"]
            others = [s for s in statements if s not in current and _about(s, prop, wanted)]
            chosen += current + others
    return chosen


def merge_terms(statements: list[Statement]) -> list[Statement]:
    """Consecutive terms of one value as one statement (Wikidata often has one per cabinet)."""
    merged: list[Statement] = []
    for statement in sorted(statements, key=lambda s: (s.value, s.valid_from or "")):
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.value == statement.value
            and last.valid_until is not None
            and last.valid_until == statement.valid_from
        ):
            rank = "preferred" if "preferred" in (last.rank, statement.rank) else last.rank
            merged[-1] = replace(last, rank=rank, valid_until=statement.valid_until)
        else:
            merged.append(statement)
    return merged


def _about(statement: Statement, prop: str, wanted: set[str]) -> bool:
    """A non-current statement is kept when it involves one of the claim's entities."""
    return statement.value in wanted or ROLES[prop].holder_is_subject


def needed_labels(entities: dict[str, Entity], statements: list[Statement]) -> set[str]:
    """Item ids whose labels the evidence needs and the first answer did not carry."""
    ids = {s.value for s in statements if _is_item(s.value)}
    for statement in statements:
        office = ROLES[statement.property].office_property
        subject = entities.get(statement.subject)
        if office and subject:
            ids.update(s.value for s in subject.statements.get(office, ()) if _is_item(s.value))
    return ids - entities.keys()


def build(
    claim: Claim,
    statements: list[Statement],
    entities: dict[str, Entity],
    as_of: date,
    source: str,
    page_url: str,
) -> list[Evidence]:
    """Evidence for the statements whose relation the claim names, most relevant first."""
    evidence = []
    for statement in statements:
        item = _evidence(claim, statement, entities, as_of, source, page_url)
        if item is not None:
            evidence.append(item)
    evidence.sort(key=lambda e: e.score, reverse=True)
    return evidence


def _evidence(
    claim: Claim,
    statement: Statement,
    entities: dict[str, Entity],
    as_of: date,
    source: str,
    page_url: str,
) -> Evidence | None:
    """One statement as evidence, or None when the claim does not name its relation."""
    role = ROLES[statement.property]
    subject = entities[statement.subject]
    relation = _wording(claim.text, _relation_variants(statement, role, subject, entities))
    if relation is None:
        return None
    value_entity = entities.get(statement.value)
    value_label = value_entity.label if value_entity and value_entity.label else statement.value
    holder = (subject.label or subject.id) if role.holder_is_subject else value_label
    current = validity(as_of, statement.valid_from, statement.valid_until) == CURRENT
    return Evidence(
        source=source,
        title=f"{subject.label or subject.id}: {role.label}",
        snippet=f"{holder}: {relation}, {_interval(statement)} ({statement.rank} rank).",
        url=f"{page_url}{subject.id}#{statement.property}",
        score=1.0 if current else 0.8,
        relation=relation,
        value=holder,
        valid_from=statement.valid_from,
        valid_until=statement.valid_until,
        single_valued=role.single_valued,
    )


def _relation_variants(
    statement: Statement, role: Role, subject: Entity, entities: dict[str, Entity]
) -> list[str]:
    """Ways to name the relation: the office's label and aliases, or "role of subject"."""
    if statement.property in MEMBERSHIPS:
        party = entities.get(statement.value)
        return [f"member of {name}" for name in _names(party)] + _names(party)
    if role.holder_is_subject:  # position held: the position is the relation
        return _names(entities.get(statement.value))
    if statement.property == "P1308":  # officeholder: the subject is the office
        return _names(subject)
    offices = [
        entities.get(s.value)
        for s in subject.statements.get(role.office_property or "", ())
        if s.rank != "deprecated"
    ]
    variants = [name for office in offices for name in _names(office)]
    return variants + [f"{role.label} of {name}" for name in _names(subject)]


def _names(entity: Entity | None) -> list[str]:
    """An entity's label, then its aliases."""
    if entity is None:
        return []
    return [name for name in (entity.label, *entity.aliases) if name]


def _wording(text: str, variants: list[str]) -> str | None:
    """The variant the claim uses (the longest found word for word), or None."""
    found = [v for v in variants if _mentions(text, v)]
    return max(found, key=len) if found else None


def _mentions(text: str, phrase: str) -> bool:
    """Whether the phrase's words occur in order, case-insensitively, in the text."""
    return find_phrase(text, phrase) is not None


def _interval(statement: Statement) -> str:
    """The validity interval in words."""
    start, end = statement.valid_from, statement.valid_until
    if start and end:
        return f"from {start} to {end}"
    if start:
        return f"since {start}"
    return f"until {end}" if end else "no dates recorded"


def _is_item(value: str) -> bool:
    return bool(re.fullmatch(r"Q\d+", value))
