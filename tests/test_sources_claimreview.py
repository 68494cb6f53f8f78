"""The `claimreview` source: importing JSON-LD / JSONL / CSV archives, and matching claims."""

import datetime
import shutil
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from service.__main__ import main
from service.domain import Claim
from service.sources.base import ConfigError, SourceError
from service.sources.claimreview import ClaimReviewSource, import_reviews
from service.sources.claimreview_records import read_file
from service.sources.matching import MATCH_THRESHOLD, rank_candidates
from service.verification import judge

FIXTURES = Path(__file__).parent / "fixtures" / "claimreview"
FILES = [FIXTURES / n for n in ("steel.jsonld", "defense.json", "tariffs.jsonl", "archive.csv")]
AS_OF = datetime.date(2025, 2, 8)


def claim(text: str, *entities: str) -> Claim:
    return Claim("c1", text, 0, len(text), 0.9, entities=entities)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("claimreview") / "archive.sqlite"
    import_reviews(path, FILES)
    return path


@pytest.fixture
def source(archive):
    source = ClaimReviewSource("newsroom", archive)
    yield source
    source.close()


def test_import_counts_added_duplicate_and_unusable_records(tmp_path):
    path = tmp_path / "a.sqlite"
    first = import_reviews(path, FILES)
    assert (first.added, first.duplicates, first.unusable) == (7, 0, 4)
    again = import_reviews(path, FILES[:2])
    assert (again.added, again.duplicates) == (0, 3)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone() == (7,)
        assert conn.execute("SELECT count(*) FROM reviews_fts").fetchone() == (7,)
    conn.close()


def test_json_ld_records_keep_publisher_claimant_and_both_ratings():
    records = [r for r in read_file(FIXTURES / "steel.jsonld") if r is not None]
    first, second = records
    assert first.claim_reviewed == "Nippon Steel offered $15 billion for U.S. Steel."
    assert (first.publisher, first.claimant, first.claim_date) == (
        "Example Newsroom Fact Check",
        "Campaign ad",
        "2024-12-30",
    )
    assert (first.rating, first.rating_value, first.best_rating, first.rating_level) == (
        "True",
        "5",
        "5",
        "true",
    )
    assert (second.publisher, second.claimant, second.rating_level) == (
        "Example Newsroom Fact Check",
        "News reports",
        "true",
    )


def test_jsonl_reads_claim_reviews_and_fact_check_tools_claims():
    records = list(read_file(FIXTURES / "tariffs.jsonl"))
    numeric, google, other = records
    assert (numeric.rating, numeric.rating_value, numeric.rating_level) == (
        None,
        "2",
        "mostly_false",
    )
    assert (google.claimant, google.rating, google.rating_level) == (
        "Social media posts",
        "Mostly True",
        "mostly_true",
    )
    assert other is None


def test_csv_rows_with_flattened_columns():
    rows = list(read_file(FIXTURES / "archive.csv"))
    yen, fuji, empty = rows
    assert (yen.rating, yen.claimant, yen.review_date) == (
        "Partly False",
        "Facebook post",
        "2024-06-12",
    )
    assert yen.title == "The yen's fall: a 38-year low"
    assert fuji.claim_reviewed == "Mount Fuji will erupt next week"  # no claimReviewed: the title
    assert (fuji.rating_value, fuji.rating_level) == ("1", "false")
    assert empty is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bad.jsonl",
            '{"@type": "ClaimReview"}\n{"claimReviewed": \n',
            r"bad\.jsonl:2: invalid JSON",
        ),
        ("bad.json", "[1, 2", r"bad\.json: invalid JSON"),
        ("notes.txt", "hello", r"unsupported file type"),
    ],
)
def test_unreadable_files(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        list(read_file(path))


def test_search_matches_the_claim_and_reports_the_score(source):
    text = "Nippon Steel offered $15 billion for Pittsburgh-based US Steel."
    evidence = source.search(claim(text, "Nippon Steel", "US Steel"), AS_OF, timeout=1.0)
    best = evidence[0]
    assert best.url == "https://newsroom.example.com/factcheck/2025/01/nippon-steel-bid"
    assert (best.rating, best.rating_normalised, best.publisher) == (
        "True",
        "true",
        "Example Newsroom Fact Check",
    )
    assert best.match_score >= MATCH_THRESHOLD and best.published_at == "2025-01-04"
    assert all(e.match_score >= MATCH_THRESHOLD for e in evidence)
    assert "Japan" not in " ".join(e.snippet for e in evidence)
    verdict = judge(claim(text, "Nippon Steel", "US Steel"), evidence, AS_OF, "now")
    assert verdict.label == "supported"


def test_a_numeric_rating_alone_still_counts(source):
    text = "The 25% tariffs on Canada and Mexico have been cancelled."
    found = source.search(claim(text, "Canada", "Mexico"), AS_OF, timeout=1.0)[0]
    assert (found.rating, found.rating_normalised) == ("2/5", "mostly_false")
    assert found.match_score >= MATCH_THRESHOLD
    assert found.snippet == (
        "Claim: “The 25% tariffs on Canada and Mexico have been cancelled”. "
        "Rated “2/5” by Example Newsroom Fact Check."
    )


@pytest.mark.parametrize(
    "text",
    ["Mount Everest is the highest mountain on Earth.", "Steel prices rose in Pittsburgh in 1990."],
)
def test_fact_checks_of_other_claims_are_not_evidence(source, text):
    assert source.search(claim(text), AS_OF, timeout=1.0) == []


def test_the_threshold_is_configurable(archive):
    strict = ClaimReviewSource.from_settings("strict", {"path": str(archive), "min_match": 1.0})
    text = "Nippon Steel offered $15 billion for Pittsburgh-based US Steel and its mills."
    assert strict.search(claim(text), AS_OF, timeout=1.0) == []
    strict.close()


def test_no_time_left_is_a_timeout(source):
    with pytest.raises(SourceError) as caught:
        source.search(claim("Nippon Steel offered $15 billion."), AS_OF, timeout=0)
    assert caught.value.kind == "timeout"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            {"path": "/nonexistent.sqlite"},
            r"not found; create it with: python -m service claimreview",
        ),
        ({"path": __file__}, r"is not a ClaimReview archive"),
        ({"path": "x", "limit": 0}, r"'limit'"),
        ({"path": "x", "min_match": -0.1}, r"'min_match'"),
        ({"path": "x", "nearest": -1}, r"'nearest'"),
    ],
)
def test_configuration_errors(settings, message):
    with pytest.raises(ConfigError, match=message):
        ClaimReviewSource.from_settings("archive", settings)


def test_a_corpus_index_is_not_an_archive(corpus_file):
    with pytest.raises(ConfigError, match="is not a ClaimReview archive"):
        ClaimReviewSource("archive", corpus_file)


def test_an_archive_of_another_format_version(tmp_path):
    path = tmp_path / "old.sqlite"
    import_reviews(path, FILES[:1])
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE archive_meta SET value = 'claimreview-0' WHERE key = 'format'")
    conn.close()
    with pytest.raises(ConfigError, match="unknown archive format"):
        ClaimReviewSource("archive", path)


def test_the_import_command(tmp_path, capsys):
    out = tmp_path / "newsroom.sqlite"
    for file in FILES:
        shutil.copy(file, tmp_path / file.name)
    assert main(["claimreview", "import", str(out), *[str(tmp_path / f.name) for f in FILES]]) == 0
    assert "imported 7 fact-checks" in capsys.readouterr().out
    assert main(["claimreview", "import", str(out), str(tmp_path / "steel.jsonld")]) == 0
    assert "imported 0 fact-checks" in capsys.readouterr().out
    assert main(["claimreview", "import", str(out), str(tmp_path / "missing.csv")]) == 2
    assert "error:" in capsys.readouterr().err


def test_import_stores_each_reviews_embedding_and_fills_in_older_archives(tmp_path):
    path = tmp_path / "a.sqlite"
    import_reviews(path, FILES)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE review_vectors")  # as an archive imported before vectors
    conn.close()
    assert import_reviews(path, FILES[:1]).added == 0
    with sqlite3.connect(path) as conn:
        blobs = [row[0] for row in conn.execute("SELECT vector FROM review_vectors")]
    conn.close()
    assert len(blobs) == 7
    vectors = np.array([np.frombuffer(blob, dtype=np.float32) for blob in blobs])
    assert vectors.shape == (7, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


REWORDED = "Levies on the two neighbours were scrapped."  # no word of the archived claim


@pytest.mark.parametrize(("nearest", "found"), [(0, False), (3, True)])
def test_a_fact_check_worded_otherwise_is_a_candidate_through_its_embedding(
    archive, nearest, found
):
    settings = {"path": str(archive), "nearest": nearest, "min_match": 0.0}
    source = ClaimReviewSource.from_settings("archive", settings)
    try:
        evidence = source.search(claim(REWORDED), AS_OF, timeout=1.0)
    finally:
        source.close()
    cancelled = "The 25% tariffs on Canada and Mexico have been cancelled"
    assert any(cancelled in e.snippet for e in evidence) is found


def test_an_archive_without_vectors_is_searched_by_bm25_alone(tmp_path):
    path = tmp_path / "old.sqlite"
    import_reviews(path, FILES)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE review_vectors")
    conn.close()
    source = ClaimReviewSource("archive", path)
    try:
        text = "Nippon Steel offered $15 billion for Pittsburgh-based US Steel."
        evidence = source.search(claim(text, "Nippon Steel", "US Steel"), AS_OF, timeout=1.0)
    finally:
        source.close()
    assert evidence and evidence[0].match_score >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "Nippon Steel offered $15 billion for U.S. Steel, a deal Joe Biden blocked.",
        "Mount Fuji erupted while the yen hit a record low, says a viral post",
    ],
)
def test_verify_lists_the_fact_checks_in_the_matchers_order(archive, make_app, tmp_path, text):
    """With min_match 0 a client gets the source's fact-checks as the matcher ranked them: not
    re-sorted by the side their ratings take, nor dropped for sharing few of the claim's words."""
    sources = tmp_path / "sources.yaml"
    sources.write_text(
        f"sources:\n  - name: newsroom\n    type: claimreview\n    path: {archive}\n"
        "    min_match: 0\n"
    )
    client = make_app(sources_file=str(sources)).test_client()
    answer = client.post("/v1/claims/verify", json={"claim": text, "sources": ["newsroom"]})
    # Seven reviews: every one is a candidate (the 10 nearest by embedding), the best 5 listed.
    records = [r for file in FILES for r in read_file(file) if r is not None]
    texts = [f"{r.claim_reviewed}\n{r.title}" if r.title else r.claim_reviewed for r in records]
    ranking = [records[i].url for i, _ in rank_candidates(text, texts)]
    listed = [evidence["url"] for evidence in answer.get_json()["claims"][0]["evidence"]]
    assert listed == ranking[:5]
