"""Training pairs for the stance cross-encoder, read by path from the shared NLI data.

Only sets whose licence lets a shipped model learn from them: SNLI, MultiNLI, SciTail, the
FEVER-derived pairs (rows overlapping FEVER Symmetric already removed) and Fool Me Twice.
Labels: 0 supports (entailment), 1 neutral, 2 refutes (contradiction).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data"
NLI = {"entailment": 0, "entails": 0, "neutral": 1, "contradiction": 2}
FEVER_MARKS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-COLON-": ":"}

Pair = tuple[str, str, int]  # (claim, evidence, label)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_COMMON = {
    "also", "been", "from", "have", "into", "more", "most", "only", "other", "over", "same",
    "some", "such", "than", "that", "their", "them", "then", "there", "these", "they", "this",
    "were", "what", "when", "where", "which", "while", "with", "would", "about", "after",
    "before", "being", "between", "during", "under", "known", "first",
}  # fmt: skip


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


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _COMMON


def _subject(claim: str) -> str:
    """The claim's leading name ("Stomp the Yard", "The United States"), lower-cased."""
    words = []
    for word in claim.split():
        if not (word[:1].isupper() or word[:1].isdigit() or word in {"of", "the", "and", "de"}):
            break
        words.append(word)
    return " ".join(words).lower()


def topical_negatives(data: Path, n: int, rng: random.Random) -> list[Pair]:
    """FEVER claims paired with the evidence of a claim about another subject that shares a name
    word with it ("The United States ..." vs a sentence on the United States Armed Forces): topical
    yet saying nothing about the claim, as open retrieval returns, so neutral. Sentences cited for
    a claim on the same subject are never used (they may well bear on it)."""
    base = data / "nli" / "fever_nli_dev"
    ev = [clean(e) for e in (base / "dev.raw.input0").read_text(encoding="utf-8").splitlines()]
    claims = [clean(c) for c in (base / "dev.raw.input1").read_text(encoding="utf-8").splitlines()]
    by_subject: dict[str, set[str]] = defaultdict(set)  # evidence cited for claims on a subject
    for c, e in zip(claims, ev, strict=True):
        by_subject[_subject(c)].add(e)
    names = [{w.lower() for w in _WORD.findall(e) if w[0].isupper()} - _COMMON for e in ev]
    index: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(names):
        for w in ws:
            index[w].append(i)
    out: list[Pair] = []
    for claim in rng.sample(sorted(set(claims)), len(set(claims))):
        if len(out) >= n:
            break
        subject = _subject(claim)
        keys = sorted({w.lower() for w in _WORD.findall(claim) if w[0].isupper()} - _COMMON)
        for _ in range(5):  # a few tries for a sentence that is topical, not on point
            if not keys:
                break
            i = rng.choice(index[rng.choice(keys)] or [-1])
            if i < 0 or _subject(claims[i]) == subject or ev[i] in by_subject[subject]:
                continue
            cw = _content(claim)
            if cw and len(cw & _content(ev[i])) / len(cw) > 0.5:
                continue
            out.append((claim, ev[i], 1))
            break
    return out


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


CLIMATE_LABELS = {"SUPPORTS": 0, "NOT_ENOUGH_INFO": 1, "REFUTES": 2}


def climate_fever_pairs(data: Path, fold: str) -> list[Pair]:
    """Climate-FEVER dev's evidence sentences with their own labels, for the claims of `fold`.

    For measurement only (its licence is unstated, so no shipped model learns from it): a
    model trained on fold a's claims is judged on fold b's, which it has never seen. Folds are
    the benchmark's (`verification_data.fold_of` on the claim id); DISPUTED claims are left out
    as the benchmark leaves them out.
    """
    out = []
    for row in _jsonl(data / "verification" / "climate_fever_dev.jsonl"):
        if row["claim_label"] == "DISPUTED" or _fold_of(f"cf{row['claim_id']}") != fold:
            continue
        for evidence in row["evidences"]:
            out.append(
                (
                    row["claim"],
                    clean(evidence["evidence"]),
                    CLIMATE_LABELS[evidence["evidence_label"]],
                )
            )
    return out


def _fold_of(claim_id: str) -> str:
    """The benchmark's fold of a claim (benchmarks/verification_data.fold_of, which needs the
    service installed)."""
    return "ab"[hashlib.sha1(claim_id.encode()).digest()[0] % 2]


def training_pairs(
    data: Path,
    seed: int = 1,
    scale: float = 1.0,
    fever: int = 9000,
    fm2_neutral: int = 1,
    negatives: int = 0,
    climate_fold: str | None = None,
) -> list[Pair]:
    """The shuffled training mix (sizes scaled by `scale`)."""
    rng = random.Random(seed)
    n = lambda k: int(k * scale)  # noqa: E731
    nli = data / "nli"
    pairs = (fever_pairs(data, n(fever), rng) + fm2_pairs(data, fm2_neutral, rng)
             + nli_pairs(nli / "snli_dev" / "snli_dev.jsonl", n(2500), rng)
             + nli_pairs(nli / "mnli_dev" / "mnli_dev_matched.jsonl", n(3500), rng)
             + nli_pairs(nli / "scitail_test" / "scitail_test.jsonl", n(1000), rng))  # fmt: skip
    if negatives:
        pairs += topical_negatives(data, n(negatives), rng)
    if climate_fold:
        pairs += climate_fever_pairs(data, climate_fold)
    rng.shuffle(pairs)
    return pairs


def training_data(
    fever: int = 9000, fm2_neutral: int = 1, negatives: int = 0, scale: float = 1.0
) -> list[str]:
    """What the mix holds, in words (written to model.json)."""
    n = lambda k: f"{int(k * scale):,}"  # noqa: E731
    out = [
        f"nli/fever_nli_dev (FEVER dev less FEVER Symmetric overlaps), {n(fever)} sampled",
        f"nli/fm2 dev+test (gold evidence; {fm2_neutral} retrieved non-gold sentence(s) per "
        "claim as neutral)",
        f"nli/snli_dev {n(2500)} sampled",
        f"nli/mnli_dev {n(3500)} sampled",
        f"nli/scitail_test {n(1000)} sampled",
    ]
    if negatives:
        out.append(
            f"topical neutral negatives: {n(negatives)} FEVER claims paired with another "
            "claim's evidence sharing a name word (nli/fever_nli_dev)"
        )
    return out


TRAINING_DATA = training_data()
