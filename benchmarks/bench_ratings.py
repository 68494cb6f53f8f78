"""How many real fact-checkers' ratings the normaliser maps; does any land on the wrong side?

    .venv/bin/python benchmarks/bench_ratings.py [--data ../shared/data/factchecks]

Datasets: claimskg_samples/*.csv (ClaimReview records of 8 fact-checkers: `rating_alternateName`
and the numeric `rating_ratingValue` within worst..best), politifact_2021_2024.json (PolitiFact's
six ratings), liar_plus_val.tsv (PolitiFact slugs, third column). "Mapped" means recognised: one of
true / mostly_true / mixed / mostly_false / false / unrated. A rating is on the wrong side when a
true-side original (true, mostly true) maps to false or mostly_false, or a false-side one to true
or mostly_true; GOLD_SIDE below says, by hand, which side each original label is on.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.verification.rating import classify_rating  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "factchecks"
TRUE_SIDE, FALSE_SIDE = frozenset({"true", "mostly_true"}), frozenset({"false", "mostly_false"})

# The side of each original label, read by a person (lowercased). Labels not listed have no side
# (half true, missing context, EUfactcheck's "M" which folds mostly true and mostly false, ...).
GOLD_SIDE: dict[str, str] = {
    **dict.fromkeys(["true", "mostly true", "mostly-true", "somewhat true", "t"], "true"),
    **dict.fromkeys(
        [
            "false",
            "mostly false",
            "barely-true",
            "barely true",
            "pants on fire",
            "pants-fire",
            "misleading",
            "somewhat false",
            "altered photo/video",
            "altered image",
            "altered video",
            "satire",
            "fake",
            "not true",
            "no evidence",
            "f",
        ],
        "false",
    ),
}

Rating = tuple[str, str | None, str | None, str | None]  # text, value, worst, best


def claimskg(folder: Path) -> Iterator[Rating]:
    """Ratings of the ClaimsKG sample CSVs (flattened ClaimReview)."""
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                yield (
                    row["rating_alternateName"],
                    row["rating_ratingValue"] or None,
                    row["rating_worstRating"] or None,
                    row["rating_bestRating"] or None,
                )


def politifact(path: Path) -> Iterator[Rating]:
    """PolitiFact's ratings, one per record ({issue: {rating: [record]}})."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for by_rating in data.values():
        for rating, records in by_rating.items():
            for _ in records:
                yield rating, None, None, None


def liar(path: Path) -> Iterator[Rating]:
    """LIAR-PLUS validation labels (third column of the headerless TSV)."""
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > 2:
                yield row[2], None, None, None


def measure(ratings: list[Rating]) -> dict:
    """Counts: total, mapped, unrated, wrong side, and the unmapped and wrong labels."""
    levels, unmapped, wrong = Counter(), Counter(), Counter()
    for text, value, worst, best in ratings:
        level = classify_rating(text, value, worst, best)
        levels[level] += 1
        if level is None:
            unmapped[text] += 1
        side = GOLD_SIDE.get(text.strip().lower())
        if (side == "true" and level in FALSE_SIDE) or (side == "false" and level in TRUE_SIDE):
            wrong[f"{text} -> {level}"] += 1
    total = len(ratings)
    return {
        "total": total,
        "mapped": total - levels[None],
        "unrated": levels["unrated"],
        "wrong_side": sum(wrong.values()),
        "levels": {k: v for k, v in levels.most_common() if k is not None},
        "unmapped": dict(unmapped.most_common(10)),
        "wrong": dict(wrong),
    }


def main() -> int:
    """Print the figures per dataset and overall."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    datasets = {
        "claimskg_samples": list(claimskg(args.data / "claimskg_samples")),
        "politifact_2021_2024": list(politifact(args.data / "politifact_2021_2024.json")),
        "liar_plus_val": list(liar(args.data / "liar_plus_val.tsv")),
    }
    datasets["all"] = [r for name in list(datasets) for r in datasets[name]]
    print(f"{'dataset':<22}{'ratings':>8}{'mapped':>9}{'share':>8}{'unrated':>9}{'wrong side':>12}")
    for name, ratings in datasets.items():
        m = measure(ratings)
        share = m["mapped"] / m["total"] if m["total"] else 0.0
        print(
            f"{name:<22}{m['total']:>8}{m['mapped']:>9}{share:>8.1%}{m['unrated']:>9}"
            f"{m['wrong_side']:>12}"
        )
        if name != "all":
            print(f"{'':<4}levels: {m['levels']}")
            if m["unmapped"]:
                print(f"{'':<4}unmapped: {m['unmapped']}")
            if m["wrong"]:
                print(f"{'':<4}WRONG SIDE: {m['wrong']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
