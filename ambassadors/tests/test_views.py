import datetime
import re
import uuid

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from accounts.models import ParentalConsent, SetupCode
from accounts.services import setup_code_redeem
from ambassadors.factories import InvitationFactory, MembershipFactory, SchoolFactory
from ambassadors.models import Invitation, Membership, Role, SchoolYear
from ambassadors.services import token_hash

from .conftest import ROLES, albanian

LOGIN = "/accounts/login/"


def shows(response, msgid: str) -> bool:
    """Whether the (Albanian) page shows the message `msgid`, as its template escapes it."""
    return escape(albanian(msgid)) in response.content.decode()


def url(name, *args):
    return reverse(f"network:{name}", args=args)


# --- The permission table ----------------------------------------------------------------------
# Each row: view, method, how to build its URL from the network, then the expected status per role
# in the order of ROLES (anonymous, ambassador, teacher, psychologist, other_teacher, coordinator,
# other_coordinator, editor, nobody). 302 for anonymous is the login redirect (checked below).
A = lambda n: (n.school_a.pk,)  # noqa: E731 - table cells stay on one line
AMB = lambda n: (n.school_a.pk, n.ambassador.pk)  # noqa: E731
PERMISSIONS = [
    ("home", "get", lambda n: (), [302, 302, 302, 302, 302, 302, 302, 302, 200]),
    ("school_list", "get", lambda n: (), [302, 403, 403, 403, 403, 200, 200, 200, 403]),
    ("school", "get", A, [302, 200, 200, 200, 404, 200, 404, 200, 404]),
    ("ambassador_add", "get", A, [302, 403, 200, 200, 404, 403, 404, 200, 404]),
    ("membership_deactivate", "post", AMB, [302, 403, 302, 302, 404, 403, 404, 302, 404]),
    ("ambassador_new_code", "post", AMB, [302, 403, 200, 200, 404, 403, 404, 200, 404]),
    ("ambassador_delete", "get", AMB, [302, 403, 200, 200, 404, 403, 404, 200, 404]),
    ("ambassador_delete", "post", AMB, [302, 403, 302, 302, 404, 403, 404, 302, 404]),
    ("help", "get", lambda n: (), [302, 200, 200, 200, 200, 200, 200, 200, 200]),
    ("invitation_new", "get", lambda n: (), [302, 403, 403, 403, 403, 403, 403, 200, 403]),
]


def _cases() -> list:
    cases = []
    for view, method, args, statuses in PERMISSIONS:
        assert len(statuses) == len(ROLES)
        for role, status in zip(ROLES, statuses, strict=True):
            cases.append(
                pytest.param(view, method, args, role, status, id=f"{view}-{method}-{role}")
            )
    return cases


@pytest.mark.parametrize(("view", "method", "args", "role", "status"), _cases())
def test_permission_table(client, network, as_role, view, method, args, role, status):
    as_role(client, role)
    response = getattr(client, method)(url(view, *args(network)))
    assert response.status_code == status
    if role == "anonymous":
        assert response["Location"].startswith(LOGIN)


@pytest.mark.parametrize("role", ROLES)
def test_invitation_accept_is_public(client, network, as_role, role):
    invitation = InvitationFactory(school=network.school_a)
    as_role(client, role)
    response = client.get(url("invitation_accept", invitation.token))
    assert response.status_code == 200


def test_posting_actions_need_post(client, network, as_role):
    as_role(client, "teacher")
    for view in ("membership_deactivate", "ambassador_new_code"):
        assert client.get(url(view, *AMB(network))).status_code == 405


# --- Landing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "target"),
    [
        ("ambassador", "school_a"),
        ("teacher", "school_a"),
        ("psychologist", "school_a"),
        ("other_teacher", "school_b"),
        ("coordinator", None),
        ("editor", None),
    ],
)
def test_home_sends_each_role_to_its_place(client, network, as_role, role, target):
    as_role(client, role)
    response = client.get(url("home"))
    expected = url("school", getattr(network, target).pk) if target else url("school_list")
    assert response["Location"] == expected


def test_home_explains_when_a_person_has_no_school(client, network, as_role):
    as_role(client, "nobody")
    response = client.get(url("home"))
    assert shows(response, "You don’t have a school yet")


def test_a_former_ambassador_has_no_school(client, network, as_role):
    network.ambassador.is_active = False
    network.ambassador.save()
    as_role(client, "ambassador")
    assert client.get(url("home")).status_code == 200
    assert client.get(url("school", network.school_a.pk)).status_code == 404


def test_english_urls(client, network, as_role):
    as_role(client, "teacher")
    response = client.get(f"/en/network/schools/{network.school_a.pk}/")
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


# --- Swapping ids ------------------------------------------------------------------------------


class TestSwappingIds:
    """A teacher of school A reaches nothing of school B, whatever ids they put in the URL."""

    @pytest.fixture(autouse=True)
    def _teacher(self, client, network, as_role):
        as_role(client, "teacher")
        self.a, self.b = network.school_a.pk, network.school_b.pk
        self.b_amb = network.other_ambassador

    def test_school_b_pages_are_not_found(self, client):
        assert client.get(url("school", self.b)).status_code == 404
        assert client.get(url("ambassador_add", self.b)).status_code == 404
        for view in ("membership_deactivate", "ambassador_new_code", "ambassador_delete"):
            assert client.post(url(view, self.b, self.b_amb.pk)).status_code == 404

    def test_school_b_members_through_school_a_are_not_found(self, client):
        for view in ("membership_deactivate", "ambassador_new_code", "ambassador_delete"):
            assert client.post(url(view, self.a, self.b_amb.pk)).status_code == 404
        assert client.get(url("ambassador_delete", self.a, self.b_amb.pk)).status_code == 404
        self.b_amb.refresh_from_db()
        assert self.b_amb.is_active and self.b_amb.user is not None
        assert not SetupCode.objects.filter(user=self.b_amb.user).exists()

    def test_unknown_ids_are_not_found(self, client):
        assert client.get(url("school", 999999)).status_code == 404
        assert client.post(url("ambassador_delete", self.a, 999999)).status_code == 404

    def test_cannot_hand_over_from_school_b(self, client, network):
        response = client.post(
            url("ambassador_add", self.a), ambassador_data(replaces=self.b_amb.pk)
        )
        assert response.status_code == 200
        assert "replaces" in response.context["form"].errors
        self.b_amb.refresh_from_db()
        assert self.b_amb.is_active

    def test_another_schools_id_preselects_nothing(self, client):
        page = client.get(url("ambassador_add", self.a) + f"?replaces={self.b_amb.pk}")
        assert page.context["form"]["replaces"].value() is None
        assert not page.context["is_hand_over"]

    def test_cannot_act_on_staff_of_own_school(self, client, network):
        psychologist = network.psychologist
        for view in ("membership_deactivate", "ambassador_new_code", "ambassador_delete"):
            assert client.post(url(view, self.a, psychologist.pk)).status_code == 403
        psychologist.refresh_from_db()
        assert psychologist.is_active and psychologist.user is not None


# --- Adding, handing over, codes, deactivation, deletion ---------------------------------------


def ambassador_data(**overrides):
    data = {
        "submission_id": str(uuid.uuid4()),
        "first_name": "Ana",
        "last_name_initial": "k",
        "consent_given_by": "mother",
        "consent_given_on": (timezone.localdate() - datetime.timedelta(days=2)).isoformat(),
        "consent_confirmed": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def created_ambassador():
    return get_user_model().objects.get(first_name="Ana")


class TestAddAmbassador:
    @pytest.fixture(autouse=True)
    def _teacher(self, client, network, as_role):
        as_role(client, "teacher")
        self.school = network.school_a

    def test_creates_a_minor_with_consent_and_shows_the_code_once(self, client, network):
        response = client.post(url("ambassador_add", self.school.pk), ambassador_data())
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        person = created_ambassador()
        assert person.is_minor and person.email == "" and not person.has_usable_password()
        assert person.last_name == "K" and person.display_name == "Ana K."
        consent = ParentalConsent.objects.get(user=person)
        assert consent.given_by == "mother" and consent.recorded_by == network.users["teacher"]
        membership = Membership.objects.get(user=person)
        assert (membership.school, membership.role, membership.school_year) == (
            self.school,
            Role.AMBASSADOR,
            network.year,
        )
        html = response.content.decode()
        code = re.search(r"[A-Z2-9]{5}-[A-Z2-9]{5}", html).group(0)
        assert person.username in html
        assert "/accounts/setup/" in html
        assert setup_code_redeem(username=person.username, code=code, password="a-l0ng-pass!")

    def test_invalid_form_shows_errors_and_creates_nothing(self, client):
        response = client.post(
            url("ambassador_add", self.school.pk),
            ambassador_data(first_name="4n4", last_name_initial="", consent_confirmed=None),
        )
        assert response.status_code == 200
        assert set(response.context["form"].errors) == {
            "first_name",
            "last_name_initial",
            "consent_confirmed",
        }
        assert not get_user_model().objects.filter(is_minor=True, first_name="4n4").exists()

    def test_consent_cannot_be_in_the_future(self, client):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        response = client.post(
            url("ambassador_add", self.school.pk),
            ambassador_data(consent_given_on=tomorrow.isoformat()),
        )
        assert "consent_given_on" in response.context["form"].errors

    def test_double_submit_creates_one_account(self, client):
        data = ambassador_data()
        client.post(url("ambassador_add", self.school.pk), data)
        again = client.post(url("ambassador_add", self.school.pk), data, follow=True)
        assert get_user_model().objects.filter(first_name="Ana").count() == 1
        assert again.redirect_chain[-1][0] == url("school", self.school.pk)
        assert shows(
            again,
            "This ambassador was already saved. If you did not see the one-time "
            "code, choose “New code” next to their name.",
        )

    def test_without_a_school_year_nothing_is_created_and_the_form_can_be_resent(
        self, client, network
    ):
        data = ambassador_data()
        network.year.starts_on -= datetime.timedelta(days=800)
        network.year.ends_on = timezone.localdate() - datetime.timedelta(days=1)
        network.year.save()
        response = client.post(url("ambassador_add", self.school.pk), data)
        assert shows(
            response,
            "No school year covers today's date. Ask the national team to add the current "
            "school year before adding people.",
        )
        assert not get_user_model().objects.filter(first_name="Ana").exists()
        network.year.ends_on = timezone.localdate() + datetime.timedelta(days=30)
        network.year.save()
        client.post(url("ambassador_add", self.school.pk), data)
        assert get_user_model().objects.filter(first_name="Ana").count() == 1

    def test_hand_over_keeps_the_history(self, client, network):
        old = network.ambassador
        form_page = client.get(url("ambassador_add", self.school.pk) + f"?replaces={old.pk}")
        assert form_page.context["form"]["replaces"].value() == old.pk
        client.post(url("ambassador_add", self.school.pk), ambassador_data(replaces=old.pk))
        old.refresh_from_db()
        assert not old.is_active and old.ended_on == timezone.localdate()
        assert old.user == network.users["ambassador"]
        new = Membership.objects.get(user=created_ambassador())
        assert new.is_active and new.role == Role.AMBASSADOR

    def test_shows_only_this_schools_ambassadors_to_hand_over_from(self, client, network):
        form = client.get(url("ambassador_add", self.school.pk)).context["form"]
        assert list(form.fields["replaces"].queryset) == [network.ambassador]


class TestMemberActions:
    @pytest.fixture(autouse=True)
    def _teacher(self, client, network, as_role):
        as_role(client, "teacher")
        self.school = network.school_a
        self.membership = network.ambassador
        self.person = network.ambassador.user

    def test_deactivate_ends_the_role_and_keeps_the_row(self, client):
        response = client.post(url("membership_deactivate", self.school.pk, self.membership.pk))
        assert response["Location"] == url("school", self.school.pk)
        self.membership.refresh_from_db()
        assert not self.membership.is_active
        assert self.membership.ended_on == timezone.localdate()
        assert self.membership.user == self.person
        again = client.post(
            url("membership_deactivate", self.school.pk, self.membership.pk), follow=True
        )
        assert shows(again, "This role had already ended.")

    def test_new_code_replaces_the_old_one(self, client):
        first = client.post(url("ambassador_new_code", self.school.pk, self.membership.pk))
        second = client.post(url("ambassador_new_code", self.school.pk, self.membership.pk))
        assert "no-store" in second["Cache-Control"]
        pattern = r"[A-Z2-9]{5}-[A-Z2-9]{5}"
        old_code = re.search(pattern, first.content.decode()).group(0)
        new_code = re.search(pattern, second.content.decode()).group(0)
        username = self.person.username
        assert setup_code_redeem(username=username, code=old_code, password="x-9long!pw") is None
        assert setup_code_redeem(username=username, code=new_code, password="x-9long!pw")

    def test_no_new_code_after_the_role_ended(self, client):
        client.post(url("membership_deactivate", self.school.pk, self.membership.pk))
        response = client.post(url("ambassador_new_code", self.school.pk, self.membership.pk))
        assert response.status_code == 403

    def test_delete_removes_the_person_and_keeps_the_membership(self, client):
        confirm = client.get(url("ambassador_delete", self.school.pk, self.membership.pk))
        assert "Arta H." in confirm.content.decode()
        response = client.post(url("ambassador_delete", self.school.pk, self.membership.pk))
        assert response["Location"] == url("school", self.school.pk)
        assert not get_user_model().objects.filter(pk=self.person.pk).exists()
        assert not ParentalConsent.objects.filter(user_id=self.person.pk).exists()
        self.membership.refresh_from_db()
        assert self.membership.user is None
        assert self.membership.school == self.school
        assert not self.membership.is_active
        assert self.membership.ended_on == timezone.localdate()
        assert (
            client.post(url("ambassador_delete", self.school.pk, self.membership.pk)).status_code
            == 403
        )

    def test_an_adult_ambassador_account_cannot_be_deleted_by_a_teacher(self, client):
        self.person.is_minor = False
        self.person.save()
        response = client.get(url("ambassador_delete", self.school.pk, self.membership.pk))
        assert response.status_code == 403


# --- The school space --------------------------------------------------------------------------


class TestSchoolSpace:
    def test_shows_the_school_and_its_team_by_display_name(self, client, network, as_role):
        network.ambassador.user.last_name = "Hoxha"
        network.ambassador.user.save()
        as_role(client, "ambassador")
        response = client.get(url("school", network.school_a.pk))
        html = response.content.decode()
        for text in ("Shkolla Alfa", "Tiranë", "Arta H.", "Drita K.", "Besa L."):
            assert text in html
        assert "Hoxha" not in html
        # An ambassador sees names and roles, not usernames or buttons.
        assert "artah10" not in html
        assert not shows(response, "Add an ambassador")
        assert url("ambassador_add", network.school_a.pk) not in html

    def test_staff_see_details_and_actions(self, client, network, as_role):
        as_role(client, "psychologist")
        response = client.get(url("school", network.school_a.pk))
        html = response.content.decode()
        assert "artah10" in html
        assert shows(response, "Add an ambassador")
        assert url("ambassador_add", network.school_a.pk) in html
        for view in ("membership_deactivate", "ambassador_new_code", "ambassador_delete"):
            assert url(view, network.school_a.pk, network.ambassador.pk) in html
        # Staff accounts are not theirs to manage.
        assert url("ambassador_delete", network.school_a.pk, network.teacher.pk) not in html

    def test_coordinator_sees_the_team_without_details(self, client, network, as_role):
        as_role(client, "coordinator")
        html = client.get(url("school", network.school_a.pk)).content.decode()
        assert "Arta H." in html and "artah10" not in html
        assert url("school_list") in html

    def test_next_steps_fit_the_role(self, client, network, as_role):
        as_role(client, "ambassador")
        response = client.get(url("school", network.school_a.pk))
        assert response.context["next_steps_template"] == "ambassadors/next_steps/ambassador.html"
        as_role(client, "teacher")
        response = client.get(url("school", network.school_a.pk))
        assert response.context["next_steps_template"] == "ambassadors/next_steps/ict_teacher.html"

    def test_ended_and_earlier_roles_are_listed_for_staff(self, client, network, as_role):
        last_year = SchoolYear.objects.create(
            name="past",
            starts_on=network.year.starts_on - datetime.timedelta(days=365),
            ends_on=network.year.starts_on - datetime.timedelta(days=1),
        )
        MembershipFactory(
            school=network.school_a,
            school_year=last_year,
            ambassador=True,
            user__first_name="Vesa",
            user__last_name="Q",
        )
        network.ambassador.user.delete()
        as_role(client, "teacher")
        response = client.get(url("school", network.school_a.pk))
        team = response.context["team"]
        assert [m.membership.user.first_name for m in team["earlier"]] == ["Vesa"]
        assert [m.membership.pk for m in team["ended"]] == [network.ambassador.pk]
        assert shows(response, "Still active from an earlier school year")
        assert shows(response, "Deleted account")

    def test_friend_help_is_on_every_school_space_screen(self, client, network, as_role, site_tree):
        as_role(client, "teacher")
        pages = [
            url("school", network.school_a.pk),
            url("ambassador_add", network.school_a.pk),
            url("ambassador_delete", network.school_a.pk, network.ambassador.pk),
        ]
        for page in pages:
            html = client.get(page).content.decode()
            assert 'class="friend-help"' in html, page
            assert 'href="tel:116111"' in html
            assert site_tree.settings.report_url in html
        slip = client.post(url("ambassador_new_code", network.school_a.pk, network.ambassador.pk))
        assert 'class="friend-help"' in slip.content.decode()
        as_role(client, "nobody")
        assert 'class="friend-help"' in client.get(url("home")).content.decode()

    def test_the_help_guide(self, client, network, as_role, site_tree):
        as_role(client, "ambassador")
        response = client.get(url("help"))
        html = response.content.decode()
        assert 'href="tel:116111"' in html
        assert site_tree.settings.report_url in html
        assert shows(
            response,
            "This site does not ask for and does not keep what happened. Please don’t write "
            "it here: tell a trusted adult, the helpline or the hotline.",
        )


# --- The school list ---------------------------------------------------------------------------


class TestSchoolList:
    def names(self, response):
        return [school.name for school in response.context["page_obj"]]

    def test_coordinator_sees_only_their_region(self, client, network, as_role):
        as_role(client, "coordinator")
        assert self.names(client.get(url("school_list"))) == ["Shkolla Alfa", "Shkolla Beta"]
        as_role(client, "other_coordinator")
        assert self.names(client.get(url("school_list"))) == ["Shkolla Gama"]

    def test_editor_sees_all(self, client, network, as_role):
        as_role(client, "editor")
        assert len(self.names(client.get(url("school_list")))) == 3

    def test_filters(self, client, network, as_role):
        as_role(client, "editor")
        get = lambda **query: self.names(client.get(url("school_list"), query))  # noqa: E731
        assert get(q="beta") == ["Shkolla Beta"]
        assert get(q="al-c") == ["Shkolla Gama"]
        assert get(region=network.region2.pk) == ["Shkolla Gama"]
        assert get(level="upper_secondary") == ["Shkolla Beta"]
        assert get(q="shkolla", region=network.region1.pk, level="lower_secondary") == [
            "Shkolla Alfa"
        ]

    def test_coordinator_cannot_filter_into_another_region(self, client, network, as_role):
        as_role(client, "coordinator")
        response = client.get(url("school_list"), {"region": network.region2.pk})
        assert "Shkolla Gama" not in self.names(response)
        assert list(response.context["filter_form"].fields["region"].queryset) == [network.region1]

    def test_paginated_with_filters_kept(self, client, network, as_role):
        for n in range(30):
            SchoolFactory(name=f"Shkolla Z{n:02d}", municipality=network.school_a.municipality)
        as_role(client, "coordinator")
        response = client.get(url("school_list"), {"q": "Shkolla"})
        assert len(response.context["page_obj"]) == 25
        assert "q=Shkolla&amp;page=2" in response.content.decode()
        page2 = client.get(url("school_list"), {"q": "Shkolla", "page": 2})
        assert len(page2.context["page_obj"]) == 7


# --- Invitations -------------------------------------------------------------------------------


def invitation_data(**overrides):
    data = {
        "submission_id": str(uuid.uuid4()),
        "email": "mira@example.org",
        "role": "ict_teacher",
        "school_code": "al-b",
        "region": "",
    }
    data.update(overrides)
    return data


class TestInvitationNew:
    @pytest.fixture(autouse=True)
    def _editor(self, client, network, as_role):
        as_role(client, "editor")

    def test_sends_an_email_with_a_working_link(self, client, network):
        response = client.post(url("invitation_new"), invitation_data())
        assert response["Location"] == url("school", network.school_b.pk)
        invitation = Invitation.objects.get()
        assert (invitation.email, invitation.school, invitation.region) == (
            "mira@example.org",
            network.school_b,
            None,
        )
        assert len(mail.outbox) == 1 and mail.outbox[0].to == ["mira@example.org"]
        token = re.search(r"/network/invitations/([\w-]+)/", mail.outbox[0].body).group(1)
        assert invitation.token_hash == token_hash(token) and token not in invitation.token_hash
        assert client.get(url("invitation_accept", token)).status_code == 200

    def test_coordinator_invitation_targets_a_region(self, client, network):
        data = invitation_data(role="coordinator", school_code="AL-A", region=network.region2.pk)
        response = client.post(url("invitation_new"), data)
        assert response["Location"] == url("school_list")
        invitation = Invitation.objects.get()
        assert (invitation.region, invitation.school) == (network.region2, None)

    @pytest.mark.parametrize(
        ("overrides", "field"),
        [
            ({"school_code": ""}, "school_code"),
            ({"school_code": "NOPE"}, "school_code"),
            ({"role": "coordinator", "region": ""}, "region"),
            ({"role": "ambassador"}, "role"),
            ({"email": "not-an-email"}, "email"),
        ],
    )
    def test_invalid_invitations(self, client, network, overrides, field):
        response = client.post(url("invitation_new"), invitation_data(**overrides))
        assert response.status_code == 200
        assert field in response.context["form"].errors
        assert not Invitation.objects.exists() and not mail.outbox

    def test_existing_account_is_refused(self, client, network):
        network.users["teacher"].email = "mira@example.org"
        network.users["teacher"].save()
        response = client.post(url("invitation_new"), invitation_data(email="MIRA@example.org"))
        assert "email" in response.context["form"].errors

    def test_double_submit_sends_one_invitation(self, client, network):
        data = invitation_data()
        client.post(url("invitation_new"), data)
        again = client.post(url("invitation_new"), data, follow=True)
        assert Invitation.objects.count() == 1 and len(mail.outbox) == 1
        assert shows(again, "This invitation was already sent.")

    def test_school_is_prefilled_from_the_school_space(self, client, network):
        response = client.get(url("invitation_new"), {"school": network.school_c.pk})
        assert response.context["form"]["school_code"].value() == "AL-C"


class TestInvitationAccept:
    def accept_data(self, **overrides):
        return {
            "first_name": "Mira",
            "last_name": "Dervishi",
            "password1": "a-Long-pass-42",
            "password2": "a-Long-pass-42",
            **overrides,
        }

    def test_shows_role_and_school(self, client, network):
        invitation = InvitationFactory(school=network.school_a)
        response = client.get(url("invitation_accept", invitation.token))
        assert shows(response, "ICT teacher") and "Shkolla Alfa" in response.content.decode()

    def test_creates_a_verified_account_with_the_role_and_logs_in(self, client, network):
        invitation = InvitationFactory(school=network.school_a, email="mira@example.org")
        response = client.post(url("invitation_accept", invitation.token), self.accept_data())
        assert response["Location"] == url("home")
        person = get_user_model().objects.get(email="mira@example.org")
        assert EmailAddress.objects.filter(user=person, verified=True, primary=True).exists()
        membership = Membership.objects.get(user=person)
        assert (membership.school, membership.role, membership.school_year) == (
            network.school_a,
            Role.ICT_TEACHER,
            network.year,
        )
        invitation.refresh_from_db()
        assert invitation.accepted_at and invitation.accepted_by == person
        assert client.get(url("home"))["Location"] == url("school", network.school_a.pk)
        # Used once: the same link now answers "gone", revealing nothing.
        client.logout()
        again = client.post(url("invitation_accept", invitation.token), self.accept_data())
        assert again.status_code == 410
        assert get_user_model().objects.filter(email="mira@example.org").count() == 1

    def test_expired_and_unknown_links(self, client, network):
        expired = InvitationFactory(
            school=network.school_a, expires_at=timezone.now() - datetime.timedelta(minutes=1)
        )
        assert client.get(url("invitation_accept", expired.token)).status_code == 410
        response = client.post(url("invitation_accept", expired.token), self.accept_data())
        assert response.status_code == 410
        assert not get_user_model().objects.filter(first_name="Mira").exists()
        unknown = client.get(url("invitation_accept", "x" * 43))
        assert unknown.status_code == 404
        assert shows(unknown, "This invitation link cannot be used")

    def test_password_mistakes_are_explained(self, client, network):
        invitation = InvitationFactory(school=network.school_a)
        response = client.post(
            url("invitation_accept", invitation.token), self.accept_data(password2="other")
        )
        assert "password2" in response.context["form"].errors
        response = client.post(
            url("invitation_accept", invitation.token),
            self.accept_data(password1="123", password2="123"),
        )
        assert "password1" in response.context["form"].errors
        invitation.refresh_from_db()
        assert invitation.accepted_at is None

    def test_rate_limited(self, client, network, settings):
        settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "invitation": "2/h/ip"}
        invitation = InvitationFactory(school=network.school_a)
        for _ in range(2):
            client.post(url("invitation_accept", "y" * 43), self.accept_data())
        # allauth limits form submissions (POST); the valid link is refused too once over.
        response = client.post(url("invitation_accept", invitation.token), self.accept_data())
        assert response.status_code == 429
        assert not get_user_model().objects.filter(first_name="Mira").exists()
