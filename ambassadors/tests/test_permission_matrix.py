"""The permission matrix of issue 3: every view of accounts/ and of the school space (network/),
each HTTP method it accepts, against every role, as one table of data.

- `MATRIX` has one row per (view, method, target): how to build the URL and the POST data from a
  fresh `network` (see conftest.py), and the expected outcome for each role in `ROLES`.
- `test_matrix` runs every cell on its own fresh network, so destructive POSTs cannot affect each
  other. A refused request (and every GET) must leave the database as it was; a POST that succeeds
  must have done its work (`effect`).
- `test_every_view_has_a_row` walks the URL resolver: a view of accounts/ or ambassadors/ cannot
  be added without a row here; `test_every_accepted_method_has_a_row`: nor can a method (GET or
  POST) that a view starts to accept.
- `test_swapped_ids`: another school's id (school or membership) in a URL behaves exactly like an
  id that does not exist, reveals nothing and changes nothing.
"""

import datetime
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from accounts.models import ParentalConsent, SetupCode
from accounts.services import setup_code_issue
from ambassadors.factories import InvitationFactory, MembershipFactory
from ambassadors.models import (
    Activity,
    ActivityEvent,
    ActivityKind,
    ActivityStatus,
    Invitation,
    Membership,
    Role,
)

from .conftest import ROLES

PASSWORD = "password"  # UserFactory's
NEW_PASSWORD = "Ylli-blu-2025!"
INVITED_EMAIL = "mira@example.org"
UNKNOWN_PK = 999_999
# URLs of these namespaces, and of views from these modules, must have a row.
COVERED_NAMESPACES = ("accounts", "network")
COVERED_MODULES = ("accounts.views", "ambassadors.views")


# --- Outcomes ----------------------------------------------------------------------------------

OK, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, GONE = 200, 403, 404, 405, 410


class _Login:
    """302 to the login page, with `next` pointing back at the requested address."""

    def __repr__(self):
        return "login"


LOGIN = _Login()


@dataclass(frozen=True)
class Redirect:
    """302 to another page (not the login page); `to` builds its address from the network."""

    label: str
    to: Callable[[SimpleNamespace], str]

    def __repr__(self):
        return f"302→{self.label}"


def net(name: str, *args) -> str:
    return reverse(f"network:{name}", args=args)


TO_SCHOOL_A = Redirect("A", lambda n: net("school", n.school_a.pk))
TO_SCHOOL_B = Redirect("B", lambda n: net("school", n.school_b.pk))
TO_SCHOOL_LIST = Redirect("list", lambda n: net("school_list"))
TO_NETWORK_HOME = Redirect("net", lambda n: net("home"))
TO_HOME_PAGE = Redirect("/", lambda n: "/")


def to_allauth_login(next_url: str) -> Redirect:
    return Redirect(
        "allauth login",
        lambda n: f"{reverse('account_login')}?{urlencode({'next': next_url})}",
    )


def by_role(**cells) -> dict:
    """One row's expected outcomes, {role: outcome}, for exactly the roles of ROLES."""
    assert set(cells) == set(ROLES), f"missing {set(ROLES) - set(cells)}"
    return cells


def everyone(outcome, **overrides) -> dict:
    return by_role(**{**dict.fromkeys(ROLES, outcome), **overrides})


def signed_in(outcome, **overrides) -> dict:
    """Anonymous people are sent to log in; everyone signed in gets `outcome`."""
    return everyone(outcome, anonymous=LOGIN, **overrides)


def managers_of_a(outcome) -> dict:
    """Managing school A's ambassadors: its ICT teacher and psychologist, and national staff.

    School A's ambassador and the region's coordinator see the school (403); people who cannot
    see school A at all get 404, so the id reveals nothing.
    """
    return by_role(
        anonymous=LOGIN,
        ambassador=FORBIDDEN,
        teacher=outcome,
        psychologist=outcome,
        other_teacher=NOT_FOUND,
        coordinator=FORBIDDEN,
        other_coordinator=NOT_FOUND,
        editor=outcome,
        nobody=NOT_FOUND,
    )


# --- Data builders -----------------------------------------------------------------------------


def ambassador_data(n, **overrides) -> dict:
    data = {
        "submission_id": str(uuid.uuid4()),
        "first_name": "Ana",
        "last_name_initial": "K",
        "consent_given_by": "mother",
        "consent_given_on": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "consent_confirmed": "on",
        **overrides,
    }
    return data


def hand_over_data(n) -> dict:
    return ambassador_data(n, replaces=str(n.ambassador.pk))


def invitation_data(n) -> dict:
    return {
        "submission_id": str(uuid.uuid4()),
        "email": INVITED_EMAIL,
        "role": "ict_teacher",
        "school_code": n.school_b.code,
        "region": "",
    }


def accept_data(n) -> dict:
    return {
        "first_name": "Mira",
        "last_name": "Dervishi",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }


def setup_data(n) -> dict:
    return {
        "username": n.ambassador.user.username,
        "code": n.setup_code,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }


# --- Preparations (run on the fresh network before the request) --------------------------------


def issue_setup_code(n) -> None:
    n.setup_code = setup_code_issue(user=n.ambassador.user, created_by=n.users["teacher"])


def invite(n) -> None:
    n.invitation = InvitationFactory(school=n.school_a, email=INVITED_EMAIL)


def invite_used(n) -> None:
    invite(n)
    n.invitation.accepted_at = timezone.now()
    n.invitation.save()


def invite_expired(n) -> None:
    n.invitation = InvitationFactory(
        school=n.school_a,
        email=INVITED_EMAIL,
        expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )


def unknown_invitation(n) -> None:
    n.invitation = SimpleNamespace(token="x" * 43)


# --- Effects: did the POST do its work? ----------------------------------------------------------


def User():  # noqa: N802 - reads like the model
    return get_user_model()


def fresh(obj):
    return type(obj).objects.filter(pk=obj.pk).first()


def ana_created(n, user) -> bool:
    return User().objects.filter(first_name="Ana", memberships__school=n.school_a).exists()


def ana_took_over(n, user) -> bool:
    return ana_created(n, user) and not fresh(n.ambassador).is_active


def ambassador_role_ended(n, user) -> bool:
    return not fresh(n.ambassador).is_active


def psychologist_role_ended(n, user) -> bool:
    return not fresh(n.psychologist).is_active


def ambassador_has_a_code(n, user) -> bool:
    return SetupCode.objects.filter(user=n.ambassador.user).exists()


def psychologist_has_a_code(n, user) -> bool:
    return SetupCode.objects.filter(user=n.psychologist.user).exists()


def ambassador_deleted(n, user) -> bool:
    return not User().objects.filter(pk=n.ambassador.user_id).exists()


def psychologist_deleted(n, user) -> bool:
    return not User().objects.filter(pk=n.psychologist.user_id).exists()


def own_account_deleted(n, user) -> bool:
    return not User().objects.filter(pk=user.pk).exists()


def invitation_sent(n, user) -> bool:
    return Invitation.objects.filter(email=INVITED_EMAIL, school=n.school_b).exists()


def invitation_accepted(n, user) -> bool:
    return User().objects.filter(email=INVITED_EMAIL).exists()


def password_set(n, user) -> bool:
    return fresh(n.ambassador.user).check_password(NEW_PASSWORD)


# --- Extra checks on a response ----------------------------------------------------------------


def exports_own_data(n, user, response) -> None:
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["account"]["username"] == user.username


def minors_are_sent_to_their_teacher(n, user, response) -> None:
    minor_page = "accounts/privacy_delete_minor.html"
    assert (minor_page in {t.name for t in response.templates}) == user.is_minor


def hand_over_is_preselected(n, user, response) -> None:
    assert response.context["form"]["replaces"].value() == n.ambassador.pk


def only_anonymous_people_log_in(n, user, response) -> None:
    # Someone already signed in is sent on and stays who they were.
    expected = user or n.ambassador.user
    assert response.wsgi_request.user.pk == expected.pk


def admin_form_logs_nobody_in(n, user, response) -> None:
    # The admin's own login form is bypassed: only allauth's page logs in, with its limits.
    assert response.wsgi_request.user.pk == (user.pk if user else None)


# --- Activities (issue 4) -----------------------------------------------------------------------


def _activity(n, name: str, **fields):
    """School A's activity kept on the network as `name`, made once (rows' URLs read it, also
    before any preparation, as the id-swap test does)."""
    if not hasattr(n, name):
        fields = {
            "school": n.school_a,
            "author": n.ambassador.user,
            "kind": ActivityKind.PEER_SESSION,
            "date": timezone.localdate() - datetime.timedelta(days=3),
            "title": "Privacy on phones",
            "girls": 5,
            "boys": 4,
            "submission_key": uuid.uuid4(),
            **fields,
        }
        setattr(n, name, Activity.objects.create(**fields))
    return getattr(n, name)


def submitted_activity(n):
    return _activity(n, "activity", status=ActivityStatus.SUBMITTED)


def returned_activity(n):
    return _activity(n, "returned", status=ActivityStatus.RETURNED, return_reason="Count again")


def teachers_own_activity(n):
    return _activity(n, "teachers_own", status=ActivityStatus.SUBMITTED, author=n.teacher.user)


def activity_data(n) -> dict:
    return {
        "submission_id": str(uuid.uuid4()),
        "kind": ActivityKind.CLASS_PRESENTATION,
        "date": timezone.localdate().isoformat(),
        "title": "Strong passwords",
        "topics": "passwords, privacy",
        "girls": "7",
        "boys": "6",
        "action": "submit",
    }


def edit_data(n) -> dict:
    return {**activity_data(n), "kind": ActivityKind.PEER_SESSION, "title": "Fixed title"}


def return_data(n) -> dict:
    return {"reason": "Please count the boys again."}


def new_activity_saved(n, user) -> bool:
    return Activity.objects.filter(title="Strong passwords", school=n.school_a).count() == 1


def returned_activity_fixed(n, user) -> bool:
    activity = fresh(n.returned)
    return activity.title == "Fixed title" and activity.status == ActivityStatus.SUBMITTED


def activity_verified(n, user) -> bool:
    return fresh(n.activity).status == ActivityStatus.VERIFIED


def teachers_own_verified(n, user) -> bool:
    return fresh(n.teachers_own).status == ActivityStatus.VERIFIED


def activity_returned(n, user) -> bool:
    return fresh(n.activity).status == ActivityStatus.RETURNED


SUBMITTED = lambda n: (n.school_a.pk, submitted_activity(n).pk)  # noqa: E731
RETURNED = lambda n: (n.school_a.pk, returned_activity(n).pk)  # noqa: E731
TEACHERS_OWN = lambda n: (n.school_a.pk, teachers_own_activity(n).pk)  # noqa: E731
TO_NEW_ACTIVITY = Redirect(
    "new activity",
    lambda n: net("activity_detail", n.school_a.pk, Activity.objects.latest("pk").pk),
)
TO_ACTIVITY = Redirect("activity", lambda n: net("activity_detail", *SUBMITTED(n)))
TO_RETURNED = Redirect("returned", lambda n: net("activity_detail", *RETURNED(n)))
TO_TEACHERS_OWN = Redirect("own", lambda n: net("activity_detail", *TEACHERS_OWN(n)))


def viewers_of_a(outcome) -> dict:
    """School A's team, its region's coordinator and national staff see its activities."""
    return by_role(
        anonymous=LOGIN,
        ambassador=outcome,
        teacher=outcome,
        psychologist=outcome,
        other_teacher=NOT_FOUND,
        coordinator=outcome,
        other_coordinator=NOT_FOUND,
        editor=outcome,
        nobody=NOT_FOUND,
    )


def team_of_a(outcome) -> dict:
    """Logging and fixing activities: school A's team only; others who see the school get 403."""
    return {**viewers_of_a(outcome), "coordinator": FORBIDDEN, "editor": FORBIDDEN}


def verifiers_of_a(outcome, **overrides) -> dict:
    """Verifying and returning: school A's ICT teacher and psychologist, never the author."""
    return {**team_of_a(FORBIDDEN), "teacher": outcome, "psychologist": outcome, **overrides}


# --- The table ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    view: str  # the URL name, e.g. "network:school"
    method: str
    url: Callable[[SimpleNamespace], str]
    expected: dict  # {role: outcome}
    data: Callable[[SimpleNamespace], dict] | None = None
    target: str = ""  # tells rows of the same view and method apart
    prepare: Callable[[SimpleNamespace], None] | None = None
    # Whether a POST did its work; None: the request must never change the database.
    effect: Callable | None = None
    check: Callable | None = None  # more assertions, when the outcome is a success
    # False for rows aimed at a fixed other school on purpose (visibility across regions).
    swap_ids: bool = True

    @property
    def name(self) -> str:
        return f"{self.view} {self.method}" + (f" ({self.target})" if self.target else "")


A = lambda n: n.school_a.pk  # noqa: E731 - table cells stay on one line
AMB = lambda n: (n.school_a.pk, n.ambassador.pk)  # noqa: E731
PSY = lambda n: (n.school_a.pk, n.psychologist.pk)  # noqa: E731
SETUP = lambda n: reverse("accounts:setup")  # noqa: E731
PRIVACY = lambda n: reverse("accounts:privacy")  # noqa: E731
EXPORT = lambda n: reverse("accounts:privacy_export")  # noqa: E731
DELETE = lambda n: reverse("accounts:privacy_delete")  # noqa: E731
ACCEPT = lambda n: net("invitation_accept", n.invitation.token)  # noqa: E731
LOGIN_PAGE = lambda n: reverse("account_login")  # noqa: E731
NO_DATA = lambda n: {}  # noqa: E731 - a POST whose path says it all
SESSIONS = lambda n: reverse("usersessions_list")  # noqa: E731

HOME_LANDING = by_role(
    anonymous=LOGIN,
    ambassador=TO_SCHOOL_A,
    teacher=TO_SCHOOL_A,
    psychologist=TO_SCHOOL_A,
    other_teacher=TO_SCHOOL_B,
    coordinator=TO_SCHOOL_LIST,
    other_coordinator=TO_SCHOOL_LIST,
    editor=TO_SCHOOL_LIST,
    nobody=OK,
)
SCHOOL_LIST = signed_in(FORBIDDEN, coordinator=OK, other_coordinator=OK, editor=OK)
SCHOOL_A = signed_in(OK, other_teacher=NOT_FOUND, other_coordinator=NOT_FOUND, nobody=NOT_FOUND)
# Acting on a staff member's account (here the psychologist of school A): nobody may, here.
STAFF_MEMBER = managers_of_a(FORBIDDEN)

MATRIX = [
    # accounts/: setting up with a code, the privacy notice, export, deletion, logins.
    Row("accounts:setup", "GET", SETUP, everyone(OK)),
    Row(
        "accounts:setup",
        "POST",
        SETUP,
        everyone(TO_NETWORK_HOME),
        data=setup_data,
        prepare=issue_setup_code,
        effect=password_set,
    ),
    Row("accounts:privacy", "GET", PRIVACY, everyone(OK)),
    Row("accounts:privacy", "POST", PRIVACY, everyone(NOT_ALLOWED), data=NO_DATA),
    Row("accounts:privacy_export", "GET", EXPORT, signed_in(OK)),
    # allauth's list of one's own sessions, and ending the others.
    Row("usersessions_list", "GET", SESSIONS, signed_in(OK)),
    Row(
        "usersessions_list",
        "POST",
        SESSIONS,
        signed_in(Redirect("sessions", SESSIONS)),
        data=NO_DATA,
    ),
    Row(
        "accounts:privacy_export",
        "POST",
        EXPORT,
        signed_in(OK),
        data=NO_DATA,
        check=exports_own_data,
    ),
    Row(
        "accounts:privacy_delete",
        "GET",
        DELETE,
        signed_in(OK),
        check=minors_are_sent_to_their_teacher,
    ),
    Row(
        "accounts:privacy_delete",
        "POST",
        DELETE,
        signed_in(TO_HOME_PAGE, ambassador=FORBIDDEN),
        data=lambda n: {"password": PASSWORD},
        effect=own_account_deleted,
    ),
    Row("admin_login", "GET", lambda n: "/admin/login/", everyone(to_allauth_login("/admin/"))),
    Row(
        "admin_login",
        "POST",
        lambda n: "/admin/login/",
        everyone(to_allauth_login("/admin/")),
        data=lambda n: {"username": n.ambassador.user.username, "password": PASSWORD},
        check=admin_form_logs_nobody_in,
    ),
    Row(
        "admin_login",
        "GET",
        lambda n: "/django-admin/login/",
        everyone(to_allauth_login("/django-admin/")),
        target="django-admin",
    ),
    Row(
        "admin_login",
        "POST",
        lambda n: "/django-admin/login/",
        everyone(to_allauth_login("/django-admin/")),
        data=lambda n: {"username": n.ambassador.user.username, "password": PASSWORD},
        target="django-admin",
        check=admin_form_logs_nobody_in,
    ),
    # Wagtail's login for private pages.
    Row(
        "admin_login",
        "GET",
        lambda n: "/_util/login/",
        everyone(to_allauth_login("/")),
        target="private pages",
    ),
    Row(
        "admin_login",
        "POST",
        lambda n: "/_util/login/",
        everyone(to_allauth_login("/")),
        data=lambda n: {"username": n.ambassador.user.username, "password": PASSWORD},
        target="private pages",
        check=admin_form_logs_nobody_in,
    ),
    Row("account_login", "GET", LOGIN_PAGE, everyone(TO_NETWORK_HOME, anonymous=OK)),
    Row(
        "account_login",
        "POST",
        LOGIN_PAGE,
        everyone(TO_NETWORK_HOME),
        data=lambda n: {"login": n.ambassador.user.username, "password": PASSWORD},
        check=only_anonymous_people_log_in,
    ),
    # network/: the school space.
    # Read-only pages also answer a POST, like a GET and changing nothing.
    Row("network:home", "GET", lambda n: net("home"), HOME_LANDING),
    Row("network:home", "POST", lambda n: net("home"), HOME_LANDING, data=NO_DATA),
    Row("network:school_list", "GET", lambda n: net("school_list"), SCHOOL_LIST),
    Row("network:school_list", "POST", lambda n: net("school_list"), SCHOOL_LIST, data=NO_DATA),
    Row("network:school", "GET", lambda n: net("school", A(n)), SCHOOL_A, target="school A"),
    Row(
        "network:school",
        "POST",
        lambda n: net("school", A(n)),
        SCHOOL_A,
        data=NO_DATA,
        target="school A",
    ),
    Row(
        "network:school",
        "GET",
        lambda n: net("school", n.school_b.pk),
        signed_in(NOT_FOUND, other_teacher=OK, coordinator=OK, editor=OK),
        target="school B, same region",
        swap_ids=False,
    ),
    Row(
        "network:school",
        "GET",
        lambda n: net("school", n.school_c.pk),
        signed_in(NOT_FOUND, other_coordinator=OK, editor=OK),
        target="school C, other region",
        swap_ids=False,
    ),
    Row("network:ambassador_add", "GET", lambda n: net("ambassador_add", A(n)), managers_of_a(OK)),
    Row(
        "network:ambassador_add",
        "GET",
        lambda n: net("ambassador_add", A(n)) + f"?replaces={n.ambassador.pk}",
        managers_of_a(OK),
        target="hand over",
        check=hand_over_is_preselected,
    ),
    Row(
        "network:ambassador_add",
        "POST",
        lambda n: net("ambassador_add", A(n)),
        managers_of_a(OK),
        data=ambassador_data,
        effect=ana_created,
    ),
    Row(
        "network:ambassador_add",
        "POST",
        lambda n: net("ambassador_add", A(n)),
        managers_of_a(OK),
        data=hand_over_data,
        target="hand over",
        effect=ana_took_over,
    ),
    Row(
        "network:membership_deactivate",
        "GET",
        lambda n: net("membership_deactivate", *AMB(n)),
        signed_in(NOT_ALLOWED),
    ),
    Row(
        "network:membership_deactivate",
        "POST",
        lambda n: net("membership_deactivate", *AMB(n)),
        managers_of_a(TO_SCHOOL_A),
        data=NO_DATA,
        effect=ambassador_role_ended,
    ),
    Row(
        "network:membership_deactivate",
        "POST",
        lambda n: net("membership_deactivate", *PSY(n)),
        STAFF_MEMBER,
        data=NO_DATA,
        target="staff member",
        effect=psychologist_role_ended,
    ),
    Row(
        "network:ambassador_new_code",
        "GET",
        lambda n: net("ambassador_new_code", *AMB(n)),
        signed_in(NOT_ALLOWED),
    ),
    Row(
        "network:ambassador_new_code",
        "POST",
        lambda n: net("ambassador_new_code", *AMB(n)),
        managers_of_a(OK),
        data=NO_DATA,
        effect=ambassador_has_a_code,
    ),
    Row(
        "network:ambassador_new_code",
        "POST",
        lambda n: net("ambassador_new_code", *PSY(n)),
        STAFF_MEMBER,
        data=NO_DATA,
        target="staff member",
        effect=psychologist_has_a_code,
    ),
    Row(
        "network:ambassador_delete",
        "GET",
        lambda n: net("ambassador_delete", *AMB(n)),
        managers_of_a(OK),
    ),
    Row(
        "network:ambassador_delete",
        "POST",
        lambda n: net("ambassador_delete", *AMB(n)),
        managers_of_a(TO_SCHOOL_A),
        data=NO_DATA,
        effect=ambassador_deleted,
    ),
    Row(
        "network:ambassador_delete",
        "POST",
        lambda n: net("ambassador_delete", *PSY(n)),
        STAFF_MEMBER,
        data=NO_DATA,
        target="staff member",
        effect=psychologist_deleted,
    ),
    Row("network:help", "GET", lambda n: net("help"), signed_in(OK)),
    Row("network:help", "POST", lambda n: net("help"), signed_in(OK), data=NO_DATA),
    Row(
        "network:invitation_new",
        "GET",
        lambda n: net("invitation_new"),
        signed_in(FORBIDDEN, editor=OK),
    ),
    Row(
        "network:invitation_new",
        "POST",
        lambda n: net("invitation_new"),
        signed_in(FORBIDDEN, editor=TO_SCHOOL_B),
        data=invitation_data,
        effect=invitation_sent,
    ),
    # Reached by a secret token, not a role: the same answer for everyone.
    Row("network:invitation_accept", "GET", ACCEPT, everyone(OK), prepare=invite),
    Row(
        "network:invitation_accept",
        "POST",
        ACCEPT,
        everyone(TO_NETWORK_HOME),
        data=accept_data,
        prepare=invite,
        effect=invitation_accepted,
    ),
    Row(
        "network:invitation_accept",
        "GET",
        ACCEPT,
        everyone(GONE),
        target="used",
        prepare=invite_used,
    ),
    Row(
        "network:invitation_accept",
        "POST",
        ACCEPT,
        everyone(GONE),
        data=accept_data,
        target="used",
        prepare=invite_used,
        effect=invitation_accepted,
    ),
    Row(
        "network:invitation_accept",
        "GET",
        ACCEPT,
        everyone(GONE),
        target="expired",
        prepare=invite_expired,
    ),
    Row(
        "network:invitation_accept",
        "GET",
        ACCEPT,
        everyone(NOT_FOUND),
        target="unknown token",
        prepare=unknown_invitation,
    ),
    # Activities (issue 4).
    Row(
        "network:activity_list",
        "GET",
        lambda n: net("activity_list", A(n)),
        viewers_of_a(OK),
        prepare=submitted_activity,
    ),
    Row("network:activity_new", "GET", lambda n: net("activity_new", A(n)), team_of_a(OK)),
    Row(
        "network:activity_new",
        "POST",
        lambda n: net("activity_new", A(n)),
        team_of_a(TO_NEW_ACTIVITY),
        data=activity_data,
        effect=new_activity_saved,
    ),
    Row(
        "network:activity_detail",
        "GET",
        lambda n: net("activity_detail", *SUBMITTED(n)),
        viewers_of_a(OK),
        prepare=submitted_activity,
    ),
    Row(
        "network:activity_edit",
        "GET",
        lambda n: net("activity_edit", *RETURNED(n)),
        team_of_a(OK),
        prepare=returned_activity,
    ),
    Row(
        "network:activity_edit",
        "POST",
        lambda n: net("activity_edit", *RETURNED(n)),
        team_of_a(TO_RETURNED),
        data=edit_data,
        prepare=returned_activity,
        effect=returned_activity_fixed,
    ),
    # Submitted, hence no longer editable by anyone.
    Row(
        "network:activity_edit",
        "GET",
        lambda n: net("activity_edit", *SUBMITTED(n)),
        team_of_a(FORBIDDEN),
        target="submitted",
        prepare=submitted_activity,
    ),
    Row(
        "network:activity_verify",
        "GET",
        lambda n: net("activity_verify", *SUBMITTED(n)),
        signed_in(NOT_ALLOWED),
        prepare=submitted_activity,
    ),
    Row(
        "network:activity_verify",
        "POST",
        lambda n: net("activity_verify", *SUBMITTED(n)),
        verifiers_of_a(TO_ACTIVITY),
        data=NO_DATA,
        prepare=submitted_activity,
        effect=activity_verified,
    ),
    Row(
        "network:activity_verify",
        "POST",
        lambda n: net("activity_verify", *TEACHERS_OWN(n)),
        verifiers_of_a(TO_TEACHERS_OWN, teacher=FORBIDDEN),
        data=NO_DATA,
        target="own activity",
        prepare=teachers_own_activity,
        effect=teachers_own_verified,
    ),
    Row(
        "network:activity_return",
        "GET",
        lambda n: net("activity_return", *SUBMITTED(n)),
        signed_in(NOT_ALLOWED),
        prepare=submitted_activity,
    ),
    Row(
        "network:activity_return",
        "POST",
        lambda n: net("activity_return", *SUBMITTED(n)),
        verifiers_of_a(TO_ACTIVITY),
        data=return_data,
        prepare=submitted_activity,
        effect=activity_returned,
    ),
    # Training (issue 5): each ambassador's progress for the school's staff, totals per school.
    Row("network:team_progress", "GET", lambda n: net("team_progress", A(n)), managers_of_a(OK)),
    Row(
        "network:team_progress",
        "POST",
        lambda n: net("team_progress", A(n)),
        everyone(NOT_ALLOWED),
        data=NO_DATA,
    ),
    Row("network:learning_overview", "GET", lambda n: net("learning_overview"), SCHOOL_LIST),
    Row(
        "network:learning_overview",
        "POST",
        lambda n: net("learning_overview"),
        everyone(NOT_ALLOWED),
        data=NO_DATA,
    ),
]


# --- Running a cell ----------------------------------------------------------------------------


def db_state() -> dict:
    """What a request could change about people, roles, codes, consents and invitations."""
    return {
        "users": list(
            User()
            .objects.order_by("pk")
            .values_list("pk", "username", "password", "is_active", "first_name", "email")
        ),
        "memberships": list(
            Membership.objects.order_by("pk").values_list(
                "pk", "user_id", "school_id", "role", "is_active", "ended_on"
            )
        ),
        "setup_codes": list(
            SetupCode.objects.order_by("user_id").values_list("user_id", "code_hash", "expires_at")
        ),
        "consents": list(ParentalConsent.objects.order_by("pk").values_list("pk", "user_id")),
        "invitations": list(
            Invitation.objects.order_by("pk").values_list("pk", "email", "accepted_at")
        ),
        "email_addresses": list(EmailAddress.objects.order_by("pk").values_list("pk", "email")),
        "activities": list(
            Activity.objects.order_by("pk").values_list(
                "pk", "school_id", "status", "title", "kind", "girls", "boys", "return_reason"
            )
        ),
        "activity_events": list(ActivityEvent.objects.order_by("pk").values_list("pk", "action")),
    }


def send(client, row: Row, n):
    """Make the row's request on the network `n`; returns (url, data, response)."""
    url = row.url(n)
    data = row.data(n) if row.data else None
    method = getattr(client, row.method.lower())
    return url, data, method(url, data) if data is not None else method(url)


def is_success(outcome) -> bool:
    return outcome == OK or isinstance(outcome, Redirect)


def assert_outcome(response, outcome, *, url: str, n) -> None:
    status = response.status_code
    if outcome is LOGIN:
        assert status == 302, f"expected the login redirect, got {status}"
        location = urlsplit(response["Location"])
        assert location.path == reverse("account_login")
        assert parse_qs(location.query)["next"] == [url]
    elif isinstance(outcome, Redirect):
        assert status == 302, f"expected {outcome!r}, got {status}"
        assert response["Location"] == outcome.to(n)
    else:
        assert status == outcome, f"expected {outcome}, got {status}"


def _cases() -> list:
    return [pytest.param(row, role, id=f"{row.name}-{role}") for row in MATRIX for role in ROLES]


@pytest.mark.parametrize(("row", "role"), _cases())
def test_matrix(client, network, as_role, row: Row, role: str):
    if row.prepare:
        row.prepare(network)
    user = as_role(client, role)
    before = db_state()

    url, _data, response = send(client, row, network)

    outcome = row.expected[role]
    assert_outcome(response, outcome, url=url, n=network)
    if row.effect is not None and is_success(outcome):
        assert row.effect(network, user), f"{row.name} as {role} answered but did nothing"
    else:
        assert db_state() == before, f"{row.name} as {role} changed the database"
    if row.check is not None and is_success(outcome):
        row.check(network, user, response)


# --- Every view has a row ----------------------------------------------------------------------


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    """(route, namespace, pattern) of every URL pattern under the resolver, routes joined as
    Django joins them."""
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, route, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield route, namespace, pattern


def _covered_patterns() -> dict[str, URLPattern]:
    """Every mounted URL of accounts.urls and ambassadors.urls, every other URL served by a view
    of accounts.views or ambassadors.views (the admin login redirects), and allauth's login.

    The network's Wagtail admin screens follow Wagtail's model permissions and are tested in
    test_wagtail_hooks.py.
    """
    found = {}
    for route, namespace, pattern in _walk(get_resolver()):
        module = getattr(pattern.callback, "__module__", "") or ""
        if (
            namespace in COVERED_NAMESPACES
            or module in COVERED_MODULES
            or pattern.name == "account_login"
        ):
            found[route] = pattern
    return found


def _row_routes(network) -> dict[str, set[str]]:
    routes: dict[str, set[str]] = {}
    for row in MATRIX:
        if row.prepare:
            row.prepare(network)
        match = resolve(urlsplit(row.url(network)).path)
        routes.setdefault(match.route, set()).add(row.method)
    return routes


def test_every_view_has_a_row(network):
    patterns = _covered_patterns()
    routes = _row_routes(network)
    # Both apps' own URL modules, read from the resolver: each name must be mounted and covered.
    for urlconf, namespace in (("ambassadors.urls", "network"), ("accounts.urls", "accounts")):
        for pattern in get_resolver(urlconf).url_patterns:
            assert any(p.name == pattern.name for p in patterns.values()), (
                f"{namespace}:{pattern.name} is not mounted"
            )
    missing = sorted(route for route in patterns if route not in routes)
    assert not missing, f"Views without a row in MATRIX: {missing}"
    assert len(patterns) >= 17


def test_every_row_names_its_view(network):
    for row in MATRIX:
        if row.prepare:
            row.prepare(network)
        match = resolve(urlsplit(row.url(network)).path)
        assert row.view in (match.view_name, match.func.__name__), row.name


def test_every_accepted_method_has_a_row(client, network, as_role):
    """A method without a row is refused (405), even to national staff with valid ids."""
    as_role(client, "editor")
    examples: dict[str, Row] = {}
    for row in MATRIX:
        if row.prepare:
            row.prepare(network)
        examples.setdefault(resolve(urlsplit(row.url(network)).path).route, row)
    for route, methods in _row_routes(network).items():
        for method in {"GET", "POST"} - methods:
            url = examples[route].url(network)
            response = getattr(client, method.lower())(url)
            assert response.status_code == NOT_ALLOWED, (
                f"{route} accepts {method} ({response.status_code}) but has no {method} row"
            )


def test_every_row_is_complete_and_named_once():
    names = [row.name for row in MATRIX]
    assert len(names) == len(set(names))
    for row in MATRIX:
        assert set(row.expected) == set(ROLES), row.name
        assert row.method in {"GET", "POST"}, row.name
        assert (row.data is not None) == (row.method == "POST"), row.name


def test_print_the_matrix(network, capsys):
    """The matrix's size and content, for the issue's closing note (shown even without -s)."""
    patterns = _covered_patterns()
    routes = _row_routes(network)
    views = {pattern.lookup_str for pattern in patterns.values()}
    view_methods = sum(len(methods) for methods in routes.values())
    # The issue's roles; `nobody` (signed in, no role) is an extra column.
    issue_roles = len(ROLES) - 1
    header = (
        f"Permission matrix: {len(views)} views x {issue_roles} roles = "
        f"{len(views) * issue_roles} (+ 'nobody': {len(views) * len(ROLES)}); "
        f"{len(patterns)} URLs, {view_methods} URL x method pairs, "
        f"{len(MATRIX)} rows x {len(ROLES)} roles = {len(MATRIX) * len(ROLES)} tested cells"
    )
    table = [["", *ROLES]] + [
        [row.name, *(repr(row.expected[role]) for role in ROLES)] for row in MATRIX
    ]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    legend = (
        "login: 302 to the login page with ?next=; 302→A, →B: to school A's, B's space; "
        "→list: the school list; →net: /network/; →/: the home page"
    )
    lines = [header, legend] + [
        " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    with capsys.disabled():
        print("\n" + "\n".join(lines))
    assert len(MATRIX) * len(ROLES) == len(_cases())


# --- Swapping ids ------------------------------------------------------------------------------


@pytest.fixture
def school_c_team(network):
    """School C (region 2) gets an ambassador and a teacher, whose ids can be swapped in."""
    network.c_ambassador = MembershipFactory(
        school=network.school_c,
        school_year=network.year,
        ambassador=True,
        user__username="cecilia.c",
        user__first_name="Cecilia",
    )
    network.c_teacher = MembershipFactory(
        school=network.school_c, school_year=network.year, role=Role.ICT_TEACHER
    )
    return network


def _swaps(n) -> dict[str, dict]:
    """Ways to put another school's ids where school A's are, by the attributes rows read."""
    return {
        "school B": {
            "school_a": n.school_b,
            "ambassador": n.other_ambassador,
            "psychologist": n.other_teacher,
        },
        "member of school B": {"ambassador": n.other_ambassador, "psychologist": n.other_teacher},
        "school C": {
            "school_a": n.school_c,
            "ambassador": n.c_ambassador,
            "psychologist": n.c_teacher,
        },
        "member of school C": {"ambassador": n.c_ambassador, "psychologist": n.c_teacher},
    }


def _unknown(changes: dict) -> dict:
    """The same swap with ids that exist nowhere: a foreign id must answer like these."""
    return {name: SimpleNamespace(pk=UNKNOWN_PK + i) for i, name in enumerate(changes)}


# Who tries, and which schools are foreign to them (the coordinator of region 1 may see B).
SWAPPERS = {
    "teacher": ("school B", "member of school B", "school C", "member of school C"),
    "psychologist": ("school B", "member of school B", "school C", "member of school C"),
    "ambassador": ("school B", "member of school B", "school C", "member of school C"),
    "coordinator": ("school C", "member of school C"),
}


def _views_with_ids() -> set[str]:
    """network: URL names whose path carries a school pk or a membership pk."""
    names = set()
    for pattern in get_resolver("ambassadors.urls").url_patterns:
        if {"pk", "membership_pk"} & set(pattern.pattern.converters):
            names.add(f"network:{pattern.name}")
    return names


# A 405 answers before any id is read: nothing to swap there.
ID_ROWS = [
    row
    for row in MATRIX
    if row.view in _views_with_ids() and row.swap_ids and row.expected["teacher"] != NOT_ALLOWED
]


def _swapped(n, changes: dict) -> SimpleNamespace:
    return SimpleNamespace(**{**vars(n), **changes})


def _without_submission_id(data):
    return {k: v for k, v in (data or {}).items() if k != "submission_id"}


def _foreign_names(n, changes: dict) -> list[str]:
    """Names that must not appear on a page reached with the foreign ids."""
    swapped = _swapped(n, changes)
    names = [swapped.ambassador.user.username, swapped.ambassador.user.display_name]
    if "school_a" in changes:
        names.append(swapped.school_a.name)
    return names


@pytest.mark.parametrize("role", sorted(SWAPPERS))
@pytest.mark.parametrize("row", ID_ROWS, ids=lambda row: row.name)
def test_swapped_ids(client, school_c_team, as_role, row: Row, role: str):
    """Another school's id behaves like an id that does not exist, shows and changes nothing."""
    n = school_c_team
    as_role(client, role)
    original_url = row.url(n)
    original_data = _without_submission_id(row.data(n) if row.data else None)
    before = db_state()
    tried = []
    for kind in SWAPPERS[role]:
        changes = _swaps(n)[kind]
        swapped = _swapped(n, changes)
        if row.url(swapped) == original_url and (
            _without_submission_id(row.data(swapped) if row.data else None) == original_data
        ):
            continue  # this row has no id of this kind (e.g. no membership id)
        tried.append(kind)
        where = f"{row.name} as {role} with {kind}'s ids"
        _url, _data, unknown = send(client, row, _swapped(n, _unknown(changes)))
        url, _data, response = send(client, row, swapped)

        assert response.status_code == unknown.status_code, where
        assert response.status_code != 302, where
        in_path = urlsplit(url).path != urlsplit(original_url).path
        if in_path and role in ("teacher", "psychologist"):
            assert response.status_code == NOT_FOUND, where
        if response.status_code == OK:
            html = response.content.decode()
            for name in _foreign_names(n, changes):
                assert name not in html, f"{where}: shows {name!r}"
            if row.method == "POST":
                assert response.context["form"].errors, where
        assert db_state() == before, f"{where} changed the database"
    assert tried, f"{row.name}: no id was swapped"


def test_rows_with_ids_are_tried_with_swapped_ids():
    views = {row.view for row in ID_ROWS}
    assert views == _views_with_ids()
    assert len(ID_ROWS) >= 12
