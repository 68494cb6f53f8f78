"""Webhook URLs against the allow-list, and their delivery to a real HTTP receiver."""

import re
import socket
import time

import pytest
from werkzeug import Response

from service import webhooks
from service.config import Settings

ALLOWED = Settings(webhook_hosts="hooks.example.org, 127.0.0.1 ,[::1]")
WITH_HTTP = Settings(webhook_hosts="127.0.0.1", webhook_allow_http=True)


@pytest.mark.parametrize(
    ("url", "settings", "taken"),
    [
        ("https://hooks.example.org/batch", ALLOWED, True),
        ("https://hooks.example.org", ALLOWED, True),
        ("https://hooks.example.org:8443/a/b?c=d#e", ALLOWED, True),
        ("https://127.0.0.1/hook", ALLOWED, True),
        ("https://[::1]:9000/hook", ALLOWED, True),
        ("http://hooks.example.org/batch", ALLOWED, False),  # https only unless allowed
        ("http://127.0.0.1:8080/hook", WITH_HTTP, True),
        ("https://127.0.0.1:8080/hook", WITH_HTTP, True),
        ("https://elsewhere.example/hook", ALLOWED, False),
        ("https://hooksXexample.org/hook", ALLOWED, False),  # the dots are literal
        ("https://hooks.example.org.evil.example/", ALLOWED, False),
        ("https://evil.example/hooks.example.org", ALLOWED, False),
        ("https://hooks.example.org@evil.example/", ALLOWED, False),
        ("https://user:secret@hooks.example.org/", ALLOWED, False),
        ("https://hooks.example.org:443@evil.example/", ALLOWED, False),
        ("https://hooks.example.org/a b", ALLOWED, False),
        ("https://hooks.example.org/\n", ALLOWED, False),
        ("https://127.0.0.2/hook", ALLOWED, False),
        ("ftp://127.0.0.1/hook", WITH_HTTP, False),
    ],
)
def test_webhook_urls_are_taken_only_for_allowed_hosts(url, settings, taken):
    assert (webhooks.refusal(url, settings) is None) is taken
    # The document's pattern, read as JSON Schema reads it, says the same.
    assert (
        re.search(webhooks.url_pattern(settings).removesuffix("$") + r"\Z", url) is not None
    ) is (taken)


def test_a_refusal_names_the_allow_list_and_without_one_webhooks_are_off():
    assert "hooks.example.org, 127.0.0.1, [::1]" in webhooks.refusal("https://x.example/", ALLOWED)
    assert webhooks.url_pattern(Settings()) is None
    assert "FACTCHECK_WEBHOOK_HOSTS" in webhooks.refusal("https://127.0.0.1/", Settings())


@pytest.fixture
def no_backoff(monkeypatch):
    monkeypatch.setattr(webhooks, "BACKOFF", 0.0)


def test_a_delivery_posts_json_with_the_services_user_agent(httpserver):
    httpserver.expect_oneshot_request("/hook", method="POST").respond_with_data("", status=204)
    outcome = webhooks.deliver(httpserver.url_for("/hook"), {"id": "b1"}, WITH_HTTP)
    assert outcome == {"status": "delivered", "attempts": 1, "response_status": 204, "error": None}
    request, _ = httpserver.log[0]
    assert request.json == {"id": "b1"}
    assert request.headers["User-Agent"] == WITH_HTTP.user_agent


def test_a_server_error_is_retried_until_it_passes(httpserver, no_backoff):
    for status in (500, 502):
        httpserver.expect_ordered_request("/hook").respond_with_data("", status=status)
    httpserver.expect_ordered_request("/hook").respond_with_data("ok")
    outcome = webhooks.deliver(httpserver.url_for("/hook"), {}, WITH_HTTP)
    assert (outcome["status"], outcome["attempts"]) == ("delivered", 3)


@pytest.mark.parametrize("status", [400, 404, 410])
def test_a_refusal_by_the_receiver_is_not_retried(httpserver, no_backoff, status):
    httpserver.expect_request("/hook").respond_with_data("", status=status)
    outcome = webhooks.deliver(httpserver.url_for("/hook"), {}, WITH_HTTP)
    assert outcome == {
        "status": "failed",
        "attempts": 1,
        "response_status": status,
        "error": f"HTTP {status}",
    }


def test_a_redirect_is_not_followed_off_the_allow_list(httpserver, no_backoff):
    elsewhere = httpserver.url_for("/elsewhere")
    httpserver.expect_request("/hook").respond_with_response(
        Response("", status=307, headers={"Location": elsewhere})
    )
    httpserver.expect_request("/elsewhere").respond_with_data("ok")
    outcome = webhooks.deliver(httpserver.url_for("/hook"), {}, WITH_HTTP)
    assert outcome["status"] == "failed"
    assert outcome["response_status"] == 307
    assert {request.path for request, _ in httpserver.log} == {"/hook"}


def test_a_receiver_too_slow_is_given_up_after_every_attempt(httpserver, no_backoff):
    def slow(request):
        time.sleep(1.0)
        return Response("late")

    httpserver.expect_request("/hook").respond_with_handler(slow)
    settings = Settings(webhook_hosts="127.0.0.1", webhook_allow_http=True, webhook_timeout=0.2)
    outcome = webhooks.deliver(httpserver.url_for("/hook"), {}, settings)
    assert outcome == {
        "status": "failed",
        "attempts": webhooks.ATTEMPTS,
        "response_status": None,
        "error": "ReadTimeout",
    }


def test_a_receiver_not_listening_fails_without_raising(no_backoff):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again below: nothing listens there
    outcome = webhooks.deliver(f"http://127.0.0.1:{port}/hook", {}, WITH_HTTP)
    assert (outcome["status"], outcome["error"]) == ("failed", "ConnectionError")
