"""Logging in: messages that never tell whether an account exists, rate limits, verified email."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from accounts.factories import UserFactory

from .conftest import PASSWORD, albanian

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"


@pytest.fixture
def login_form(settings):
    """The project's login form, as the lead wires it with ACCOUNT_FORMS."""
    settings.ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}


def _page_without(response, *typed: str) -> str:
    """The page as text, minus what differs by nature: the CSRF token and the typed login."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    for value in typed:
        html = html.replace(value, "TYPED")
    return html


def _errors(response) -> list[str]:
    return [str(error) for error in response.context["form"].non_field_errors()]


@pytest.mark.parametrize(
    "existing, missing",
    [("drita", "dritan"), ("drita@example.org", "dritan@example.org")],
    ids=["username", "email"],
)
def test_a_wrong_password_and_an_unknown_account_get_the_same_answer(
    client, adult, site_tree, allauth_login, existing, missing
):
    wrong_password = allauth_login(client, existing, "not-the-password")
    unknown_account = allauth_login(client, missing, "not-the-password")

    assert wrong_password.status_code == unknown_account.status_code == 200
    assert _errors(wrong_password) == _errors(unknown_account)
    assert _errors(wrong_password), "a failed login must say so"
    assert _page_without(wrong_password, existing) == _page_without(unknown_account, missing)
    assert "_auth_user_id" not in client.session


def test_an_ambassador_and_a_made_up_username_get_the_same_answer(
    client, ambassador, site_tree, allauth_login
):
    known = allauth_login(client, "arta.h", "wrong-one")
    unknown = allauth_login(client, "arta.x", "wrong-one")

    assert _errors(known) == _errors(unknown)


def test_failed_logins_are_limited_per_account_even_with_the_right_password_after(
    client, adult, site_tree, allauth_login
):
    for _ in range(5):
        allauth_login(client, "drita@example.org", "guess")

    response = allauth_login(client, "drita@example.org", PASSWORD)

    assert response.status_code == 200
    # allauth's message (allauth/account/adapter.py), as the Albanian page shows it.
    too_many = albanian("Too many failed login attempts. Try again later.")
    assert escape(too_many) in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_adult_with_a_verified_email_logs_in_with_email(client, adult, site_tree, allauth_login):
    response = allauth_login(client, "drita@example.org")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(adult.pk)


def test_an_unverified_email_must_be_confirmed_first(client, site_tree, allauth_login):
    user = UserFactory(username="new.teacher", email="new.teacher@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    by_email = allauth_login(client, "new.teacher@example.org")
    by_username = allauth_login(client, "new.teacher")

    for response in (by_email, by_username):
        assert response.status_code == 302
        assert response["Location"].endswith("/accounts/confirm-email/")
    assert "_auth_user_id" not in client.session
    assert mail.outbox, "a verification email is sent"


def test_an_email_on_the_account_but_not_in_allauth_is_not_a_way_round_verification(
    client, site_tree, allauth_login
):
    UserFactory(username="legacy", email="legacy@example.org")

    response = allauth_login(client, "legacy")

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/confirm-email/")


def test_an_ambassador_without_email_logs_in_with_their_username(
    client, ambassador, site_tree, allauth_login
):
    response = allauth_login(client, "Arta.H")

    assert response.status_code == 302
    assert "confirm-email" not in response["Location"]
    assert client.session["_auth_user_id"] == str(ambassador.pk)


def test_a_deactivated_ambassador_cannot_log_in(client, ambassador, site_tree, allauth_login):
    ambassador.is_active = False
    ambassador.save()

    allauth_login(client, "arta.h")

    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_login_page_offers_no_sign_up_and_shows_the_way_to_set_up_with_a_code(
    client, site_tree, parse_html, prefix
):
    page = parse_html(client.get(prefix + LOGIN_URL))

    assert prefix + "/accounts/setup/" in page.hrefs()
    assert prefix + "/accounts/privacy/" in page.hrefs()
    assert prefix + "/accounts/signup/" not in page.hrefs()
    # allauth's wording for it, in the page's language.
    with translation.override(page.lang):
        assert gettext("Sign Up").lower() not in page.text.lower()
    assert "sign up" not in page.text.lower()


def test_the_project_login_form_has_a_real_label_and_username_autocomplete(
    client, site_tree, login_form
):
    html = client.get("/en" + LOGIN_URL).content.decode()

    assert '<label for="id_login">Username or email' in html
    assert re.search(r'<input[^>]*name="login"[^>]*autocomplete="username"', html)
    assert re.search(r'<input[^>]*name="login"[^>]*autocapitalize="none"', html)
    assert 'autocomplete="current-password"' in html
    assert "placeholder=" not in html


def test_the_project_login_form_still_logs_in(
    client, ambassador, site_tree, login_form, allauth_login
):
    allauth_login(client, "arta.h")

    assert client.session["_auth_user_id"] == str(ambassador.pk)


def test_password_reset_does_not_tell_whether_an_email_is_known(client, adult, site_tree):
    known = client.post("/accounts/password/reset/", {"email": "drita@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
