"""Average the weights of runs fine-tuned from one initialisation (a "model soup").

Runs must share `--init-seed` (the same head at the start) and the layer count. The output is a
run folder that export_onnx.py reads: soup.pt saved as best.pt, with best.json and log.jsonl
taken from the first run (so the held-out slice and max length carry over). Averaged weights
cost one model's inference, unlike an ensemble of the runs' outputs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import torch
from data import DEFAULT_DATA, read_ct24, split_holdout
from metrics import best_threshold, prf
from model import CheckworthinessNet
from train import load_tokenizer, predict


def average(paths: list[Path]) -> dict[str, torch.Tensor]:
    """The element-wise mean of state dicts (integer buffers are taken from the first)."""
    states = [torch.load(p, map_location="cpu") for p in paths]
    return {
        k: torch.stack([s[k] for s in states]).mean(0) if v.is_floating_point() else v
        for k, v in states[0].items()
    }


def main() -> None:
    """Average the given checkpoints, score dev and the held-out slice in torch, write the run."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("checkpoints", type=Path, nargs="+", help="e.g. /tmp/cw/s2/best.pt")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = p.parse_args()
    first = args.checkpoints[0].parent
    info = json.loads((first / "best.json").read_text())
    if info.get("context") or info.get("next"):
        raise SystemExit(
            "soup.py scores sentences alone: runs trained with context are not supported"
        )
    train_args = json.loads((first / "log.jsonl").read_text().splitlines()[0])["args"]
    torch.set_num_threads(int(train_args.get("threads", 1)))
    net = CheckworthinessNet(info["layers"])
    net.load_state_dict(average(args.checkpoints))
    tok = load_tokenizer(info["max_len"])
    dev_x, dev_y = read_ct24(args.data, "dev")
    _, (hold_x, hold_y) = split_holdout(
        *read_ct24(args.data, "train"), float(train_args["holdout"])
    )
    dev_p = predict(net, [e.ids for e in tok.encode_batch(dev_x)])
    dev = best_threshold(dev_p, np.array(dev_y))
    row = {"tag": "soup", "sources": [str(c) for c in args.checkpoints], "dev": dev}
    if hold_x:
        hold_p = predict(net, [e.ids for e in tok.encode_batch(hold_x)])
        row["hold_at_dev_threshold"] = prf(hold_p, np.array(hold_y), dev["threshold"])
    args.out.mkdir(parents=True, exist_ok=True)
    torch.save(net.state_dict(), args.out / "best.pt")
    (args.out / "best.json").write_text(json.dumps({**info, **row}))
    (args.out / "log.jsonl").write_text(
        json.dumps({"args": train_args}) + "\n" + json.dumps(row) + "\n"
    )
    print(json.dumps(row, indent=2))


if __name__ == "__main__":
    main()
