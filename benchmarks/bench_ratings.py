"""How many real fact-checkers' ratings the normaliser maps; does any land on the wrong side?

    .venv/bin/python benchmarks/bench_ratings.py [--data ../shared/data/factchecks]

Datasets: claimskg_samples/*.csv (ClaimReview records of 8 fact-checkers: `rating_alternateName`
and the numeric `rating_ratingValue` within worst..best), politifact_2021_2024.json (PolitiFact's
six ratings), liar_plus_val.tsv (PolitiFact slugs, third column). "Mapped" means recognised: one of
true / mostly_true / mixed / mostly_false / false / unrated.

Two golds, two figures:
- GOLD_SIDE, the side of each original label read by the person who wrote the tables in
  service/verification/rating.py, looking at these same files: its "wrong side" count is true
  by construction (every label of the three files was written into the tables).
- CLAIMSKG_GOLD, ClaimsKG's own normalisation of the same labels (TRUE / FALSE / MIXTURE / OTHER,
  the table of the ClaimsKG crawler that scraped the samples, github susmita3107/Claims_Extractor,
  applied per fact-checker; a label its table lacks is OTHER, as its crawler makes it). It was
  written by others, so it is the figure that chose nothing. ClaimsKG folds "mostly true" and
  "mostly false" into MIXTURE, so only its TRUE and FALSE have a side: a rating is on the wrong
  side when ClaimsKG says TRUE and the service false / mostly_false, or FALSE and true /
  mostly_true; "side lost" when ClaimsKG gives a side and the service none (mixed, unrated, or
  not recognised). Keys are matched ignoring case (the crawler's lower-casing lookup misses its
  own capitalised AAP keys, a bug: "False" would be OTHER).
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

from service.verification.rating import SCALE, UNRATED, classify_rating  # noqa: E402

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

# ClaimsKG's normalisation (Claims_Extractor) of the labels found in claimskg_samples, per
# fact-checker (`claimReview_source`), lowercased; any other label of that source is OTHER.
CLAIMSKG_GOLD: dict[str, dict[str, str]] = {
    "factcheck_aap": {
        "true": "TRUE",
        "false": "FALSE",
        "mostly true": "MIXTURE",
        "mostly false": "MIXTURE",
        "somewhat true": "MIXTURE",
        "somewhat false": "MIXTURE",
    },
    "factcheck_afp": {
        "false": "FALSE",
        "partly false": "MIXTURE",
        "misleading": "FALSE",
        "satire": "FALSE",
        "missing context": "FALSE",
        "misattributed": "FALSE",
        "true": "TRUE",
    },
    "africacheck": {"incorrect": "FALSE", "mostly correct": "MIXTURE", "correct": "TRUE"},
    "checkyourfact": {
        "false": "FALSE",
        "verdict false": "FALSE",
        "misleading": "FALSE",
        "true": "TRUE",
        "mostly true": "MIXTURE",
    },
    "eufactcheck": {"t": "TRUE", "m": "MIXTURE", "f": "FALSE"},
    "fullfact": {"true": "TRUE", "false": "FALSE", "mixture": "MIXTURE"},
    "politifact": {
        "true": "TRUE",
        "false": "FALSE",
        "pants on fire": "FALSE",
        "mostly true": "MIXTURE",
        "half true": "MIXTURE",
        "mostly false": "MIXTURE",
        "barely true": "MIXTURE",
    },
    "truthorfiction": {
        "true": "TRUE",
        "truth": "TRUE",
        "fiction": "FALSE",
        "mostly fiction": "FALSE",
        "decontextualized": "MIXTURE",
        "not true": "MIXTURE",
        "mixed": "MIXTURE",
    },
}
CLAIMSKG_SIDE = {"TRUE": TRUE_SIDE, "FALSE": FALSE_SIDE}

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


def claimskg_gold(folder: Path) -> Iterator[tuple[Rating, str]]:
    """The ClaimsKG samples' ratings, each with ClaimsKG's normalised rating of it."""
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                text = row["rating_alternateName"]
                table = CLAIMSKG_GOLD.get(row["claimReview_source"], {})
                gold = table.get(" ".join(text.lower().replace("-", " ").split()), "OTHER")
                rating = (text, row["rating_ratingValue"] or None, row["rating_worstRating"]
                          or None, row["rating_bestRating"] or None)  # fmt: skip
                yield rating, gold


def against_claimskg(folder: Path) -> None:
    """Coverage, wrong side and side lost against ClaimsKG's normalisation; the full table."""
    table: Counter = Counter()
    wrong, lost = Counter(), Counter()
    for (text, value, worst, best), gold in claimskg_gold(folder):
        level = classify_rating(text, value, worst, best)
        table[gold, level] += 1
        side = CLAIMSKG_SIDE.get(gold)
        if side is None:
            continue
        if level in (TRUE_SIDE | FALSE_SIDE) - side:
            wrong[f"{text} ({gold}) -> {level}"] += 1
        elif level not in side:
            lost[f"{text} ({gold}) -> {level}"] += 1
    total = sum(table.values())
    sided = sum(n for (gold, _), n in table.items() if gold in CLAIMSKG_SIDE)
    mapped = total - sum(n for (_, level), n in table.items() if level is None)
    print(f"\nclaimskg_samples against ClaimsKG's own normalisation ({total} ratings):")
    print(f"  mapped {mapped} ({mapped / total:.1%}); of the {sided} ClaimsKG puts on a side "
          f"(TRUE / FALSE): wrong side {sum(wrong.values())} ({sum(wrong.values()) / sided:.1%}), "
          f"side lost {sum(lost.values())} ({sum(lost.values()) / sided:.1%})")  # fmt: skip
    levels = [*SCALE, UNRATED, None]
    print(f"  {'ClaimsKG':<9}" + "".join(f"{str(level):>13}" for level in levels))
    for gold in ("TRUE", "FALSE", "MIXTURE", "OTHER"):
        print(f"  {gold:<9}" + "".join(f"{table[gold, level]:>13}" for level in levels))
    if wrong:
        print(f"  WRONG SIDE: {dict(wrong)}")
    if lost:
        print(f"  side lost: {dict(lost)}")


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
    against_claimskg(args.data / "claimskg_samples")
    return 0


if __name__ == "__main__":
    sys.exit(main())
