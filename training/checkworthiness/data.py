"""Readers for the CheckThat! check-worthiness data (read by path, never copied into the repo)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT / ".." / "shared" / "data"


def read_ct24(data: Path, split: str) -> tuple[list[str], list[int]]:
    """Texts and 0/1 labels of ct24_{split}.tsv (`Sentence_id, Text, class_label`)."""
    rows = _rows(Path(data) / "checkworthiness" / f"ct24_{split}.tsv")
    return [r["Text"] for r in rows], [int(r["class_label"] == "Yes") for r in rows]


def neighbours(data: Path, split: str) -> tuple[list[str], list[str]]:
    """Previous and next sentence of each ct24_{split} sentence, in file order ("" if none).

    `Sentence_id`s run in debate order across ct24_train and ct24_dev, so a sentence's
    neighbours are ids -1 and +1 of either file (texts only, never their labels).
    """
    by_id: dict[int, str] = {}
    for name in ("train", "dev"):
        for row in _rows(Path(data) / "checkworthiness" / f"ct24_{name}.tsv"):
            by_id[int(row["Sentence_id"])] = row["Text"]
    ids = [
        int(r["Sentence_id"]) for r in _rows(Path(data) / "checkworthiness" / f"ct24_{split}.tsv")
    ]
    return [by_id.get(i - 1, "") for i in ids], [by_id.get(i + 1, "") for i in ids]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_ct20(data: Path) -> tuple[list[str], list[int]]:
    """CLEF 2020 COVID tweets (train and dev) with their check_worthiness flag."""
    texts, labels = [], []
    for split in ("train", "dev"):
        path = Path(data) / "checkworthiness" / f"ct20_tweets_{split}.tsv"
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
                texts.append(row["tweet_text"])
                labels.append(int(row["check_worthiness"]))
    return texts, labels


def split_holdout(
    texts: list[str], labels: list[int], fraction: float, seed: int = 13
) -> tuple[tuple[list[str], list[int]], tuple[list[str], list[int]]]:
    """A stratified random split of (texts, labels): (kept, held out)."""
    rng = random.Random(seed)
    held: set[int] = set()
    for label in (0, 1):
        idx = [i for i, y in enumerate(labels) if y == label]
        held.update(rng.sample(idx, round(len(idx) * fraction)))
    keep = [i for i in range(len(texts)) if i not in held]
    out = sorted(held)
    return ([texts[i] for i in keep], [labels[i] for i in keep]), (
        [texts[i] for i in out],
        [labels[i] for i in out],
    )
