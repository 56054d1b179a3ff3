"""Every refused request (401, 403 for a permission or a CSRF failure, 429) is in the security
log "sigurt.audit": who, from where, method and path (no query string, no token), status and
reason. Answers that are not refusals are not logged there."""

import logging

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import path

from accounts.factories import UserFactory
from ambassadors.factories import InvitationFactory
from config.urls import urlpatterns as site_urls

pytestmark = pytest.mark.django_db

AUDIT = "sigurt.audit"
INVITE = "/en/network/invitations/new/"


def needs_credentials(request):
    return HttpResponse("Who are you?", status=401)


# Only for test_a_401_is_logged, which swaps in this URLconf.
urlpatterns = [
    path("needs-credentials/", needs_credentials),
    *site_urls,
]


def refusals(caplog) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == AUDIT and "refused" in r.getMessage()
    ]


@pytest.fixture
def audit_log(caplog):
    caplog.set_level(logging.INFO)
    return caplog


def test_a_permission_denied_is_logged_with_who_where_and_the_path(audit_log):
    person = UserFactory()
    client = Client(REMOTE_ADDR="10.1.2.3")
    client.force_login(person)

    response = client.get(f"{INVITE}?school=5&email=someone@example.org")

    assert response.status_code == 403
    assert refusals(audit_log) == [
        f"refused status=403 reason=permission_denied user={person.pk} ip=10.1.2.3 "
        f"method=GET path={INVITE}"
    ]
    assert "someone@example.org" not in audit_log.text


def test_behind_a_trusted_proxy_the_readers_address_is_logged(audit_log, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    client.force_login(UserFactory())

    assert client.get(INVITE).status_code == 403
    assert "ip=203.0.113.9 " in refusals(audit_log)[0]


def test_a_csrf_failure_is_logged(audit_log):
    client = Client(enforce_csrf_checks=True, REMOTE_ADDR="10.4.5.6")

    response = client.post("/en/accounts/login/", {"login": "x", "password": "y"})

    assert response.status_code == 403
    assert refusals(audit_log) == [
        "refused status=403 reason=csrf user=anonymous ip=10.4.5.6 method=POST "
        "path=/en/accounts/login/"
    ]


def test_a_rate_limited_request_is_logged_without_the_token_in_its_path(audit_log, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "invitation": "1/h/ip"}
    invitation = InvitationFactory()
    client = Client(REMOTE_ADDR="10.7.8.9")
    accept = f"/en/network/invitations/{invitation.token}/"
    # allauth's rate limits count submissions: an empty one is answered with the form again.
    assert client.post(accept, {}).status_code == 200

    response = client.post(accept, {})

    assert response.status_code == 429
    assert refusals(audit_log) == [
        "refused status=429 reason=rate_limited user=anonymous ip=10.7.8.9 method=POST "
        "path=/en/network/invitations/<token>/"
    ]
    # Django's own line about the 429 ("Too Many Requests: /path") hides the token too.
    assert "Too Many Requests: /en/network/invitations/<token>/" in audit_log.text
    assert invitation.token not in audit_log.text


@pytest.mark.urls(__name__)
def test_a_401_is_logged(audit_log):
    response = Client(REMOTE_ADDR="10.0.0.9").get("/needs-credentials/?secret=1")

    assert response.status_code == 401
    assert refusals(audit_log) == [
        "refused status=401 reason=unauthorized user=anonymous ip=10.0.0.9 method=GET "
        "path=/needs-credentials/"
    ]


def test_answers_that_are_not_refusals_are_not_logged_as_refused(audit_log):
    client = Client()
    assert client.get("/en/accounts/login/").status_code == 200
    assert client.get("/en/accounts/sessions/").status_code == 302
    assert client.get("/en/no-such-page/").status_code == 404

    assert refusals(audit_log) == []
