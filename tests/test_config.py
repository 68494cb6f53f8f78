"""Settings: defaults, FACTCHECK_* environment, overrides."""

import pytest

from service.config import Settings


def test_defaults_use_the_memory_cache_and_the_repository_sources_file():
    settings = Settings.load(environ={})
    assert settings.redis_url == ""
    assert settings.sources_file.endswith("sources.yaml")


@pytest.mark.parametrize(
    ("variable", "raw", "name", "expected"),
    [
        ("FACTCHECK_REDIS_URL", "redis://cache:6379/2", "redis_url", "redis://cache:6379/2"),
        ("FACTCHECK_SOURCE_TIMEOUT", "2.5", "source_timeout", 2.5),
        ("FACTCHECK_MAX_BODY_BYTES", "2048", "max_body_bytes", 2048),
        ("FACTCHECK_MIN_SCORE", "0.7", "min_score", 0.7),
        ("FACTCHECK_LOG_FORMAT", "json", "log_format", "json"),
    ],
)
def test_environment_variables_are_read_and_typed(variable, raw, name, expected):
    assert getattr(Settings.load(environ={variable: raw}), name) == expected


def test_overrides_win_over_the_environment():
    settings = Settings.load(environ={"FACTCHECK_MAX_CLAIMS": "5"}, overrides={"max_claims": 9})
    assert settings.max_claims == 9


def test_a_non_numeric_value_names_the_variable():
    with pytest.raises(ValueError, match="FACTCHECK_SOURCE_TIMEOUT"):
        Settings.load(environ={"FACTCHECK_SOURCE_TIMEOUT": "soon"})


def test_unknown_overrides_are_refused():
    with pytest.raises(ValueError, match="colour"):
        Settings.load(environ={}, overrides={"colour": "blue"})


def test_user_agent_follows_the_wikimedia_format():
    agent = Settings.load(environ={"FACTCHECK_CONTACT": "ops@example.org"}).user_agent
    assert agent.startswith("factcheck-service/")
    assert "(ops@example.org)" in agent
    assert "python-requests/" in agent
