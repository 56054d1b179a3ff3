"""What a phone downloads for the public pages, served as in production.

Builds a scratch database (SQLite unless DATABASE_URL is set) with the demo content, collects
static files, starts gunicorn with production settings on 127.0.0.1, opens each page in Debian's
Chromium at a phone viewport and prints the bytes transferred (compressed, as on the wire) per
page, split into HTML, CSS, images and other. Stops the server it started.

    .venv/bin/python bench/page_weight.py
"""

import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8077"))
BASE = f"http://127.0.0.1:{PORT}"
PAGES = [
    "/",
    "/en/",
    "/fushata/",
    "/fushata/netsmartkids-2025/",
    "/mesime/",
    "/mesime/kur-fjalet-lendojne/",
    "/buletini/",
]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def run(args: list[str], env: dict) -> None:
    subprocess.run(args, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own loopback server
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"The server did not answer at {url}")


def measure(page_paths: list[str]) -> list[tuple[str, dict]]:
    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium"), args=CHROMIUM_ARGS
        )
        for path in page_paths:
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            kinds: dict[str, str] = {}
            sizes = {"html": 0, "css": 0, "image": 0, "other": 0, "failed": 0}

            def on_response(event, kinds=kinds):
                mime = event["response"].get("mimeType", "")
                kinds[event["requestId"]] = (
                    "failed"
                    if event["response"]["status"] >= 400
                    else "html"
                    if "html" in mime
                    else "css"
                    if "css" in mime
                    else "image"
                    if mime.startswith("image/")
                    else "other"
                )

            def on_finished(event, kinds=kinds, sizes=sizes):
                sizes[kinds.get(event["requestId"], "other")] += int(event["encodedDataLength"])

            cdp.on("Network.responseReceived", on_response)
            cdp.on("Network.loadingFinished", on_finished)
            response = page.goto(BASE + path, wait_until="networkidle")
            status = response.status if response else 0
            rows.append((f"{path} ({status})", sizes))
            context.close()
        browser.close()
    return rows


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="sigurt-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(workdir / "media"),
        "SERVE_MEDIA": "true",
    }
    env.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'db.sqlite3'}")
    python = sys.executable
    run([python, "manage.py", "compile_translations"], env)
    run([python, "manage.py", "collectstatic", "--no-input", "-v0"], env)
    run([python, "manage.py", "migrate", "--no-input", "-v0"], env)
    run([python, "manage.py", "load_demo"], env)
    server = subprocess.Popen(
        [python, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{PORT}", "-w", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(BASE + "/")
        rows = measure(PAGES)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
    columns = ["html", "css", "image", "other", "failed"]
    print(f"{'page (status)':36}" + "".join(f"{c:>8}" for c in columns) + f"{'total':>8}  bytes")
    for name, sizes in rows:
        cells = "".join(f"{sizes[c]:8}" for c in columns)
        print(f"{name:36}{cells}{sum(sizes.values()):8}")


if __name__ == "__main__":
    main()
