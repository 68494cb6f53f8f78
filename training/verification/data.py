"""Training pairs for the stance cross-encoder, read by path from the shared NLI data.

Only sets whose licence lets a shipped model learn from them: SNLI, MultiNLI, SciTail, the
FEVER-derived pairs (rows overlapping FEVER Symmetric already removed) and Fool Me Twice.
Labels: 0 supports (entailment), 1 neutral, 2 refutes (contradiction).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data"
NLI = {"entailment": 0, "entails": 0, "neutral": 1, "contradiction": 2}
FEVER_MARKS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":"}

Pair = tuple[str, str, int]  # (claim, evidence, label)


def clean(text: str) -> str:
    """Undo FEVER's bracket tokens (the service applies the same cleaning)."""
    for mark, char in FEVER_MARKS.items():
        text = text.replace(mark, char)
    return " ".join(text.split())


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def nli_pairs(path: Path, n: int, rng: random.Random) -> list[Pair]:
    """Premise/hypothesis rows as (hypothesis = claim, premise = evidence, label)."""
    rows = [r for r in _jsonl(path) if r["label"] in NLI or r["label"] == "not_entailment"]
    rows = rng.sample(rows, min(n, len(rows)))
    # SciTail's not_entailment is topical-but-not-entailed: neutral, not contradiction.
    return [(r["hypothesis"], r["premise"], NLI.get(r["label"], 1)) for r in rows]


def fever_pairs(data: Path, n: int, rng: random.Random) -> list[Pair]:
    """FEVER dev claim/evidence (SUPPORTS -> supports, REFUTES -> refutes)."""
    base = data / "nli" / "fever_nli_dev"
    ev = (base / "dev.raw.input0").read_text(encoding="utf-8").splitlines()
    claims = (base / "dev.raw.input1").read_text(encoding="utf-8").splitlines()
    labels = (base / "dev.label").read_text(encoding="utf-8").splitlines()
    rows = [(clean(c), clean(e), 0 if y == "entailment" else 2)
            for c, e, y in zip(claims, ev, labels, strict=True)]  # fmt: skip
    return rng.sample(rows, min(n, len(rows)))


def fm2_pairs(data: Path, neutral_per_claim: int, rng: random.Random) -> list[Pair]:
    """Fool Me Twice: gold evidence -> its label; retrieved non-gold sentences -> neutral."""
    out: list[Pair] = []
    for split in ("dev", "test"):
        for r in _jsonl(data / "nli" / "fm2" / f"{split}.jsonl"):
            gold = {g["text"] for g in r["gold_evidence"]}
            out.append((r["text"], " ".join(gold), 0 if r["label"] == "SUPPORTS" else 2))
            other = [e["text"] for e in r["retrieved_evidence"] if e["text"] not in gold]
            for text in rng.sample(other, min(neutral_per_claim, len(other))):
                out.append((r["text"], text, 1))
    return out


def training_pairs(data: Path, seed: int = 1, scale: float = 1.0) -> list[Pair]:
    """The shuffled training mix (sizes scaled by `scale`)."""
    rng = random.Random(seed)
    n = lambda k: int(k * scale)  # noqa: E731
    nli = data / "nli"
    pairs = (fever_pairs(data, n(9000), rng) + fm2_pairs(data, 1, rng)
             + nli_pairs(nli / "snli_dev" / "snli_dev.jsonl", n(2500), rng)
             + nli_pairs(nli / "mnli_dev" / "mnli_dev_matched.jsonl", n(3500), rng)
             + nli_pairs(nli / "scitail_test" / "scitail_test.jsonl", n(1000), rng))  # fmt: skip
    rng.shuffle(pairs)
    return pairs


TRAINING_DATA = [
    "nli/fever_nli_dev (FEVER dev less FEVER Symmetric overlaps), 9,000 sampled",
    "nli/fm2 dev+test (gold evidence; 1 retrieved non-gold sentence per claim as neutral)",
    "nli/snli_dev 2,500 sampled",
    "nli/mnli_dev 3,500 sampled",
    "nli/scitail_test 1,000 sampled",
]
