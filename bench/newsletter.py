"""Sending the parents' newsletter at scale: messages per second and the worker's peak memory.

Builds a scratch PostgreSQL database (sigurt_bench_mail, dropped and created; no other database
is touched), loads the demo, then for 10,000 and for 100,000 confirmed subscribers starts a
send of one issue (`send_start`, as the admin's button does) and runs the real worker
(`manage.py db_worker --backend newsletter --max-tasks 1`) in a child process with an email
backend that accepts and discards messages (EMAIL_URL=dummy:). Prints messages per second and
the worker's peak RSS for each size, then drops the database unless --keep.

    .venv/bin/python bench/newsletter.py [--sizes 10000,100000] [--keep]
"""

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "sigurt_bench_mail"
WORKER = """
import atexit, resource, runpy, sys
atexit.register(lambda: print("PEAK_RSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
sys.argv = ["manage.py", "db_worker", "--backend", "newsletter", "--max-tasks", "1",
            "--no-startup-delay", "--interval", "0.1"]
runpy.run_path("manage.py", run_name="__main__")
"""


def bench_env(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(workdir / "media"),
        "DATABASE_URL": f"{PG_SERVER}/{DB_NAME}",
        "REDIS_URL": "",
        "EMAIL_URL": "dummy:",
        "LOG_LEVEL": "WARNING",
    }


def recreate_database(drop_only: bool = False) -> None:
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        if not drop_only:
            conn.execute(f"CREATE DATABASE {DB_NAME}")


def subscribers(count: int) -> None:
    """Exactly `count` confirmed subscribers, a third of them English."""
    from django.utils import timezone

    from newsletters.models import Subscriber, SubscriberState
    from newsletters.tokens import new_manage_key

    Subscriber.objects.all().delete()
    batch, now = [], timezone.now()
    for n in range(count):
        batch.append(
            Subscriber(
                email=f"parent{n}@example.org",
                language="en" if n % 3 == 0 else "sq",
                state=SubscriberState.CONFIRMED,
                consent_text="Bench",
                consent_version="1",
                requested_at=now,
                confirmed_at=now,
                manage_key=new_manage_key(),
            )
        )
        if len(batch) == 5000:
            Subscriber.objects.bulk_create(batch)
            batch = []
    Subscriber.objects.bulk_create(batch)


def one_send(count: int, env: dict) -> dict:
    from django.db.models import Max, Min

    from newsletters.deliveries import Delivery, NewsletterSend
    from newsletters.models import NewsletterIssuePage
    from newsletters.sending import send_start

    NewsletterSend.objects.all().delete()
    subscribers(count)
    issue = NewsletterIssuePage.objects.live().filter(locale__language_code="sq").first()
    started = time.perf_counter()
    send, _created = send_start(issue=issue, by=None)
    start_seconds = time.perf_counter() - started
    started = time.perf_counter()
    worker = subprocess.run(
        [sys.executable, "-c", WORKER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    worker_seconds = time.perf_counter() - started
    peak_kb = int(worker.stdout.split("PEAK_RSS_KB")[-1].split()[0])
    sent = send.deliveries.filter(state=Delivery.State.SENT)
    span = sent.aggregate(first=Min("sent_at"), last=Max("sent_at"))
    seconds = (span["last"] - span["first"]).total_seconds() or 1e-9
    send.refresh_from_db()
    return {
        "subscribers": count,
        "sent": sent.count(),
        "state": send.state,
        "start": start_seconds,
        "worker": worker_seconds,
        "rate": sent.count() / seconds,
        "peak_mb": peak_kb / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--keep", action="store_true", help="keep the sigurt_bench_mail database")
    options = parser.parse_args()
    env = bench_env(Path(tempfile.mkdtemp(prefix="sigurt-bench-mail-")))
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    recreate_database()
    rows = []
    try:
        python = sys.executable
        for command in (["compile_translations"], ["migrate", "--no-input", "-v0"], ["load_demo"]):
            subprocess.run(
                [python, "manage.py", *command],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
        import django

        django.setup()
        for size in (int(size) for size in options.sizes.split(",")):
            rows.append(one_send(size, env))
            print(rows[-1], flush=True)
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if not options.keep:
            recreate_database(drop_only=True)
    print("\nsubscribers | sent    | send_start | worker total | messages/s | worker peak RSS")
    print("------------|---------|------------|--------------|------------|----------------")
    for row in rows:
        print(
            f"{row['subscribers']:>11,} | {row['sent']:>7,} | {row['start']:>8.1f} s |"
            f" {row['worker']:>10.1f} s | {row['rate']:>10,.0f} | {row['peak_mb']:>11.0f} MB"
        )


if __name__ == "__main__":
    main()
