"""The stance model alone, old vs new: FEVER Symmetric dev accuracy, the probe pairs, and what
it reads in the corpus hits of Fool Me Twice test claims whose article is not indexed.

    .venv/bin/python training/verification/measure_stance.py --model /tmp/ver6/model \
        --orphans /tmp/ver6/fm2_test_retrieved.jsonl --trained /tmp/ver6/fm2_dev_retrieved.jsonl

(service venv; the orphans' file is build_retrieved.py's test split; the shipped model is the
one compared against unless --old names another folder). FEVER Symmetric: supports vs refutes by
the larger probability.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from service.verification.stance_model import StanceModel  # noqa: E402

PROBES = [
    ("The capital of Australia is Sydney.",
     "Sydney is the capital city of the state of New South Wales and the most populous city in "
     "Australia."),
    ("The capital of Australia is Canberra.", "Canberra is the capital city of Australia."),
    ("Shigeru Ishiba is the Prime Minister of Japan.",
     "Sanae Takaichi is a Japanese politician who has served as Prime Minister of Japan since "
     "October 21, 2025."),
    ("Shigeru Ishiba is the Prime Minister of Japan.",
     "Shigeru Ishiba is a Japanese politician who served as Prime Minister of Japan from 2024 to "
     "2025."),
    ("The Eiffel Tower is in Berlin.",
     "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France."),
    ("The Moon is made of cheese.",
     "The Moon is Earth's only natural satellite. It is a rocky body..."),
    ("Mexico had 185 people in 1905.", "The Maya peoples are a group of peoples ... in Mexico ..."),
    ("Paris is the capital of France.", "Paris is the capital and largest city of France."),
]  # fmt: skip


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def measure(model: StanceModel, data: Path, orphans: list[dict], seen: set[str]) -> dict:
    """The figures of one model."""
    rows = _jsonl(data / "verification" / "fever_symmetric_dev.jsonl")
    p = model.probabilities([(r["claim"], r["evidence"]) for r in rows])
    right = sum((p[i, 0] > p[i, 2]) == (r["label"] == "SUPPORTS") for i, r in enumerate(rows))
    out = {"fever_symmetric_dev": round(right / len(rows), 3), "fs_n": len(rows)}
    out["probes"] = [[round(float(x), 3) for x in row] for row in model.probabilities(PROBES)]
    q = model.probabilities([(r["claim"], r["passage"]) for r in orphans])
    fresh = [i for i, r in enumerate(orphans) if r["passage"] not in seen]
    for name, idx in (("orphans", range(len(orphans))), ("orphans_unseen", fresh)):
        idx = list(idx)
        out[name] = {"passages": len(idx),
                     "supports>0.5": round(float((q[idx, 0] > 0.5).mean()), 3),
                     "refutes>0.5": round(float((q[idx, 2] > 0.5).mean()), 3),
                     "neutral argmax": round(float((q[idx].argmax(1) == 1).mean()), 3)}  # fmt: skip
    return out


def main() -> None:
    """Print the shipped model's figures and the new one's."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", type=Path, required=True, help="the new model's folder")
    p.add_argument("--old", type=Path, help="the model to compare against (default: shipped)")
    p.add_argument("--orphans", type=Path, required=True, help="build_retrieved.py --split test")
    p.add_argument("--trained", type=Path, help="build_retrieved.py --split dev (to mark seen)")
    p.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = p.parse_args()
    orphans = [r for r in _jsonl(args.orphans) if r["split"] == "test"]
    seen = {r["passage"] for r in _jsonl(args.trained)} if args.trained else set()
    old = StanceModel.load(args.old) if args.old else StanceModel.load()
    for name, model in (("old", old), ("new", StanceModel.load(args.model))):
        print(name, json.dumps(measure(model, args.data, orphans, seen)), flush=True)
    for claim, passage in PROBES:
        print(f"probe: {claim} | {passage[:60]}")


if __name__ == "__main__":
    main()
