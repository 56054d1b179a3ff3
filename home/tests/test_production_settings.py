"""Production settings pass Django's deployment checklist and refuse to start half-configured."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Set by this test run (the browser tests need the last one), never by a deployment.
NOT_INHERITED = {
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args, "--settings=config.settings.production"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_the_required_variables():
    result = manage(
        "check",
        "--deploy",
        "--fail-level=WARNING",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="sigurt.example.org",
        DATABASE_URL="postgres://sigurt@db.example.org:5432/sigurt",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("env", "missing"),
    [
        ({"ALLOWED_HOSTS": "sigurt.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "a-long-random-production-secret-" + "x" * 40}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_to_start_without_a_required_variable(env, missing):
    result = manage("check", **env)

    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr
