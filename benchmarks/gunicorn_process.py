"""gunicorn started for a benchmark as the container starts it, and what its workers weigh."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def dockerfile_cmd() -> list[str]:
    """The image's exec-form CMD (gunicorn reads gunicorn.conf.py from its working directory)."""
    text = (ROOT / "Dockerfile").read_text()
    return json.loads(re.findall(r"^CMD\s+(\[.*\])\s*$", text, flags=re.MULTILINE)[0])


def free_port() -> int:
    """A TCP port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(
    app: str | None, log_path: Path, ready: str = "/healthz", args: tuple[str, ...] = (), **env
) -> Iterator[tuple[str, int]]:
    """(base URL, master pid) of gunicorn on `app` (default: the Dockerfile's), in ROOT."""
    command = dockerfile_cmd()
    if app is not None:
        command = [*command[:-1], app]
    port = free_port()
    environ = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "FACTCHECK_LOG_LEVEL": "WARNING",  # as quiet as a production log level allows
        **env,
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [*command, *args],
            cwd=ROOT,
            env=environ,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(process, base + ready, log_path)
            yield base, process.pid
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def _wait_until_up(process: subprocess.Popen, url: str, log_path: Path) -> None:
    """Poll until the URL answers (any status), or fail with the log's tail."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"gunicorn exited:\n{log_path.read_text()[-3000:]}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    sys.exit(f"gunicorn did not answer within 60 s:\n{log_path.read_text()[-3000:]}")


def worker_rss_mb(master: int) -> list[float]:
    """Resident memory (VmRSS) of each of the master's worker processes, in MB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        kb = int(re.search(r"^VmRSS:\s+(\d+) kB", status, flags=re.MULTILINE).group(1))
        sizes.append(round(kb / 1024, 1))
    return sizes
