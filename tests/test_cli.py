"""The command line: check, extract, corpus build, and its errors."""

import json

import pytest

from service.__main__ import main
from tests.conftest import FIXTURES


@pytest.fixture
def local_sources(monkeypatch, sources_file):
    monkeypatch.setenv("FACTCHECK_SOURCES_FILE", str(sources_file))
    monkeypatch.delenv("FACTCHECK_REDIS_URL", raising=False)


def test_check_prints_a_table_of_verdicts(local_sources, capsys):
    assert main(["check", str(FIXTURES / "e2e" / "article.txt")]) == 0
    out = capsys.readouterr().out
    assert "Nippon Steel" in out
    assert "Thank you all" not in out
    assert "sources: local ok" in out
    assert "cache: miss" in out


def test_check_json_is_the_report(local_sources, capsys):
    path = FIXTURES / "e2e" / "article.txt"
    assert main(["check", str(path), "--json", "--published-at", "2025-02-08"]) == 0
    report = json.loads(capsys.readouterr().out)
    text = path.read_text(encoding="utf-8")
    assert report["claims"]
    for claim in report["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["original"]
        assert claim["verdict"]["as_of"] == "2025-02-08"


def test_check_reads_standard_input(local_sources, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Mount Fuji is the highest mountain in Japan."))
    assert main(["check", "-", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert "Mount Fuji" in {e["title"] for e in report["claims"][0]["evidence"]}


def test_extract_marks_claims_and_lists_them_standing_alone(capsys):
    assert main(["extract", str(FIXTURES / "e2e" / "article.txt")]) == 0
    out = capsys.readouterr().out
    assert "threshold" in out
    lines = [line for line in out.splitlines() if "Thank you all" in line]
    assert lines and lines[0].startswith(" "), "the greeting is not marked as a claim"
    assert "claims:" in out


def test_corpus_build_indexes_documents(tmp_path, capsys):
    out = tmp_path / "nested" / "corpus.sqlite"
    assert main(["corpus", "build", str(out), str(FIXTURES / "e2e" / "documents.jsonl")]) == 0
    assert out.exists()
    assert "indexed 5 documents" in capsys.readouterr().out


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "/nonexistent/article.txt"],
        ["corpus", "build", "/tmp/x.sqlite", "/nonexistent/docs.jsonl"],
    ],
)
def test_errors_are_one_line_and_exit_2(argv, capsys, local_sources):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "Traceback" not in err


def test_a_bad_sources_file_is_reported(monkeypatch, tmp_path, capsys):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - {name: x, type: telepathy}\n")
    monkeypatch.setenv("FACTCHECK_SOURCES_FILE", str(bad))
    assert main(["check", str(FIXTURES / "e2e" / "article.txt")]) == 2
    assert "telepathy" in capsys.readouterr().err
