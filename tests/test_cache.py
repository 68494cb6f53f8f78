"""The verdict cache: keys, serialization, memory and the real Redis, outages."""

import shutil
import socket
import subprocess
import threading
import time

import pytest

from service.cache import (
    CacheUnavailable,
    MemoryCache,
    RedisCache,
    create_cache,
    dump_verdict,
    load_verdict,
    verdict_key,
)
from service.domain import Evidence, Verdict
from tests.conftest import REDIS_URL

VERDICT = Verdict(
    label="supported",
    confidence=0.8,
    rationale="Wikipedia 'Nippon Steel' gives the same amount.",
    as_of="2025-02-08",
    checked_at="2025-02-08T10:00:00+00:00",
    evidence=(
        Evidence(
            source="local",
            title="Nippon Steel",
            snippet="Nippon Steel agreed to acquire U.S. Steel for $14.9 billion.",
            url="https://en.wikipedia.org/wiki/Nippon_Steel",
            stance="supports",
            score=0.9,
        ),
    ),
)


def test_key_has_the_documented_shape():
    key = verdict_key("factcheck", "Japan doubles spending.", "2025-02-08", ["b", "a"], "1")
    prefix, version, kind, digest = key.split(":")
    assert (prefix, version, kind) == ("factcheck", "v1", "verdict")
    assert len(digest) == 64


@pytest.mark.parametrize(
    "variant",
    ["japan doubles spending", "  Japan   doubles spending. ", "“Japan doubles spending”"],
)
def test_key_ignores_case_spacing_quotes_and_final_punctuation(variant):
    expected = verdict_key("p", "Japan doubles spending.", "2025-02-08", ["a"], "1")
    assert verdict_key("p", variant, "2025-02-08", ["a"], "1") == expected


@pytest.mark.parametrize(
    ("claim", "as_of", "sources", "engine"),
    [
        ("Japan triples spending.", "2025-02-08", ["a"], "1"),
        ("Japan doubles spending.", "2026-11-28", ["a"], "1"),
        ("Japan doubles spending.", "2025-02-08", ["a", "b"], "1"),
        ("Japan doubles spending.", "2025-02-08", ["a"], "2"),
    ],
)
def test_key_changes_with_claim_day_sources_and_engine(claim, as_of, sources, engine):
    base = verdict_key("p", "Japan doubles spending.", "2025-02-08", ["a"], "1")
    assert verdict_key("p", claim, as_of, sources, engine) != base


def test_verdict_round_trips_through_json():
    assert load_verdict(dump_verdict(VERDICT)) == VERDICT


def test_memory_cache_marks_hits_cached_and_expires():
    cache = MemoryCache()
    cache.set("k", VERDICT, ttl=1)
    assert cache.get("k").cached is True
    assert cache.get("k").evidence == VERDICT.evidence
    cache.set("short", VERDICT, ttl=0)
    assert cache.get("short") is None


@pytest.mark.parametrize("url", ["", "memory://"])
def test_empty_or_memory_url_gives_the_memory_cache(url):
    assert isinstance(create_cache(url), MemoryCache)


def test_unknown_scheme_is_refused():
    with pytest.raises(ValueError, match="ftp"):
        create_cache("ftp://cache")


@pytest.fixture
def redis_cache(cache_prefix):
    cache = create_cache(REDIS_URL, cache_prefix)
    yield cache
    cache.client.close()


def test_redis_stores_with_ttl_and_returns_cached(redis_cache, cache_prefix):
    key = f"{cache_prefix}:v1:verdict:abc"
    assert redis_cache.get(key) is None
    redis_cache.set(key, VERDICT, ttl=120)
    assert 0 < redis_cache.client.ttl(key) <= 120
    hit = redis_cache.get(key)
    assert hit.cached is True
    assert hit.label == "supported"
    assert hit.evidence[0].url == VERDICT.evidence[0].url


def test_unreadable_redis_entry_is_a_miss(redis_cache, cache_prefix):
    key = f"{cache_prefix}:v1:verdict:garbage"
    redis_cache.client.set(key, b"{not json")
    assert redis_cache.get(key) is None


def test_single_flight_lets_one_caller_compute_at_a_time(redis_cache, cache_prefix):
    key = f"{cache_prefix}:v1:verdict:flight"
    inside, overlaps = [], []

    def work():
        with redis_cache.single_flight(key, wait=5) as acquired:
            assert acquired
            overlaps.append(len(inside))
            inside.append(1)
            time.sleep(0.05)
            inside.pop()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert overlaps == [0, 0, 0, 0]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_redis_raises_cache_unavailable_quickly():
    cache = RedisCache.from_url(f"redis://127.0.0.1:{_free_port()}/0")
    started = time.perf_counter()
    with pytest.raises(CacheUnavailable):
        cache.get("any")
    with pytest.raises(CacheUnavailable):
        cache.set("any", VERDICT, ttl=5)
    assert cache.ping() is False
    assert time.perf_counter() - started < 5


@pytest.fixture
def own_redis():
    """A redis-server of this test's own, which the test may stop and start."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed")
    port = _free_port()
    command = [
        binary,
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
    ]

    def start():
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return process
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    state = {"process": start(), "start": start, "port": port}
    yield state
    state["process"].terminate()
    state["process"].wait()


def test_cache_recovers_by_itself_when_redis_comes_back(own_redis):
    cache = RedisCache.from_url(f"redis://127.0.0.1:{own_redis['port']}/0", "recover")
    cache.set("recover:k", VERDICT, ttl=60)
    own_redis["process"].terminate()
    own_redis["process"].wait()
    with pytest.raises(CacheUnavailable):
        cache.get("recover:k")
    own_redis["process"] = own_redis["start"]()
    cache.set("recover:k", VERDICT, ttl=60)
    assert cache.get("recover:k").label == "supported"
