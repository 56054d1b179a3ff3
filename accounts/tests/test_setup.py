"""An ambassador without email sets up their account with the one-time code from their teacher."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts.factories import UserFactory
from accounts.models import SetupCode, User
from accounts.selectors import network_home_url
from accounts.services import setup_code_issue

from .conftest import PASSWORD, albanian

URL = "/accounts/setup/"
NEW_PASSWORD = "river-kite-lantern-42"
# The answer to every failed setup (accounts/views.py), in English as in the code.
FAILED = (
    "That username and code do not match, or the code has expired. Ask your teacher for a new code."
)


def shows(response, msgid: str) -> bool:
    """Whether the (Albanian) page shows the message `msgid`, as its template escapes it."""
    return escape(albanian(msgid)) in response.content.decode()


pytestmark = pytest.mark.django_db


@pytest.fixture
def code(ambassador, adult):
    return setup_code_issue(user=ambassador, created_by=adult)


def post(client, username, code, password=NEW_PASSWORD, password2=None):
    return client.post(
        URL,
        {
            "username": username,
            "code": code,
            "password1": password,
            "password2": password if password2 is None else password2,
        },
    )


def password_unchanged(user) -> bool:
    user.refresh_from_db()
    return user.check_password(PASSWORD) and not user.check_password(NEW_PASSWORD)


def test_the_url_and_its_name(client, site_tree):
    assert reverse("accounts:setup") == URL
    assert client.get("/en/accounts/setup/").status_code == 200


def test_the_form_helps_phones_and_password_managers(client, site_tree, parse_html):
    response = client.get(URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="username"' in html and 'autocomplete="username"' in html
    assert 'autocomplete="one-time-code"' in html
    assert html.count('autocomplete="new-password"') == 2
    assert 'autocapitalize="none"' in html
    # Every field has a visible label tied to it.
    for field in ("username", "code", "password1", "password2"):
        assert f'<label for="id_{field}"' in html
    assert "no-store" in response["Cache-Control"]
    # The page works without JavaScript: no script at all.
    assert "<script" not in html


def test_the_right_code_sets_the_password_logs_in_and_opens_the_school_space(
    client, ambassador, code, site_tree
):
    response = post(client, "arta.h", code)

    assert response.status_code == 302
    assert response["Location"] == network_home_url()
    ambassador.refresh_from_db()
    assert ambassador.check_password(NEW_PASSWORD)
    assert not SetupCode.objects.filter(user=ambassador).exists()
    assert client.session["_auth_user_id"] == str(ambassador.pk)


def test_the_code_is_forgiving_about_case_spaces_and_dashes(client, ambassador, code, site_tree):
    typed = " " + code.lower().replace("-", " ") + " "

    response = post(client, "Arta.H", typed)

    assert response.status_code == 302
    ambassador.refresh_from_db()
    assert ambassador.check_password(NEW_PASSWORD)


def test_the_code_works_only_once(client, ambassador, code, site_tree):
    assert post(client, "arta.h", code).status_code == 302
    client.logout()

    response = post(client, "arta.h", code, password="another-long-phrase-77")

    assert response.status_code == 200
    assert shows(response, FAILED)
    ambassador.refresh_from_db()
    assert ambassador.check_password(NEW_PASSWORD)


def test_a_wrong_code_changes_nothing_and_says_what_to_do(client, ambassador, code, site_tree):
    response = post(client, "arta.h", "ABCDE-FGHJK" if code != "ABCDE-FGHJK" else "ZZZZZ-ZZZZZ")

    assert response.status_code == 200
    assert shows(response, FAILED)
    assert 'role="alert"' in response.content.decode()
    assert password_unchanged(ambassador)
    assert SetupCode.objects.filter(user=ambassador).exists()
    assert "_auth_user_id" not in client.session


def test_an_unknown_username_gets_the_very_same_answer(client, ambassador, code, site_tree):
    wrong_code = post(client, "arta.h", "ABCDE-FGHJK" if code != "ABCDE-FGHJK" else "ZZZZZ-ZZZZZ")
    nobody = post(client, "nobody.here", code)

    def errors(response):
        return response.context["form"].non_field_errors()

    assert wrong_code.status_code == nobody.status_code == 200
    assert errors(wrong_code) == errors(nobody)
    assert "nobody.here" not in str(errors(nobody))


def test_an_expired_code_gets_the_same_answer(client, ambassador, code, site_tree):
    SetupCode.objects.filter(user=ambassador).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    response = post(client, "arta.h", code)

    assert shows(response, FAILED)
    assert password_unchanged(ambassador)


def test_a_deactivated_account_cannot_be_set_up(client, ambassador, code, site_tree):
    User.objects.filter(pk=ambassador.pk).update(is_active=False)

    response = post(client, "arta.h", code)

    assert shows(response, FAILED)
    assert password_unchanged(ambassador)


def test_passwords_that_differ_change_nothing(client, ambassador, code, site_tree):
    response = post(client, "arta.h", code, password2="something-else-entirely")

    assert response.status_code == 200
    assert shows(response, "The two passwords are not the same. Type them again.")
    assert password_unchanged(ambassador)
    assert SetupCode.objects.filter(user=ambassador).exists()


@pytest.mark.parametrize("weak", ["1234", "12345678901", "password123"])
def test_weak_passwords_are_refused_and_the_code_keeps_working(
    client, ambassador, code, site_tree, weak
):
    response = post(client, "arta.h", code, password=weak)

    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert password_unchanged(ambassador)
    assert post(client, "arta.h", code).status_code == 302


def test_a_password_like_the_persons_name_is_refused_and_nothing_changes(
    client, ambassador, code, site_tree
):
    # Only knowable once the code matched: the account check runs inside the same transaction.
    response = post(client, "arta.h", code, password="arta.hoxha")

    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    assert password_unchanged(ambassador)
    assert SetupCode.objects.filter(user=ambassador).exists()


def test_too_many_tries_are_refused_with_429_even_with_the_right_code(
    client, ambassador, code, site_tree
):
    for _ in range(5):
        assert post(client, "arta.h", "WRONG-CODE2").status_code == 200

    response = post(client, "ARTA.H", code)

    assert response.status_code == 429
    assert shows(
        response,
        "Too many tries. Nothing was changed. Wait 15 minutes and try again, "
        "or ask your teacher for help.",
    )
    assert password_unchanged(ambassador)
    assert SetupCode.objects.filter(user=ambassador).exists()


def test_the_limit_per_username_does_not_lock_out_another_child(client, ambassador, site_tree):
    other = UserFactory(username="besa.k", email="", is_minor=True)
    other_code = setup_code_issue(user=other, created_by=None)
    for _ in range(5):
        post(client, "arta.h", "WRONG-CODE2")

    assert post(client, "besa.k", other_code).status_code == 302


def test_an_invalid_form_does_not_use_up_tries(client, ambassador, code, site_tree):
    for _ in range(8):
        post(client, "arta.h", code, password2="does-not-match-at-all")

    assert post(client, "arta.h", code).status_code == 302


def test_after_setup_the_ambassador_logs_in_with_username_and_no_email(
    client, ambassador, code, site_tree, allauth_login
):
    post(client, "arta.h", code)
    client.logout()

    response = allauth_login(client, "arta.h", NEW_PASSWORD)

    assert response.status_code == 302
    assert "verification" not in response["Location"]
    assert client.session["_auth_user_id"] == str(ambassador.pk)
