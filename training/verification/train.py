"""Fine-tune all-MiniLM-L6-v2 as a 3-way stance cross-encoder (supports / neutral / refutes), CPU.

One pass over the mix in data.py; the weights are saved every `--save-every` steps so that a
run cut short still leaves a usable checkpoint. Model selection happens in export_onnx.py.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import torch
from data import DEFAULT_DATA, training_pairs
from model import StanceNet, base_model_path
from tokenizers import Tokenizer


def load_tokenizer(max_len: int) -> Tokenizer:
    """The base model's fast tokenizer, truncating pairs at max_len and never padding."""
    tok = Tokenizer.from_file(str(Path(base_model_path()) / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(max_len)
    return tok


def encode(tok: Tokenizer, pairs: list[tuple[str, str]]) -> list[tuple[list[int], list[int]]]:
    """(ids, type ids) of each (claim, evidence) pair."""
    return [(e.ids, e.type_ids) for e in tok.encode_batch(pairs)]


def tensors(enc: list[tuple[list[int], list[int]]], batch: list[int]) -> tuple[torch.Tensor, ...]:
    """Padded ids, mask and type ids of one batch."""
    width = max(len(enc[i][0]) for i in batch)
    x, m, t = (torch.zeros(len(batch), width, dtype=torch.long) for _ in range(3))
    for row, i in enumerate(batch):
        ids, types = enc[i]
        x[row, : len(ids)], m[row, : len(ids)], t[row, : len(ids)] = (
            torch.tensor(ids), 1, torch.tensor(types))  # fmt: skip
    return x, m, t


def plan(enc: list, size: int, rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar length (less padding)."""
    order = list(range(len(enc)))
    rng.shuffle(order)
    chunk = size * 50
    order = [i for c in range(0, len(order), chunk)
             for i in sorted(order[c : c + chunk], key=lambda i: len(enc[i][0]))]  # fmt: skip
    out = [order[i : i + size] for i in range(0, len(order), size)]
    rng.shuffle(out)
    return out


def product_sizes(args: argparse.Namespace | dict) -> dict:
    """The product negatives' sizes (and the retrieved file) from train.py's arguments."""
    get = args.get if isinstance(args, dict) else lambda k, d=None: getattr(args, k, d)
    if int(get("retrieved_negatives", 0) or 0) and str(get("retrieved_path")) == "None":
        raise SystemExit("--retrieved-negatives needs --retrieved-path (build_retrieved.py)")
    size = lambda k: int(get(f"{k}_negatives", 0) or 0)  # noqa: E731
    return {"retrieved": size("retrieved"), "retrieved_path": str(get("retrieved_path")),
            "swap": size("swap"), "tense": size("tense"), "number": size("number")}  # fmt: skip


def main() -> None:
    """Train one pass, logging the loss and saving the weights as it goes."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--lr", type=float, default=5e-5)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--max-len", type=int, default=128)
    p.add_argument("--scale", type=float, default=1.0, help="multiplies the sampled set sizes")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--save-every", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--init", type=Path, default=None, help="start from these weights (last.pt)")
    p.add_argument("--fever", type=int, default=9000, help="FEVER pairs sampled")
    p.add_argument("--fm2-neutral", type=int, default=1, help="FM2 non-gold sentences per claim")
    p.add_argument("--negatives", type=int, default=0, help="topical neutral negatives")
    p.add_argument("--retrieved-negatives", type=int, default=0, help="corpus hits, neutral")
    p.add_argument("--retrieved-path", type=Path, help="build_retrieved.py's dev file")
    p.add_argument("--swap-negatives", type=int, default=0, help="subject swapped")
    p.add_argument("--tense-negatives", type=int, default=0, help="present claim, past evidence")
    p.add_argument("--number-negatives", type=int, default=0, help="number or year changed")
    p.add_argument(
        "--climate-fold",
        choices=("a", "b"),
        help="measurement only: add this fold's Climate-FEVER evidence pairs (never shipped)",
    )
    args = p.parse_args()
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    args.out.mkdir(parents=True, exist_ok=True)
    pairs = training_pairs(
        args.data,
        args.seed,
        args.scale,
        args.fever,
        args.fm2_neutral,
        args.negatives,
        args.climate_fold,
        product_sizes(args),
    )
    print(json.dumps({"pairs": len(pairs), "labels": [sum(y == k for *_, y in pairs)
                      for k in range(3)]}), flush=True)  # fmt: skip
    enc = encode(load_tokenizer(args.max_len), [(c, e) for c, e, _ in pairs])
    labels = torch.tensor([y for _, _, y in pairs])
    net = StanceNet()
    if args.init is not None:  # a further pass, on another sample (another --seed)
        net.load_state_dict(torch.load(args.init))
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=0.01)
    batches = plan(enc, args.batch, random.Random(args.seed))
    steps, warm = len(batches), max(1, len(batches) // 16)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm)))
    )
    (args.out / "args.json").write_text(json.dumps({k: str(v) for k, v in vars(args).items()}))
    start, running = time.time(), 0.0
    for step, batch in enumerate(batches, 1):
        loss = torch.nn.functional.cross_entropy(net(*tensors(enc, batch)), labels[batch])
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step(), sched.step(), opt.zero_grad()
        running = 0.98 * running + 0.02 * loss.item() if step > 1 else loss.item()
        if step % args.save_every == 0 or step == steps:
            torch.save(net.state_dict(), args.out / "last.pt")
            row = {"step": step, "of": steps, "loss": round(running, 4),
                   "min": round((time.time() - start) / 60, 1)}  # fmt: skip
            print(json.dumps(row), flush=True)
    (args.out / "done").write_text("ok")


if __name__ == "__main__":
    main()
