"""The resource library in Chromium on a phone: filter (with and without JavaScript), what a
network member sees and downloads that others do not, and WCAG 2.2 AA checks with axe."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

# The download check; lessons/wagtail_hooks.py imports the same module once the app is wired.
import lessons.resource_admin  # noqa: F401
from ambassadors.factories import MembershipFactory
from ambassadors.models import Role
from lessons.resource_demo import load_library_demo
from lessons.resources import Resource, ResourceKind

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def library(live_site, settings, tmp_path):
    """The small bilingual site with the demo library; files on disk and served by Wagtail's view
    (the test storage keeps files in memory, where the view cannot stream them from)."""
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    summary = load_library_demo()
    return live_site.url, summary.pages


def check_axe(page: Page, label: str) -> None:
    result = Axe().run(page, options=AXE_OPTIONS)
    assert result.violations_count == 0, f"{label}\n{result.generate_report()}"


def visit(page: Page, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url} answered {response}"


def titles(page: Page) -> set[str]:
    links = page.locator("main .resource__title a")
    return {links.nth(i).inner_text().strip() for i in range(links.count())}


def public(**filters) -> set[str]:
    return set(
        Resource.objects.filter(members_only=False, **filters).values_list("title", flat=True)
    )


# The live server shares the test's in-memory database connection: every ORM read a test needs is
# made before the browser starts asking, never while a page may still be loading.


def test_filter_the_library_on_a_phone(library, open_page):
    base, pages = library
    everything, posters = public(), public(kind=ResourceKind.POSTER)
    assert len(posters) >= 2, "The demo needs public posters"
    page = open_page("phone")
    visit(page, base + pages["sq"].url)

    expect(page.locator("html")).to_have_attribute("lang", "sq")
    assert titles(page) == everything
    check_axe(page, "library, sq, phone")

    page.locator('select[name="kind"]').select_option(ResourceKind.POSTER)
    page.locator("form.filters").get_by_role("button").click()

    expect(page).to_have_url(re.compile(r"[?&]kind=poster(&|$)"))
    page.wait_for_load_state()
    assert titles(page) == posters
    expect(page.locator("main .resource__file").first).to_contain_text(re.compile(r"PDF · \d"))
    check_axe(page, "library filtered by kind, sq, phone")


def test_filter_and_search_without_javascript(library, open_page):
    base, pages = library
    expected = {
        resource.title
        for resource in Resource.objects.filter(members_only=False, language="en")
        if "poster" in f"{resource.title} {resource.description}".lower()
    }
    assert expected, "The demo needs a public English poster"
    page = open_page("phone", java_script_enabled=False)
    visit(page, base + pages["en"].url)

    page.locator('select[name="language"]').select_option("en")
    page.locator('form.filters input[name="q"]').fill("poster")
    page.locator("form.filters").get_by_role("button").click()

    expect(page).to_have_url(re.compile(r"[?&]language=en(&|$)"))
    page.wait_for_load_state()
    assert titles(page) == expected
    # No axe here: it runs as a script, which this page does not allow.


def test_a_member_sees_and_downloads_what_anonymous_readers_cannot(library, open_page):
    base, pages = library
    members_only = Resource.objects.filter(members_only=True).select_related("document").first()
    assert members_only is not None, "The demo needs members-only resources"
    file_url = base + members_only.document.url
    client = Client()
    client.force_login(MembershipFactory(role=Role.ICT_TEACHER).user)
    session_cookie = {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": base,
    }

    anonymous = open_page("phone")
    visit(anonymous, base + pages["en"].url)
    assert members_only.title not in titles(anonymous)
    check_axe(anonymous, "library, en, phone")
    download = anonymous.request.get(file_url, max_redirects=0)
    assert download.status == 302
    assert download.headers["location"].startswith("/accounts/login/?next=")

    page = open_page("phone")
    page.context.add_cookies([session_cookie])
    visit(page, base + pages["en"].url)

    assert members_only.title in titles(page)
    expect(page.locator("main .resource__members").first).to_be_visible()
    check_axe(page, "library as a network member, en, phone")
    download = page.request.get(file_url)
    assert download.status == 200
    assert download.body().startswith(b"%PDF")
