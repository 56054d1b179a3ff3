"""The privacy notice, downloading one's data and deleting one's own account."""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape

from accounts.factories import UserFactory
from accounts.models import ParentalConsent, User
from ambassadors.factories import MembershipFactory
from ambassadors.models import Membership

from .conftest import PASSWORD, albanian

pytestmark = pytest.mark.django_db

PRIVACY = "/accounts/privacy/"
EXPORT = "/accounts/privacy/export/"
DELETE = "/accounts/privacy/delete/"


def test_url_names():
    assert reverse("accounts:privacy") == PRIVACY
    assert reverse("accounts:privacy_export") == EXPORT
    assert reverse("accounts:privacy_delete") == DELETE


# --- Notice ----------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_notice_is_public_in_both_languages(client, site_tree, parse_html, prefix):
    response = client.get(prefix + PRIVACY)

    assert response.status_code == 200
    page = parse_html(response)
    assert page.lang == ("en" if prefix else "sq")
    assert prefix + EXPORT in page.hrefs()
    assert prefix + DELETE in page.hrefs()


def test_the_notice_says_what_we_keep_never_collect_for_how_long_and_your_rights(
    client, site_tree, parse_html, settings
):
    settings.AMBASSADOR_RETENTION_DAYS = 45
    site_tree.settings.contact_email = "privacy@example.org"
    site_tree.settings.save()

    page = parse_html(client.get("/en" + PRIVACY))

    for heading in ("What we keep", "What we never collect", "How long we keep it", "Your rights"):
        assert heading in page.text
    assert "first name and the first letter of your last name" in page.text
    assert "45 days after your last school year ends" in page.text
    assert "We never ask what happened" in page.text
    assert "tel:116111" in page.hrefs()
    assert "mailto:privacy@example.org" in page.hrefs()
    assert "ask your teacher" in page.text.lower()


# --- Export ----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_export_needs_a_login(client, site_tree, method):
    response = getattr(client, method)(EXPORT)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_export_page_offers_a_download_button_and_sends_nothing_on_get(
    client, adult, site_tree, parse_html
):
    client.force_login(adult)

    response = client.get(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert 'method="post"' in html and escape(albanian("Download my data")) in html
    assert "drita@example.org" not in html


def test_export_downloads_the_persons_own_data_as_json(client, ambassador, adult, site_tree):
    membership = MembershipFactory(ambassador=True, user=ambassador)
    ParentalConsent.objects.create(
        user=ambassador, given_by="mother", given_on="2025-09-15", recorded_by=adult
    )
    MembershipFactory(user=adult, school=membership.school)
    client.force_login(ambassador)

    response = client.post(EXPORT)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == 'attachment; filename="sigurt-data.json"'
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "arta.h"
    assert data["parental_consent"] == {"given_by": "mother", "given_on": "2025-09-15"}
    assert [m["role"] for m in data["memberships"]] == ["ambassador"]
    assert data["memberships"][0]["school"] == membership.school.name
    assert "drita" not in response.content.decode(), "nobody else's data"


# --- Delete ----------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["get", "post"])
def test_delete_needs_a_login(client, site_tree, method):
    response = getattr(client, method)(DELETE)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_a_minor_is_told_to_ask_their_teacher_and_cannot_delete(client, ambassador, site_tree):
    client.force_login(ambassador)

    page = client.get(DELETE)
    attempt = client.post(DELETE, {"password": PASSWORD})

    assert page.status_code == 200
    ask_your_teacher = albanian(
        "If you want your account deleted, ask your teacher. They can delete it for you."
    )
    assert escape(ask_your_teacher) in page.content.decode()
    assert 'type="password"' not in page.content.decode()
    assert attempt.status_code == 403
    assert User.objects.filter(pk=ambassador.pk).exists()


def test_an_adult_sees_a_password_confirmation(client, adult, site_tree):
    client.force_login(adult)

    html = client.get(DELETE).content.decode()

    assert 'autocomplete="current-password"' in html
    assert '<label for="id_password"' in html


def test_a_wrong_password_deletes_nothing(client, adult, site_tree):
    client.force_login(adult)

    response = client.post(DELETE, {"password": "not-my-password"})

    assert response.status_code == 200
    wrong = albanian("That is not your password. Nothing was deleted.")
    assert escape(wrong) in response.content.decode()
    assert User.objects.filter(pk=adult.pk).exists()
    assert client.session["_auth_user_id"] == str(adult.pk)


def test_an_empty_password_deletes_nothing(client, adult, site_tree):
    client.force_login(adult)

    response = client.post(DELETE, {})

    assert response.status_code == 200
    assert User.objects.filter(pk=adult.pk).exists()


def test_the_right_password_deletes_the_account_and_keeps_the_schools_history(
    client, adult, site_tree
):
    membership = MembershipFactory(user=adult)
    client.force_login(adult)

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not User.objects.filter(pk=adult.pk).exists()
    assert "_auth_user_id" not in client.session
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages == [albanian("Your account and your personal data have been deleted.")]
    membership = Membership.objects.get(pk=membership.pk)
    assert membership.user is None
    assert membership.school_id and membership.role


def test_in_english_the_person_lands_on_the_english_home(client, adult, site_tree):
    client.force_login(adult)

    response = client.post("/en" + DELETE, {"password": PASSWORD})

    assert response["Location"] == "/en/"


def test_a_second_post_after_deletion_does_no_harm(client, adult, site_tree):
    other = UserFactory(username="other", email="other@example.org")
    client.force_login(adult)
    client.post(DELETE, {"password": PASSWORD})

    again = client.post(DELETE, {"password": PASSWORD})

    assert again.status_code == 302
    assert again["Location"].startswith("/accounts/login/")
    assert User.objects.filter(pk=other.pk).exists()


def test_password_guesses_are_rate_limited(client, adult, site_tree):
    client.force_login(adult)
    for _ in range(10):
        client.post(DELETE, {"password": "guess"})

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 429
    too_many = albanian("Too many tries. Nothing was deleted. Wait a minute and try again.")
    assert escape(too_many) in response.content.decode()
    assert User.objects.filter(pk=adult.pk).exists()
