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
        ({"text": TEXT, "max_claims": 2.5}, "max_claims"),
        ({"text": TEXT, "max_claims": 2.0}, "max_claims"),
        ({"text": TEXT, "max_claims": "3"}, "max_claims"),
        ({"text": TEXT, "max_claims": True}, "max_claims"),
        ({"text": TEXT, "max_claims": 1e400}, "max_claims"),
        ({"text": TEXT, "min_score": "0.5"}, "min_score"),
        ({"text": TEXT, "min_score": True}, "min_score"),
        ({"text": TEXT, "url": "news.example/article"}, "url"),
        ({"text": TEXT, "review_url": "https://news.example/a b\n"}, "review_url"),
        ({"text": TEXT, "sources": "local"}, "sources"),
        ({"text": TEXT, "sources": ["nowhere"]}, "sources"),
        ({"text": TEXT, "sources": ["local", "local"]}, "sources"),
        ({"text": TEXT, "language": "French"}, "language"),
    ],
)
def test_invalid_check_fields_answer_422_naming_the_field(client, payload, field):
    body = _assert_problem(client.post("/v1/checks", json=payload), 422)
    assert field in body["errors"]


@pytest.mark.parametrize("path", ["/v1/claims", "/v1/checks"])
def test_integer_fields_of_extraction_refuse_fractions(client, path):
    body = _assert_problem(client.post(path, json={"text": TEXT, "max_claims": 1.5}), 422)
    assert "max_claims" in body["errors"]


# A lone surrogate is valid JSON ("\ud800") but no Unicode text: it cannot even be encoded.
SURROGATE = "Paris is the capital of France \\ud800."


@pytest.mark.parametrize(
    ("path", "raw", "field"),
    [
        ("/v1/checks", f'{{"text": "{SURROGATE}"}}', "text"),
        ("/v1/claims", f'{{"text": "{SURROGATE}"}}', "text"),
        ("/v1/claims/verify", f'{{"claim": "{SURROGATE}"}}', "claim"),
        ("/v1/claims/verify", f'{{"claims": ["Fine.", "{SURROGATE}"]}}', "claims"),
        (
            "/v1/claims/verify",
            f'{{"claim": "Fine.", "evidence": [{{"text": "{SURROGATE}"}}]}}',
            "evidence",
        ),
        (
            "/v1/claims/verify",
            '{"claim": "Fine.", "evidence": [{"text": "x", "title": "\\udfff"}]}',
            "evidence",
        ),
        ("/v1/checks", f'{{"text": "{TEXT}", "sources": ["\\ud800"]}}', "sources"),
    ],
)
def test_lone_surrogates_answer_422_naming_the_field(client, path, raw, field):
    response = client.post(path, data=raw, content_type="application/json")
    body = _assert_problem(response, 422)
    assert field in body["errors"]
    assert "surrogate" in json.dumps(body["errors"])


def test_a_surrogate_pair_is_text(client):
    raw = '{"claim": "The emoji \\ud83d\\ude00 is a smiling face."}'
    response = client.post("/v1/claims/verify", data=raw, content_type="application/json")
    assert response.status_code == 200
    assert "\U0001f600" in response.get_json()["claims"][0]["text"]


@pytest.mark.parametrize(
    ("raw", "detail"),
    [("[" * 100_000, "nested too deeply"), ('{"max_claims": 1' + "0" * 5_000 + "}", "too long")],
)
def test_json_python_cannot_hold_answers_400(client, raw, detail):
    body = _assert_problem(
        client.post("/v1/checks", data=raw, content_type="application/json"), 400
    )
    assert detail in body["detail"]


@pytest.mark.parametrize(
    ("charset", "text"),
    [
        ("utf-16", "Zürich is the largest city in Switzerland."),
        ("UTF-16LE", "Zürich is the largest city in Switzerland."),
        ("iso-8859-1", "Zürich is the largest city in Switzerland."),
        ("latin-1", "Zürich is the largest city in Switzerland."),
        ("windows-1252", "The café’s owner said it opened in 1999."),
        ('"utf-8"', "Zürich is the largest city in Switzerland."),
    ],
)
def test_plain_text_is_read_in_its_charset(client, charset, text):
    response = client.post(
        "/v1/claims",
        data=text.encode(charset.strip('"')),
        content_type=f"text/plain; charset={charset}",
    )
    assert response.status_code == 200
    assert [s["text"] for s in response.get_json()["sentences"]] == [text]


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"Paris \xff is the capital of France.", "text/plain"),
        (b"Paris \xed\xa0\x80 is the capital.", "text/plain; charset=utf-8"),  # a surrogate
        ("Paris is the capital.".encode("utf-16")[:-1], "text/plain; charset=utf-16"),
        (b"Paris \x81 is the capital.", "text/plain; charset=ascii"),
    ],
)
def test_undecodable_plain_text_answers_400(client, data, content_type):
    body = _assert_problem(client.post("/v1/checks", data=data, content_type=content_type), 400)
    assert "not valid" in body["detail"]


@pytest.mark.parametrize("charset", ["klingon", "base64", "rot13", "unicode_escape", "punycode"])
def test_a_charset_that_is_no_charset_answers_415(client, charset):
    content_type = f"text/plain; charset={charset}"
    response = client.post("/v1/checks", data=b"Paris is big.", content_type=content_type)
    body = _assert_problem(response, 415)
    assert "Unknown charset" in body["detail"]


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
