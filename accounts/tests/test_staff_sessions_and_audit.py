"""Admin users' sessions end after 12 hours or 30 idle minutes; logins, failures and logouts
are logged without passwords, usernames or addresses."""

import logging

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from accounts import middleware
from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

MINUTE, HOUR = 60, 3600


@pytest.fixture
def clock(monkeypatch):
    """The middleware's clock, moved by hand: `clock.now += seconds`."""

    class Clock:
        now = 1_800_000_000

    monkeypatch.setattr(middleware, "now", lambda: Clock.now)
    return Clock


def admin_person():
    user = UserFactory(email="editor@example.org")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def signed_in(response) -> bool:
    return response.status_code == 200


def test_an_admin_session_ends_after_30_idle_minutes(client, site_tree, clock):
    client.force_login(admin_person())
    assert signed_in(client.get("/admin/"))

    clock.now += 29 * MINUTE
    assert signed_in(client.get("/admin/"))
    clock.now += 31 * MINUTE
    response = client.get("/admin/")

    assert response.status_code == 302 and reverse("account_login") in response["Location"]
    assert "_auth_user_id" not in client.session


def test_an_admin_session_ends_12_hours_after_it_began_however_busy(client, site_tree, clock):
    client.force_login(admin_person())
    for _ in range(12 * 3):  # a request every 20 minutes for 12 hours
        assert signed_in(client.get("/admin/"))
        clock.now += 20 * MINUTE
    clock.now += MINUTE

    assert client.get("/admin/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_other_people_keep_their_sessions(client, site_tree, clock):
    client.force_login(UserFactory())
    assert client.get(reverse("network:home")).status_code in (200, 302)
    clock.now += 3 * HOUR

    client.get(reverse("network:home"))
    assert "_auth_user_id" in client.session


def test_logins_failures_and_logouts_are_logged_without_secrets(client, site_tree, caplog):
    # No email address: such accounts (ambassadors) log in without an email step.
    UserFactory(username="artah10", email="", first_name="Arta")
    caplog.set_level(logging.INFO, logger="sigurt.audit")

    client.post(reverse("account_login"), {"login": "artah10", "password": "Gabim-12345"})
    client.post(reverse("account_login"), {"login": "artah10", "password": "password"})
    client.post(reverse("account_logout"))

    messages = [record.getMessage() for record in caplog.records if record.name == "sigurt.audit"]
    assert [message.split(" ip=")[0].rsplit(" ", 1)[0] for message in messages] == [
        "login failed",
        "login ok",
        "logout",
    ]
    assert all("ip=127.0.0.1" in message for message in messages)
    everything = " ".join(messages)
    for secret in ("Gabim-12345", "password", "artah10", "Arta"):
        assert secret not in everything
