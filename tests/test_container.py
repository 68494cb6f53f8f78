"""The container: Dockerfile and compose file linted, and the image's CMD run for real."""

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import yaml

from service.config import Settings
from tests.conftest import REDIS_URL

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = shutil.which(name, path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if path is None:
        pytest.fail(f"{name} is not installed; `make test` installs it with the test extras")
    return path


def _dockerfile_cmd() -> list[str]:
    text = (ROOT / "Dockerfile").read_text()
    commands = re.findall(r"^CMD\s+(\[.*\])\s*$", text, flags=re.MULTILINE)
    assert len(commands) == 1, "one exec-form CMD"
    return json.loads(commands[0])


def test_dockerfile_passes_hadolint():
    result = subprocess.run(
        [_tool("hadolint"), "Dockerfile"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dockerfile_is_multi_stage_non_root_with_a_curl_free_healthcheck():
    text = (ROOT / "Dockerfile").read_text()
    assert len(re.findall(r"^FROM ", text, flags=re.MULTILINE)) >= 2
    users = re.findall(r"^USER\s+(\S+)", text, flags=re.MULTILINE)
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    healthcheck = re.search(r"^HEALTHCHECK .*?CMD (.*)$", text, flags=re.MULTILINE | re.DOTALL)
    assert healthcheck and "curl" not in healthcheck.group(1)
    assert _dockerfile_cmd() == ["gunicorn", "service:create_app()"]


def test_compose_file_matches_the_compose_spec():
    result = subprocess.run(
        [
            _tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.compose-spec",
            "docker-compose.yml",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_compose_gates_the_api_on_a_healthy_redis():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    assert services["api"]["depends_on"]["redis"]["condition"] == "service_healthy"
    assert "healthcheck" in services["redis"]
    assert "redis://redis:6379" in services["api"]["environment"]["FACTCHECK_REDIS_URL"]
    assert any(entry["path"] == ".env" for entry in services["api"]["env_file"])


@pytest.mark.parametrize("document", [".env.example", "README.md"])
def test_every_setting_is_documented(document):
    text = (ROOT / document).read_text()
    names = [f"FACTCHECK_{name.upper()}" for name in Settings.__dataclass_fields__]
    assert [name for name in names if name not in text] == []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def _gunicorn(log_path: Path, **settings: str):
    """The Dockerfile's exact CMD, started in the repository as the image's WORKDIR."""
    port = _free_port()
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "FACTCHECK_LOG_FORMAT": "json",
        **settings,
    }
    log = log_path.open("wb")
    # A session of its own, so that teardown can stop the master and its workers together.
    process = subprocess.Popen(
        _dockerfile_cmd(),
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.close()
            pytest.fail(f"gunicorn exited: {log_path.read_text()[-2000:]}")
        try:
            if requests.get(f"{base}/healthz", timeout=1).status_code == 200:
                break
        except requests.RequestException:
            time.sleep(0.1)
    else:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        log.close()
        pytest.fail("gunicorn did not answer within 30 s")
    try:
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()


@pytest.fixture
def gunicorn_server(sources_file, cache_prefix, tmp_path):
    """gunicorn on the fixture corpus with the real Redis."""
    with _gunicorn(
        tmp_path / "gunicorn.log",
        FACTCHECK_SOURCES_FILE=str(sources_file),
        FACTCHECK_REDIS_URL=REDIS_URL,
        FACTCHECK_CACHE_PREFIX=cache_prefix,
    ) as base:
        yield base


@pytest.mark.slow
def test_gunicorn_serves_a_check_end_to_end_with_redis(gunicorn_server, article):
    with requests.Session() as http:
        assert http.get(f"{gunicorn_server}/readyz", timeout=5).json()["cache"] == "redis"
        first = http.post(
            f"{gunicorn_server}/v1/checks",
            data=article.encode(),
            headers={"Content-Type": "text/plain"},
            timeout=30,
        )
        assert first.status_code == 200
        report = first.json()
        assert report["cache"] == "miss"
        steel = next(c for c in report["claims"] if "$15 billion" in c["text"])
        assert steel["evidence"] and steel["evidence"][0]["source"] == "local"
        # Whichever worker answers, the verdicts now come from the shared Redis.
        for _ in range(3):
            again = http.post(f"{gunicorn_server}/v1/checks", json={"text": article}, timeout=30)
            assert again.json()["cache"] == "hit"
        problem = http.post(f"{gunicorn_server}/v1/checks", json={"text": " "}, timeout=5)
        assert problem.status_code == 422
        assert problem.headers["Content-Type"] == "application/problem+json"


@pytest.mark.slow
def test_generated_requests_meet_every_schemathesis_check(gunicorn_server, tmp_path):
    """Schemathesis sends requests generated from /openapi.json, valid and invalid alike, and
    runs all its default checks: no 500, each answer (status, content type, body, headers) as
    documented, valid requests accepted and invalid ones refused."""
    command = [
        _tool("st"),
        "--config-file",
        str(ROOT / "tests" / "schemathesis.toml"),
        "run",
        f"{gunicorn_server}/openapi.json",
        "--max-examples",
        "40",
        "--seed",
        "1",
    ]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:]


def _chunks(data: bytes, size: int = 500):
    """A body requests sends chunked (Transfer-Encoding: chunked, no Content-Length)."""
    yield from (data[i : i + size] for i in range(0, len(data), size))


@pytest.mark.slow
def test_a_chunked_body_is_bounded_like_any_other(sources_file, tmp_path):
    settings = {"FACTCHECK_SOURCES_FILE": str(sources_file), "FACTCHECK_REDIS_URL": ""}
    limit = {"FACTCHECK_MAX_BODY_BYTES": "3000", "WEB_CONCURRENCY": "1"}
    text = "Paris is the capital of France. " * 40  # 1,280 bytes (2,562 in UTF-16): under the limit
    with _gunicorn(tmp_path / "gunicorn.log", **settings, **limit) as base:
        url = f"{base}/v1/claims"
        plain = {"Content-Type": "text/plain"}
        whole = requests.post(url, data=_chunks(text.encode()), headers=plain, timeout=30)
        assert whole.status_code == 200
        assert whole.json()["sentences"][-1]["end"] == len(text.rstrip())  # not cut short
        utf16 = requests.post(
            url,
            data=_chunks(text.encode("utf-16")),
            headers={"Content-Type": "text/plain; charset=utf-16"},
            timeout=30,
        )
        assert utf16.json()["sentences"] == whole.json()["sentences"]
        too_large = requests.post(url, data=_chunks(text.encode() * 4), headers=plain, timeout=30)
        assert too_large.status_code == 413
        assert too_large.headers["Content-Type"] == "application/problem+json"
        assert too_large.json()["status"] == 413


def test_env_example_can_be_sourced_by_a_posix_shell():
    """`set -a; . ./.env` is how a shell loads it; compose reads the same values."""
    result = subprocess.run(
        ["/bin/sh", "-c", "set -a && . ./.env.example && env"],
        cwd=ROOT,
        env={"PATH": os.defpath},
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stderr) == (0, "")
    from_shell = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    lines = (ROOT / ".env.example").read_text().splitlines()
    assignments = [line for line in lines if line and not line.startswith("#")]
    assigned = [re.fullmatch(r'([A-Z_][A-Z0-9_]*)="([^"$`\\]*)"', line) for line in assignments]
    assert None not in assigned, "every value double-quoted, nothing the shell would expand"
    assert {m[1]: from_shell.get(m[1]) for m in assigned} == {m[1]: m[2] for m in assigned}
    assert from_shell["FACTCHECK_PUBLISHER_NAME"] == "Fact-check service"


def test_compose_builds_one_image_and_publishes_the_port_gunicorn_listens_on():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    api, worker = services["api"], services["worker"]
    assert worker["image"] == api["image"]
    for service in (api, worker):  # the image is built here, never pulled
        assert service["build"] == "." and service["pull_policy"] == "build"
    assert api["environment"]["PORT"] == "${PORT:-8000}"
    assert api["ports"] == ["${API_PORT:-8000}:${PORT:-8000}"]
