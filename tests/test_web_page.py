"""The web page through Flask's test client: served whole by the app, out of the API's docs."""

from html.parser import HTMLParser

import pytest

ARTICLE_FIELDS = {"url": "https://news.example/a", "review_url": "https://news.example/r"}


class _Page(HTMLParser):
    """Collects the page's asset references, form controls and labels."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []
        self.controls: list[str] = []
        self.labels: set[str] = set()
        self.references: list[str] = []  # attribute values a browser may fetch or follow

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.references += [v or "" for k, v in attrs.items() if k != "placeholder"]
        if tag in ("script", "img") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href"):
            self.assets.append(attrs["href"])
        if tag in ("input", "textarea", "select"):
            self.controls.append(attrs.get("id", ""))
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])


@pytest.fixture
def page(client):
    response = client.get("/")
    parser = _Page()
    parser.feed(response.get_data(as_text=True))
    return response, parser


def test_the_page_is_html_with_no_external_url(page):
    response, parsed = page
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    external = [value for value in parsed.references if "//" in value]
    assert external == []
    assert parsed.assets and all(asset.startswith("/web/static/") for asset in parsed.assets)
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy


def test_every_asset_is_served_by_the_app_and_fetches_nothing_else(client, page):
    _, parsed = page
    types = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
    for asset in parsed.assets:
        response = client.get(asset)
        assert response.status_code == 200, asset
        path = asset.split("?")[0]
        assert response.mimetype == types[path[path.rindex(".") :]], asset
        body = response.get_data(as_text=True)
        response.close()
        if not path.endswith(".svg"):  # an SVG names its XML namespace by URL
            assert "http://" not in body and "https://" not in body, asset
            assert "@import" not in body, asset


def test_every_form_control_has_a_label(page):
    _, parsed = page
    assert set(parsed.controls) == {"text", "file", "as-of", "api-key", "article-url", "review-url"}
    assert set(parsed.controls) <= parsed.labels


def test_the_page_is_not_in_the_openapi_document(client):
    paths = client.get("/openapi.json").get_json()["paths"]
    assert paths and all(path.startswith(("/v1/", "/healthz", "/readyz")) for path in paths)


def test_claimreview_export_of_a_shown_report_matches_the_api(client, article):
    body = {"text": article, "published_at": "2025-02-08", **ARTICLE_FIELDS}
    report = client.post("/v1/checks", json=body).get_json()
    direct = client.post("/v1/checks?format=claimreview", json=body)
    exported = client.post(
        "/web/claimreview", json={"report": report, "published_at": "2025-02-08", **ARTICLE_FIELDS}
    )
    assert exported.status_code == 200
    assert exported.mimetype == "application/ld+json"
    assert exported.get_json() == direct.get_json()
    assert len(exported.get_json()["@graph"]) == len(report["claims"])


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"report": {}},
        {"report": {"claims": [{"id": "c1", "text": "x"}]}},
        {"report": {"claims": []}, "url": "javascript:alert(1)"},
    ],
)
def test_a_malformed_export_is_a_422_problem(client, payload):
    response = client.post("/web/claimreview", json=payload)
    assert response.status_code == 422
    assert response.mimetype == "application/problem+json"


def test_the_script_builds_the_report_from_text_nodes_only(client):
    script = client.get("/web/static/app.js")
    source = script.get_data(as_text=True)
    script.close()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in source, f"{sink} could turn report text into markup"
