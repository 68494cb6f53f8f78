"""Fine-tune all-MiniLM-L6-v2 for check-worthiness on CheckThat! 2024 (CPU).

Selects the epoch by positive-class F1 on ct24_dev (best threshold) and keeps a stratified
held-out slice of ct24_train for a figure that model selection has not seen.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from data import DEFAULT_DATA, REPO_ROOT, neighbours, read_ct20, read_ct24, split_holdout
from metrics import best_threshold
from model import CheckworthinessNet, base_model_path
from tokenizers import Tokenizer

sys.path.insert(0, str(REPO_ROOT))  # the service's own encoding, so training and serving agree
from service.extraction.classifier import encode_in_context  # noqa: E402


def load_tokenizer(max_len: int) -> Tokenizer:
    """The base model's fast tokenizer, truncating at max_len and never padding."""
    tok = Tokenizer.from_file(str(Path(base_model_path()) / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_len)
    return tok


def batches(ids: list[list[int]], size: int, rng: random.Random | None) -> list[list[int]]:
    """Index batches of similar lengths (less padding); shuffled when rng is given."""
    order = list(range(len(ids)))
    if rng is None:
        order.sort(key=lambda i: len(ids[i]))
        return [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(order)
    chunk = size * 50  # sort within chunks so batches stay random but evenly long
    order = [
        i
        for c in range(0, len(order), chunk)
        for i in sorted(order[c : c + chunk], key=lambda i: len(ids[i]))
    ]
    out = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(out)
    return out


def tensors(
    ids: list[list[int]], batch: list[int], types: list[list[int]] | None = None
) -> tuple[torch.Tensor, ...]:
    """Padded input ids and attention mask of one batch (and segment ids, when given)."""
    width = max(len(ids[i]) for i in batch)
    x = torch.zeros(len(batch), width, dtype=torch.long)
    m = torch.zeros(len(batch), width, dtype=torch.long)
    t = torch.zeros(len(batch), width, dtype=torch.long)
    for row, i in enumerate(batch):
        x[row, : len(ids[i])] = torch.tensor(ids[i])
        m[row, : len(ids[i])] = 1
        if types is not None:
            t[row, : len(ids[i])] = torch.tensor(types[i])
    return (x, m) if types is None else (x, m, t)


@torch.no_grad()
def predict(
    net: CheckworthinessNet, ids: list[list[int]], types: list[list[int]] | None = None
) -> np.ndarray:
    """Probabilities for every encoded sentence, in input order."""
    net.eval()
    probs = np.zeros(len(ids), dtype=np.float32)
    for batch in batches(ids, 128, None):
        probs[batch] = torch.sigmoid(net(*tensors(ids, batch, types))).numpy()
    net.train()
    return probs


def param_groups(net: CheckworthinessNet, lr: float, layer_decay: float) -> list[dict]:
    """AdamW groups: no weight decay on biases and LayerNorms; with layer_decay < 1, each
    layer's learning rate is lr * layer_decay ** (layers above it), embeddings lowest."""
    layers = net.encoder.config.num_hidden_layers

    def depth(name: str) -> int:  # 0 for the head, layers + 1 for the embeddings
        if name.startswith("encoder.embeddings"):
            return layers + 1
        if name.startswith("encoder.encoder.layer."):
            return layers - int(name.split(".")[3])
        return 0

    groups: dict[tuple[int, bool], list[torch.nn.Parameter]] = {}
    for name, param in net.named_parameters():
        plain = "bias" in name or "LayerNorm" in name
        groups.setdefault((depth(name), plain), []).append(param)
    return [
        {"params": params, "lr": lr * layer_decay**d, "weight_decay": 0.0 if plain else 0.01}
        for (d, plain), params in groups.items()
    ]


def parse_args() -> argparse.Namespace:
    """Command-line options."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--lr", type=float, default=8e-5)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--max-len", type=int, default=64)
    p.add_argument("--layers", type=int, default=6)
    p.add_argument("--warmup", type=float, default=0.06)
    p.add_argument("--pos-weight", type=float, default=2.0)
    p.add_argument("--holdout", type=float, default=0.1)
    p.add_argument("--layer-decay", type=float, default=1.0, help="layer-wise lr decay (<1)")
    p.add_argument("--smoothing", type=float, default=0.0, help="label smoothing of the targets")
    p.add_argument("--ct20", action="store_true", help="add the CLEF 2020 tweets to training")
    p.add_argument("--seed", type=int, default=1, help="data order and dropout")
    p.add_argument(
        "--init-seed",
        type=int,
        help="head initialisation (default --seed); share it to average runs",
    )
    p.add_argument(
        "--context", type=int, default=0, help="tokens of the previous sentence to prepend"
    )
    p.add_argument("--next", type=int, default=0, help="tokens of the next sentence to append")
    p.add_argument("--threads", type=int, default=2)
    return p.parse_args()


def main() -> None:
    """Train, evaluate each half epoch, keep the best state by dev F1."""
    args = parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    texts, train_y = read_ct24(args.data, "train")
    (train_x, train_y), (hold_x, hold_y) = split_holdout(
        list(zip(texts, *neighbours(args.data, "train"), strict=True)), train_y, args.holdout
    )
    if args.ct20:  # tweets stand alone: no neighbours
        extra_x, extra_y = read_ct20(args.data)
        train_x, train_y = train_x + [(t, "", "") for t in extra_x], train_y + extra_y
    dev_x, dev_y = read_ct24(args.data, "dev")
    dev_x = list(zip(dev_x, *neighbours(args.data, "dev"), strict=True))
    tok = load_tokenizer(args.max_len)
    parts = {"train": train_x, "dev": dev_x, "hold": hold_x}
    if args.context or args.next:
        coded = {
            k: [encode_in_context(tok, *item, args.context, args.next) for item in v]
            for k, v in parts.items()
        }
        enc = {k: [ids for ids, _ in rows] for k, rows in coded.items()}
        seg: dict[str, list[list[int]] | None] = {
            k: [types for _, types in rows] for k, rows in coded.items()
        }
    else:
        enc = {k: [e.ids for e in tok.encode_batch([x[0] for x in v])] for k, v in parts.items()}
        seg = dict.fromkeys(parts)
    # Runs that share the head's initial weights stay in one basin and can be averaged (soup.py).
    if args.init_seed is not None:
        torch.manual_seed(args.init_seed)
    net = CheckworthinessNet(args.layers)
    if args.init_seed is not None:
        torch.manual_seed(args.seed)
    opt = torch.optim.AdamW(param_groups(net, args.lr, args.layer_decay), lr=args.lr)
    steps = args.epochs * math.ceil(len(train_x) / args.batch)
    warm = max(1, int(steps * args.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(args.pos_weight))
    # Label smoothing pulls the 0/1 targets towards 0.5 (CT24's labels are noisy).
    labels = torch.tensor(train_y, dtype=torch.float32) * (1 - args.smoothing) + args.smoothing / 2
    rng, best, step, start = random.Random(args.seed), -1.0, 0, time.time()
    log = (args.out / "log.jsonl").open("a")
    log.write(json.dumps({"args": {k: str(v) for k, v in vars(args).items()}}) + "\n")
    for epoch in range(args.epochs):
        plan = batches(enc["train"], args.batch, rng)
        checkpoints = {len(plan) // 2, len(plan)}
        for b, batch in enumerate(plan, 1):
            loss = loss_fn(net(*tensors(enc["train"], batch, seg["train"])), labels[batch])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step(), sched.step(), opt.zero_grad()
            step += 1
            if b not in checkpoints:
                continue
            tag = f"e{epoch + b / len(plan):.1f}"
            dev_p = predict(net, enc["dev"], seg["dev"])
            hold_p = predict(net, enc["hold"], seg["hold"])
            np.save(args.out / f"dev_{tag}.npy", dev_p)
            np.save(args.out / f"hold_{tag}.npy", hold_p)
            dev_m = best_threshold(dev_p, np.array(dev_y))
            hold_m = best_threshold(hold_p, np.array(hold_y)) if hold_y else {}
            row = {
                "tag": tag,
                "step": step,
                "loss": float(loss),
                "min": (time.time() - start) / 60,
                "dev": dev_m,
                "hold_best": hold_m,
            }
            log.write(json.dumps(row) + "\n")
            log.flush()
            print(json.dumps(row), flush=True)
            if dev_m["f1"] > best:
                best = dev_m["f1"]
                torch.save(net.state_dict(), args.out / "best.pt")
                (args.out / "best.json").write_text(
                    json.dumps(
                        {
                            **row,
                            "layers": args.layers,
                            "max_len": args.max_len,
                            "context": args.context,
                            "next": args.next,
                        }
                    )
                )
    torch.save(net.state_dict(), args.out / "last.pt")
    np.save(args.out / "hold_labels.npy", np.array(hold_y))


if __name__ == "__main__":
    main()
