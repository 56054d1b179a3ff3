"""A real outage: bench/db_outage.py stops and restarts a private PostgreSQL cluster under load.

Runs in the PostgreSQL pass of the suite (it needs initdb and root, to run the cluster as the
postgres user). Readers must get only pages or the friendly 503 with the helpline, never an
error, and searches must be answered again within seconds of the restart.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres")
    or shutil.which("initdb") is None
    or shutil.which("runuser") is None
    or os.geteuid() != 0,
    reason="needs PostgreSQL's initdb and root (the PostgreSQL pass of CI)",
)


def test_readers_get_the_503_page_while_postgresql_is_down_and_the_site_recovers():
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"}
    }
    result = subprocess.run(  # noqa: S603 - our own script
        [
            sys.executable,
            "bench/db_outage.py",
            "--seconds",
            "12",
            "--down-at",
            "3",
            "--down-for",
            "4",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = result.stdout
    assert "Errors other than a 503: 0." in report, report
    # While it was down: searches got the 503 page, every one of them with the helpline (a
    # request or two that began before the stop may still end with a 200).
    down = re.search(
        r"\| database down \| `/search/\?q=internet` \| \d+ \| .*\| (\d+) of (\d+) \|", report
    )
    assert down and int(down.group(2)) > 0 and down.group(1) == down.group(2), report
    recovered = re.search(r"Search answered again (\d+) ms after the restart", report)
    assert recovered and int(recovered.group(1)) < 5000, report
