"""Every view that writes does so in one transaction (ATOMIC_REQUESTS): a fault right after the
first write statement of a request leaves nothing saved.

The fault: `connection.execute_wrapper` lets the first INSERT, UPDATE or DELETE of the request
complete and makes the next statement raise `InjectedFault`. Then every table of the site
(row counts and a checksum of every row) must be as it was before the request. Sessions are
left out: Django saves them after the view, outside its transaction, by design.

The views: every POST of the permission matrix that does work (ambassadors/tests/
test_permission_matrix.py, its `effect` rows, with the first role allowed to do it), plus the
writing views outside it: logging in, the quiz and "mark as completed", the newsletter's
sign-up, confirmation, unsubscribe and one-click unsubscribe, and the admin's send screen.
Each case also runs without the fault, which must write (so the test can fail).
"""

import contextlib
import hashlib
import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from accounts.factories import UserFactory
from ambassadors.tests.conftest import as_role, network  # noqa: F401 - fixtures
from ambassadors.tests.test_permission_matrix import MATRIX, ROLES, is_success, send
from home.models import SiteSettings
from lessons.factories import LessonPageFactory, quiz_stream
from lessons.quizzes import quiz_questions
from newsletters import services as newsletter_services
from newsletters.emails import manage_url, one_click_url
from newsletters.factories import NewsletterIssuePageFactory, SubscriberFactory
from newsletters.models import SubscriberState
from newsletters.tests.conftest import link_in

pytestmark = pytest.mark.django_db

WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.I)
# Saved by Django after the view, outside the request's transaction (and allauth's list of them).
NOT_IN_THE_REQUEST = {"django_session", "usersessions_usersession"}


class InjectedFault(Exception):
    pass


class FaultAfterFirstWrite:
    """Lets the first write of the request complete, then fails the next statement."""

    def __init__(self):
        self.first_write = None
        self.fired_on = None

    def __call__(self, execute, sql, params, many, context):
        if self.first_write is not None and self.fired_on is None:
            self.fired_on = self.first_write
            raise InjectedFault(f"after {self.first_write}")
        result = execute(sql, params, many, context)
        if self.first_write is None and WRITE.match(sql) and not self._outside(sql):
            self.first_write = sql[:80]
        return result

    @staticmethod
    def _outside(sql: str) -> bool:
        return any(f'"{table}"' in sql or f" {table} " in sql for table in NOT_IN_THE_REQUEST)


def database_state() -> dict[str, tuple[int, str]]:
    """Per table: the number of rows and a checksum of all of them, as stored."""
    state = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table in NOT_IN_THE_REQUEST:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows = sorted(repr(row) for row in cursor.fetchall())
            state[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
    return state


def changed_tables(before, after) -> list[str]:
    return sorted(
        table for table in before.keys() | after.keys() if before.get(table) != after.get(table)
    )


def run(make_request) -> tuple[list[str], str | None]:
    """Make the request with the fault; returns the tables it changed and where it fired."""
    # The error page reads the site settings and creates them where missing, after the view's
    # transaction: create them first, so that only the view's own writes are compared.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    fault = FaultAfterFirstWrite()
    before = database_state()
    with connection.execute_wrapper(fault), contextlib.suppress(InjectedFault):
        make_request()
    return changed_tables(before, database_state()), fault.fired_on


# --- The permission matrix's writing POSTs ------------------------------------------------------


def _matrix_cases():
    cases = []
    for row in MATRIX:
        if row.method != "POST" or row.effect is None:
            continue
        allowed = [role for role in ROLES if is_success(row.expected[role])]
        if not allowed:  # refused to everyone here (its success is tested elsewhere)
            continue
        role = allowed[0]
        cases.append(pytest.param(row, role, id=f"{row.name}-{role}"))
    return cases


@pytest.mark.parametrize(("row", "role"), _matrix_cases())
@pytest.mark.parametrize("faulty", [True, False], ids=["fault", "no-fault"])
def test_network_views_save_all_or_nothing(client, network, as_role, row, role, faulty):  # noqa: F811
    if row.prepare:
        row.prepare(network)
    as_role(client, role)
    if faulty:
        changed, fired_on = run(lambda: send(client, row, network))
        assert fired_on, f"{row.name}: the fault never struck"
        assert changed == [], f"{row.name}: a fault after {fired_on!r} left changes in {changed}"
    else:
        before = database_state()
        send(client, row, network)
        assert changed_tables(before, database_state()), f"{row.name} saved nothing"


# --- Writing views outside the matrix -----------------------------------------------------------


@dataclass
class Case:
    name: str
    setup: object  # (site_tree, client) -> request: a function making the POST

    def __str__(self):
        return self.name


def login(site_tree, client):
    UserFactory(username="mesuesja", password="a-long-password-123")  # noqa: S106
    url = reverse("account_login")
    data = {"login": "mesuesja", "password": "a-long-password-123"}
    return lambda: client.post(url, data)


QUIZ = [("Pyetje?", "single", [("Po", True, ""), ("Jo", False, "")])]


def quiz(site_tree, client):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons, quiz=quiz_stream(QUIZ))
    client.force_login(UserFactory())
    question = quiz_questions(lesson.quiz_block, None)[0]
    data = {"action": "quiz", question.field_name: question.answers[0].id}
    return lambda: client.post(lesson.url, data)


def lesson_complete(site_tree, client):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons)
    client.force_login(UserFactory())
    return lambda: client.post(lesson.url, {"action": "complete"})


def subscribe(site_tree, client):
    data = {"email": "prind@example.org", "language": "sq", "consent": "on"}
    return lambda: client.post(reverse("newsletters:subscribe"), data)


def _requested():
    from django.core import mail

    newsletter_services.subscription_request(
        email="prind@example.org", language="sq", consent_text="x", consent_version="1"
    )
    return mail.outbox[-1]


def confirm(site_tree, client):
    url = link_in(_requested(), "confirm")
    return lambda: client.post(url)


def _confirmed():
    token = link_in(_requested(), "confirm").split("/")[-2]
    return newsletter_services.subscription_confirm(token=token)


def path_of(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def unsubscribe(site_tree, client):
    url = path_of(manage_url(_confirmed()))
    return lambda: client.post(url, {"action": "unsubscribe"})


def one_click(site_tree, client):
    url = path_of(one_click_url(_confirmed()))
    return lambda: client.post(url, {"List-Unsubscribe": "One-Click"})


def newsletter_send(site_tree, client):
    issue = NewsletterIssuePageFactory(parent=site_tree.sq.newsletters)
    SubscriberFactory(email="p@example.org", language="sq", state=SubscriberState.CONFIRMED)
    editor = UserFactory()
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "send_newsletter"])
    )
    client.force_login(editor)
    url = reverse("newsletter_send", args=[issue.pk])
    return lambda: client.post(url, {"action": "send", "confirm": "on"})


OTHER_VIEWS = [
    Case("allauth login", login),
    Case("lesson quiz (signed in)", quiz),
    Case("lesson mark as completed", lesson_complete),
    Case("newsletter sign-up", subscribe),
    Case("newsletter confirmation", confirm),
    Case("newsletter unsubscribe", unsubscribe),
    Case("newsletter one-click unsubscribe", one_click),
    Case("admin newsletter send", newsletter_send),
]


@pytest.mark.parametrize("case", OTHER_VIEWS, ids=str)
@pytest.mark.parametrize("faulty", [True, False], ids=["fault", "no-fault"])
def test_other_views_save_all_or_nothing(site_tree, case, faulty, mailoutbox):
    client = Client()
    make_request = case.setup(site_tree, client)
    if faulty:
        changed, fired_on = run(make_request)
        assert fired_on, f"{case.name}: the fault never struck"
        assert changed == [], f"{case.name}: a fault after {fired_on!r} left changes in {changed}"
    else:
        before = database_state()
        response = make_request()
        assert response.status_code < 400, f"{case.name}: {response.status_code}"
        assert changed_tables(before, database_state()), f"{case.name} saved nothing"


def test_the_check_sees_a_write_left_behind(site_tree):
    """The check itself: a write made outside a transaction, then the fault, is reported."""
    from accounts.models import User

    def half_done():
        User.objects.create(username="halfway")
        User.objects.count()  # the fault strikes here

    changed, fired_on = run(half_done)
    assert fired_on.startswith('INSERT INTO "accounts_user"')
    assert "accounts_user" in changed
