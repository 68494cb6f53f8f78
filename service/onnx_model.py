"""Loading an exported model folder: model.onnx, tokenizer.json and model.json."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import onnxruntime as ort
from tokenizers import Tokenizer

T = TypeVar("T")


def loaded_once(load: Callable[[], T]) -> Callable[[], T]:
    """A function giving `load()`'s result, loaded on first use and once only, even under
    concurrent first calls (a model takes a second and tens of MB: never twice)."""
    lock = threading.Lock()
    loaded: list[T] = []

    def get() -> T:
        if not loaded:
            with lock:
                if not loaded:
                    loaded.append(load())
        return loaded[0]

    get.__doc__ = f"The shipped model of {load.__qualname__}, loaded on first use."
    return get


class ModelFiles(NamedTuple):
    """An ONNX Runtime session, its tokenizer and the model's own description."""

    session: ort.InferenceSession
    tokenizer: Tokenizer
    meta: dict[str, Any]


def load_model_files(directory: str | Path, threads: int = 1) -> ModelFiles:
    """Open a model folder for CPU inference; padding is left to the caller (per batch)."""
    directory = Path(directory)
    meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
    options = ort.SessionOptions()
    # One thread by default: the web workers already use every core, one request each.
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    session = ort.InferenceSession(
        str(directory / "model.onnx"), options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(int(meta["max_length"]))
    return ModelFiles(session, tokenizer, meta)
