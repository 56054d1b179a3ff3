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


REQUIRED = {
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "sigurt.example.org",
}


def settings_value(expression: str, **env: str) -> str:
    code = f"from django.core.files.storage import storages; print({expression})"
    result = manage("shell", "--no-imports", "-c", code, **REQUIRED, **env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip()


def test_media_go_to_a_private_s3_bucket_when_one_is_named():
    storage = "storages['default']"
    assert settings_value(f"type({storage}).__name__") == "FileSystemStorage"
    env = {
        "MEDIA_S3_BUCKET": "sigurt-media",
        "MEDIA_S3_ENDPOINT_URL": "https://s3.example.org",
        "MEDIA_S3_REGION": "eu-central-1",
    }
    assert settings_value(f"type({storage}).__name__", **env) == "S3Storage"
    described = settings_value(
        f"{storage}.bucket_name, {storage}.default_acl, {storage}.querystring_auth,"
        f" {storage}.file_overwrite, {storage}.endpoint_url",
        **env,
    )
    assert described == "sigurt-media private True False https://s3.example.org"


def test_pages_and_renditions_have_caches_of_their_own_on_redis():
    caches = "__import__('django.conf').conf.settings.CACHES"
    described = settings_value(
        f"sorted((alias, c['BACKEND'].rsplit('.', 1)[-1], c['KEY_PREFIX'])"
        f" for alias, c in {caches}.items())",
        REDIS_URL="redis://127.0.0.1:6379/9",
    )
    assert described == str(
        [
            ("default", "RedisCache", "sigurt"),
            ("pages", "RedisCache", "sigurt-pages"),
            ("renditions", "RedisCache", "sigurt-renditions"),
        ]
    )
