"""Export a trained checkpoint to ONNX, quantize it to int8 and write the shipped model folder.

The folder holds model.onnx, tokenizer.json (truncating, not padding) and model.json (threshold,
max length, labels, training data, metrics). The threshold is chosen on ct24_dev with the
quantized model itself, so the dev figure is optimistic; the held-out slice of ct24_train is not.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

import numpy as np
import onnx
import torch
from data import DEFAULT_DATA, REPO_ROOT, neighbours, read_ct24, split_holdout
from metrics import best_threshold, prf
from model import CheckworthinessNet, ProbabilityNet
from onnxruntime import __version__ as ort_version
from onnxruntime.quantization import QuantType, quantize_dynamic
from onnxruntime.transformers.optimizer import optimize_model
from train import load_tokenizer


def export(net: CheckworthinessNet, path: Path, fuse: bool, segments: bool = False) -> None:
    """Write the int8 graph (ids, mask[, segment ids]) -> probability to `path`."""
    ids = torch.ones(2, 8, dtype=torch.long)
    names = ["input_ids", "attention_mask"] + (["token_type_ids"] if segments else [])
    axes = {name: {0: "batch", 1: "tokens"} for name in names} | {"probability": {0: "batch"}}
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(
            ProbabilityNet(net.eval()),
            (ids,) * len(names),
            str(fp32),
            dynamo=False,
            input_names=names,
            output_names=["probability"],
            dynamic_axes=axes,
            opset_version=17,
        )
        if fuse:  # fused attention / LayerNorm / GELU kernels run faster on one core
            size = net.encoder.config.hidden_size
            optimize_model(str(fp32), "bert", num_heads=12, hidden_size=size).save_model_to_file(
                str(fp32)
            )
        # Fused ops hide tensor types from shape inference: say they are float.
        quantize_dynamic(
            str(fp32),
            str(path),
            weight_type=QuantType.QInt8,
            per_channel=True,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )


def runtime_probs(folder: Path, items: list[tuple[str, str, str]]) -> np.ndarray:
    """Probabilities from the service's own run-time class, exactly as it will score."""
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    from service.extraction.classifier import CheckworthinessModel

    texts, previous, following = (list(column) for column in zip(*items, strict=True))
    return np.array(CheckworthinessModel.load(folder).predict(texts, previous, following))


def main() -> None:
    """Export, evaluate the int8 model on dev and the held-out slice, write the folder."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--run", type=Path, required=True, help="folder written by train.py")
    p.add_argument("--out", type=Path, default=REPO_ROOT / "service" / "extraction" / "model")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA)
    p.add_argument("--no-fuse", action="store_true")
    args = p.parse_args()
    info = json.loads((args.run / "best.json").read_text())
    train_args = json.loads((args.run / "log.jsonl").read_text().splitlines()[0])["args"]
    net = CheckworthinessNet(info["layers"])
    net.load_state_dict(torch.load(args.run / "best.pt"))
    args.out.mkdir(parents=True, exist_ok=True)
    context = {"before": info.get("context", 0), "after": info.get("next", 0)}
    export(net, args.out / "model.onnx", fuse=not args.no_fuse, segments=any(context.values()))
    tok = load_tokenizer(info["max_len"])
    tok.save(str(args.out / "tokenizer.json"))
    meta_path = args.out / "model.json"
    meta_path.write_text(
        json.dumps({"max_length": info["max_len"], "threshold": 0.5, "context": context})
    )
    dev_x, dev_y = read_ct24(args.data, "dev")
    dev_x = list(zip(dev_x, *neighbours(args.data, "dev"), strict=True))
    texts, labels = read_ct24(args.data, "train")
    _, (hold_x, hold_y) = split_holdout(
        list(zip(texts, *neighbours(args.data, "train"), strict=True)),
        labels,
        float(train_args["holdout"]),
    )
    dev = best_threshold(runtime_probs(args.out, dev_x), np.array(dev_y))
    hold = prf(runtime_probs(args.out, hold_x), np.array(hold_y), dev["threshold"])
    meta = {
        "name": "checkworthiness-minilm-int8",
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "layers": info["layers"],
        "max_length": info["max_len"],
        "threshold": dev["threshold"],
        "labels": {"1": "check-worthy (CT24 class_label Yes)", "0": "not check-worthy"},
        "inputs": ["input_ids", "attention_mask"]
        + (["token_type_ids"] if any(context.values()) else []),
        "context": context,
        "output": "probability",
        "quantization": "ONNX Runtime dynamic int8 (per-channel weights, fused attention), "
        f"onnxruntime {ort_version}; scored one sentence per run",
        "training_data": "CLEF CheckThat! 2024 Task 1 English ct24_train"
        + (" (less a 10% stratified held-out slice)" if hold_x else "")
        + (" + CLEF 2020 Task 1 tweets" if train_args.get("ct20") == "True" else ""),
        "training_args": train_args,
        "selected": info["tag"],
        "metrics": {"ct24_dev_at_threshold": dev, "ct24_train_heldout_at_threshold": hold},
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps(meta["metrics"], indent=2))


if __name__ == "__main__":
    main()
