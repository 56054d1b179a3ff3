import datetime
import re
import smtplib

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone, translation

from accounts.models import ParentalConsent, SetupCode
from accounts.services import setup_code_redeem
from ambassadors import services
from ambassadors.factories import (
    InvitationFactory,
    MembershipFactory,
    SchoolFactory,
    SchoolYearFactory,
)
from ambassadors.models import Coordination, Invitation, InvitedRole, Membership, Role

BASE_URL = "https://sigurt.example.org"


def create(network, **overrides):
    kwargs = {
        "school": network.school_a,
        "created_by": network.users["teacher"],
        "first_name": "Ëndrit",
        "last_name_initial": "ç",
        "consent_given_by": "father",
        "consent_given_on": timezone.localdate(),
        **overrides,
    }
    return services.ambassador_create(**kwargs)


class TestAmbassadorCreate:
    def test_a_minor_without_email_with_consent_membership_and_code(self, network):
        person, code = create(network)
        assert person.is_minor and person.email == "" and not person.has_usable_password()
        assert (person.first_name, person.last_name, person.display_name) == (
            "Ëndrit",
            "Ç",
            "Ëndrit Ç.",
        )
        assert re.fullmatch(r"endritc\d{2,}", person.username)
        consent = ParentalConsent.objects.get(user=person)
        assert consent.given_by == "father" and consent.recorded_by == network.users["teacher"]
        membership = Membership.objects.get(user=person)
        assert membership.role == Role.AMBASSADOR and membership.school_year == network.year
        assert membership.created_by == network.users["teacher"] and membership.is_active
        assert setup_code_redeem(username=person.username, code=code, password="Long-pass-77")

    def test_usernames_are_unique(self, network):
        names = {create(network)[0].username for _ in range(15)}
        assert len(names) == 15

    def test_a_name_without_latin_letters_still_gets_a_username(self, network):
        person, _ = create(network, first_name="Ω", last_name_initial="")
        assert re.fullmatch(r"member\d{2,}", person.username)

    def test_no_school_year_is_a_clear_error_and_creates_nothing(self, network, english):
        Membership.objects.all().delete()
        network.year.delete()
        with pytest.raises(services.NoSchoolYearError, match="No school year covers"):
            create(network)
        assert not get_user_model().objects.filter(first_name="Ëndrit").exists()
        assert not ParentalConsent.objects.exists()

    def test_hand_over_ends_the_old_role_in_the_same_transaction(self, network):
        old = network.ambassador
        person, _ = create(network, replaces=old)
        old.refresh_from_db()
        assert not old.is_active and old.ended_on == timezone.localdate()
        assert old.user == network.users["ambassador"]
        assert Membership.objects.get(user=person).is_active
        assert Membership.objects.filter(school=network.school_a, role=Role.AMBASSADOR).count() == 2

    @pytest.mark.parametrize("which", ["other_school", "staff"])
    def test_hand_over_only_from_an_ambassador_of_the_same_school(self, network, which):
        replaces = network.other_ambassador if which == "other_school" else network.teacher
        with pytest.raises(services.NetworkError):
            create(network, replaces=replaces)
        replaces.refresh_from_db()
        assert replaces.is_active
        assert not get_user_model().objects.filter(first_name="Ëndrit").exists()


class TestMembershipDeactivate:
    def test_ends_the_role_keeps_the_row_and_voids_an_unused_code(self, network):
        person, code = create(network)
        membership = Membership.objects.get(user=person)
        services.membership_deactivate(membership=membership, by=network.users["teacher"])
        membership.refresh_from_db()
        assert not membership.is_active and membership.ended_on == timezone.localdate()
        assert membership.user == person
        assert not SetupCode.objects.filter(user=person).exists()
        assert (
            setup_code_redeem(username=person.username, code=code, password="Long-pass-77") is None
        )

    def test_is_idempotent(self, network):
        membership = network.ambassador
        membership.is_active = False
        membership.ended_on = datetime.date(2020, 1, 1)
        membership.save()
        services.membership_deactivate(membership=membership, by=None)
        membership.refresh_from_db()
        assert membership.ended_on == datetime.date(2020, 1, 1)

    def test_keeps_the_code_while_another_role_is_active(self, network):
        person, _ = create(network)
        MembershipFactory(user=person, school=SchoolFactory(), role=Role.AMBASSADOR)
        services.membership_deactivate(
            membership=Membership.objects.filter(user=person)[0], by=None
        )
        assert SetupCode.objects.filter(user=person).exists()


class TestInvitationCreate:
    def test_stores_the_hash_and_emails_the_link(self, network, settings):
        settings.INVITATION_VALID_DAYS = 7
        invitation = services.invitation_create(
            email=" mira@example.org ",
            role=InvitedRole.PSYCHOLOGIST,
            school=network.school_b,
            invited_by=network.users["editor"],
            base_url=BASE_URL + "/",
        )
        assert invitation.email == "mira@example.org"
        assert invitation.expires_at - timezone.now() > datetime.timedelta(days=6, hours=23)
        assert invitation.expires_at - timezone.now() <= datetime.timedelta(days=7)
        (message,) = mail.outbox
        assert message.to == ["mira@example.org"]
        link = re.search(rf"{re.escape(BASE_URL)}/network/invitations/([\w-]+)/", message.body)
        token = link.group(1)
        assert len(token) >= 43
        assert invitation.token_hash == services.token_hash(token)
        assert token not in str(Invitation.objects.values_list().get())
        # Sent in the active language, Albanian here (as the link without /en/ shows).
        with translation.override("sq"):
            role = str(InvitedRole.PSYCHOLOGIST.label)
        assert "Shkolla Beta" in message.body and role in message.body

    def test_email_in_the_active_language(self, network):
        with translation.override("en"):
            services.invitation_create(
                email="mira@example.org",
                role=InvitedRole.COORDINATOR,
                region=network.region1,
                invited_by=None,
                base_url=BASE_URL,
            )
        assert "/en/network/invitations/" in mail.outbox[0].body

    @pytest.mark.parametrize(
        ("role", "target"),
        [
            (InvitedRole.COORDINATOR, "school"),
            (InvitedRole.ICT_TEACHER, "region"),
            (Role.AMBASSADOR, "school"),
        ],
    )
    def test_role_and_target_must_fit(self, network, role, target):
        target_kwargs = (
            {"school": network.school_a} if target == "school" else {"region": network.region1}
        )
        with pytest.raises(services.NetworkError):
            services.invitation_create(
                email="x@example.org",
                role=role,
                invited_by=None,
                base_url=BASE_URL,
                **target_kwargs,
            )
        assert not Invitation.objects.exists() and not mail.outbox

    def test_a_failed_email_saves_nothing(self, network, monkeypatch, english):
        def fail(*args, **kwargs):
            raise smtplib.SMTPException("down")

        monkeypatch.setattr(services, "send_mail", fail)
        with pytest.raises(services.NetworkError, match="could not be sent"):
            services.invitation_create(
                email="x@example.org",
                role=InvitedRole.ICT_TEACHER,
                school=network.school_a,
                invited_by=None,
                base_url=BASE_URL,
            )
        assert not Invitation.objects.exists()


class TestInvitationAccept:
    def accept(self, token, **overrides):
        return services.invitation_accept(
            token=token,
            **{
                "first_name": "Mira",
                "last_name": "Dervishi",
                "password": "Long-pass-77",
                **overrides,
            },
        )

    def test_school_staff(self, network):
        invitation = InvitationFactory(school=network.school_a, role=InvitedRole.PSYCHOLOGIST)
        person = self.accept(invitation.token)
        assert person.email == invitation.email and person.check_password("Long-pass-77")
        assert not person.is_minor
        address = EmailAddress.objects.get(user=person)
        assert address.verified and address.primary and address.email == invitation.email
        membership = Membership.objects.get(user=person)
        assert (membership.school, membership.role, membership.school_year) == (
            network.school_a,
            Role.PSYCHOLOGIST,
            network.year,
        )
        assert membership.created_by == invitation.invited_by
        invitation.refresh_from_db()
        assert invitation.accepted_by == person and invitation.accepted_at is not None

    def test_coordinator(self, network):
        invitation = InvitationFactory(coordinator=True, region=network.region2)
        person = self.accept(invitation.token)
        assert Coordination.objects.get(user=person).region == network.region2
        assert not Membership.objects.filter(user=person).exists()

    def test_used_once(self, network):
        invitation = InvitationFactory(school=network.school_a)
        self.accept(invitation.token)
        with pytest.raises(services.InvitationGoneError):
            self.accept(invitation.token, first_name="Other")
        assert not get_user_model().objects.filter(first_name="Other").exists()

    def test_expired(self, network):
        invitation = InvitationFactory(
            school=network.school_a, expires_at=timezone.now() - datetime.timedelta(seconds=1)
        )
        with pytest.raises(services.InvitationGoneError):
            self.accept(invitation.token)
        assert not get_user_model().objects.filter(first_name="Mira").exists()

    def test_unknown(self, network):
        with pytest.raises(services.InvitationInvalidError) as error:
            self.accept("nope")
        assert not isinstance(error.value, services.InvitationGoneError)

    def test_email_already_in_use(self, network):
        invitation = InvitationFactory(school=network.school_a)
        network.users["nobody"].email = invitation.email.upper()
        network.users["nobody"].save()
        with pytest.raises(services.InvitationGoneError):
            self.accept(invitation.token)
        invitation.refresh_from_db()
        assert invitation.accepted_at is None

    def test_without_a_school_year_nothing_is_created(self, network):
        invitation = InvitationFactory(school=network.school_a)
        Membership.objects.all().delete()
        network.year.delete()
        with pytest.raises(services.NoSchoolYearError):
            self.accept(invitation.token)
        assert not get_user_model().objects.filter(first_name="Mira").exists()
        invitation.refresh_from_db()
        assert invitation.accepted_at is None
        SchoolYearFactory()
        assert self.accept(invitation.token)


def test_ambassador_delete_ends_roles_and_keeps_the_rows(network):
    person = network.ambassador.user
    services.ambassador_delete(membership=network.ambassador, by=network.users["teacher"])
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert not ParentalConsent.objects.filter(user_id=person.pk).exists()
    network.ambassador.refresh_from_db()
    assert network.ambassador.user is None and not network.ambassador.is_active
    assert network.ambassador.ended_on == timezone.localdate()


def test_an_accepted_coordinator_invitation_opens_the_admin_reports(client, network):
    invitation = InvitationFactory(coordinator=True, region=network.school_a.municipality.region)

    user = services.invitation_accept(
        token=invitation.token, first_name="Klea", last_name="Meta", password="a-Long-pass-2026"
    )

    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.is_staff
    client.force_login(user)
    assert client.get("/admin/reach-reports/").status_code == 200
