"""The network demo: Albania's geography, 200+ schools, and five logins that work."""

import datetime
import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse
from django.utils import translation

from accounts.models import ParentalConsent
from ambassadors import permissions
from ambassadors.demo import DEFAULT_PASSWORD, current_school_year, load_network_demo
from ambassadors.models import (
    Activity,
    ActivityStatus,
    Coordination,
    Membership,
    Municipality,
    Region,
    Role,
    School,
    SchoolYear,
)
from ambassadors.reach import campaign_reach
from campaigns.factories import CampaignPageFactory
from home.factories import translate_page

LOGINS = ("ambasadori", "mesuesja", "psikologu", "koordinatori", "redaktori")


def counts() -> dict[str, int]:
    return {
        "regions": Region.objects.count(),
        "municipalities": Municipality.objects.count(),
        "schools": School.objects.count(),
        "school years": SchoolYear.objects.count(),
        "memberships": Membership.objects.count(),
        "coordinations": Coordination.objects.count(),
        "users": get_user_model().objects.count(),
        "email addresses": EmailAddress.objects.count(),
        "consents": ParentalConsent.objects.count(),
    }


def run(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("load_network_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(db):
    return load_network_demo()


def test_running_the_demo_twice_creates_nothing_twice(demo):
    first = counts()
    codes = list(School.objects.order_by("code").values_list("code", "name", "level", "setting"))

    load_network_demo()

    assert counts() == first
    assert list(
        School.objects.order_by("code").values_list("code", "name", "level", "setting")
    ) == (codes)


def test_the_demo_has_albanias_regions_and_municipalities(demo):
    assert Region.objects.count() == 12
    assert Municipality.objects.count() == 61
    tirane = Region.objects.get(code="tirane")
    assert tirane.name == "Tiranë"
    assert set(tirane.municipalities.values_list("name", flat=True)) == {
        "Kamëz",
        "Kavajë",
        "Rrogozhinë",
        "Tiranë",
        "Vorë",
    }
    assert Region.objects.get(code="korce").name == "Korçë"


def test_the_demo_spreads_200_plausible_schools_over_every_municipality(demo):
    schools = School.objects.all()
    assert schools.count() >= 200
    assert not Municipality.objects.annotate(n=Count("schools")).filter(n=0).exists()
    levels = dict(schools.values_list("level").annotate(n=Count("pk")))
    younger = levels["primary"] + levels["lower_secondary"]
    assert 0.6 <= younger / schools.count() <= 0.8
    assert set(schools.values_list("setting", flat=True)) == {"urban", "rural"}
    for school in schools.select_related("municipality__region"):
        assert school.code.startswith("AL-") and len(school.code) == 10
        assert '"' in school.name
    school = School.objects.get(code="AL-TR-0001")
    assert school.name == 'Shkolla 9-vjeçare "Naim Frashëri"'
    assert school.municipality.name == "Tiranë"


def test_the_demo_has_three_school_years(demo):
    years = {year.name: (year.starts_on, year.ends_on) for year in SchoolYear.objects.all()}

    assert years["2025–2026"] == (datetime.date(2025, 9, 8), datetime.date(2026, 6, 19))
    assert set(years) == {"2024–2025", "2025–2026", "2026–2027"}


@pytest.mark.parametrize("username", LOGINS)
def test_every_demo_login_works_with_the_demo_password(demo, username):
    assert authenticate(username=username, password=DEFAULT_PASSWORD) is not None


def test_the_demo_logins_have_their_roles_at_the_demo_school(demo):
    users = {user.username: user for user in get_user_model().objects.filter(username__in=LOGINS)}
    school, year = demo.school, demo.school_year
    assert year == current_school_year()

    ambassador = users["ambasadori"]
    assert ambassador.is_minor and ambassador.email == ""
    assert ambassador.display_name == "Arta K."
    assert permissions.is_ambassador(ambassador)
    consent = ParentalConsent.objects.get(user=ambassador)
    assert consent.recorded_by == users["mesuesja"]

    for username, role in (("mesuesja", Role.ICT_TEACHER), ("psikologu", Role.PSYCHOLOGIST)):
        assert (
            Membership.objects.active()
            .filter(user=users[username], school=school, role=role, school_year=year)
            .exists()
        )
        assert EmailAddress.objects.filter(user=users[username], verified=True).exists()
        assert permissions.can_manage_ambassadors(users[username], school)

    coordinator = users["koordinatori"]
    assert list(permissions.coordinated_regions(coordinator)) == [school.municipality.region]
    assert permissions.can_view_school(coordinator, school)

    editor = users["redaktori"]
    assert editor.is_staff and not editor.is_superuser
    assert editor.groups.filter(name="Editors").exists()
    assert permissions.is_network_editor(editor)
    assert editor.has_perm("wagtailadmin.access_admin")


def test_the_demo_editor_manages_schools_in_the_admin(demo, client, settings):
    settings.REQUIRE_STAFF_MFA = False
    client.force_login(get_user_model().objects.get(username="redaktori"))

    assert client.get(reverse("network_schools:index")).status_code == 200


def test_the_command_prints_the_logins_and_resets_the_password(db):
    output = run("--password", "another-secret")

    for username in LOGINS:
        assert username in output
    assert "another-secret" in output
    assert "Safe Internet Ambassador" in output
    assert authenticate(username="mesuesja", password="another-secret") is not None

    run()

    assert authenticate(username="mesuesja", password=DEFAULT_PASSWORD) is not None
    assert authenticate(username="mesuesja", password="another-secret") is None


def test_a_second_run_reactivates_a_handed_over_ambassador(demo):
    Membership.objects.filter(user__username="ambasadori").update(is_active=False)

    load_network_demo()

    assert Membership.objects.filter(user__username="ambasadori").count() == 1
    assert Membership.objects.active().filter(user__username="ambasadori").exists()


def test_current_school_year_in_term_and_in_the_summer_break(demo):
    assert current_school_year(datetime.date(2025, 11, 3)).name == "2025–2026"
    assert current_school_year(datetime.date(2026, 7, 15)).name == "2025–2026"
    assert current_school_year(datetime.date(2020, 1, 1)).name == "2024–2025"


def test_load_demo_prints_the_network_logins_too(db):
    out = io.StringIO()
    with translation.override("en"):
        call_command("load_demo", stdout=out)

    assert "ambasadori" in out.getvalue()
    assert "redaktori" in out.getvalue()


@pytest.mark.parametrize("username", LOGINS)
def test_every_demo_login_signs_in_through_the_login_page(demo, client, settings, username):
    settings.REQUIRE_STAFF_MFA = False

    response = client.post(
        reverse("account_login"), {"login": username, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(
        get_user_model().objects.get(username=username).pk
    )


# --- netSMARTkids 2025: the campaign table, computed from verified activities ------------------

NETSMARTKIDS_TABLE = {
    "schools": 170,
    "primary": 118,
    "secondary": 52,
    "regions": 12,
    "students": 7421,
    "girls": 3690,
    "boys": 3731,
    "unstated": 0,
    "adults": 680,
}


def table_of(reach) -> dict[str, int]:
    return {
        "schools": reach.schools,
        "primary": reach.primary_schools,
        "secondary": reach.secondary_schools,
        "regions": reach.regions,
        "students": reach.students,
        "girls": reach.girls,
        "boys": reach.boys,
        "unstated": reach.students_unstated,
        "adults": reach.adults,
    }


def activity_rows():
    return list(
        Activity.objects.order_by("submission_key").values_list(
            "submission_key", "school__code", "date", "status", "girls", "boys", "parents"
        )
    )


@pytest.fixture
def netsmartkids(site_tree):
    """The public demo's campaign page (by its slug), in Albanian and English."""
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns, slug="netsmartkids-2025")
    translate_page(campaign, "en", title="netSMARTkids 2025", slug="netsmartkids-2025")
    return campaign


def test_the_demo_reproduces_the_netsmartkids_table(netsmartkids):
    summary = load_network_demo()

    reach = campaign_reach(campaign=netsmartkids)
    assert table_of(reach) == NETSMARTKIDS_TABLE
    assert summary.campaign_activity_count == Activity.objects.count()
    verified = Activity.objects.verified()
    assert set(verified.values_list("campaign", flat=True)) == {netsmartkids.pk}
    dates = list(verified.values_list("date", flat=True))
    assert datetime.date(2025, 1, 15) <= min(dates) and max(dates) <= datetime.date(2025, 6, 30)
    year = SchoolYear.objects.get(name="2024–2025")
    assert all(year.starts_on <= day <= year.ends_on for day in dates)
    assert sum(row.students for row in reach.by_region) == 7421
    assert len(reach.by_region) == 12


def test_the_demo_has_drafts_submitted_and_returned_activities_that_do_not_count(netsmartkids):
    load_network_demo()

    pending = Activity.objects.exclude(status=ActivityStatus.VERIFIED)
    statuses = set(pending.values_list("status", flat=True))
    assert statuses == {ActivityStatus.DRAFT, ActivityStatus.SUBMITTED, ActivityStatus.RETURNED}
    returned = pending.get(status=ActivityStatus.RETURNED)
    assert returned.return_reason
    assert returned.events.filter(action="returned").exists()
    assert pending.filter(girls__gt=0).exists()
    assert table_of(campaign_reach(campaign=netsmartkids)) == NETSMARTKIDS_TABLE


def test_the_demo_activities_are_idempotent_and_deterministic(netsmartkids):
    load_network_demo()
    first = activity_rows()
    Activity.objects.filter(status=ActivityStatus.DRAFT).update(
        status=ActivityStatus.VERIFIED, girls=999
    )

    load_network_demo()

    assert activity_rows() == first
    assert table_of(campaign_reach(campaign=netsmartkids)) == NETSMARTKIDS_TABLE


def test_the_demo_skips_activities_without_the_public_demo(demo):
    assert demo.campaign_activity_count == 0
    assert not Activity.objects.exists()


def test_load_demo_shows_the_computed_table_on_both_campaign_pages(db, client):
    with translation.override("en"):
        call_command("load_demo", stdout=io.StringIO())

    for url in ("/fushata/netsmartkids-2025/", "/en/campaigns/netsmartkids-2025/"):
        html = client.get(url).content.decode()
        for figure in ("7", "421"):
            assert figure in html
        assert "<svg" in html and "<table" in html
