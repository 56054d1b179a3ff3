"""The real worker: `manage.py db_worker --backend newsletter` in its own process sends an issue
once per subscriber across a duplicated start and a worker killed mid-send and restarted."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from newsletters.deliveries import Delivery, NewsletterSend
from newsletters.factories import NewsletterIssuePageFactory, SubscriberFactory
from newsletters.models import SubscriberState
from newsletters.sending import send_start

ROOT = Path(__file__).resolve().parents[2]
SUBSCRIBERS = 30


def database_url() -> str:
    """The test database, as the worker process must open it."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = db["USER"] or "postgres"
    return f"postgres://{user}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def start_worker(record: Path, **env) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend",
            "newsletter",
            "--interval",
            "0.2",
            "--no-startup-delay",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsletters.tests.worker_settings",
            "DATABASE_URL": database_url(),
            "RECORD_FILE": str(record),
            **env,
        },
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


def lines(record: Path) -> list[str]:
    return record.read_text().split() if record.exists() else []


@pytest.mark.django_db(transaction=True)
def test_each_subscriber_gets_the_issue_at_most_once_across_a_kill_and_a_restart(
    site_tree, tmp_path
):
    issue = NewsletterIssuePageFactory(parent=site_tree.sq.newsletters, title="Numri i parë")
    for n in range(SUBSCRIBERS):
        SubscriberFactory(
            email=f"p{n:02d}@example.org", language="sq", state=SubscriberState.CONFIRMED
        )
    record = tmp_path / "sent.txt"
    send, _ = send_start(issue=issue, by=None)
    send_start(issue=issue, by=None)  # a double click: the same send, a second run queued

    worker = start_worker(record, RECORD_DELAY="0.2")  # 6 s in all: time to stop it midway
    try:
        wait_for(lambda: len(lines(record)) >= 8)
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=20)
    killed_at = len(lines(record))
    assert killed_at < SUBSCRIBERS, "the worker finished before it could be stopped"
    assert Delivery.objects.filter(state=Delivery.State.SENDING).count() <= 1

    time.sleep(1.2)  # the dead worker's claims expire (NEWSLETTER_CLAIM_SECONDS=1 below)
    worker = start_worker(record, NEWSLETTER_CLAIM_SECONDS="1")
    try:
        wait_for(lambda: NewsletterSend.objects.get(pk=send.pk).state == NewsletterSend.State.DONE)
    finally:
        worker.terminate()
        worker.wait(timeout=20)

    received = lines(record)
    assert len(received) == len(set(received)), "someone got the issue twice"
    states = dict(Delivery.objects.values_list("subscriber__email", "state"))
    sent = sorted(email for email, state in states.items() if state == Delivery.State.SENT)
    interrupted = [email for email, state in states.items() if state == Delivery.State.UNKNOWN]
    assert sorted(received) == sorted(sent + [e for e in interrupted if e in received])
    assert len(interrupted) <= 1
    assert len(sent) + len(interrupted) == SUBSCRIBERS
    assert len(received) > killed_at
