"""API keys: hashes in the settings, keys in two headers, open endpoints, the keys CLI."""

import hashlib
import io
import re

import pytest

from service.__main__ import main
from service.api.auth import hash_key

KEY = "test-key-0123456789"
OTHER = "another-key-abcdef"
PROBLEM = "application/problem+json"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@pytest.fixture
def keyed(make_app):
    """A client of an app that accepts KEY and OTHER (by their hashes)."""
    app = make_app(api_keys=f"{_sha256(KEY)}, {_sha256(OTHER).upper()}")
    return app.test_client()


@pytest.mark.parametrize(
    "path",
    [
        "/healthz",
        "/readyz",
        "/openapi.json",
        "/docs",
        "/docs/static/swagger-ui.css",
        "/",
        "/web/static/app.js",
        "/metrics",
    ],
)
def test_health_docs_page_and_metrics_stay_open(keyed, path):
    with keyed.get(path) as response:  # closed: static files are streamed
        assert response.status_code == 200


def test_the_api_without_a_key_is_a_401_problem_with_a_bearer_challenge(keyed):
    response = keyed.post("/v1/claims", json={"text": "Paris is the capital of France."})
    assert response.status_code == 401
    assert response.content_type == PROBLEM
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    assert response.get_json()["status"] == 401
    assert "Authorization: Bearer" in response.get_json()["detail"]


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer wrong-key"},
        {"X-API-Key": "wrong-key"},
        {"Authorization": f"Bearer {_sha256(KEY)}"},  # the stored hash is no credential
        {"X-API-Key": KEY.upper()},
    ],
)
def test_a_wrong_key_is_a_403_problem(keyed, headers):
    response = keyed.get("/v1/sources", headers=headers)
    assert response.status_code == 403
    assert response.content_type == PROBLEM
    assert response.get_json()["detail"] == "The API key is not valid."
    assert "WWW-Authenticate" not in response.headers


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": f"Bearer {KEY}"},
        {"Authorization": f"bearer  {KEY} "},
        {"X-API-Key": KEY},
        {"X-API-Key": OTHER},  # configured as an upper-case hex digest
        {"Authorization": "Basic dXNlcjpwYXNz", "X-API-Key": KEY},
    ],
)
def test_a_valid_key_in_either_header_is_served(keyed, headers):
    assert keyed.get("/v1/sources", headers=headers).status_code == 200
    checked = keyed.post("/v1/claims", json={"text": "Paris is in France."}, headers=headers)
    assert checked.status_code == 200


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"X-API-Key": ""}]
)
def test_no_usable_key_is_a_401(keyed, headers):
    assert keyed.get("/v1/sources", headers=headers).status_code == 401


def test_an_unknown_path_is_still_a_404(keyed):
    assert keyed.get("/v1/nothing-here").status_code == 404


def test_keys_from_a_file_with_comments_and_blank_lines(make_app, tmp_path):
    keys_file = tmp_path / "keys.txt"
    keys_file.write_text(f"# the newsroom\n\n{_sha256(KEY)}  # added 2026-12\n   \n")
    client = make_app(api_keys_file=str(keys_file)).test_client()
    assert client.get("/v1/sources").status_code == 401
    assert client.get("/v1/sources", headers={"X-API-Key": OTHER}).status_code == 403
    assert client.get("/v1/sources", headers={"X-API-Key": KEY}).status_code == 200


def test_keys_from_the_setting_and_the_file_both_count(make_app, tmp_path):
    keys_file = tmp_path / "keys.txt"
    keys_file.write_text(_sha256(OTHER) + "\n")
    client = make_app(api_keys=_sha256(KEY), api_keys_file=str(keys_file)).test_client()
    for key in (KEY, OTHER):
        assert client.get("/v1/sources", headers={"X-API-Key": key}).status_code == 200


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("api_keys", KEY),  # a plain key where its hash belongs
        ("api_keys", _sha256(KEY)[:-1]),
        ("api_keys", f"{_sha256(KEY)},not-a-hash"),
    ],
)
def test_anything_but_hashes_is_refused_at_start(make_app, setting, value):
    with pytest.raises(ValueError, match="SHA-256"):
        make_app(**{setting: value})


def test_a_plain_key_in_the_keys_file_is_refused_with_its_line(make_app, tmp_path):
    keys_file = tmp_path / "keys.txt"
    keys_file.write_text(f"{_sha256(KEY)}\n{KEY}\n")
    with pytest.raises(ValueError, match=r"keys\.txt:2 is not a SHA-256"):
        make_app(api_keys_file=str(keys_file))


def test_without_keys_the_api_is_open_and_declares_no_security(client):
    assert client.get("/v1/sources").status_code == 200
    spec = client.get("/openapi.json").get_json()
    assert "securitySchemes" not in spec.get("components", {})
    operation = spec["paths"]["/v1/checks"]["post"]
    assert "security" not in operation
    assert not {"401", "403"} & set(operation["responses"])


def test_with_keys_the_document_declares_the_schemes_and_answers(keyed):
    spec = keyed.get("/openapi.json").get_json()
    schemes = spec["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["apiKeyHeader"]["name"] == "X-API-Key"
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            if method == "parameters":
                continue
            if path in ("/healthz", "/readyz"):
                assert "security" not in operation
                continue
            assert operation["security"] == [{"bearerAuth": []}, {"apiKeyHeader": []}], path
            assert operation["responses"]["401"] == {"$ref": "#/components/responses/MissingKey"}
            assert operation["responses"]["403"] == {"$ref": "#/components/responses/InvalidKey"}
    missing = spec["components"]["responses"]["MissingKey"]
    assert "WWW-Authenticate" in missing["headers"]
    assert PROBLEM in missing["content"]


def test_metrics_can_be_made_to_need_a_key(make_app):
    client = make_app(api_keys=_sha256(KEY), metrics_require_key=True).test_client()
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_the_cli_hashes_a_key_from_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(KEY + "\n"))
    assert main(["keys", "hash"]) == 0
    assert capsys.readouterr().out.strip() == _sha256(KEY) == hash_key(KEY)


def test_the_cli_refuses_an_empty_key(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert main(["keys", "hash"]) == 2
    assert "no key" in capsys.readouterr().err


def test_the_cli_makes_new_keys_that_the_service_accepts(make_app, capsys):
    printed = []
    for _ in range(2):
        assert main(["keys", "new"]) == 0
        out = capsys.readouterr().out
        key = re.search(r"^key:\s+(\S+)$", out, re.MULTILINE)[1]
        digest = re.search(r"^hash:\s+([0-9a-f]{64})$", out, re.MULTILINE)[1]
        assert len(key) >= 40 and digest == _sha256(key)
        printed.append((key, digest))
    assert printed[0] != printed[1]
    client = make_app(api_keys=printed[0][1]).test_client()
    assert client.get("/v1/sources", headers={"X-API-Key": printed[0][0]}).status_code == 200
    assert client.get("/v1/sources", headers={"X-API-Key": printed[1][0]}).status_code == 403
