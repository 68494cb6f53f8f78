"""Export a trained checkpoint to ONNX, quantize it to int8 and write the shipped model folder.

Writes model.onnx (ids, mask, type ids -> logits of supports / neutral / refutes) and
tokenizer.json, and starts model.json (max length, labels, training data, training args);
calibrate.py then adds the temperature, the aggregation weights and the measured figures.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import onnx
import torch
from data import REPO_ROOT, training_data
from model import LABELS, StanceNet
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model
from train import load_tokenizer, product_sizes


class LogitsNet(torch.nn.Module):
    """The exported graph: the network without dropout, named inputs, one output."""

    def __init__(self, net: StanceNet) -> None:
        super().__init__()
        self.net = net.eval()

    def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: D102
        return self.net(input_ids, attention_mask, token_type_ids)


def export(net: StanceNet, path: Path) -> None:
    """Write the fused, int8-quantized graph to `path`."""
    ids = torch.ones(2, 8, dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {n: {0: "batch", 1: "tokens"} for n in names} | {"logits": {0: "batch"}}
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(LogitsNet(net), (ids, ids, ids * 0), str(fp32), dynamo=False,
                          input_names=names, output_names=["logits"], dynamic_axes=axes,
                          opset_version=17)  # fmt: skip
        size = net.encoder.config.hidden_size  # fused kernels run faster on one core
        optimize_model(str(fp32), "bert", num_heads=12, hidden_size=size).save_model_to_file(
            str(fp32)
        )
        quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})  # fmt: skip


def passes(train_args: dict) -> list[str]:
    """The training data of this run, preceded by that of the runs it continued (--init)."""
    get = train_args.get
    mix = training_data(int(get("fever", 9000)), int(get("fm2_neutral", 1)),
                        int(get("negatives", 0)), float(get("scale", 1.0)),
                        product_sizes(train_args))  # fmt: skip
    init = train_args.get("init", "None")
    if init == "None":
        return mix
    earlier = passes(json.loads((Path(init).parent / "args.json").read_text()))
    seed = train_args.get("seed")
    return earlier + [f"then a further pass (seed {seed}, from those weights): {m}" for m in mix]


def portable(value: str) -> str:
    """An argument as model.json records it: a path inside the repository or the shared data
    relative to the repository, another absolute path by its last two parts (a scratch run
    folder), anything else as it is; no machine's absolute path ships."""
    path = Path(value)
    if not path.is_absolute():
        return value
    resolved = path.resolve()
    for base in (REPO_ROOT, REPO_ROOT.parent):
        if resolved.is_relative_to(base.resolve()):
            prefix = Path() if base == REPO_ROOT else Path("..")
            return str(prefix / resolved.relative_to(base.resolve()))
    return str(Path(*path.parts[-2:]))


def main() -> None:
    """Export the checkpoint and write the folder's first model.json."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--run", type=Path, required=True, help="folder written by train.py")
    p.add_argument("--checkpoint", default="last.pt")
    p.add_argument("--out", type=Path, default=REPO_ROOT / "service" / "verification" / "model")
    args = p.parse_args()
    train_args = json.loads((args.run / "args.json").read_text())
    net = StanceNet()
    net.load_state_dict(torch.load(args.run / args.checkpoint))
    args.out.mkdir(parents=True, exist_ok=True)
    export(net, args.out / "model.onnx")
    max_len = int(train_args["max_len"])
    load_tokenizer(max_len).save(str(args.out / "tokenizer.json"))
    meta = {
        "name": "stance-minilm-int8",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "max_length": max_len, "labels": LABELS,
        "inputs": ["input_ids", "attention_mask", "token_type_ids"], "output": "logits",
        "training_data": passes(train_args),
        "training_args": {key: portable(value) for key, value in train_args.items()},
        "checkpoint": args.checkpoint,
    }  # fmt: skip
    (args.out / "model.json").write_text(json.dumps(meta, indent=2) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
