"""Bad input: the documented status and an RFC 9457 problem body, never a 500."""

import json

import pytest

TEXT = "Japan pledged to double its defense spending by 2027."


def _assert_problem(response, status):
    assert response.status_code == status
    assert response.mimetype == "application/problem+json"
    body = response.get_json(force=True)
    assert body["status"] == status
    assert body["type"] and body["title"] and body["detail"]
    return body


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"text": ""}, "text"),
        ({"text": "   \n\t "}, "text"),
        ({"text": 42}, "text"),
        ({"text": ["a list"]}, "text"),
        ({}, "text"),
        ({"text": TEXT, "colour": "blue"}, "colour"),
        ({"text": TEXT, "published_at": "08/02/2025"}, "published_at"),
        ({"text": TEXT, "published_at": "2025-02-30"}, "published_at"),
        ({"text": TEXT, "min_score": 1.5}, "min_score"),
        ({"text": TEXT, "max_claims": 0}, "max_claims"),
        ({"text": TEXT, "sources": "local"}, "sources"),
        ({"text": TEXT, "sources": ["nowhere"]}, "sources"),
        ({"text": TEXT, "sources": ["local", "local"]}, "sources"),
        ({"text": TEXT, "language": "French"}, "language"),
    ],
)
def test_invalid_check_fields_answer_422_naming_the_field(client, payload, field):
    body = _assert_problem(client.post("/v1/checks", json=payload), 422)
    assert field in body["errors"]


def test_errors_inside_lists_are_keyed_by_position(client):
    payload = {"text": "", "sources": ["local", 0, None, ["x"]]}
    body = _assert_problem(client.post("/v1/checks", json=payload), 422)
    assert set(body["errors"]["sources"]) == {"1", "2", "3"}
    assert "text" in body["errors"]


def test_unknown_source_names_the_configured_ones(client):
    body = _assert_problem(client.post("/v1/checks", json={"text": TEXT, "sources": ["x"]}), 422)
    assert "local" in body["errors"]["sources"][0]


@pytest.mark.parametrize("raw", ['{"text": "unterminated', "{text: 'single quotes'}", "\x00"])
def test_invalid_json_answers_400(client, raw):
    body = _assert_problem(
        client.post("/v1/checks", data=raw, content_type="application/json"), 400
    )
    assert "JSON" in body["detail"]


@pytest.mark.parametrize("raw", ['"just a string"', "[1, 2]", "null", "3"])
def test_json_that_is_not_an_object_answers_422(client, raw):
    _assert_problem(client.post("/v1/checks", data=raw, content_type="application/json"), 422)


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/v1/checks", "application/xml"),
        ("/v1/checks", "application/x-www-form-urlencoded"),
        ("/v1/claims/verify", "text/plain"),
    ],
)
def test_wrong_content_type_answers_415(client, path, content_type):
    _assert_problem(client.post(path, data="<text>hi</text>", content_type=content_type), 415)


def test_body_over_the_limit_answers_413(make_app):
    client = make_app(max_body_bytes=1_000).test_client()
    body = json.dumps({"text": "word " * 1_000})
    _assert_problem(client.post("/v1/checks", data=body, content_type="application/json"), 413)
    _assert_problem(client.post("/v1/checks", data="w " * 1_000, content_type="text/plain"), 413)


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"claim": "a", "claims": ["b"]},
        {"claim": ""},
        {"claims": []},
        {"claims": ["fine", "  "]},
        {"claim": "x" * 3_000},
    ],
)
def test_invalid_verify_bodies_answer_422(client, payload):
    _assert_problem(client.post("/v1/claims/verify", json=payload), 422)


def test_unknown_path_and_method_are_problems(client):
    _assert_problem(client.get("/v1/nothing"), 404)
    response = client.get("/v1/checks")
    _assert_problem(response, 405)
    assert "POST" in response.headers["Allow"]
