"""What API keys, a Redis rate limit and metrics add to a request (medians, Flask test client).

    .venv/bin/python benchmarks/bench_access.py [--requests 2000] [--redis-url URL]

Times GET /v1/sources (cheap, so the overhead shows) with every feature off, then with keys,
keys + rate limit (one Redis round trip), and prints the medians and the ratio to the baseline.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
import uuid
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from service import create_app  # noqa: E402
from service.api.auth import hash_key  # noqa: E402

KEY = "bench-key"


def _median_ms(client, count: int, headers: dict[str, str]) -> float:
    """The median time of `count` GET /v1/sources, in ms."""
    times = []
    for _ in range(count):
        started = time.perf_counter()
        response = client.get("/v1/sources", headers=headers)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(times)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    args = parser.parse_args()
    prefix = f"factcheck-bench-{uuid.uuid4().hex[:8]}"
    common = {"redis_url": args.redis_url, "cache_prefix": prefix, "log_level": "WARNING"}
    variants = {
        "off": ({}, {}),
        "keys": ({"api_keys": hash_key(KEY)}, {"X-API-Key": KEY}),
        "keys+limit": (
            {"api_keys": hash_key(KEY), "rate_limit": "100000000/day"},
            {"X-API-Key": KEY},
        ),
    }
    baseline = None
    try:
        for name, (settings, headers) in variants.items():
            app = create_app({**common, **settings})
            logging.getLogger("service.http").setLevel(logging.WARNING)
            client = app.test_client()
            _median_ms(client, 50, headers)  # warm up
            median = _median_ms(client, args.requests, headers)
            baseline = baseline or median
            print(f"{name:<12} median {median:.3f} ms  ratio {median / baseline:.2f}")
            app.extensions["factcheck"].checker.close()
    finally:
        client = redis.Redis.from_url(args.redis_url)
        for key in client.scan_iter(f"{prefix}:*"):
            client.delete(key)


if __name__ == "__main__":
    main()
