"""Verdicts against a gold side, shared by the verdict benchmarks: the verdicts per gold side
with the shares decided and wrong (print_sides), and the risk-coverage table (the precision of
the decided verdicts above a confidence cut, for each share of all claims the cut leaves
decided; print_risk_coverage).

A verdict is decided when it takes a side (`supported` or `refuted`; `conflicting` and
`not_enough_evidence` are not decided) and right when that side is the gold one: a decision on
a claim whose gold is neither side (Climate-FEVER's NOT_ENOUGH_INFO, an off-topic claim) is
wrong. Decided verdicts are sorted by confidence, highest first; for each coverage level (5%,
10%, 20%, 30%, ... of all claims, up to the share decided) the cut is the confidence of the last
verdict the level needs, and every verdict at or above the cut is kept, ties included (a
threshold cannot split them), so the coverage reached may exceed the level.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

SIDES = ("supported", "refuted")
LABELS = ("supported", "refuted", "conflicting", "not_enough_evidence")
Item = tuple[str, str, float]  # (gold side, verdict label, verdict confidence)


def coverage_levels(decided_share: float) -> list[float]:
    """5%, 10%, then every further 10%, up to the share of claims decided."""
    levels = [0.05] + [n / 10 for n in range(1, 11)]
    return [level for level in levels if level <= decided_share + 1e-9]


def risk_coverage(items: Sequence[Item]) -> list[tuple[float, float, float, int, float]]:
    """(level, cut, coverage reached, verdicts kept, precision) per coverage level; the last row
    keeps every decided verdict (its level is the share decided unless a lower one did)."""
    n = len(items)
    decided = sorted(
        ((conf, gold == label) for gold, label, conf in items if label in SIDES), reverse=True
    )
    if not n or not decided:
        return []
    share, rows = len(decided) / n, []
    for level in [*coverage_levels(share), share]:
        if rows and rows[-1][3] == len(decided):
            break  # every decided verdict is kept already
        needed = min(len(decided), max(1, math.ceil(level * n - 1e-9)))
        cut = decided[needed - 1][0]
        kept = [right for conf, right in decided if conf >= cut]
        rows.append((level, cut, len(kept) / n, len(kept), sum(kept) / len(kept)))
    return rows


def print_risk_coverage(items: Sequence[Item], indent: str = "  ") -> None:
    """Print the risk-coverage table of (gold side, label, confidence) verdicts."""
    rows = risk_coverage(items)
    decided = sum(label in SIDES for _, label, _ in items)
    print(f"{indent}risk-coverage: {decided} of {len(items)} claims decided (supported / refuted)")
    if not rows:
        return
    print(f"{indent}  coverage  confidence cut  reached  kept  precision")
    for level, cut, reached, kept, precision in rows:
        print(f"{indent}  {level:8.1%}  {cut:14.3f}  {reached:7.1%}  {kept:4d}  {precision:9.3f}")


def print_sides(items: Sequence[Item], indent: str = "") -> None:
    """Print the verdicts per gold side, the share decided (supported / refuted / conflicting),
    the precision of the sides given and the wrong-side share (the other side given)."""
    n = len(items)
    counts = Counter((gold, label) for gold, label, _ in items)
    print(f"{indent}gold side  | " + "  ".join(f"{label:>19}" for label in LABELS))
    for side in SIDES:
        total = max(1, sum(counts[side, label] for label in LABELS))
        print(f"{indent}{side:<10} | " + "  ".join(
            f"{counts[side, label]:>10d} ({counts[side, label] / total:6.1%})" for label in LABELS
        ))  # fmt: skip
    decided = sum(label != "not_enough_evidence" for _, label, _ in items)
    sided = sum(label in SIDES for _, label, _ in items)
    right = counts["supported", "supported"] + counts["refuted", "refuted"]
    wrong = counts["refuted", "supported"] + counts["supported", "refuted"]
    shown = f"{decided} ({decided / max(1, n):.1%})"
    print(f"{indent}decided (supported / refuted / conflicting) {shown}")
    print(f"{indent}precision of decided verdicts {right / max(1, sided):.3f} ({right} of {sided} "
          "supported / refuted on the gold side)")  # fmt: skip
    print(f"{indent}wrong side {wrong / max(1, n):.1%} ({wrong} of {n} claims)")
