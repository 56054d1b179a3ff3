"""The admins' own login pages, and Wagtail's for private pages, hand over to allauth's, where
rate limits and two-factor authentication apply."""

import pytest
from wagtail.models import PageViewRestriction

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, expected_next",
    [
        ("/admin/login/", "%2Fadmin%2F"),
        ("/admin/login/?next=/admin/pages/3/", "%2Fadmin%2Fpages%2F3%2F"),
        ("/django-admin/login/", "%2Fdjango-admin%2F"),
        ("/django-admin/login/?next=/django-admin/auth/", "%2Fdjango-admin%2Fauth%2F"),
        ("/_util/login/", "%2F"),
    ],
)
def test_admin_login_pages_go_to_allauths_login(client, site_tree, path, expected_next):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={expected_next}"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_a_next_address_elsewhere_is_ignored(client, site_tree, next_url):
    response = client.get("/admin/login/", {"next": next_url})

    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_a_post_to_the_old_form_logs_nobody_in(client, site_tree, adult):
    response = client.post("/admin/login/", {"username": "drita", "password": "password"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_the_admin_sends_anonymous_visitors_to_allauth(client, site_tree):
    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_private_page_sends_readers_to_allauths_login(client, site_tree):
    page = StandardPageFactory(parent=site_tree.sq.home, title="Vetëm për rrjetin")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={page.url}"


def test_wagtails_login_in_english_goes_to_the_english_login(client, site_tree):
    response = client.get("/en/_util/login/", {"next": "/en/about/"})

    assert response["Location"] == "/en/accounts/login/?next=%2Fen%2Fabout%2F"
