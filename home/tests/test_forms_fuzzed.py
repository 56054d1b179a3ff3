"""Every custom form, fuzzed with Hypothesis through the view that uses it: never a 500.

- The forms of accounts/ and of the school space: every POST row of the permission matrix that
  sends form data (ambassadors/tests/test_permission_matrix.py), as the first role allowed to
  use it, with each field kept, dropped or replaced by hostile input (long text, NUL bytes,
  huge and negative numbers, impossible dates, markup, lists), plus stray fields; and every GET
  of the matrix with the filter forms' fields fuzzed in the query string.
- The public and admin forms outside the matrix: newsletter sign-up (`from_form` builds valid
  sign-ups, hostile input the rest), the lesson and library filters, the certificate lookup,
  the quiz (anonymous GET and signed-in POST) and the admin's newsletter screen.

The test client raises any exception a view lets through, so a crash fails the test with its
example; the answer must be one a reader can act on (< 500).
"""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import from_form

from accounts.factories import UserFactory
from ambassadors.tests.conftest import as_role, network  # noqa: F401 - fixtures
from ambassadors.tests.test_permission_matrix import MATRIX, ROLES, is_success
from lessons.factories import LessonPageFactory, quiz_stream
from lessons.quizzes import quiz_questions
from newsletters.factories import NewsletterIssuePageFactory
from newsletters.forms import SubscribeForm

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE = st.one_of(
    st.text(max_size=200),
    st.sampled_from(
        [
            "",
            "\x00",
            "a\x00b",
            "-1",
            "0",
            "99999999999999999999999",
            "1e309",
            "NaN",
            "2026-02-30",
            "31/12/2025",
            "9999-99-99",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "x" * 5000,
            "🙂" * 50,
            "on",
        ]
    ),
    st.lists(st.text(max_size=20), min_size=2, max_size=3),
)
# Filter fields of the forms read from query strings.
FILTER_FIELDS = [
    "topic",
    "audience",
    "age_band",
    "q",
    "page",
    "status",
    "kind",
    "campaign",
    "region",
    "school",
    "date_from",
    "date_to",
    "group_by",
    "code",
    "language",
]


def mutated(valid: dict):
    """Each field kept, dropped or made hostile, plus up to two stray fields."""
    fields = {name: st.one_of(st.just(value), st.none(), HOSTILE) for name, value in valid.items()}
    extra = st.dictionaries(st.sampled_from(FILTER_FIELDS + ["action", "id"]), HOSTILE, max_size=2)
    return st.tuples(st.fixed_dictionaries(fields), extra).map(
        lambda pair: {k: v for k, v in {**pair[1], **pair[0]}.items() if v is not None}
    )


def allowed(expected: dict):
    return next((role for role in ROLES if is_success(expected[role])), None)


def _post_rows():
    return [
        pytest.param(row, id=row.name)
        for row in MATRIX
        if row.method == "POST" and row.data is not None and allowed(row.expected)
    ]


def _get_rows():
    return [pytest.param(row, id=row.name) for row in MATRIX if row.method == "GET"]


@pytest.mark.parametrize("row", _post_rows())
def test_network_and_account_forms_never_fail(client, network, as_role, row):  # noqa: F811
    if row.prepare:
        row.prepare(network)
    as_role(client, allowed(row.expected))
    url, valid = row.url(network), row.data(network)

    @FUZZ
    @given(data=mutated(valid))
    def post(data):
        assert client.post(url, data).status_code < 500

    post()


@pytest.mark.parametrize("row", _get_rows())
def test_network_filters_never_fail(client, network, as_role, row):  # noqa: F811
    if row.prepare:
        row.prepare(network)
    as_role(client, allowed(row.expected) or "nobody")
    url = row.url(network)

    @FUZZ
    @given(query=st.dictionaries(st.sampled_from(FILTER_FIELDS), HOSTILE, max_size=4))
    def get(query):
        assert client.get(url, query).status_code < 500

    get()


def test_the_newsletter_sign_up_never_fails(site_tree):
    client = Client()
    url = reverse("newsletters:subscribe")

    @FUZZ
    @given(
        data=st.one_of(
            from_form(SubscribeForm).map(lambda form: form.data),
            mutated({"email": "prind@example.org", "language": "sq", "consent": "on"}),
        )
    )
    def post(data):
        assert client.post(url, data).status_code < 500

    post()


def test_public_filters_and_lookups_never_fail(site_tree):
    client = Client()
    LessonPageFactory(parent=site_tree.sq.lessons, tags=["privatesia"])
    urls = [
        site_tree.sq.lessons.url,
        site_tree.en.lessons.url,
        reverse("learning:certificate_lookup"),
    ]

    @FUZZ
    @given(
        url=st.sampled_from(urls), query=st.dictionaries(st.sampled_from(FILTER_FIELDS), HOSTILE)
    )
    def get(url, query):
        assert client.get(url, query).status_code < 500

    get()


QUIZ = [
    ("Njëra?", "single", [("Po", True, ""), ("Jo", False, "")]),
    ("Disa?", "multiple", [("A", True, ""), ("B", True, ""), ("C", False, "")]),
]


def test_the_quiz_never_fails(site_tree):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons, quiz=quiz_stream(QUIZ))
    questions = quiz_questions(lesson.quiz_block, None)
    names = [question.field_name for question in questions] + ["q-unknown", "action"]
    answers = [answer.id for question in questions for answer in question.answers]
    value = st.one_of(st.sampled_from(answers), HOSTILE)
    sheet = st.dictionaries(st.sampled_from(names), st.one_of(value, st.lists(value, max_size=3)))
    anonymous, learner = Client(), Client()
    learner.force_login(UserFactory())

    @FUZZ
    @given(data=sheet)
    def answer(data):
        assert anonymous.get(lesson.url, {**data, "action": "quiz"}).status_code < 500
        assert learner.post(lesson.url, {"action": "quiz", **data}).status_code < 500

    answer()


def test_the_admin_newsletter_screen_never_fails(site_tree):
    issue = NewsletterIssuePageFactory(parent=site_tree.sq.newsletters)
    editor = UserFactory()
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "send_newsletter"])
    )
    client = Client()
    client.force_login(editor)
    url = reverse("newsletter_send", args=[issue.pk])

    @FUZZ
    @given(data=mutated({"action": "test", "language": "sq", "confirm": "on"}))
    def post(data):
        assert client.post(url, data).status_code < 500

    post()
