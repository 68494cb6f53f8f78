"""How long a check of an article takes, cold and cached (medians of several runs).

    .venv/bin/python benchmarks/bench_check.py [--article FILE] [--runs 7] [--redis-url URL]
        [--sources-file benchmarks/sources-embedded.yaml]

Uses the configured sources (FACTCHECK_SOURCES_FILE, default sources.yaml: the embedded corpus).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import uuid
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service.app import build_wiring  # noqa: E402
from service.cache import create_cache  # noqa: E402
from service.checker import CheckOptions  # noqa: E402
from service.config import Settings  # noqa: E402

DEFAULT_ARTICLE = ROOT.parent / "shared" / "data" / "articles" / "us-japan-alliance.txt"


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--redis-url", default="", help="default: the memory cache")
    parser.add_argument(
        "--sources-file",
        help="default: FACTCHECK_SOURCES_FILE or sources.yaml; "
        "benchmarks/sources-embedded.yaml is the corpus alone",
    )
    args = parser.parse_args()

    text = args.article.read_text(encoding="utf-8")
    overrides = {"redis_url": args.redis_url}
    if args.sources_file:
        overrides["sources_file"] = args.sources_file
    settings = Settings.load(overrides=overrides)
    started = time.perf_counter()
    wiring = build_wiring(settings)
    startup_ms = (time.perf_counter() - started) * 1000
    checker = wiring.checker
    options = CheckOptions()
    cold, cached = [], []
    report = None
    for _ in range(args.runs):
        # A fresh key prefix (Redis) or a fresh memory cache makes every first check cold.
        prefix = f"bench-{uuid.uuid4().hex[:8]}"
        checker.cache = create_cache(args.redis_url, prefix)
        checker.settings = replace(settings, cache_prefix=prefix)
        started = time.perf_counter()
        report = checker.check_article(text, options)
        cold.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        again = checker.check_article(text, options)
        cached.append((time.perf_counter() - started) * 1000)
        assert again.cache == "hit", again.cache
        if args.redis_url:
            keys = list(checker.cache.client.scan_iter(f"{prefix}:*"))
            if keys:
                checker.cache.client.delete(*keys)
    checker.close()

    words = len(text.split())
    print(f"article: {args.article.name}, {words} words, {report.sentences} sentences")
    print(f"claims found: {len(report.claims)}  summary: {report.summary}")
    for result in report.claims:
        print(
            f"  {result.claim.id} {result.claim.checkworthiness:.2f} "
            f"{result.verdict.label:<20} {result.claim.text[:90]}"
        )
    print(f"sources: {', '.join(s.name + ' ' + s.status for s in report.sources)}")
    print(f"cache backend: {checker.cache.backend}; start-up (sources, cache) {startup_ms:.0f} ms")
    print(
        f"cold check:   median {statistics.median(cold):8.1f} ms  (runs: {len(cold)}, "
        f"min {min(cold):.1f}, max {max(cold):.1f})"
    )
    print(
        f"cached check: median {statistics.median(cached):8.1f} ms  (min {min(cached):.1f}, "
        f"max {max(cached):.1f})"
    )
    print(f"cold / cached: {statistics.median(cold) / statistics.median(cached):.1f}x")


if __name__ == "__main__":
    main()
