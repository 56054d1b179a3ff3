"""When PostgreSQL does not answer: a friendly 503 with the helpline, never a stack trace, and
the site is back by itself with the database (bench/db_outage.py does it with a real server)."""

import pytest
from django.db import OperationalError, connection
from django.test import Client

from accounts.factories import UserFactory
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def database_refuses(execute, sql, params, many, context):
    raise OperationalError("connection to server at 127.0.0.1, port 5432 failed: refused")


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


def assert_friendly_503(response, settings):
    html = response.content.decode()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "30"
    assert "no-store" in response.headers["Cache-Control"]
    assert settings.FALLBACK_HELPLINE_NUMBER in html
    assert f'href="tel:{settings.FALLBACK_HELPLINE_NUMBER.replace(" ", "")}"' in html
    assert "Traceback" not in html and "OperationalError" not in html and "5432" not in html


def test_a_page_answers_503_with_the_helpline_and_recovers(reader, site_tree, settings):
    page = StandardPageFactory(parent=site_tree.sq.home)
    with connection.execute_wrapper(database_refuses):
        down = reader.get(page.url)
    assert_friendly_503(down, settings)
    assert reader.get(page.url).status_code == 200  # the database is back: so is the page


def test_signed_in_pages_and_forms_answer_503_too(reader, site_tree, settings):
    reader.force_login(UserFactory())
    with connection.execute_wrapper(database_refuses):
        school_space = reader.get("/network/")
        subscribe = reader.post(
            "/newsletter/subscribe/",
            {"email": "prind@example.org", "language": "sq", "consent": "on"},
        )
    assert_friendly_503(school_space, settings)
    assert_friendly_503(subscribe, settings)
    assert reader.get("/network/").status_code in (200, 302)


def test_pages_already_in_the_page_cache_are_still_served(reader, site_tree):
    page = StandardPageFactory(parent=site_tree.sq.home, title="Faqja që mbahet")
    reader.get(page.url)
    with connection.execute_wrapper(database_refuses):
        kept = reader.get(page.url)
    assert kept.status_code == 200 and "Faqja që mbahet" in kept.content.decode()


def test_other_errors_still_give_the_500_page(reader, site_tree):
    page = StandardPageFactory(parent=site_tree.sq.home)

    def bug(execute, sql, params, many, context):
        raise RuntimeError("a bug, not the database")

    with connection.execute_wrapper(bug):
        response = reader.get(page.url)
    assert response.status_code == 500
    assert "Retry-After" not in response.headers
    assert site_tree.settings.helpline_number in response.content.decode()
