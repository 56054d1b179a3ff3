"""Accounts of ambassadors who left are removed a set time after their last school year."""

import datetime
import logging

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from accounts.factories import UserFactory
from accounts.models import ParentalConsent, User
from ambassadors.factories import (
    CoordinationFactory,
    MembershipFactory,
    SchoolFactory,
    SchoolYearFactory,
)
from ambassadors.models import Membership, Role
from ambassadors.retention import departed_ambassadors, departed_ambassadors_purge

pytestmark = pytest.mark.django_db

RETENTION_DAYS = 90
TODAY = datetime.date(2026, 10, 15)


@pytest.fixture(autouse=True)
def _retention(settings):
    settings.AMBASSADOR_RETENTION_DAYS = RETENTION_DAYS


@pytest.fixture
def years(db):
    """Three school years; `old` ended 200 days before TODAY, `recent` 60 days before."""
    return {
        "old": SchoolYearFactory(
            name="2024–2025", starts_on=datetime.date(2024, 9, 1), ends_on=TODAY - _days(200)
        ),
        "recent": SchoolYearFactory(
            name="2025–2026", starts_on=datetime.date(2025, 9, 1), ends_on=TODAY - _days(60)
        ),
        "current": SchoolYearFactory(
            name="2026–2027",
            starts_on=datetime.date(2026, 9, 1),
            ends_on=datetime.date(2027, 6, 30),
        ),
    }


def _days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


def _left(year, **user_kwargs):
    """An ambassador whose role in `year` has ended."""
    user = UserFactory(email="", is_minor=True, **user_kwargs)
    MembershipFactory(ambassador=True, user=user, school_year=year, is_active=False)
    return user


def _found(today=TODAY) -> set[str]:
    return set(departed_ambassadors(today=today).values_list("username", flat=True))


def test_an_ambassador_who_left_long_ago_is_found(years):
    _left(years["old"], username="gone")

    assert _found() == {"gone"}


def test_the_time_counts_from_the_end_of_the_last_school_year(years):
    user = _left(years["old"], username="two.years")
    MembershipFactory(ambassador=True, user=user, school_year=years["recent"], is_active=False)

    assert _found() == set()
    assert _found(today=TODAY + _days(31)) == {"two.years"}


def test_the_boundary_is_more_than_the_retention_days(years):
    _left(years["recent"], username="boundary")
    ended = years["recent"].ends_on

    assert _found(today=ended + _days(RETENTION_DAYS)) == set()
    assert _found(today=ended + _days(RETENTION_DAYS + 1)) == {"boundary"}


def test_the_retention_days_come_from_settings(years, settings):
    _left(years["recent"], username="configurable")

    settings.AMBASSADOR_RETENTION_DAYS = 30

    assert _found() == {"configurable"}


def test_an_ambassador_who_left_recently_is_kept(years):
    _left(years["recent"], username="recent")

    assert _found() == set()


def test_an_active_ambassador_is_kept_even_with_an_old_year(years):
    user = UserFactory(username="still.here", email="", is_minor=True)
    MembershipFactory(ambassador=True, user=user, school_year=years["old"], is_active=True)

    assert _found() == set()


def test_an_ambassador_who_came_back_this_year_is_kept(years):
    user = _left(years["old"], username="back")
    MembershipFactory(ambassador=True, user=user, school_year=years["current"])

    assert _found() == set()


def test_a_deactivated_account_with_an_old_year_is_found(years):
    user = _left(years["old"], username="deactivated")
    User.objects.filter(pk=user.pk).update(is_active=False)

    assert _found() == {"deactivated"}


@pytest.mark.parametrize("role", [Role.ICT_TEACHER, Role.PSYCHOLOGIST])
def test_school_staff_are_never_found_even_long_after_they_left(years, role):
    user = _left(years["old"], username="was.ambassador.now.teacher")
    MembershipFactory(user=user, role=role, school_year=years["old"], is_active=False)
    staff = UserFactory(username="teacher")
    MembershipFactory(user=staff, role=role, school_year=years["old"], is_active=False)

    assert _found() == set()


def test_coordinators_are_never_found_even_former_ones(years):
    user = _left(years["old"], username="coordinator")
    CoordinationFactory(user=user, is_active=False)

    assert _found() == set()


def test_staff_superusers_editors_and_permission_holders_are_never_found(years):
    _left(years["old"], username="staff", is_staff=True)
    _left(years["old"], username="super", is_superuser=True)
    editor = _left(years["old"], username="editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    permitted = _left(years["old"], username="permitted")
    permitted.user_permissions.add(Permission.objects.get(codename="manage_network"))

    assert _found() == set()


def test_people_without_any_membership_are_never_found(years):
    UserFactory(username="no.roles")

    assert _found() == set()


def test_purge_deletes_the_accounts_and_keeps_the_schools_history(years):
    school = SchoolFactory()
    gone = _left(years["old"], username="gone")
    membership = Membership.objects.get(user=gone)
    membership.school = school
    membership.save()
    ParentalConsent.objects.create(user=gone, given_by="father", given_on=years["old"].starts_on)
    kept = _left(years["recent"], username="kept")

    removed = departed_ambassadors_purge(today=TODAY, dry_run=False)

    assert removed == 1
    assert not User.objects.filter(pk=gone.pk).exists()
    assert not ParentalConsent.objects.filter(user_id=gone.pk).exists()
    membership.refresh_from_db()
    assert membership.user is None
    assert (membership.school, membership.role, membership.school_year) == (
        school,
        Role.AMBASSADOR,
        years["old"],
    )
    assert User.objects.filter(pk=kept.pk).exists()


def test_a_dry_run_counts_and_deletes_nothing(years):
    _left(years["old"])
    _left(years["old"])

    assert departed_ambassadors_purge(today=TODAY, dry_run=True) == 2
    assert User.objects.count() == 2


def test_purging_twice_removes_nothing_the_second_time(years):
    _left(years["old"])

    assert departed_ambassadors_purge(today=TODAY, dry_run=False) == 1
    assert departed_ambassadors_purge(today=TODAY, dry_run=False) == 0


def _left_relative_to_today(username: str, *, ended_days_ago: int):
    from django.utils import timezone

    today = timezone.localdate()
    year = SchoolYearFactory(
        name=f"{username} year",
        starts_on=today - _days(ended_days_ago + 300),
        ends_on=today - _days(ended_days_ago),
    )
    return _left(year, username=username, first_name="Arta", last_name="Hoxha")


def test_the_command_prints_a_count_and_no_names(capsys, caplog):
    _left_relative_to_today("arta.hoxha", ended_days_ago=RETENTION_DAYS + 10)
    _left_relative_to_today("besa.kola", ended_days_ago=10)

    with caplog.at_level(logging.INFO):
        call_command("purge_departed_ambassadors")

    out = capsys.readouterr().out
    assert "Removed 1 account(s)" in out
    assert list(User.objects.values_list("username", flat=True)) == ["besa.kola"]
    assert "1 account(s) removed" in caplog.text
    everything = out + caplog.text
    for name in ("arta", "Arta", "Hoxha", "besa"):
        assert name not in everything


def test_the_command_dry_run_changes_nothing(capsys):
    _left_relative_to_today("arta.hoxha", ended_days_ago=RETENTION_DAYS + 10)

    call_command("purge_departed_ambassadors", "--dry-run")

    assert "Dry run: 1 account(s)" in capsys.readouterr().out
    assert User.objects.filter(username="arta.hoxha").exists()
