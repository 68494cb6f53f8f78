"""Liveness under load: big articles checked at once, /healthz polled meanwhile.

    .venv/bin/python benchmarks/bench_liveness.py [--size 199000] [--articles 2]
        [--request-timeout 30] [--redis-url redis://127.0.0.1:6379/0] [--sync]

Starts the service with the Dockerfile's CMD (gunicorn.conf.py; the embedded corpus as its only
source, cold caches), posts `--articles` different ~199 KB articles at once and polls /healthz
every 0.25 s until they are answered. Prints each check's wall time against the budget
(FACTCHECK_REQUEST_TIMEOUT) with its cut-short notes, and how long /healthz took. `--sync` runs
gunicorn's sync workers instead of the configured gthread ones, as the service ran before.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import redis
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_report_cache import DEFAULT_ARTICLE, embedded_sources  # noqa: E402
from benchmarks.gunicorn_process import gunicorn, worker_rss_mb  # noqa: E402


def big_articles(count: int, size: int, fallback: Path) -> list[str]:
    """`count` different texts of `size` characters: Wikipedia summaries (the embedded corpus's
    own, as varied as news), or else the example article repeated, each from another paragraph."""
    try:
        from service.sources.corpus_index import default_wiki_summaries

        summaries = json.loads(Path(default_wiki_summaries()).read_text(encoding="utf-8"))
        paragraphs = [item["extract"] for item in summaries.values()]
    except (ImportError, OSError, TypeError):
        paragraphs = fallback.read_text(encoding="utf-8").split("\n\n")
    texts = []
    for n in range(count):
        chosen, length, i = [], 0, n
        while length < size:
            chosen.append(paragraphs[(i * 7) % len(paragraphs)])  # every 7th: unlike neighbours
            length += len(chosen[-1]) + 2
            i += count
        texts.append("\n\n".join(chosen)[:size])
    return texts


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_ARTICLE, help="fallback text")
    parser.add_argument("--size", type=int, default=199_000, help="characters per article")
    parser.add_argument("--articles", type=int, default=2)
    parser.add_argument("--request-timeout", type=float, default=30.0)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0")
    parser.add_argument("--sync", action="store_true", help="sync workers (as before gthread)")
    args = parser.parse_args()

    texts = big_articles(args.articles, args.size, args.data)
    prefix = f"bench-{uuid.uuid4().hex[:8]}"
    # gunicorn turns sync workers given threads into gthread ones: one thread, then.
    extra = ("--worker-class", "sync", "--threads", "1") if args.sync else ()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            "FACTCHECK_SOURCES_FILE": str(embedded_sources(Path(folder))),
            "FACTCHECK_REDIS_URL": args.redis_url,
            "FACTCHECK_CACHE_PREFIX": prefix,
            "FACTCHECK_REQUEST_TIMEOUT": str(args.request_timeout),
        }
        try:
            with gunicorn(None, Path(folder) / "service.log", args=extra, **env) as (base, pid):
                requests.post(f"{base}/v1/checks", json={"text": "Paris is in France."}, timeout=60)
                run(base, texts, args)
                print(f"memory (VmRSS per worker): {worker_rss_mb(pid)} MB")
        finally:
            client = redis.Redis.from_url(args.redis_url)
            keys = list(client.scan_iter(f"{prefix}:*"))
            if keys:
                client.delete(*keys)


def run(base: str, texts: list[str], args: argparse.Namespace) -> None:
    """The checks at once, /healthz polled until they are all answered."""
    results: list[dict] = [{} for _ in texts]

    def check(i: int) -> None:
        started = time.perf_counter()
        answer = requests.post(f"{base}/v1/checks", json={"text": texts[i]}, timeout=600)
        results[i] = {"seconds": time.perf_counter() - started, "answer": answer}

    workers = [threading.Thread(target=check, args=(i,)) for i in range(len(texts))]
    started = time.perf_counter()
    for worker in workers:
        worker.start()
    health: list[float] = []
    while any(worker.is_alive() for worker in workers):
        time.sleep(0.25)
        asked = time.perf_counter()
        with contextlib.suppress(requests.RequestException):
            requests.get(f"{base}/healthz", timeout=120)
        health.append(time.perf_counter() - asked)
    for worker in workers:
        worker.join()
    mode = "sync workers" if args.sync else "gunicorn.conf.py (gthread)"
    print(f"{len(texts)} articles of {args.size:,} chars at once, {mode}, ", end="")
    print(f"request budget {args.request_timeout:g} s; all answered in ", end="")
    print(f"{time.perf_counter() - started:.1f} s")
    for i, result in enumerate(results, start=1):
        answer = result["answer"]
        report = answer.json() if answer.ok else {}
        cut = [note for note in report.get("notes", []) if note.startswith("Cut short")]
        print(
            f"  article {i}: HTTP {answer.status_code} in {result['seconds']:.1f} s "
            f"(over budget by {result['seconds'] - args.request_timeout:+.1f} s), "
            f"{len(report.get('claims', []))} claims, {report.get('sentences', 0)} sentences"
        )
        for note in cut:
            print(f"    {note[:150]}")
    if health:
        print(
            f"  /healthz while they ran: {len(health)} polls, p50 "
            f"{statistics.median(health) * 1000:.0f} ms, max {max(health) * 1000:.0f} ms"
        )


if __name__ == "__main__":
    main()
