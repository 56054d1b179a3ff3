"""PostgreSQL stops and starts again under load: what readers get, and how soon the site is back.

Creates a private, throwaway PostgreSQL cluster (initdb as the postgres user, port 5499, a
socket in its own folder; the machine's own PostgreSQL is not touched), migrates a database
there, starts gunicorn with production settings on it, and runs 8 reader threads for
--seconds, alternating the home page (kept in the page cache) and a search (which needs the
database every time). After --down-at seconds the cluster is stopped (`pg_ctl stop -m fast`);
--down-for seconds later it is started again. Prints, per phase, the answers by status, whether
every 503 showed the helpline, any other error (a 500, a refused connection), and the time from
the restart to the first search answered again. Removes the cluster and stops the server.

    .venv/bin/python bench/db_outage.py [--seconds 24] [--down-at 6] [--down-for 6]
"""

import argparse
import collections
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_PORT = 5499
WEB_PORT = int(os.environ.get("OUTAGE_PORT", "8098"))
BASE = f"http://127.0.0.1:{WEB_PORT}"
PATHS = ("/", "/search/?q=internet")
HELPLINE = "116 111"
THREADS = 8


def as_postgres(*command: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["runuser", "-u", "postgres", "--", *command],
        check=True,
        capture_output=True,
        text=True,
        **kwargs,
    )


def pg_ctl(data: Path, action: str) -> None:
    options = f"-p {PG_PORT} -k {data} -c listen_addresses=127.0.0.1"
    as_postgres("pg_ctl", "-D", str(data), "-o", options, "-l", str(data / "log"), "-w", action)


def read(path: str) -> tuple[str, bool]:
    """(outcome, helpline shown): outcome is the status, or the error for no HTTP answer."""
    try:
        with urllib.request.urlopen(BASE + path, timeout=10) as answer:  # noqa: S310 - loopback
            return str(answer.status), HELPLINE in answer.read().decode()
    except urllib.error.HTTPError as error:
        return str(error.code), HELPLINE in error.read().decode()
    except OSError as error:
        return type(error).__name__, False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=24)
    parser.add_argument("--down-at", type=float, default=6)
    parser.add_argument("--down-for", type=float, default=6)
    options = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sigurt-outage-"))
    data = work / "pgdata"
    data.mkdir()
    shutil.chown(work, "postgres")
    shutil.chown(data, "postgres")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/sigurt_outage",
        "REDIS_URL": "",
        "GUNICORN_BIND": f"127.0.0.1:{WEB_PORT}",
        "GUNICORN_WORKERS": "2",
        "LOG_LEVEL": "ERROR",
    }
    server = None
    try:
        as_postgres("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8")
        pg_ctl(data, "start")
        as_postgres("createdb", "-h", str(data), "-p", str(PG_PORT), "sigurt_outage")
        manage = [sys.executable, "manage.py"]
        for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
            subprocess.run([*manage, *command, "-v0"], cwd=ROOT, env=env, check=True)
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(60):
            if read("/healthz")[0] == "200":
                break
            time.sleep(0.5)
        else:
            raise SystemExit("the server did not start")

        log: list[tuple[float, str, str, bool]] = []
        lock = threading.Lock()
        start = time.monotonic()
        stop_at = start + options.seconds

        def reader(offset: int) -> None:
            n = offset
            while time.monotonic() < stop_at:
                path = PATHS[n % len(PATHS)]
                outcome, helpline = read(path)
                with lock:
                    log.append((time.monotonic() - start, path, outcome, helpline))
                n += 1

        threads = [threading.Thread(target=reader, args=(i,)) for i in range(THREADS)]
        for thread in threads:
            thread.start()
        time.sleep(options.down_at)
        down = time.monotonic() - start
        pg_ctl(data, "stop")
        time.sleep(options.down_for)
        up_started = time.monotonic() - start
        pg_ctl(data, "start")
        up = time.monotonic() - start
        for thread in threads:
            thread.join()
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        if (data / "postmaster.pid").exists():
            pg_ctl(data, "stop")
        shutil.rmtree(work, ignore_errors=True)

    phases = {
        "before the stop": (0, down),
        "database down": (down, up),
        "after the restart": (up, 1e9),
    }
    print(
        f"\n{THREADS} readers for {options.seconds:.0f} s; PostgreSQL stopped at {down:.1f} s,"
        f" started again at {up_started:.1f} s (up at {up:.1f} s)\n"
    )
    print("| phase | address | answers | by outcome | 503 pages with the helpline |")
    print("| --- | --- | ---: | --- | ---: |")
    errors = 0
    for phase, (begin, end) in phases.items():
        for path in PATHS:
            rows = [row for row in log if begin <= row[0] < end and row[1] == path]
            outcomes = collections.Counter(row[2] for row in rows)
            helpline = sum(1 for row in rows if row[2] == "503" and row[3])
            errors += sum(n for outcome, n in outcomes.items() if outcome not in ("200", "503"))
            shown = ", ".join(f"{outcome}: {n}" for outcome, n in sorted(outcomes.items()))
            print(
                f"| {phase} | `{path}` | {len(rows)} | {shown} | {helpline} of {outcomes['503']} |"
            )
    back = [row[0] for row in log if row[0] >= up and row[1] == PATHS[1] and row[2] == "200"]
    recovery = f"{(back[0] - up) * 1000:.0f} ms" if back else "never"
    print(
        f"\nErrors other than a 503: {errors}. Search answered again {recovery} after the restart."
    )


if __name__ == "__main__":
    main()
