"""No secret and no child's data reaches the logs: everything logged, at every level and by every
logger, while people log in, fail, are rate limited, log out, are refused (403, CSRF), reset a
password, accept an invitation and confirm a newsletter subscription, is checked for the
passwords typed, the tokens of the links, the email addresses and the ambassador's name. The
security log's own records must be there, so the check cannot pass on an empty log."""

import logging
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client

from accounts.factories import UserFactory
from ambassadors.factories import InvitationFactory, MembershipFactory, SchoolYearFactory
from ambassadors.models import Role

pytestmark = pytest.mark.django_db

PASSWORD = "Kalimera-Sekret-91"
WRONG_PASSWORD = "Gabim-Fjalekalim-77"
NEW_PASSWORD = "Ri-Fjalekalim-2026!"
INVITEE_PASSWORD = "Mira-Sekret-Pass-42"
TEACHER_EMAIL = "drita.kola@example.org"
INVITEE_EMAIL = "mira.dervishi@example.org"
PARENT_EMAIL = "prind.shkolla@example.org"
AMBASSADOR = {"username": "arta.h", "first_name": "Arta", "last_name": "Hoxha"}
IP = "10.20.30.40"


@pytest.fixture
def all_logs(caplog):
    """Every record of every logger, down to DEBUG, reaches caplog's handler on the root logger:
    loggers with a level of their own (django, wagtail, ...) are opened up for the test."""
    manager = logging.root.manager
    loggers = [each for each in manager.loggerDict.values() if isinstance(each, logging.Logger)]
    saved = [(each, each.level, each.propagate, each.disabled) for each in loggers]
    for each in loggers:
        each.setLevel(logging.NOTSET)
        each.propagate = True
        each.disabled = False
    caplog.set_level(logging.DEBUG)
    yield caplog
    for each, level, propagate, disabled in saved:
        each.setLevel(level)
        each.propagate = propagate
        each.disabled = disabled


@pytest.fixture
def people():
    year = SchoolYearFactory()
    teacher = UserFactory(email=TEACHER_EMAIL, first_name="Drita", last_name="Kola")
    teacher.set_password(PASSWORD)
    teacher.save()
    EmailAddress.objects.create(user=teacher, email=TEACHER_EMAIL, verified=True, primary=True)
    ambassador = UserFactory(email="", is_minor=True, **AMBASSADOR)
    ambassador.set_password(PASSWORD)
    ambassador.save()
    membership = MembershipFactory(user=ambassador, role=Role.AMBASSADOR, school_year=year)
    invitation = InvitationFactory(email=INVITEE_EMAIL, school=membership.school)
    return teacher, ambassador, invitation


def link(path_pattern: str) -> str:
    """The path of the link matching `path_pattern` in the last email sent."""
    found = re.search(rf"https?://[^/\s]+({path_pattern})", mail.outbox[-1].body)
    assert found, mail.outbox[-1].body
    return found.group(1)


def everything_logged(caplog) -> list[str]:
    """Each record's formatted message and its arguments, as text; the traceback too, for
    records at INFO and above. (django.template's DEBUG records carry a whole template context,
    tokens included, in their traceback: LOG_LEVEL=DEBUG is for a developer's machine only.)"""
    texts = []
    for record in caplog.records:
        texts += [record.getMessage(), repr(record.args), str(record.msg)]
        if record.exc_info and record.levelno >= logging.INFO:
            texts.append(logging.Formatter().formatException(record.exc_info))
    return texts


def test_logs_hold_no_secrets_and_no_childrens_data(all_logs, people, settings):
    teacher, ambassador, invitation = people
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "20/m/ip,3/m/key",
    }
    mail.outbox.clear()
    all_logs.clear()  # what the factories logged while building the test's data

    # A successful login, a refused page (403) and a logout, as the ambassador.
    kid = Client(REMOTE_ADDR=IP)
    assert (
        kid.post("/en/accounts/login/", {"login": "arta.h", "password": PASSWORD}).status_code
        == 302
    )
    assert kid.get("/en/network/invitations/new/?school=1").status_code == 403
    assert kid.post("/en/accounts/logout/").status_code == 302

    # A failed login, then failures until the rate limit refuses even the right password.
    adult = Client(REMOTE_ADDR=IP)
    wrong = {"login": TEACHER_EMAIL, "password": WRONG_PASSWORD}
    assert adult.post("/en/accounts/login/", wrong).status_code == 200
    for _ in range(3):
        adult.post("/en/accounts/login/", wrong)
    limited = adult.post("/en/accounts/login/", {"login": TEACHER_EMAIL, "password": PASSWORD})
    assert limited.status_code == 200 and "_auth_user_id" not in adult.session

    # A CSRF failure while a password is being typed.
    forged = Client(enforce_csrf_checks=True, REMOTE_ADDR=IP)
    assert (
        forged.post("/en/accounts/login/", {"login": "arta.h", "password": PASSWORD}).status_code
        == 403
    )

    # A password reset request and its link.
    reset = Client(REMOTE_ADDR=IP)
    assert reset.post("/en/accounts/password/reset/", {"email": TEACHER_EMAIL}).status_code == 302
    reset_link = link(r"/(?:en/)?accounts/password/reset/key/[^\s/]+/")
    reset_key = reset_link.rstrip("/").rsplit("/", 1)[1].split("-", 1)[1]
    form_page = reset.get(reset_link)
    assert form_page.status_code == 302
    done = reset.post(form_page["Location"], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.status_code == 302
    teacher.refresh_from_db()
    assert teacher.check_password(NEW_PASSWORD)

    # An invitation accepted through the token in its link.
    invited = Client(REMOTE_ADDR=IP)
    accept = f"/en/network/invitations/{invitation.token}/"
    assert invited.get(accept).status_code == 200
    answer = {
        "first_name": "Mira",
        "last_name": "Dervishi",
        "password1": INVITEE_PASSWORD,
        "password2": INVITEE_PASSWORD,
    }
    assert invited.post(accept, answer).status_code == 302
    # The used link, again: Django logs the 4xx answer with its path.
    assert invited.post(accept, answer).status_code >= 400

    # A newsletter subscription and its confirmation link.
    parent = Client(REMOTE_ADDR=IP)
    subscribe = {"email": PARENT_EMAIL, "language": "en", "consent": "on"}
    assert parent.post("/en/newsletter/subscribe/", subscribe).status_code == 302
    confirm = link(r"/(?:en/)?newsletter/confirm/[^\s\"<>]+/")
    newsletter_token = confirm.rstrip("/").rsplit("/", 1)[1]
    assert parent.get(confirm).status_code == 200
    assert parent.post(confirm).status_code == 200
    assert parent.post(confirm).status_code == 404  # used: Django logs "Not Found: <path>"

    logged = everything_logged(all_logs)
    secrets = {
        "password typed": PASSWORD,
        "wrong password typed": WRONG_PASSWORD,
        "new password": NEW_PASSWORD,
        "invitee's password": INVITEE_PASSWORD,
        "password reset key": reset_key,
        "invitation token": invitation.token,
        "newsletter token": newsletter_token,
        "teacher's email": TEACHER_EMAIL,
        "invitee's email": INVITEE_EMAIL,
        "parent's email": PARENT_EMAIL,
        "ambassador's full name": "Arta Hoxha",
        "ambassador's last name": "Hoxha",
        "ambassador's username": "arta.h",
    }
    for what, secret in secrets.items():
        leaks = [text for text in logged if secret.lower() in text.lower()]
        assert not leaks, f"the {what} is in the log: {leaks}"

    # The security log is there, so the checks above looked at a real log.
    audit = [r.getMessage() for r in all_logs.records if r.name == "sigurt.audit"]
    assert f"login ok user={ambassador.pk} ip={IP}" in audit
    assert any(line.startswith("login failed login_hash=") and f"ip={IP}" in line for line in audit)
    assert (
        f"refused status=403 reason=permission_denied user={ambassador.pk} ip={IP} "
        "method=GET path=/en/network/invitations/new/"
    ) in audit
    assert (
        f"refused status=403 reason=csrf user=anonymous ip={IP} method=POST "
        "path=/en/accounts/login/"
    ) in audit
    assert f"logout user={ambassador.pk} ip={IP}" in audit
    assert any(
        line.startswith("login refused reason=rate_limited login_hash=") and f"ip={IP}" in line
        for line in audit
    )
    assert any("/newsletter/confirm/<token>/" in text for text in logged)
