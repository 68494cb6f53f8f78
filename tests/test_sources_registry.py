"""Sources from configuration: the YAML file, validation, and building each type."""

from pathlib import Path

import pytest

from service.sources.base import ConfigError
from service.sources.breaker import CircuitBreaker
from service.sources.claimreview import ClaimReviewSource
from service.sources.corpus import CorpusSource, build_corpus
from service.sources.google_factcheck import GoogleFactCheckSource
from service.sources.http import HttpClient
from service.sources.http_json import HttpJsonSource
from service.sources.registry import SOURCE_TYPES, build_sources, load_sources_file
from service.sources.wikidata import WikidataSource
from service.sources.wikipedia import DEFAULT_BASE_URL, WikipediaSource

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
USER_AGENT = "factcheck-tests/0.1 (ops@example.org) requests/2"

SOURCES_YAML = """\
sources:
  - name: local
    type: corpus
    path: data/news.sqlite
    limit: 4
  - name: wiki
    type: wikipedia
    limit: 2
  - name: wiki-fr
    type: wikipedia
    base_url: https://fr.wikipedia.org/w/api.php
    enabled: false
"""


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("registry") / "news.sqlite"
    build_corpus(path, [FIXTURES / "documents.jsonl"])
    return path


@pytest.fixture
def sources_file(tmp_path, corpus_file) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "news.sqlite").write_bytes(corpus_file.read_bytes())
    path = tmp_path / "conf" / "sources.yaml"
    path.parent.mkdir()
    path.write_text(SOURCES_YAML.replace("data/", "../data/"), encoding="utf-8")
    return path


def build(entries, http, environ=None):
    sources = build_sources(entries, http, USER_AGENT, environ=environ or {})
    for source in sources.values():
        if isinstance(source, (CorpusSource, ClaimReviewSource)):
            source.close()
    return sources


def test_source_types():
    registered = dict(SOURCE_TYPES)
    assert registered == {
        "claimreview": ClaimReviewSource,
        "corpus": CorpusSource,
        "google_factcheck": GoogleFactCheckSource,
        "http_json": HttpJsonSource,
        "wikidata": WikidataSource,
        "wikipedia": WikipediaSource,
    }


def test_load_resolves_relative_paths_and_skips_disabled_entries(sources_file, tmp_path):
    entries = load_sources_file(sources_file)
    assert [e["name"] for e in entries] == ["local", "wiki"]
    assert Path(entries[0]["path"]).resolve() == tmp_path / "data" / "news.sqlite"
    assert Path(entries[0]["path"]).is_absolute()


def test_load_keeps_absolute_paths(tmp_path, corpus_file):
    path = tmp_path / "sources.yaml"
    path.write_text(f"sources:\n  - {{name: a, type: corpus, path: {corpus_file}}}\n")
    assert load_sources_file(path)[0]["path"] == str(corpus_file)


def test_build_from_the_file(sources_file, http):
    sources = build(load_sources_file(sources_file), http)
    local, wiki = sources["local"], sources["wiki"]
    assert list(sources) == ["local", "wiki"]
    assert isinstance(local, CorpusSource) and (local.name, local.limit) == ("local", 4)
    assert isinstance(wiki, WikipediaSource)
    assert (wiki.name, wiki.limit, wiki.base_url) == ("wiki", 2, DEFAULT_BASE_URL)
    assert isinstance(wiki.http, HttpClient)
    assert (wiki.http.session, wiki.http.user_agent) == (http, USER_AGENT)
    assert isinstance(wiki.breaker, CircuitBreaker) and isinstance(local.breaker, CircuitBreaker)
    assert wiki.breaker is not local.breaker


def test_build_skips_disabled_entries(http):
    entries = [{"name": "off", "type": "nonsense", "enabled": False}]
    assert build(entries, http) == {}


@pytest.mark.parametrize(
    ("entries", "message"),
    [
        ([{"name": "x", "type": "gopher"}], r"source 'x': unknown type 'gopher' \(known types"),
        ([{"name": "x"}], r"source 'x': unknown type None"),
        ([{"name": "x", "type": ["corpus"]}], r"source 'x': unknown type \['corpus'\]"),
        (
            [{"name": "w", "type": "wikipedia"}, {"name": "w", "type": "wikipedia"}],
            r"source 'w': duplicate source name 'w'",
        ),
        ([{"name": "c", "type": "corpus"}], r"source 'c': missing setting\(s\) path"),
        (
            [{"name": "w", "type": "wikipedia", "api_key": "k"}],
            r"source 'w': unknown setting\(s\) api_key .*allowed: base_url, cache_ttl, cooldown",
        ),
        ([{"name": "w", "type": "wikipedia", "limit": "3"}], r"source 'w': setting 'limit'"),
        ([{"name": "w", "type": "wikipedia", "limit": True}], r"source 'w': setting 'limit'"),
        ([{"name": "w", "type": "wikipedia", "base_url": 5}], r"source 'w': setting 'base_url'"),
        ([{"name": "c", "type": "corpus", "path": ["a"]}], r"source 'c': setting 'path'"),
        ([{"name": "w", "type": "wikipedia", "limit": 0}], r"source 'w': 'limit' must be"),
        ([{"name": "w", "type": "wikipedia", "limit": 21}], r"source 'w': 'limit' must be"),
        ([{"name": "c", "type": "corpus", "path": "x", "limit": 0}], r"source 'c': 'limit'"),
        (
            [{"name": "w", "type": "wikipedia", "base_url": "ftp://example.org/api.php"}],
            r"source 'w': 'base_url' must be an http\(s\) URL",
        ),
        (
            [{"name": "c", "type": "corpus", "path": "/nonexistent/index.sqlite"}],
            r"source 'c': corpus index .* not found; build it with: python -m service corpus",
        ),
        ([{"name": "w", "type": "wikipedia", "enabled": "no"}], r"source 'w': 'enabled' must"),
        ([{"type": "wikipedia"}], r"sources\[0\]: 'name' must be"),
        ([{"name": "", "type": "wikipedia"}], r"sources\[0\]: 'name' must be"),
        ([{"name": "has space", "type": "wikipedia"}], r"source 'has space': 'name' must be"),
        ([{"name": 7, "type": "wikipedia"}], r"sources\[0\]: 'name' must be"),
        ([{"name": "ok", "type": "wikipedia"}, "wiki"], r"sources\[1\]: an entry must be"),
    ],
)
def test_build_rejects_bad_entries(http, entries, message):
    with pytest.raises(ConfigError, match=message):
        build(entries, http)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("sources: [\n", r"invalid YAML"),
        ("- name: a\n  type: corpus\n", r"expected one top-level 'sources:' list"),
        ("sources:\n  name: a\n", r"expected one top-level 'sources:' list"),
        ("other: 1\n", r"expected one top-level 'sources:' list"),
        ("sources: []\nextra: 1\n", r"expected one top-level 'sources:' list"),
        ("", r"expected one top-level 'sources:' list"),
        ("sources:\n  - just-a-string\n", r"sources\[0\]: an entry must be a mapping"),
        ("sources:\n  - {name: a, enabled: maybe}\n", r"source 'a': 'enabled' must be"),
    ],
)
def test_load_rejects_bad_files(tmp_path, content, message):
    path = tmp_path / "sources.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_sources_file(path)


def test_load_missing_file(tmp_path):
    with pytest.raises(ConfigError, match=r"sources file .*absent\.yaml.*cannot read"):
        load_sources_file(tmp_path / "absent.yaml")


def test_config_error_is_a_value_error():
    assert issubclass(ConfigError, ValueError)


@pytest.mark.parametrize(
    ("environ", "names"),
    [
        ({}, ["always"]),
        ({"NEWS_KEY": ""}, ["always"]),
        ({"NEWS_KEY": "k"}, ["always", "keyed"]),
    ],
)
def test_when_env_enables_an_entry_only_when_its_variable_is_set(tmp_path, http, environ, names):
    path = tmp_path / "sources.yaml"
    path.write_text(
        "sources:\n"
        "  - {name: always, type: wikipedia}\n"
        "  - {name: keyed, type: google_factcheck, when_env: NEWS_KEY, api_key_env: NEWS_KEY}\n"
        "  - {name: off, type: wikipedia, when_env: NEWS_KEY, enabled: false}\n"
    )
    entries = load_sources_file(path, environ=environ)
    assert [e["name"] for e in entries] == names
    assert list(build(entries, http, environ=environ)) == names


def test_common_settings_reach_every_source(http):
    entries = [
        {"name": "w", "type": "wikipedia", "timeout": 2, "retries": 0, "failure_threshold": 3},
        {"name": "d", "type": "wikidata", "cooldown": 5.5},
    ]
    wiki, data = build(entries, http).values()
    assert (wiki.timeout, wiki.retry.attempts, wiki.breaker.failure_threshold) == (2.0, 1, 3)
    assert (data.timeout, data.retry.attempts, data.breaker.cooldown) == (None, 3, 5.5)
    assert wiki.http is data.http  # one client, one Session, one set of per-host limits


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"timeout": 0}, r"'timeout' must be a positive number"),
        ({"timeout": True}, r"setting 'timeout' has the wrong type"),
        ({"retries": 11}, r"'retries' must be between 0 and 10"),
        ({"failure_threshold": 0}, r"'failure_threshold' must be at least 1"),
        ({"cooldown": -1}, r"'cooldown' must be"),
        ({"when_env": ""}, r"'when_env' must name an environment variable"),
        ({"cache_ttl": -1}, r"'cache_ttl' must be 0 or more"),
    ],
)
def test_bad_common_settings(http, entry, message):
    with pytest.raises(ConfigError, match=message):
        build([{"name": "w", "type": "wikipedia", **entry}], http, environ={"": "x"})


@pytest.mark.parametrize(
    ("environ", "names"),
    [
        ({}, ["wiki_summaries", "wikipedia", "wikidata"]),
        (
            {"GOOGLE_FACTCHECK_API_KEY": "k"},
            ["wiki_summaries", "wikipedia", "wikidata", "google_factcheck"],
        ),
    ],
)
def test_the_default_sources_file(http, environ, names):
    entries = load_sources_file(Path(__file__).parent.parent / "sources.yaml", environ=environ)
    assert [e["name"] for e in entries] == names
    online = [e for e in entries if e["type"] != "corpus"]  # the corpus index is built by make
    sources = build(online, http, environ=environ)
    assert {s.type for s in sources.values()} == {e["type"] for e in online}
    assert sources["wikipedia"].base_url == DEFAULT_BASE_URL
