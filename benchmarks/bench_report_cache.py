"""A cached report against its floor: the same gunicorn serving a bare 2 KB Redis read.

    .venv/bin/python benchmarks/bench_report_cache.py [--data ARTICLE] [--requests 500]
        [--threads 4] [--redis-url redis://127.0.0.1:6379/0] [--profile]

Starts the service with the Dockerfile's CMD (gunicorn.conf.py, the embedded corpus as its only
source) and, beside it under the same settings, a floor app: one Flask view reading a 2 KB value
from the same Redis. Posts the article once (computed and stored), then times both side by side:
sequential requests interleaved, then a few threads at once. Prints p50/p95, the ratio of the
p50s, the concurrent throughput and each worker's resident memory. `--profile` also profiles
the hit path in-process (Flask's test client) and prints where its time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import redis
import requests
from flask import Flask, Response, request

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.gunicorn_process import gunicorn, worker_rss_mb  # noqa: E402

DEFAULT_ARTICLE = ROOT.parent / "shared" / "data" / "articles" / "us-japan-alliance.txt"
FALLBACK_ARTICLE = (
    "Japan and the United States signed a security treaty in 1960. Tokyo is the capital of "
    "Japan. Nippon Steel bid $15 billion for U.S. Steel in 2023, the company said. "
    "What a lovely day it is!"
)
FLOOR_BYTES = 2048


def floor_app() -> Flask:
    """The floor: a bare Flask view answering a POST with a 2 KB value read from Redis."""
    app = Flask(__name__)
    client = redis.Redis.from_url(os.environ["FLOOR_REDIS_URL"])
    key = os.environ["FLOOR_KEY"]

    @app.post("/floor")
    def floor():
        request.get_data()  # the same body as the service reads
        return Response(client.get(key), mimetype="application/json")

    @app.get("/healthz")
    def healthz():
        return "ok"

    return app


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_ARTICLE, help="the article")
    parser.add_argument("--requests", type=int, default=500, help="per target and phase")
    parser.add_argument("--threads", type=int, default=4, help="clients in the concurrent phase")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--sources-file", help="default: the embedded corpus alone")
    parser.add_argument("--profile", action="store_true", help="profile the hit in-process")
    args = parser.parse_args()

    exists = args.data.is_file()
    text = args.data.read_text(encoding="utf-8") if exists else FALLBACK_ARTICLE
    name = args.data.name if exists else "built-in text"
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    client = redis.Redis.from_url(args.redis_url)
    floor_key = f"{prefix}:floor"
    client.set(floor_key, b'{"value":"' + b"x" * (FLOOR_BYTES - 12) + b'"}')
    with tempfile.TemporaryDirectory() as folder:
        sources = args.sources_file or embedded_sources(Path(folder))
        env = {
            "FACTCHECK_SOURCES_FILE": str(sources),
            "FACTCHECK_REDIS_URL": args.redis_url,
            "FACTCHECK_CACHE_PREFIX": prefix,
        }
        floor_env = {"FLOOR_REDIS_URL": args.redis_url, "FLOOR_KEY": floor_key}
        try:
            with (
                gunicorn(None, Path(folder) / "service.log", **env) as (service, service_pid),
                gunicorn(
                    "benchmarks.bench_report_cache:floor_app()",
                    Path(folder) / "floor.log",
                    **floor_env,
                ) as (floor, floor_pid),
            ):
                run(args, text, name, f"{service}/v1/checks", f"{floor}/floor")
                print(
                    f"memory (VmRSS per worker): service {worker_rss_mb(service_pid)} MB, ", end=""
                )
                print(f"floor {worker_rss_mb(floor_pid)} MB")
            if args.profile:
                profile(text, env)
        finally:
            keys = list(client.scan_iter(f"{prefix}:*"))
            if keys:
                client.delete(*keys)


def embedded_sources(folder: Path) -> Path:
    """benchmarks/sources-embedded.yaml if `make corpus` was run, else the same corpus built."""
    if (ROOT / "var" / "wiki-summaries.sqlite").is_file():
        return ROOT / "benchmarks" / "sources-embedded.yaml"
    from service.sources.corpus import build_corpus
    from service.sources.corpus_index import default_wiki_summaries

    build_corpus(folder / "wiki.sqlite", [default_wiki_summaries()])
    path = folder / "sources.yaml"
    entry = f"  - name: wiki_summaries\n    type: corpus\n    path: {folder}/wiki.sqlite\n"
    path.write_text(f"sources:\n{entry}    limit: 5\n")
    return path


def run(args: argparse.Namespace, text: str, name: str, service: str, floor: str) -> None:
    """Warm up, then the sequential and the concurrent phases."""
    body = text.encode()
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    first = requests.post(service, data=body, headers=headers, timeout=120)
    first.raise_for_status()
    again = requests.post(service, data=body, headers=headers, timeout=30)
    assert again.headers.get("X-Cache") == "hit", f"not cached: {again.headers.get('X-Cache')}"
    report = again.json()
    print(
        f"article: {name}, {len(text):,} chars, {len(report['claims'])} claims; "
        f"report {len(again.content):,} bytes (first check {first.json()['elapsed_ms']:.0f} ms); "
        f"floor value {FLOOR_BYTES:,} bytes"
    )
    print(
        f"gunicorn: {os.environ.get('WEB_CONCURRENCY', '2')} workers x "
        f"{os.environ.get('GUNICORN_THREADS', '4')} threads (gunicorn.conf.py)"
    )
    targets = {"cached report": service, "floor (2 KB GET)": floor}
    for session_url in targets.values():  # connections opened, code paths warm
        hammer(session_url, body, headers, 20)

    times: dict[str, list[float]] = {label: [] for label in targets}
    sessions = {label: requests.Session() for label in targets}
    for _ in range(args.requests):  # interleaved, so that drift touches both alike
        for label, url in targets.items():
            times[label].append(timed(sessions[label], url, body, headers))
    print(f"\nsequential, {args.requests} requests each, interleaved:")
    print_table(times)

    times = {label: [] for label in targets}
    walls = dict.fromkeys(targets, 0.0)
    half = args.requests // 2
    for _ in range(2):  # A B A B: each target's wall time is the sum of its two runs
        for label, url in targets.items():
            started = time.perf_counter()
            times[label] += concurrently(url, body, headers, half, args.threads)
            walls[label] += time.perf_counter() - started
    print(f"\nconcurrent, {args.threads} threads, {2 * half} requests each:")
    print_table(times, {label: 2 * half / walls[label] for label in targets})


def timed(session: requests.Session, url: str, body: bytes, headers: dict) -> float:
    """One POST's round trip in ms."""
    started = time.perf_counter()
    answer = session.post(url, data=body, headers=headers, timeout=30)
    elapsed = (time.perf_counter() - started) * 1000
    answer.raise_for_status()
    return elapsed


def hammer(url: str, body: bytes, headers: dict, count: int) -> list[float]:
    """`count` sequential POSTs on one connection."""
    with requests.Session() as session:
        return [timed(session, url, body, headers) for _ in range(count)]


def concurrently(url: str, body: bytes, headers: dict, count: int, threads: int) -> list[float]:
    """`count` POSTs from `threads` clients at once."""
    results: list[list[float]] = [[] for _ in range(threads)]
    workers = [
        threading.Thread(
            target=lambda i=i: results[i].extend(hammer(url, body, headers, count // threads))
        )
        for i in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return [ms for result in results for ms in result]


def print_table(times: dict[str, list[float]], rates: dict[str, float] | None = None) -> None:
    """p50 / p95 per target (and req/s), then the ratio of the p50s."""
    p50s = {}
    for label, values in times.items():
        p50s[label] = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[18]
        rate = f"  {rates[label]:7.0f} req/s" if rates else ""
        print(f"  {label:<18} p50 {p50s[label]:6.2f} ms  p95 {p95:6.2f} ms{rate}")
    cached, floor = p50s.values()
    print(f"  ratio of p50s (cached / floor): {cached / floor:.2f}x")


def profile(text: str, env: dict[str, str]) -> None:
    """Where a hit's time goes, in-process: the top functions by cumulative time."""
    from service import create_app

    app = create_app(
        {
            "sources_file": env["FACTCHECK_SOURCES_FILE"],
            "redis_url": env["FACTCHECK_REDIS_URL"],
            "cache_prefix": env["FACTCHECK_CACHE_PREFIX"],
            "log_level": "WARNING",
        }
    )
    client = app.test_client()
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    client.post("/v1/checks", data=text.encode(), headers=headers)
    profiler = cProfile.Profile()
    started = time.perf_counter()
    with profiler:
        for _ in range(1000):
            client.post("/v1/checks", data=text.encode(), headers=headers)
    per_hit = (time.perf_counter() - started) * 1000 / 1000  # ms per hit, 1,000 hits
    print(f"\nin-process hit (Flask test client, under cProfile): {per_hit:.3f} ms each")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    app.extensions["factcheck"].checker.close()


if __name__ == "__main__":
    main()
