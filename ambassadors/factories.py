"""Factories for the school network: geography, schools, years, roles and invitations."""

import datetime
import hashlib
import secrets

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.factories import UserFactory

from .models import (
    Coordination,
    Invitation,
    InvitedRole,
    Membership,
    Municipality,
    Region,
    Role,
    School,
    SchoolYear,
)


def _current_school_year_bounds(today: datetime.date | None = None):
    """September 1 to August 31 around today, so the year always contains today."""
    today = today or timezone.localdate()
    start_year = today.year if today.month >= 9 else today.year - 1
    return datetime.date(start_year, 9, 1), datetime.date(start_year + 1, 8, 31)


class RegionFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Region {n}")
    code = factory.Sequence(lambda n: f"region-{n}")

    class Meta:
        model = Region
        django_get_or_create = ("code",)


class MunicipalityFactory(DjangoModelFactory):
    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Municipality {n}")

    class Meta:
        model = Municipality
        django_get_or_create = ("region", "name")


class SchoolFactory(DjangoModelFactory):
    code = factory.Sequence(lambda n: f"AL-TEST-{n:04d}")
    name = factory.Sequence(lambda n: f'Shkolla 9-vjeçare "Test {n}"')
    level = School.Level.LOWER_SECONDARY
    setting = School.Setting.URBAN
    municipality = factory.SubFactory(MunicipalityFactory)
    is_active = True

    class Meta:
        model = School
        django_get_or_create = ("code",)


class SchoolYearFactory(DjangoModelFactory):
    """By default the school year containing today (Sept 1 to Aug 31)."""

    starts_on = factory.LazyFunction(lambda: _current_school_year_bounds()[0])
    ends_on = factory.LazyFunction(lambda: _current_school_year_bounds()[1])
    name = factory.LazyAttribute(lambda year: f"{year.starts_on.year}–{year.ends_on.year}")

    class Meta:
        model = SchoolYear
        django_get_or_create = ("name",)


class MembershipFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    role = Role.ICT_TEACHER
    school_year = factory.SubFactory(SchoolYearFactory)
    is_active = True
    started_on = factory.LazyAttribute(lambda membership: membership.school_year.starts_on)

    class Meta:
        model = Membership

    class Params:
        # MembershipFactory(ambassador=True): a minor without email, as the teacher creates them.
        ambassador = factory.Trait(
            role=Role.AMBASSADOR,
            user=factory.SubFactory(
                UserFactory, email="", is_minor=True, first_name="Arta", last_name="Hoxha"
            ),
        )
        psychologist = factory.Trait(role=Role.PSYCHOLOGIST)


class CoordinationFactory(DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(RegionFactory)
    is_active = True

    class Meta:
        model = Coordination


class InvitationFactory(DjangoModelFactory):
    """A pending invitation to a school; `.token` is the plain token (only its hash is stored).

    For a coordinator: InvitationFactory(coordinator=True) (targets a region, not a school).
    """

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    role = InvitedRole.ICT_TEACHER
    school = factory.SubFactory(SchoolFactory)
    region = None
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    token_hash = factory.LazyAttribute(
        lambda invitation: hashlib.sha256(invitation.token.encode()).hexdigest()
    )
    invited_by = factory.SubFactory(UserFactory)
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))

    class Meta:
        model = Invitation

    class Params:
        coordinator = factory.Trait(
            role=InvitedRole.COORDINATOR, school=None, region=factory.SubFactory(RegionFactory)
        )

    @classmethod
    def _create(cls, model_class, *args, token, **kwargs):
        # The model keeps only the hash; tests need the plain token to build the link.
        invitation = super()._create(model_class, *args, **kwargs)
        invitation.token = token
        return invitation

    @classmethod
    def _build(cls, model_class, *args, token, **kwargs):
        invitation = super()._build(model_class, *args, **kwargs)
        invitation.token = token
        return invitation
