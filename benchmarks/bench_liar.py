"""Verdicts on PolitiFact claims (LIAR-PLUS validation): through the sources, and on the ruling.

    .venv/bin/python benchmarks/bench_liar.py [--data ../shared/data] [--limit N] [--offset N]
        [--sources-file benchmarks/sources-embedded.yaml]

--offset 200 leaves out the first 200 kept claims: their rulings' wrong verdicts were read on
2026-12-03 while writing service/verification/reported.py, so the figures on the other 599 are
the ones no rule was written from.

LIAR-PLUS validation (factchecks/liar_plus_val.tsv, 1,284 statements; 16 tab-separated columns:
row, json id, label, statement, subjects, speaker, job, state, party, five counts, context,
justification). The statements rated true / mostly-true have the gold side `supported` (420),
those rated false / pants-fire `refuted` (379); half-true and barely-true are left out. Each
statement is made a claim as POST /v1/claims/verify makes it (claim_from_text) and judged as of
2017-01-01 (LIAR predates 2017; the statements' own dates are not in the file) twice:

a. claims alone through the sources of --sources-file (default: the embedded corpus alone, so
   offline only the ~10k Wikipedia summaries answer): Checker.check_claims, one claim per call,
   memory cache;
b. the justification (PolitiFact's ruling less its verdict, column 15) as the one supplied
   passage, built as POST /v1/claims/verify builds supplied evidence: Checker.check_against.
   The kept rows with no justification (2) are left out: the endpoint refuses a blank passage.

For each: the verdicts per gold side, the share decided (supported / refuted / conflicting),
the precision of the decided verdicts (a side given, counted over supported + refuted), the
wrong-side share ((supported on the refuted side + refuted on the supported side) / all claims),
the risk-coverage table (risk_coverage.py) and verdicts/s (the claims are built beforehand).
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from risk_coverage import print_risk_coverage, print_sides  # noqa: E402

from service.cache import MemoryCache  # noqa: E402
from service.checker import Checker, CheckOptions  # noqa: E402
from service.config import Settings  # noqa: E402
from service.domain import Claim, Evidence, Verdict  # noqa: E402
from service.extraction import claim_from_text  # noqa: E402
from service.sources.registry import build_sources, load_sources_file  # noqa: E402
from service.verification.choice import build_verifier  # noqa: E402

SIDES = {"true": "supported", "mostly-true": "supported", "false": "refuted",
         "pants-fire": "refuted"}  # fmt: skip
OPTIONS = CheckOptions(as_of=date(2017, 1, 1))
SOURCES_FILE = ROOT / "benchmarks" / "sources-embedded.yaml"

Row = tuple[Claim, str, str]  # claim, justification, gold side


def unquote(field: str) -> str:
    """A field as written, less the CSV quoting some fields carry ("a ""b"" c" -> a "b" c)."""
    if len(field) >= 2 and field[0] == field[-1] == '"':
        return field[1:-1].replace('""', '"')
    return field


def load_liar(path: Path) -> tuple[list[Row], Counter]:
    """The claims rated true / mostly-true or false / pants-fire, and every rating's count."""
    rows, ratings = [], Counter()
    with path.open(encoding="utf-8", newline="") as handle:
        for fields in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            fields = [unquote(f) for f in fields] + [""] * (16 - len(fields))
            ratings[fields[2]] += 1
            if fields[2] in SIDES:
                claim = claim_from_text(f"liar{fields[1]}", fields[3].strip())
                rows.append((claim, fields[15].strip(), SIDES[fields[2]]))
    return rows, ratings


def build_checker(sources_file: Path) -> Checker:
    """A checker on the sources of the YAML file, a memory cache and the configured verifier."""
    settings = Settings(sources_file=str(sources_file), workers=1)
    http = requests.Session()
    http.headers["User-Agent"] = settings.user_agent
    sources = build_sources(load_sources_file(sources_file), http, settings.user_agent)
    return Checker(settings, sources, MemoryCache(), build_verifier(settings, http))


def judge_alone(checker: Checker, rows: list[Row]) -> tuple[list[Verdict], float, Counter]:
    """Verdicts through the sources (one claim per check), seconds spent, source states."""
    verdicts, states, started = [], Counter(), time.perf_counter()
    for claim, _, _ in rows:
        report = checker.check_claims([claim], OPTIONS)
        verdicts.append(report.claims[0].verdict)
        states.update(f"{s.name} {s.status}" for s in report.sources)
    return verdicts, time.perf_counter() - started, states


def judge_on_justification(checker: Checker, rows: list[Row]) -> tuple[list[Verdict], float]:
    """Verdicts on the justification as the one supplied passage, and the seconds spent."""
    verdicts, started = [], time.perf_counter()
    for claim, justification, _ in rows:
        evidence = [Evidence(source="supplied", title="", snippet=justification, score=1.0)]
        verdicts.append(checker.check_against([claim], evidence, OPTIONS).claims[0].verdict)
    return verdicts, time.perf_counter() - started


def report(name: str, rows: list[Row], verdicts: list[Verdict], seconds: float) -> None:
    """Print the verdicts per gold side, shares decided and wrong, risk-coverage and speed."""
    items = [(gold, v.label, v.confidence) for (_, _, gold), v in zip(rows, verdicts, strict=True)]
    print(f"\n== {name}: {len(rows)} claims, gold {dict(Counter(gold for _, _, gold in rows))}")
    print_sides(items)
    print(f"{len(rows) / seconds:,.1f} verdicts/s")
    print_risk_coverage(items)


def main() -> None:
    """Run both modes and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="only the first N kept claims")
    parser.add_argument(
        "--offset", type=int, default=0, help="leave out the first N kept claims (looked at)"
    )
    parser.add_argument("--sources-file", type=Path, default=SOURCES_FILE)
    args = parser.parse_args()
    path = args.data / "factchecks" / "liar_plus_val.tsv"
    rows, ratings = load_liar(path)
    rows = rows[args.offset :][: args.limit]
    print(f"{path.name}: {sum(ratings.values())} statements, ratings {dict(ratings)}")
    print(f"kept {len(rows)} (true / mostly-true: supported, false / pants-fire: refuted); "
          f"as of {OPTIONS.as_of}; sources {args.sources_file}")  # fmt: skip
    checker = build_checker(args.sources_file)
    checker.check_against([rows[0][0]], [], OPTIONS)  # load the stance model before timing
    verdicts, seconds, states = judge_alone(checker, rows)
    report("a. claims alone through the sources", rows, verdicts, seconds)
    print(f"source states over the checks: {dict(states)}")
    supplied = [row for row in rows if row[1]]
    verdicts, seconds = judge_on_justification(checker, supplied)
    left_out = f"{len(rows) - len(supplied)} without one left out"
    report(f"b. justification as supplied evidence ({left_out})", supplied, verdicts, seconds)
    checker.close()


if __name__ == "__main__":
    main()
