"""Fixtures for the account tests.

- `adult`: a teacher with a verified email address (password "password").
- `ambassador`: a minor without email, with a username only (password "password").
- `allauth_login(client, login, password)`: logs in through allauth's real login view.
- `staff_mfa_required`: turns on the staff MFA middleware and setting for one test.
- `totp_code(secret)`: the code an authenticator app would show now.
- `albanian(msgid)`: a message as the Albanian pages (the default language, at "/") show it.
"""

import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.utils import translation
from django.utils.translation import gettext

from accounts.factories import UserFactory

PASSWORD = "password"
MFA_MIDDLEWARE = "accounts.middleware.RequireStaffMFAMiddleware"


def albanian(msgid: str) -> str:
    """The Albanian translation of `msgid` (the exact, full source string in the code)."""
    with translation.override("sq"):
        return gettext(msgid)


@pytest.fixture
def adult(db):
    user = UserFactory(
        username="drita", email="drita@example.org", first_name="Drita", last_name="Kola"
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.fixture
def ambassador(db):
    return UserFactory(
        username="arta.h", email="", is_minor=True, first_name="Arta", last_name="Hoxha"
    )


@pytest.fixture
def allauth_login():
    def login(client, login: str, password: str = PASSWORD, **extra):
        return client.post("/accounts/login/", {"login": login, "password": password, **extra})

    return login


@pytest.fixture
def staff_mfa_required(settings):
    if MFA_MIDDLEWARE not in settings.MIDDLEWARE:
        settings.MIDDLEWARE = [*settings.MIDDLEWARE, MFA_MIDDLEWARE]
    settings.REQUIRE_STAFF_MFA = True
    return settings


@pytest.fixture
def totp_code():
    def code(secret: str) -> str:
        period = mfa_settings.TOTP_PERIOD
        # Stay clear of a period boundary, where the server could already expect the next code.
        if period - time.time() % period < 2:
            time.sleep(2)
        return format_hotp_value(hotp_value(secret, int(time.time()) // period))

    return code
