"""What reports and GET /v1/sources say of the sources, whichever process answers."""

import socket

import pytest

from tests.conftest import REDIS_URL

CLAIM = "Nippon Steel offered $15 billion for U.S. Steel in 2023."


def _closed_port() -> int:
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def dead_source_file(tmp_path, corpus_file):
    """The fixture corpus, and a Wikipedia nobody answers for, whose breaker opens at once."""
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n"
        f"  - {{name: local, type: corpus, path: {corpus_file}}}\n"
        f"  - {{name: dead, type: wikipedia, base_url: 'http://127.0.0.1:{_closed_port()}/w',\n"
        "     failure_threshold: 1, cooldown: 60, retries: 0}\n"
    )
    return str(path)


def _listed(client) -> dict:
    response = client.get("/v1/sources")
    assert response.status_code == 200
    return {source["name"]: source for source in response.get_json()["sources"]}


def test_every_process_lists_the_same_sources_through_redis(
    make_app, dead_source_file, cache_prefix
):
    settings = {"sources_file": dead_source_file, "redis_url": REDIS_URL}
    one = make_app(**settings, cache_prefix=cache_prefix).test_client()
    other = make_app(**settings, cache_prefix=cache_prefix).test_client()
    assert _listed(other)["dead"]["status"] == "unknown"
    one.post("/v1/claims/verify", json={"claim": CLAIM})
    # `other` never asked a source: what it lists is what `one` met.
    seen_by_one, seen_by_other = _listed(one), _listed(other)
    assert seen_by_other["dead"]["status"] == "circuit_open"
    assert seen_by_other["dead"]["circuit"]["failures"] == 1
    assert 0 < seen_by_other["dead"]["circuit"]["retry_in"] <= 60
    assert seen_by_other["local"]["last_status"] == "ok"
    for listed in (seen_by_one, seen_by_other):
        listed["dead"]["circuit"].pop("retry_in")
    assert seen_by_one == seen_by_other
    apart = make_app(**settings, cache_prefix=f"{cache_prefix}-apart").test_client()
    assert _listed(apart)["dead"]["status"] == "unknown"  # another deployment's record


def test_without_redis_a_process_lists_what_it_met_itself(make_app, dead_source_file):
    down = f"redis://127.0.0.1:{_closed_port()}/0"
    client = make_app(sources_file=dead_source_file, redis_url=down).test_client()
    report = client.post("/v1/claims/verify", json={"claim": CLAIM}).get_json()
    assert report["cache"] == "unavailable"
    listed = _listed(client)
    assert listed["dead"]["status"] == "circuit_open"
    assert listed["local"]["status"] == "ok"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/v1/checks", {"text": "Thank you all, and good night!"}),
        ("/v1/checks", {"text": "Le Japon a promis de doubler son budget."}),
        ("/v1/claims/verify", {"claim": "Is Paris the capital of France?"}),
    ],
)
def test_a_report_without_judged_claims_names_no_source(client, path, body):
    report = client.post(path, json=body).get_json()
    assert all(claim["verdict"]["cached"] is False for claim in report["claims"])
    assert report["sources"] == []


def test_sources_left_unasked_for_lack_of_time_are_not_called_cached(make_app):
    client = make_app(request_timeout=0.01).test_client()
    for _ in range(2):  # and nothing is cached: the second answer is no better
        report = client.post("/v1/claims/verify", json={"claim": CLAIM}).get_json()
        assert report["cache"] == "miss"
        assert [(s["name"], s["status"]) for s in report["sources"]] == [("local", "timeout")]
        assert "no time left" in report["sources"][0]["detail"]
