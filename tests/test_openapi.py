"""The OpenAPI document says what the API answers: problem+json errors, JSON-LD, text/plain."""

import pytest

PROBLEM = "application/problem+json"
BODY_OPERATIONS = [("/v1/checks", "post"), ("/v1/claims", "post"), ("/v1/claims/verify", "post")]


@pytest.fixture
def spec(client) -> dict:
    return client.get("/openapi.json").get_json()


def _resolve(spec: dict, response: dict) -> dict:
    """A response object, following a $ref into components."""
    ref = response.get("$ref")
    return spec["components"]["responses"][ref.rsplit("/", 1)[1]] if ref else response


def test_flask_smorest_defaults_are_gone(spec):
    assert {"Error", "PaginationMetadata"} & set(spec["components"]["schemas"]) == set()
    assert "Problem" in spec["components"]["schemas"]


def test_every_error_answer_is_documented_as_problem_json(spec):
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":  # the path's own, beside its operations
                continue
            errors = {
                status: _resolve(spec, response)
                for status, response in operation["responses"].items()
                if status == "default" or status.startswith(("4", "5"))
            }
            assert "default" in errors, f"{method} {path}"
            for status, response in errors.items():
                content = response["content"]
                assert list(content) == [PROBLEM], f"{method} {path} {status}"
                assert content[PROBLEM]["schema"]["$ref"].endswith("/Problem")


@pytest.mark.parametrize(("path", "method"), BODY_OPERATIONS)
def test_body_problems_are_listed_per_operation(spec, path, method):
    assert {"400", "413", "415", "422"} <= set(spec["paths"][path][method]["responses"])


@pytest.mark.parametrize("path", ["/v1/checks", "/v1/claims/verify"])
def test_claimreview_json_ld_is_a_documented_200(spec, path):
    content = spec["paths"][path]["post"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith("/Report")
    assert content["application/ld+json"]["schema"]["$ref"].endswith("/ClaimReviewDocument")
    review = spec["components"]["schemas"]["ClaimReview"]["properties"]
    assert {"@type", "claimReviewed", "reviewRating", "itemReviewed"} <= set(review)


@pytest.mark.parametrize(
    ("path", "plain"), [("/v1/checks", True), ("/v1/claims", True), ("/v1/claims/verify", False)]
)
def test_text_plain_bodies_are_documented_where_taken(spec, path, plain):
    content = spec["paths"][path]["post"]["requestBody"]["content"]
    assert ("text/plain" in content) is plain
    if plain:
        assert content["text/plain"]["schema"]["type"] == "string"


def test_source_names_are_the_configured_ones(spec):
    for name in ["CheckRequest", "VerifyRequest"]:
        sources = spec["components"]["schemas"][name]["properties"]["sources"]
        assert sources["items"]["enum"] == ["local"]
        assert sources["uniqueItems"] is True


def test_rules_across_fields_are_stated(spec):
    verify = spec["components"]["schemas"]["VerifyRequest"]
    assert verify["oneOf"] == [{"required": ["claim"]}, {"required": ["claims"]}]
    assert verify["not"] == {"required": ["evidence", "sources"]}
    text = spec["components"]["schemas"]["CheckRequest"]["properties"]["text"]
    assert text["pattern"] and text["maxLength"] == 200_000
