"""Average the weights of fine-tuned checkpoints (a "model soup") into a new run folder.

Checkpoints fine-tuned from the same base model can be averaged into one network that
often beats each of them, at no cost at run time. The new folder is what export_onnx.py reads.
"""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import numpy as np
import torch
from data import DEFAULT_DATA, read_ct24, split_holdout
from metrics import best_threshold
from model import CheckworthinessNet
from train import load_tokenizer, predict


def main() -> None:
    """Average `--states`, evaluate on ct24_dev and the held-out slice, save as best.pt."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--states", type=Path, nargs="+", required=True, help="state_*.pt files")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    states = [torch.load(path) for path in args.states]
    soup = {k: sum(s[k].float() for s in states) / len(states) for k in states[0]}
    run = args.states[0].parent
    info = json.loads((run / "best.json").read_text())
    net = CheckworthinessNet(info["layers"])
    net.load_state_dict({k: v.to(states[0][k].dtype) for k, v in soup.items()})
    train_args = json.loads((run / "log.jsonl").read_text().splitlines()[0])["args"]
    tok = load_tokenizer(info["max_len"])
    dev_x, dev_y = read_ct24(args.data, "dev")
    _, (hold_x, hold_y) = split_holdout(
        *read_ct24(args.data, "train"), float(train_args["holdout"])
    )
    dev_p = predict(net, [e.ids for e in tok.encode_batch(dev_x)])
    hold_p = predict(net, [e.ids for e in tok.encode_batch(hold_x)])
    args.out.mkdir(parents=True, exist_ok=True)
    np.save(args.out / "dev_soup.npy", dev_p)
    np.save(args.out / "hold_soup.npy", hold_p)
    row = {
        "tag": "soup of " + " ".join(str(s) for s in args.states),
        "layers": info["layers"],
        "max_len": info["max_len"],
        "dev": best_threshold(dev_p, np.array(dev_y)),
        "hold_best": best_threshold(hold_p, np.array(hold_y)) if hold_y else {},
    }
    torch.save(net.state_dict(), args.out / "best.pt")
    (args.out / "best.json").write_text(json.dumps(row))
    shutil.copy(run / "log.jsonl", args.out / "log.jsonl")
    print(json.dumps(row))


if __name__ == "__main__":
    main()
