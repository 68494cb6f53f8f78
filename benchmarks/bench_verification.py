"""Quality and speed of `verification.judge` on FEVER Symmetric dev and Climate-FEVER dev.

    .venv/bin/python benchmarks/bench_verification.py [--data ../shared/data] [--limit N]

FEVER Symmetric: one claim, one evidence sentence, SUPPORTS / REFUTES balanced (an abstention counts
as an error). Climate-FEVER: one claim, five evidence sentences, SUPPORTS / REFUTES /
NOT_ENOUGH_INFO (DISPUTED dropped). Prints accuracy, macro-F1 over the gold labels, how often a
decisive verdict is given and its accuracy, per-label precision / recall, each label's precision
above confidence thresholds, and verdicts/s (judge only; the claims' quantities are extracted
beforehand, as the checker's extraction step would). On FEVER Symmetric it also prints the
NOTES.md yardstick (every content word present, same negation), which never abstains.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.domain import Claim, Evidence, Verdict  # noqa: E402
from service.extraction.quantities import find_quantities  # noqa: E402
from service.verification import judge  # noqa: E402
from service.verification.cues import negation_cue  # noqa: E402
from service.verification.lexicon import overlap  # noqa: E402

GOLD = {"SUPPORTS": "supported", "REFUTES": "refuted", "NOT_ENOUGH_INFO": "not_enough_evidence"}
LABELS = ("supported", "refuted", "conflicting", "not_enough_evidence")
DECISIVE = ("supported", "refuted")
AS_OF = date(2025, 1, 1)
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


def make_claim(text: str, ident: str) -> Claim:
    """A claim as extraction would hand it over."""
    quantities = tuple(find_quantities(text))
    return Claim(ident, text, 0, len(text), 0.9, quantities=quantities)


def read_jsonl(path: Path) -> Iterator[dict]:
    """The rows of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        yield from (json.loads(line) for line in handle if line.strip())


def load_fever_symmetric(path: Path) -> list[Example]:
    """Claim, its one evidence sentence, and the gold verdict."""
    examples = []
    for row in read_jsonl(path):
        claim = make_claim(detokenize(row["claim"]), row["id"])
        evidence = Evidence(source="fever", title="", snippet=detokenize(row["evidence"]))
        examples.append((claim, [evidence], GOLD[row["label"]]))
    return examples


def load_climate_fever(path: Path) -> list[Example]:
    """Claim, its five Wikipedia sentences, and the gold verdict (DISPUTED claims dropped)."""
    examples = []
    for row in read_jsonl(path):
        if row["claim_label"] not in GOLD:
            continue
        evidence = [
            Evidence(source="wikipedia", title=e["article"], snippet=e["evidence"])
            for e in row["evidences"]
        ]
        claim = make_claim(row["claim"], row["claim_id"])
        examples.append((claim, evidence, GOLD[row["claim_label"]]))
    return examples


def run(examples: list[Example]) -> tuple[list[Verdict], float]:
    """The verdicts and the elapsed seconds of judging them."""
    started = time.perf_counter()
    verdicts = [
        judge(claim, evidence, AS_OF, "2025-01-01T00:00:00Z") for claim, evidence, _ in examples
    ]
    return verdicts, time.perf_counter() - started


def report(name: str, examples: list[Example], verdicts: list[Verdict], seconds: float) -> None:
    """Print the quality and speed figures of one data set."""
    gold = [label for _, _, label in examples]
    predicted = [v.label for v in verdicts]
    n = len(gold)
    gold_labels = [label for label in LABELS if label in set(gold)]
    scores = {label: _prf(gold, predicted, label) for label in LABELS}
    macro = sum(scores[label][2] for label in gold_labels) / len(gold_labels)
    decided = [(g, p) for g, p in zip(gold, predicted, strict=True) if p in DECISIVE]
    print(f"\n== {name}: {n} claims, gold {dict(Counter(gold))}")
    print(f"predicted {dict(Counter(predicted))}")
    print(f"accuracy {_accuracy(gold, predicted):.3f}   macro-F1 (gold labels) {macro:.3f}   "
          f"{n / seconds:,.0f} verdicts/s")  # fmt: skip
    decided_accuracy = sum(g == p for g, p in decided) / max(1, len(decided))
    print(f"decided (supported/refuted) on {len(decided) / n:.1%} of claims, "
          f"accuracy there {decided_accuracy:.3f}")  # fmt: skip
    for label in LABELS:
        p, r, f = scores[label]
        print(f"  {label:<20} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    _print_thresholds(gold, verdicts, gold_labels)


def report_reference(examples: list[Example]) -> None:
    """The accuracy of the NOTES.md yardstick: every content word of the claim in the passage
    and the same negation -> supported, else refuted (it never abstains)."""
    predicted = []
    for claim, evidence, _ in examples:
        passage = " ".join(e.snippet for e in evidence)
        share, _, _ = overlap(claim.text, (), passage)
        same_polarity = bool(negation_cue(claim.text)) == bool(negation_cue(passage))
        predicted.append("supported" if share == 1.0 and same_polarity else "refuted")
    gold = [label for _, _, label in examples]
    print(f"  reference all-words rule (forced choice): accuracy {_accuracy(gold, predicted):.3f}")


def _print_thresholds(gold: list[str], verdicts: list[Verdict], labels: list[str]) -> None:
    """Precision and count of each label's verdicts at or above a confidence."""
    for threshold in (0.0, 0.5, 0.7, 0.9):
        line = f"  confidence >= {threshold:.1f}:"
        for label in labels:
            hits = [g == label for g, v in zip(gold, verdicts, strict=True)
                    if v.label == label and v.confidence >= threshold]  # fmt: skip
            precision = sum(hits) / len(hits) if hits else float("nan")
            line += f"  {label} P {precision:.3f} on {len(hits):>3}"
        print(line)


def _accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(1, len(gold))


def _prf(gold: list[str], predicted: list[str], label: str) -> tuple[float, float, float]:
    tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
    precision = tp / max(1, predicted.count(label))
    recall = tp / max(1, gold.count(label))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    """Run both benchmarks."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = ROOT.parent / "shared" / "data"
    parser.add_argument("--data", type=Path, default=default, help="the shared data directory")
    parser.add_argument("--limit", type=int, default=None, help="only the first N claims of each")
    args = parser.parse_args()
    folder = args.data / "verification"
    for name, loader, file in (
        ("FEVER Symmetric v0.2 dev", load_fever_symmetric, "fever_symmetric_dev.jsonl"),
        ("Climate-FEVER dev (no DISPUTED)", load_climate_fever, "climate_fever_dev.jsonl"),
    ):
        examples = loader(folder / file)[: args.limit]
        verdicts, seconds = run(examples)
        report(name, examples, verdicts, seconds)
        if all(len(evidence) == 1 for _, evidence, _ in examples):
            report_reference(examples)


if __name__ == "__main__":
    main()
