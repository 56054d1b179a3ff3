"""The demo loader builds a complete bilingual site and can be run again without duplicating it.

Plain django_db: runs the same on SQLite and PostgreSQL.
"""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from home.models import HomePage, SiteSettings


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "tags": Tag.objects.count(),
        "users": get_user_model().objects.count(),
        "sites": Site.objects.count(),
        "locales": Locale.objects.count(),
        "site settings": SiteSettings.objects.count(),
    }


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for this module in a transaction that is rolled back after it.

    Returns the object counts after the first run. Each test still runs in its own savepoint.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo()
        yield counts()
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_load_demo_twice_creates_nothing_twice(demo):
    first = demo

    load_demo()

    assert counts() == first
    assert first["pages"] > 10
    assert first["images"] > 0
    assert first["documents"] > 0
    assert first["tags"] > 0
    assert first["users"] >= 1


@pytest.mark.django_db
def test_load_demo_translates_every_albanian_page(demo):
    sq = Locale.objects.get(language_code="sq")
    en = Locale.objects.get(language_code="en")
    sq_pages = Page.objects.filter(locale=sq, depth__gt=1)

    untranslated = [page.url_path for page in sq_pages if not page.has_translation(en)]

    assert sq_pages.exists()
    assert untranslated == []
    assert Page.objects.filter(locale=en, depth__gt=1).count() == sq_pages.count()


@pytest.mark.django_db
def test_load_demo_makes_the_albanian_home_the_default_site(demo):
    site = Site.objects.get(is_default_site=True)

    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "sq"
    # Wagtail's welcome page is gone: the home page is the only page at the top in Albanian.
    assert Page.objects.filter(depth=2, locale__language_code="sq").count() == 1
    settings = SiteSettings.for_site(site)
    assert settings.helpline_number == "116 111"
    assert settings.report_url


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "language"), [("/", "sq"), ("/en/", "en")])
def test_demo_home_pages_render(client, demo, parse_html, url, language):
    response = client.get(url)

    assert response.status_code == 200
    parsed = parse_html(response)
    assert parsed.lang == language
    assert "tel:116111" in parsed.hrefs()


@pytest.mark.django_db
def test_every_demo_page_renders(client, demo):
    failures = []
    for page in Page.objects.filter(depth__gt=1).live().specific():
        response = client.get(page.url)
        # Members-only courses send anonymous readers to log in.
        expected = 302 if getattr(page, "members_only", False) else 200
        if response.status_code != expected:
            failures.append((page.url, response.status_code))

    assert failures == []
