"""Live campaign figures at scale: page latency, SQL queries, the figures' cold cost, export memory.

Builds a scratch PostgreSQL database (sigurt_bench, dropped and created; no other database is
touched), loads the demo, adds schools up to --schools and COPYs --activities verified activities
of the netSMARTkids 2025 campaign over them, then sums them per school (`reach_rebuild`, as after
any bulk load). Starts gunicorn with production settings on 127.0.0.1 (2 workers), times the
campaign page with figures against one without, and the open-data JSON, with a sequential
client; counts SQL queries per page in-process; times one uncached reach count, one
verification's re-sum and the first page view after a verification; measures peak RSS of a full
streaming CSV export in a child process for 10,000 rows and for all rows. Prints a table, stops
the server it started, drops the database unless --keep.

    .venv/bin/python bench/reach.py [--activities 1000000] [--schools 2000] [--keep]
"""

import argparse
import datetime
import http.client
import importlib.util
import os
import random
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8078"))
HOST = "127.0.0.1"
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "sigurt_bench"
DATABASE_URL = f"{PG_SERVER}/{DB_NAME}"
CAMPAIGN_SLUG = "netsmartkids-2025"
WITH_FIGURES = f"/fushata/{CAMPAIGN_SLUG}/"
# A quarterly demo campaign: no activities point at it, so its page shows no figures.
WITHOUT_FIGURES = "/fushata/raporto-abuzimin-seksual-online/"
OPEN_DATA = "/open-data/campaigns.json"
WARMUP = 10
REQUESTS = 200
EXPORT_SMALL = 10_000
EXPORT_FIELDS = (
    "pk",
    "school__code",
    "school__name",
    "school__municipality__name",
    "school__municipality__region__name",
    "kind",
    "date",
    "title",
    "girls",
    "boys",
    "students_unstated",
    "parents",
    "teachers",
    "other_adults",
    "verified_at",
)
COPY_COLUMNS = (
    "school_id",
    "campaign_id",
    "kind",
    "date",
    "title",
    "note",
    "girls",
    "boys",
    "students_unstated",
    "parents",
    "teachers",
    "other_adults",
    "status",
    "return_reason",
    "submission_key",
    "created_at",
    "updated_at",
    "verified_at",
)


def bench_env(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        # testserver: Django's test client, used in-process to count queries.
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(workdir / "media"),
        "SERVE_MEDIA": "true",
        "DATABASE_URL": DATABASE_URL,
        # One process-local cache per worker, as without Redis; the bench must not share Redis.
        "REDIS_URL": "",
    }


def recreate_database(drop_only: bool = False) -> None:
    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        if not drop_only:
            conn.execute(f"CREATE DATABASE {DB_NAME}")


def run(args: list[str], env: dict) -> None:
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def add_schools(wanted: int) -> int:
    from ambassadors.models import Municipality, School

    rng = random.Random(7)
    missing = wanted - School.objects.count()
    municipalities = list(Municipality.objects.all())
    levels = list(School.Level.values)
    settings_ = list(School.Setting.values)
    School.objects.bulk_create(
        [
            School(
                code=f"BENCH-{index:05d}",
                name=f"Bench school {index}",
                level=rng.choice(levels),
                setting=rng.choice(settings_),
                municipality=rng.choice(municipalities),
            )
            for index in range(max(missing, 0))
        ],
        batch_size=1000,
    )
    return School.objects.count()


def load_activities(count: int) -> tuple[int, float]:
    """COPY `count` verified activities of the campaign (default locale), spread over all
    schools; returns the campaign page id and the seconds taken (ANALYZE included)."""
    from django.conf import settings
    from django.db import connection

    from ambassadors.models import ActivityKind, ActivityStatus, School
    from campaigns.models import CampaignPage

    campaign = CampaignPage.objects.get(
        slug=CAMPAIGN_SLUG, locale__language_code=settings.LANGUAGE_CODE
    )
    school_ids = list(School.objects.values_list("pk", flat=True))
    kinds = list(ActivityKind.values)
    rng = random.Random(2025)
    start = datetime.date(2025, 1, 15)
    now = datetime.datetime.now(datetime.UTC)
    started = time.perf_counter()
    with connection.cursor() as cursor:
        raw = cursor.connection  # the psycopg 3 connection under Django's wrapper
        with (
            raw.cursor() as pg,
            pg.copy(f"COPY ambassadors_activity ({', '.join(COPY_COLUMNS)}) FROM STDIN") as copy,
        ):
            for _ in range(count):
                day = start + datetime.timedelta(days=rng.randrange(156))
                copy.write_row(
                    (
                        rng.choice(school_ids),
                        campaign.pk,
                        rng.choice(kinds),
                        day,
                        "Bench session",
                        "",
                        rng.randrange(30),
                        rng.randrange(30),
                        rng.randrange(3),
                        rng.randrange(5),
                        rng.randrange(3),
                        rng.randrange(2),
                        ActivityStatus.VERIFIED,
                        "",
                        uuid.UUID(int=rng.getrandbits(128), version=4),
                        now,
                        now,
                        now,
                    )
                )
        cursor.execute("ANALYZE ambassadors_activity")
    return campaign.pk, time.perf_counter() - started


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 - our own loopback server
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer at {url}")


def get(path: str) -> tuple[int, float, int]:
    """One request on a fresh connection: (status, milliseconds to the last byte, bytes)."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = conn.getresponse()
        body = response.read()
        return response.status, (time.perf_counter() - started) * 1000, len(body)
    finally:
        conn.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(paths: list[str]) -> dict[str, dict]:
    """Requests to the paths in turn (round robin), so background load hits each alike."""
    for path in paths:
        for _ in range(WARMUP):
            get(path)
    times = {path: [] for path in paths}
    errors = dict.fromkeys(paths, 0)
    sizes = dict.fromkeys(paths, 0)
    for _ in range(REQUESTS):
        for path in paths:
            try:
                status, ms, sizes[path] = get(path)
            except OSError:
                errors[path] += 1
                continue
            if status != 200:
                errors[path] += 1
            times[path].append(ms)
    return {
        path: {
            "p50": statistics.median(times[path]),
            "p99": percentile(times[path], 0.99),
            "errors": errors[path],
            "bytes": sizes[path],
        }
        for path in paths
    }


def count_queries(path: str, cold: bool) -> int:
    """SQL queries of one request in-process; cold = with an empty cache first."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    if cold:
        cache.clear()
    else:
        client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def best_ms(action, times: int = 3) -> float:
    best = None
    for _ in range(times):
        started = time.perf_counter()
        action()
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return best


def verification_ms(campaign_id: int) -> float:
    """What a verification adds: re-summing the busiest school's activities (best of 3)."""
    from django.db.models import Count

    from ambassadors.models import Activity
    from ambassadors.reach import reach_record

    school_id = (
        Activity.objects.filter(campaign_id=campaign_id)
        .values("school_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("school_id", flat=True)[0]
    )
    return best_ms(lambda: reach_record(campaign_id=campaign_id, school_id=school_id))


def first_view_after_verification_ms() -> float:
    """The campaign page in-process just after a verification retired the cached figures: the
    figures are summed and rendered again (median of 20)."""
    from django.test import Client

    from ambassadors.reach import reach_changed

    client, times = Client(), []
    for _ in range(20):
        reach_changed()
        started = time.perf_counter()
        assert client.get(WITH_FIGURES).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def cold_reach_ms() -> tuple[float, object]:
    """One campaign_reach with an empty cache (best of 3): what a request pays after a
    verification or once a minute."""
    from django.conf import settings
    from django.core.cache import cache

    from ambassadors.reach import campaign_reach
    from campaigns.models import CampaignPage

    campaign = CampaignPage.objects.get(
        slug=CAMPAIGN_SLUG, locale__language_code=settings.LANGUAGE_CODE
    )
    best, reach = None, None
    for _ in range(3):
        cache.clear()
        started = time.perf_counter()
        reach = campaign_reach(campaign=campaign)
        elapsed = (time.perf_counter() - started) * 1000
        best = elapsed if best is None else min(best, elapsed)
    return best, reach


EXPORT_SCRIPT = """
import csv, resource, sys, time
import django
django.setup()
from ambassadors.models import Activity
limit, mode = int(sys.argv[1]), sys.argv[2]
fields = {fields!r}

class Sink:
    written = 0
    def write(self, text):
        self.written += len(text)

sink = Sink()
verified = Activity.objects.verified()
if mode == "report":
    from django.contrib.auth import get_user_model
    from ambassadors import reports
    user = get_user_model().objects.filter(is_superuser=True).first()
    # The first `limit` activities by date: the report filters by dates, not by row count.
    date_to = verified.order_by("date").values_list("date", flat=True)[limit - 1] if limit else None
    covered = verified.filter(date__lte=date_to).count() if limit else verified.count()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
rows = 0
if mode == "values":
    writer = csv.writer(sink)
    queryset = verified.order_by("pk").values_list(*fields)
    if limit:
        queryset = queryset[:limit]
    for row in queryset.iterator(chunk_size=2000):
        writer.writerow(row)
        rows += 1
    covered = rows
else:
    report = reports.reach_report(user=user, group_by="school", date_to=date_to)
    response = reports.csv_response(report, "school", "bench.csv")
    for chunk in response.streaming_content:
        sink.write(chunk if isinstance(chunk, str) else chunk.decode())
        rows += 1
print(covered, rows, sink.written, time.perf_counter() - started, before,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def export_run(env: dict, limit: int, mode: str) -> dict:
    """Peak RSS of one full export in a fresh child process (ru_maxrss is per process)."""
    script = EXPORT_SCRIPT.format(fields=EXPORT_FIELDS)
    done = subprocess.run(
        [sys.executable, "-c", script, str(limit), mode],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=True,
        capture_output=True,
        text=True,
    )
    covered, rows, written, seconds, before, peak = done.stdout.split()[-6:]
    return {
        "activities": int(covered),
        "rows": int(rows),
        "mb": int(written) / 1e6,
        "seconds": float(seconds),
        "rss_before_mb": int(before) / 1024,
        "rss_peak_mb": int(peak) / 1024,
    }


def reports_available() -> bool:
    """Whether the admin export (ambassadors.reports, written alongside this bench) exists."""
    if importlib.util.find_spec("ambassadors.reports") is None:
        return False
    from ambassadors import reports

    return hasattr(reports, "csv_response") and hasattr(reports, "reach_report")


def run_bench(options, env: dict, table: list[tuple[str, str]]) -> None:
    python = sys.executable
    started = time.perf_counter()
    run([python, "manage.py", "compile_translations"], env)
    run([python, "manage.py", "collectstatic", "--no-input", "-v0"], env)
    run([python, "manage.py", "migrate", "--no-input", "-v0"], env)
    run([python, "manage.py", "load_demo"], env)
    print(f"migrate + load_demo: {time.perf_counter() - started:.1f} s", flush=True)

    import django

    django.setup()
    from ambassadors.models import Activity

    schools = add_schools(options.schools)
    campaign_id, load_seconds = load_activities(options.activities)
    verified = Activity.objects.verified().count()
    print(
        f"loaded {options.activities:,} activities over {schools:,} schools "
        f"in {load_seconds:.1f} s (COPY + ANALYZE); verified in DB: {verified:,}",
        flush=True,
    )
    from ambassadors.reach import reach_rebuild

    started = time.perf_counter()
    sums = reach_rebuild()  # COPY bypassed verification, which keeps the per-school sums
    rebuild_seconds = time.perf_counter() - started
    table += [
        ("schools", f"{schools:,}"),
        ("verified activities", f"{verified:,}"),
        ("load (COPY + ANALYZE)", f"{load_seconds:.1f} s"),
        (
            "reach_rebuild: all activities into per-school sums",
            f"{rebuild_seconds:.1f} s, {sums:,} rows",
        ),
    ]

    server = subprocess.Popen(
        [python, "-m", "gunicorn", "config.wsgi", "-b", f"{HOST}:{PORT}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://{HOST}:{PORT}/")
        pages = (
            ("campaign with figures", WITH_FIGURES),
            ("campaign without figures", WITHOUT_FIGURES),
            ("open data campaigns.json", OPEN_DATA),
        )
        results = measure([path for _label, path in pages])
    finally:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    for label, path in pages:
        result = results[path]
        print(f"{path}: {result}", flush=True)
        table += [
            (f"{label} p50", f"{result['p50']:.1f} ms"),
            (f"{label} p99", f"{result['p99']:.1f} ms"),
            (f"{label} errors", f"{result['errors']}/{REQUESTS}"),
        ]
    ratio = results[WITH_FIGURES]["p50"] / results[WITHOUT_FIGURES]["p50"]
    table.append(("p50 ratio with/without figures (goal <= 1.10)", f"{ratio:.3f}"))

    reach_ms, reach = cold_reach_ms()
    table.append(("campaign_reach, empty cache (best of 3)", f"{reach_ms:.1f} ms"))
    table.append(
        (
            "reach_record: one verification's re-sum (best of 3)",
            f"{verification_ms(campaign_id):.1f} ms",
        )
    )
    table.append(
        (
            "campaign page just after a verification (in-process, median of 20)",
            f"{first_view_after_verification_ms():.1f} ms",
        )
    )
    if reach is not None:
        table.append(
            (
                "reach: schools / regions / students",
                f"{reach.schools:,} / {reach.regions} / {reach.students:,}",
            )
        )
    for label, path in pages:
        cold, warm = count_queries(path, cold=True), count_queries(path, cold=False)
        table.append((f"SQL queries {label} (cold / warm cache)", f"{cold} / {warm}"))

    exports = [("values", "CSV of activity rows (values_list iterator)")]
    if reports_available():
        exports.append(("report", "admin CSV by school (reports.csv_response)"))
    else:
        table.append(("admin CSV export (ambassadors.reports)", "not available"))
    for mode, label in exports:
        for limit in (EXPORT_SMALL, 0):
            result = export_run(env, limit, mode)
            table.append(
                (
                    f"{label}, {result['activities']:,} activities",
                    f"{result['seconds']:.1f} s, {result['rows']:,} rows, {result['mb']:.1f} MB,"
                    f" peak RSS {result['rss_peak_mb']:.0f} MB"
                    f" (after setup {result['rss_before_mb']:.0f} MB)",
                )
            )
            print(table[-1], flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--schools", type=int, default=2_000)
    parser.add_argument("--keep", action="store_true", help="keep the sigurt_bench database")
    options = parser.parse_args()

    env = bench_env(Path(tempfile.mkdtemp(prefix="sigurt-bench-reach-")))
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    table: list[tuple[str, str]] = []
    recreate_database()
    try:
        run_bench(options, env, table)
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        if not options.keep:
            recreate_database(drop_only=True)

    width = max(len(name) for name, _value in table)
    print(f"\n{'metric':{width}} | value")
    print(f"{'-' * width}-|-{'-' * 30}")
    for name, value in table:
        print(f"{name:{width}} | {value}")


if __name__ == "__main__":
    main()
