"""Readers of the verification benchmarks (FEVER Symmetric, Climate-FEVER), shared by the
benchmark and by training/verification/calibrate.py; data is read by path, never copied."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

from service.domain import Claim, Evidence
from service.extraction import claim_from_text

GOLD = {"SUPPORTS": "supported", "REFUTES": "refuted", "NOT_ENOUGH_INFO": "not_enough_evidence"}
_PTB = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
        "``": '"', "''": '"', " -- ": " – "}  # fmt: skip
_SPACE_BEFORE = re.compile(r" (?=[,.;:!?%)\]}]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_SPACE_AFTER = re.compile(r"(?<=[(\[{$]) ")

Example = tuple[Claim, list[Evidence], str]


def detokenize(text: str) -> str:
    """Undo FEVER's Penn-Treebank tokenisation ("-LRB-", " , ", "did n't")."""
    for token, char in _PTB.items():
        text = text.replace(token, char)
    return _SPACE_AFTER.sub("", _SPACE_BEFORE.sub("", text)).strip()


def fold_of(claim_id: str) -> str:
    """ "a" or "b": a stable half of the claims, for 2-fold cross-validation. FEVER Symmetric's
    ids come in groups of four sharing a claim or its evidence (N, N0000002, N0000003,
    N0000004): a group stays in one fold."""
    group = re.sub(r"^(fs\d+)0{6}[2-4]$", r"\1", claim_id)
    return "ab"[hashlib.sha1(group.encode()).digest()[0] % 2]


def read_jsonl(path: Path) -> Iterator[dict]:
    """The rows of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())


def load_fever_symmetric(path: Path) -> list[Example]:
    """Claim, its one evidence sentence, and the gold verdict."""
    examples = []
    for row in read_jsonl(path):
        claim = claim_from_text(f"fs{row['id']}", detokenize(row["claim"]))
        evidence = Evidence(source="supplied", title="", snippet=detokenize(row["evidence"]))
        examples.append((claim, [evidence], GOLD[row["label"]]))
    return examples


def load_climate_fever(path: Path) -> list[Example]:
    """Claim, its five Wikipedia sentences, and the gold verdict (DISPUTED claims dropped)."""
    examples = []
    for row in read_jsonl(path):
        if row["claim_label"] not in GOLD:
            continue
        evidence = [
            Evidence(source="supplied", title=e["article"], snippet=e["evidence"])
            for e in row["evidences"]
        ]
        claim = claim_from_text(f"cf{row['claim_id']}", row["claim"])
        examples.append((claim, evidence, GOLD[row["claim_label"]]))
    return examples
