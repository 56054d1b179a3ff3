"""Browser tests: Playwright driving the system Chromium against pytest-django's live server.

Every test here is marked `e2e` and needs `@pytest.mark.django_db(transaction=True)`: the live
server runs in another thread, so test data must be committed. Without a Chromium binary the
tests skip, except under `CI=true`, where a skipped browser test counts as a failure.
"""

import mimetypes
import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.models import Collection, Locale, Page

# Playwright's sync API runs an event loop in the main thread; Django would refuse ORM calls there.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

E2E_DIR = Path(__file__).resolve().parent
CHROMIUM_BIN = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
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
IN_CI = os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}

DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


def chromium_path() -> str | None:
    """The Chromium executable to launch, or None when it is not installed."""
    found = shutil.which(CHROMIUM_BIN)
    return found if found and os.access(found, os.X_OK) else None


def _is_e2e(item: pytest.Item) -> bool:
    return E2E_DIR in Path(str(item.path)).resolve().parents


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    missing = chromium_path() is None
    reason = (
        f"Chromium not found at {CHROMIUM_BIN!r} (set CHROMIUM_BIN, or `apt-get install chromium`)"
    )
    for item in items:
        if not _is_e2e(item):
            continue
        item.add_marker(pytest.mark.e2e)
        if missing:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    # In CI a browser test that did not run is a failure, whatever made it skip.
    if IN_CI and report.skipped and not hasattr(report, "wasxfail") and _is_e2e(item):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"Browser test skipped while CI=true, which counts as a failure: {reason}"
    return report


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": chromium_path() or CHROMIUM_BIN,
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


def ensure_wagtail_roots() -> None:
    """Recreates what Wagtail's migrations make and a flush deletes: a locale and the two roots.

    `serialized_rollback` cannot be relied on here: once Playwright's event loop runs in the main
    thread, asgiref hands Django a fresh connection object without the serialized snapshot.
    """
    locale = Locale.objects.first() or Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


@pytest.fixture
def demo(live_server) -> str:
    """The demo content, loaded afresh for each test (live_server flushes the database after it).

    Returns the live server's base URL. The demo Site (localhost:80) is the default site, so
    requests to the live server's host and port are served from it.
    """
    ensure_wagtail_roots()
    call_command("load_demo", verbosity=0)
    return live_server.url


def serve_media(route) -> None:
    """Answers a media request from the test storage, which the live server does not serve."""
    name = unquote(urlsplit(route.request.url).path).removeprefix(settings.MEDIA_URL)
    if not name or not default_storage.exists(name):
        route.fulfill(status=404)
        return
    with default_storage.open(name) as media_file:
        body = media_file.read()
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    route.fulfill(status=200, body=body, content_type=content_type)


@pytest.fixture
def open_page(new_context):
    """Opens a tab in a fresh browser context sized like a "phone" or a "desktop"."""

    def _open(device: str, **context_args):
        context = new_context(**DEVICES[device], **context_args)
        # The live server answers in milliseconds; fail fast instead of waiting 30 s.
        context.set_default_timeout(10_000)
        context.route(lambda url: urlsplit(url).path.startswith(settings.MEDIA_URL), serve_media)
        return context.new_page()

    return _open


@pytest.fixture
def phone_page(open_page):
    return open_page("phone")


@pytest.fixture
def desktop_page(open_page):
    return open_page("desktop")


@pytest.fixture
def live_site(live_server, request):
    """The root conftest's small bilingual `site_tree` on the live server, without the full demo.

    Returns a namespace: `.url` (the live server's base URL) and `.tree` (the `site_tree`).
    """
    ensure_wagtail_roots()
    return SimpleNamespace(url=live_server.url, tree=request.getfixturevalue("site_tree"))
