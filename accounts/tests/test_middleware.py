"""Staff who can open an admin must use two-factor authentication (TOTP with recovery codes)."""

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY, TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils.html import escape

from accounts.factories import UserFactory

from .conftest import PASSWORD, albanian

pytestmark = pytest.mark.django_db

ACTIVATE_URL = "/accounts/2fa/totp/activate/"
# The reason given with the redirect (accounts/middleware.py), in English as in the code.
SET_UP_REASON = (
    "Before you use the admin, set up two-factor authentication: it keeps "
    "children's data safe even if someone learns your password. Scan the code "
    "with an authenticator app and type the six digits it shows."
)


def _verified(user):
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def editor(db):
    """A Wagtail editor: can open the admin through the group, without is_staff."""
    user = _verified(UserFactory(username="editor", email="editor@example.org"))
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def django_staff(db):
    return _verified(UserFactory(username="staff", email="staff@example.org", is_staff=True))


@pytest.fixture
def superuser(db):
    return _verified(
        UserFactory(username="root", email="root@example.org", is_staff=True, is_superuser=True)
    )


def _with_totp(user) -> str:
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def test_the_activate_page_is_allauths():
    assert reverse("mfa_activate_totp") == ACTIVATE_URL


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/django-admin/"])
@pytest.mark.parametrize("who", ["editor", "django_staff", "superuser"])
def test_staff_without_an_authenticator_are_sent_to_set_one_up(
    client, site_tree, staff_mfa_required, request, who, path
):
    client.force_login(request.getfixturevalue(who))

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == ACTIVATE_URL
    # allauth asks for the password again first, then shows the page; the reason comes along,
    # in the language of the admin request: Albanian, the default outside i18n_patterns.
    follow = client.get(response["Location"], follow=True)
    assert escape(albanian(SET_UP_REASON)) in follow.content.decode()


def test_staff_can_still_log_out_of_the_admin(client, editor, site_tree, staff_mfa_required):
    client.force_login(editor)

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert "2fa" not in response["Location"]
    assert "_auth_user_id" not in client.session


def test_people_who_cannot_use_the_admin_are_not_sent_to_set_up_2fa(
    client, ambassador, site_tree, staff_mfa_required
):
    client.force_login(ambassador)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "2fa" not in response["Location"]
    assert client.get("/accounts/privacy/").status_code == 200


def test_anonymous_visitors_go_to_the_login(client, site_tree, staff_mfa_required):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_staff_outside_the_admin_are_left_alone(client, editor, site_tree, staff_mfa_required):
    client.force_login(editor)

    assert client.get("/accounts/privacy/").status_code == 200


def test_nothing_is_required_when_the_setting_is_off(client, editor, site_tree, staff_mfa_required):
    staff_mfa_required.REQUIRE_STAFF_MFA = False
    client.force_login(editor)

    assert client.get("/admin/").status_code == 200


def test_staff_who_used_their_authenticator_at_login_reach_the_admin(
    client, editor, site_tree, staff_mfa_required, allauth_login, totp_code
):
    secret = _with_totp(editor)

    response = allauth_login(client, "editor@example.org")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session, "the password alone does not log in"
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302

    assert client.get("/admin/").status_code == 200


def test_a_session_that_skipped_the_second_factor_is_logged_out(
    client, editor, site_tree, staff_mfa_required
):
    # As a login form that bypasses allauth would leave it: logged in, no second factor used.
    _with_totp(editor)
    client.force_login(editor)

    response = client.get("/admin/pages/?q=x")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F%3Fq%3Dx"
    assert "_auth_user_id" not in client.session


def test_enrolling_through_allauths_pages_creates_totp_and_recovery_codes(
    client, editor, site_tree, staff_mfa_required, allauth_login, totp_code
):
    assert allauth_login(client, "editor@example.org").status_code == 302
    assert client.get("/admin/")["Location"] == ACTIVATE_URL

    # allauth asks for the password again before adding an authenticator.
    reauthenticate = client.get(ACTIVATE_URL)
    assert reauthenticate["Location"].startswith("/accounts/reauthenticate/")
    resumed = client.post(reauthenticate["Location"], {"password": PASSWORD})
    assert resumed.status_code == 302
    page = client.get(ACTIVATE_URL)
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    assert secret in page.content.decode(), "the secret is shown for manual entry"

    wrong = client.post(ACTIVATE_URL, {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=editor).exists()

    response = client.post(ACTIVATE_URL, {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    types = set(Authenticator.objects.filter(user=editor).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    codes = client.get(response["Location"])
    assert codes.status_code == 200
    # Setting the app up proved the second factor: the admin opens in the same session.
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_is_a_second_factor_too(
    client, editor, site_tree, staff_mfa_required, allauth_login, totp_code
):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    _with_totp(editor)
    recovery = RecoveryCodes.activate(editor)
    allauth_login(client, "editor@example.org")

    client.post("/accounts/2fa/authenticate/", {"code": recovery.get_unused_codes()[0]})

    assert client.get("/admin/").status_code == 200


def test_superusers_without_mfa_are_also_stopped_at_the_django_admin(
    client, superuser, site_tree, staff_mfa_required, allauth_login
):
    allauth_login(client, "root@example.org", PASSWORD)

    assert client.get("/django-admin/")["Location"] == ACTIVATE_URL
