"""The container: Dockerfile and compose file linted, and the image's CMD run for real."""

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


@pytest.fixture
def gunicorn_server(sources_file, cache_prefix, tmp_path):
    """The Dockerfile's exact CMD, started in the repository as the image's WORKDIR."""
    port = _free_port()
    env = {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "2",
        "FACTCHECK_SOURCES_FILE": str(sources_file),
        "FACTCHECK_REDIS_URL": REDIS_URL,
        "FACTCHECK_CACHE_PREFIX": cache_prefix,
        "FACTCHECK_LOG_FORMAT": "json",
    }
    log = (tmp_path / "gunicorn.log").open("wb")
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
            pytest.fail(f"gunicorn exited: {(tmp_path / 'gunicorn.log').read_text()[-2000:]}")
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
    yield base
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)
    log.close()


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
def test_generated_requests_never_meet_a_server_error(gunicorn_server, tmp_path):
    """Schemathesis sends requests generated from /openapi.json, valid and invalid alike."""
    command = [
        _tool("st"),
        "run",
        f"{gunicorn_server}/openapi.json",
        "--checks",
        "not_a_server_error,response_schema_conformance",
        "--max-examples",
        "60",
        "--seed",
        "1",
    ]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:]
