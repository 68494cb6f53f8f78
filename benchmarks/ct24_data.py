"""CheckThat! 2024 sentences with their neighbours, for the check-worthiness benchmarks."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import NamedTuple


class Ct24Sentence(NamedTuple):
    text: str
    checkworthy: bool
    previous: str  # "" where there is none
    following: str


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a CheckThat! TSV file."""
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_ct24(data: Path, split: str = "dev") -> list[Ct24Sentence]:
    """ct24_{split}'s sentences in file order, each with its label and neighbours.

    Sentence ids run in debate order across ct24_train and ct24_dev, so a sentence's neighbours
    are the sentences with ids -1 and +1 in either file (texts only; a model without context
    ignores them).
    """
    folder = Path(data) / "checkworthiness"
    rows = read_tsv(folder / f"ct24_{split}.tsv")
    other = "train" if split == "dev" else "dev"
    by_id = {
        int(r["Sentence_id"]): r["Text"] for r in rows + read_tsv(folder / f"ct24_{other}.tsv")
    }
    return [
        Ct24Sentence(
            row["Text"],
            row["class_label"] == "Yes",
            by_id.get(int(row["Sentence_id"]) - 1, ""),
            by_id.get(int(row["Sentence_id"]) + 1, ""),
        )
        for row in rows
    ]


def neighbours(sentences: list[str]) -> tuple[list[str], list[str]]:
    """Each sentence's previous and next one in a document ("" at either end)."""
    return [""] + sentences[:-1], sentences[1:] + [""]
