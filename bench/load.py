"""Load benchmark: the production server under 64 concurrent connections, page by page, with wrk.

Builds a scratch PostgreSQL database (sigurt_load; no other database is touched) with the demo
plus --activities verified activities over --schools schools (the generator of bench/reach.py),
unless --reuse finds it already built. Starts gunicorn with production settings, Redis as the
cache (database 3 of redis://127.0.0.1:6379, flushed first) and the ceiling view turned on,
checks that every address answers 200, warms each (20 requests, then 3 s of wrk at full
concurrency, so every worker and thread is warm), then runs
`wrk -t2 -c64 -d<seconds>s --latency` (with `Accept-Encoding: gzip`, as phones send) against:
the home page, a campaign page with live figures, a lesson, a newsletter issue, the lesson index
filtered by a topic, a signed-in teacher's school space, and the ceiling (a minimal Django view
behind every middleware). Prints requests/s, p50, p99, errors and each page's ratio to the
ceiling, and whether the goals hold (anonymous pages >= 50% of the ceiling, no errors, p99 <
200 ms). Stops the server; keeps the database for --reuse unless --drop.

    .venv/bin/python bench/load.py [--activities 1000000] [--schools 2000] [--seconds 20]
                                   [--connections 64] [--reuse] [--drop]
"""

import argparse
import importlib.util
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("LOAD_PORT", "8077"))
BASE = f"http://127.0.0.1:{PORT}"
PG_SERVER = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = "sigurt_load"
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/3")
MARKER = "bench_load_built"
OUT = ROOT / "bench" / "out" / "load"  # wrk's own output, per address


def reach_bench():
    """bench/reach.py as a module, pointed at this benchmark's database."""
    spec = importlib.util.spec_from_file_location("bench_reach", ROOT / "bench" / "reach.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.DB_NAME = DB_NAME
    module.DATABASE_URL = f"{PG_SERVER}/{DB_NAME}"
    return module


def server_env(workdir: Path) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(ROOT / "media"),
        "SERVE_MEDIA": "true",
        "DATABASE_URL": f"{PG_SERVER}/{DB_NAME}",
        "REDIS_URL": REDIS_URL,
        "BENCH_CEILING_VIEW": "true",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "LOG_LEVEL": "WARNING",
    }


def is_built() -> bool:
    try:
        with psycopg.connect(f"{PG_SERVER}/{DB_NAME}") as conn:
            return conn.execute(f"SELECT count(*) FROM {MARKER}")  # noqa: S608 - our constant.fetchone()[0] > 0
    except psycopg.Error:
        return False


def build(options, env: dict) -> None:
    reach = reach_bench()
    reach.recreate_database()
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--no-input"], ["compile_translations"], ["load_demo"]):
        print("manage.py", " ".join(command), flush=True)
        subprocess.run(
            [*manage, *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    import django

    django.setup()
    from django.db import connection

    from ambassadors.reach import reach_rebuild

    schools = reach.add_schools(options.schools)
    _campaign, seconds = reach.load_activities(options.activities)
    print(f"{options.activities:,} activities over {schools:,} schools in {seconds:.0f} s")
    reach_rebuild()
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {MARKER} (activities integer)")
        cursor.execute(f"INSERT INTO {MARKER} VALUES (%s)", [options.activities])  # noqa: S608
    connection.close()


def addresses() -> dict[str, tuple[str, dict]]:
    """What to measure: name -> (path, extra headers). Signs a demo ICT teacher in."""
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from ambassadors.models import Membership, Role
    from campaigns.models import CampaignPage
    from lessons.models import LessonIndexPage, LessonPage
    from newsletters.models import NewsletterIssuePage

    sq = {"locale__language_code": settings.LANGUAGE_CODE}
    lesson = LessonPage.objects.live().filter(**sq).order_by("path").first()
    index = LessonIndexPage.objects.live().filter(**sq).first()
    topic = lesson.tags.order_by("slug").first()
    issue = NewsletterIssuePage.objects.live().filter(**sq).order_by("-path").first()
    campaign = CampaignPage.objects.live().filter(**sq, slug="netsmartkids-2025").first()
    membership = (
        Membership.objects.filter(role=Role.ICT_TEACHER, user__is_active=True)
        .select_related("user", "school")
        .order_by("pk")
        .first()
    )
    client = Client()
    client.force_login(membership.user)
    cookie = {"Cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies['sessionid'].value}"}
    with translation.override(settings.LANGUAGE_CODE):
        school = reverse("network:school", args=[membership.school_id])
    return {
        "home page": ("/", {}),
        "campaign page with live figures": (campaign.url, {}),
        "lesson": (lesson.url, {}),
        "newsletter issue": (issue.url, {}),
        "lesson index, filtered by topic": (f"{index.url}?topic={topic.slug}", {}),
        "signed-in school space (ICT teacher)": (school, cookie),
        "ceiling: minimal Django view": ("/bench/ceiling", {}),
    }


def fetch(path: str, headers: dict) -> int:
    request = urllib.request.Request(BASE + path, headers=headers)  # noqa: S310 - loopback
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        response.read()
        return response.status


def wait_until_up(seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(BASE + "/healthz", timeout=5) as answer:  # noqa: S310
                if json.load(answer) == {"database": "ok", "cache": "ok"}:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("The server did not become healthy")


UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def milliseconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * UNITS[unit]


def wrk(path: str, headers: dict, options, seconds: int | None = None) -> dict:
    duration = seconds or options.seconds
    command = ["wrk", "-t2", f"-c{options.connections}", f"-d{duration}s", "--latency"]
    for name, value in {"Accept-Encoding": "gzip", **headers}.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, BASE + path], capture_output=True, text=True, check=True
    ).stdout
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{re.sub(r'[^a-z0-9]+', '-', path.lower()).strip('-') or 'home'}.txt").write_text(
        output
    )
    latency = dict(re.findall(r"^\s*(50|99)(?:\.0+)?%\s+(\S+)\s*$", output, re.M))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "errors": (int(non_2xx.group(1)) if non_2xx else 0)
        + (sum(int(n) for n in socket.groups()) if socket else 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=1_000_000)
    parser.add_argument("--schools", type=int, default=2_000)
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("LOAD_SECONDS", "20")))
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--reuse", action="store_true", help="reuse sigurt_load if built")
    parser.add_argument("--drop", action="store_true", help="drop sigurt_load at the end")
    options = parser.parse_args()

    env = server_env(Path(tempfile.mkdtemp(prefix="sigurt-load-")))
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    if not (options.reuse and is_built()):
        build(options, env)
    subprocess.run(["redis-cli", "-u", REDIS_URL, "flushdb"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    targets = addresses()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    results = {}
    try:
        wait_until_up()
        for name, (path, headers) in targets.items():
            status = fetch(path, headers)
            if status != 200:
                raise SystemExit(f"{name}: {path} answered {status}")
            for _ in range(20):
                fetch(path, headers)
        for name, (path, headers) in targets.items():
            print(f"wrk {name}: {path}", flush=True)
            # Warm every worker and thread (connections, templates) at full concurrency first.
            wrk(path, headers, options, seconds=3)
            results[name] = wrk(path, headers, options)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if options.drop:
            reach_bench().recreate_database(drop_only=True)

    ceiling = results["ceiling: minimal Django view"]["rps"]
    workers = os.environ.get("GUNICORN_WORKERS", f"{os.cpu_count() * 2 + 1} (2 x cores + 1)")
    print(
        f"\n{options.activities:,} activities, {options.schools:,} schools; gunicorn workers:"
        f" {workers}; wrk -t2 -c{options.connections} -d{options.seconds}s, gzip\n"
    )
    print("| address | path | requests/s | p50 ms | p99 ms | errors | ratio to ceiling |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    failures = []
    for name, result in results.items():
        path = targets[name][0]
        ratio = result["rps"] / ceiling
        print(
            f"| {name} | `{path}` | {result['rps']:,.0f} | {result['p50']:.1f} |"
            f" {result['p99']:.1f} | {result['errors']} | {ratio:.2f} |"
        )
        anonymous = "signed-in" not in name and "ceiling" not in name
        if anonymous and ratio < 0.5:
            failures.append(f"{name}: {ratio:.2f} of the ceiling")
        if result["errors"]:
            failures.append(f"{name}: {result['errors']} errors")
        if result["p99"] >= 200:
            failures.append(f"{name}: p99 {result['p99']:.0f} ms")
    print("\nGoals met." if not failures else "\nGoals missed: " + "; ".join(failures))


if __name__ == "__main__":
    main()
