"""Live campaign reach: only verified activities count, equal to a direct count, cached briefly."""

import datetime
import uuid

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ambassadors.activities import activity_verify
from ambassadors.factories import (
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolFactory,
)
from ambassadors.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    CampaignSchoolReach,
    Role,
    School,
)
from ambassadors.reach import (
    CHART_BAR_MAX,
    PRIMARY_LEVELS,
    campaign_reach,
    reach_changed,
    reach_rebuild,
    reach_record,
)
from campaigns.factories import CampaignPageFactory
from home.factories import translate_page

COUNTS = ("girls", "boys", "students_unstated", "parents", "teachers", "other_adults")
NOT_COUNTED = (ActivityStatus.DRAFT, ActivityStatus.SUBMITTED, ActivityStatus.RETURNED)


def log_activity(school, campaign, *, status=ActivityStatus.VERIFIED, **counts) -> Activity:
    return Activity.objects.create(
        school=school,
        campaign=campaign,
        kind=ActivityKind.PEER_SESSION,
        date=datetime.date(2025, 3, 3),
        title="Seancë",
        status=status,
        submission_key=uuid.uuid4(),
        **{name: counts.get(name, 0) for name in COUNTS},
    )


@pytest.fixture
def world(site_tree):
    """A campaign in Albanian and English, another campaign, and six schools in three regions
    (levels: primary, lower and upper secondary in each of the first two regions)."""
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns, slug="fushata-a")
    english = translate_page(campaign, "en", title="Campaign A", slug="campaign-a")
    other = CampaignPageFactory(parent=site_tree.sq.campaigns, slug="fushata-b")
    schools = []
    for region_name in ("Vlorë", "Berat", "Korçë"):
        region = RegionFactory(name=region_name, code=region_name.lower()[:4])
        municipality = MunicipalityFactory(region=region, name=region_name)
        for level in School.Level.values[:2] if region_name == "Korçë" else School.Level.values:
            schools.append(SchoolFactory(municipality=municipality, level=level))
    return type(
        "World", (), {"campaign": campaign, "english": english, "other": other, "schools": schools}
    )


def fresh_reach(campaign):
    """The figures after summing every activity again (they were written directly)."""
    reach_rebuild()
    return campaign_reach(campaign=campaign)


def direct_count(activities) -> dict:
    """What a person would count by hand from a list of verified activities."""
    schools = {activity.school for activity in activities}
    regions = {school.municipality.region.name for school in schools}
    return {
        "schools": len(schools),
        "primary_schools": sum(school.level in PRIMARY_LEVELS for school in schools),
        "secondary_schools": sum(school.level not in PRIMARY_LEVELS for school in schools),
        "regions": len(regions),
        **{name: sum(getattr(activity, name) for activity in activities) for name in COUNTS},
        "by_region": [
            (
                name,
                len({a.school for a in activities if a.school.municipality.region.name == name}),
                sum(a.students for a in activities if a.school.municipality.region.name == name),
                sum(a.adults for a in activities if a.school.municipality.region.name == name),
            )
            for name in sorted(regions)
        ],
    }


def as_dict(reach) -> dict:
    return {
        "schools": reach.schools,
        "primary_schools": reach.primary_schools,
        "secondary_schools": reach.secondary_schools,
        "regions": reach.regions,
        **{name: getattr(reach, name) for name in COUNTS},
        "by_region": [(row.name, row.schools, row.students, row.adults) for row in reach.by_region],
    }


activity_rows = st.lists(
    st.tuples(
        st.integers(0, 7),  # school
        st.sampled_from(list(ActivityStatus)),
        st.sampled_from(["sq", "en", "other", None]),  # which campaign page
        *[st.integers(0, 60) for _name in COUNTS],
    ),
    max_size=14,
)


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=activity_rows)
def test_reach_equals_a_direct_count_of_verified_activities(world, rows):
    Activity.objects.all().delete()
    pages = {"sq": world.campaign, "en": world.english, "other": world.other, None: None}
    created = [
        log_activity(
            world.schools[school],
            pages[page],
            status=status,
            **dict(zip(COUNTS, counts, strict=True)),
        )
        for school, status, page, *counts in rows
    ]
    counted = [
        activity
        for activity in created
        if activity.status == ActivityStatus.VERIFIED
        and activity.campaign in (world.campaign, world.english)
    ]

    reach = fresh_reach(world.campaign)

    if not counted:
        assert reach is None
    else:
        assert as_dict(reach) == direct_count(counted)
        assert reach.students == sum(a.students for a in counted)
        assert reach.adults == sum(a.adults for a in counted)
        assert fresh_reach(world.english) == reach


def test_nothing_verified_means_no_figures(world):
    for status in NOT_COUNTED:
        log_activity(world.schools[0], world.campaign, status=status, girls=5)
    log_activity(world.schools[0], world.other, girls=5)
    log_activity(world.schools[0], None, girls=5)

    assert fresh_reach(world.campaign) is None


def test_figures_change_after_a_verification_and_not_after_other_statuses(world):
    log_activity(world.schools[0], world.campaign, girls=10, boys=12, parents=3)
    before = fresh_reach(world.campaign)
    assert (before.students, before.adults, before.schools) == (22, 3, 1)

    pending = {
        status: log_activity(world.schools[4], world.campaign, status=status, girls=7, teachers=2)
        for status in NOT_COUNTED
    }
    assert fresh_reach(world.campaign) == before

    returned = pending[ActivityStatus.RETURNED]
    returned.status = ActivityStatus.VERIFIED
    returned.save()
    after = fresh_reach(world.campaign)

    assert (after.students, after.adults, after.schools, after.regions) == (29, 5, 2, 2)


def test_albanian_and_english_pages_share_the_figures(world):
    log_activity(world.schools[0], world.campaign, girls=4)
    log_activity(world.schools[1], world.english, boys=6)

    sq, en = fresh_reach(world.campaign), fresh_reach(world.english)

    assert sq == en
    assert (sq.girls, sq.boys, sq.schools) == (4, 6, 2)


def test_schools_split_by_level_and_regions_in_name_order(world):
    for school in world.schools:
        log_activity(school, world.campaign, girls=1, parents=1)

    reach = fresh_reach(world.campaign)

    # Per region: primary + lower secondary count as primary, upper secondary as secondary.
    assert (reach.schools, reach.primary_schools, reach.secondary_schools) == (8, 6, 2)
    assert [row.name for row in reach.by_region] == ["Berat", "Korçë", "Vlorë"]
    assert [row.schools for row in reach.by_region] == [3, 2, 3]


def test_one_query_on_a_miss_none_while_cached(world, django_assert_num_queries):
    log_activity(world.schools[0], world.campaign, girls=3)
    reach_rebuild()
    cache.clear()

    with django_assert_num_queries(1):
        first = campaign_reach(campaign=world.campaign)
    with django_assert_num_queries(0):
        assert campaign_reach(campaign=world.english) == first


def test_cached_until_the_figures_change(world):
    log_activity(world.schools[0], world.campaign, girls=3)
    reach_rebuild()
    assert campaign_reach(campaign=world.campaign).girls == 3

    CampaignSchoolReach.objects.update(girls=5)
    assert campaign_reach(campaign=world.campaign).girls == 3  # cached for up to a minute

    reach_changed()
    assert campaign_reach(campaign=world.campaign).girls == 5


def test_a_verification_updates_its_schools_sums_and_the_figures_at_once(world):
    school = world.schools[0]
    teacher = MembershipFactory(school=school, role=Role.ICT_TEACHER).user
    log_activity(school, world.campaign, girls=3, parents=1)
    log_activity(world.schools[1], world.campaign, boys=4)
    reach_rebuild()
    assert campaign_reach(campaign=world.english).students == 7

    submitted = log_activity(
        school, world.english, status=ActivityStatus.SUBMITTED, girls=2, teachers=2
    )
    log_activity(school, world.campaign, status=ActivityStatus.DRAFT, boys=50)
    activity_verify(activity=submitted, verifier=teacher)

    row = CampaignSchoolReach.objects.get(campaign=world.english, school=school)
    assert (row.activities, row.girls, row.teachers) == (1, 2, 2)
    reach = campaign_reach(campaign=world.campaign)
    assert (reach.girls, reach.boys, reach.adults, reach.schools) == (5, 4, 3, 2)


def test_recording_a_school_equals_rebuilding_everything(world):
    for index, school in enumerate(world.schools):
        log_activity(school, world.campaign, girls=index, boys=1)
        log_activity(school, world.other, parents=index + 1)
        log_activity(school, world.campaign, status=ActivityStatus.SUBMITTED, girls=9)
    for school in world.schools:
        for campaign in (world.campaign, world.other):
            reach_record(campaign_id=campaign.pk, school_id=school.pk)
    recorded = sorted(
        CampaignSchoolReach.objects.values_list(
            "campaign_id", "school_id", "activities", "girls", "boys", "parents"
        )
    )

    assert reach_rebuild() == 2 * len(world.schools)
    assert (
        sorted(
            CampaignSchoolReach.objects.values_list(
                "campaign_id", "school_id", "activities", "girls", "boys", "parents"
            )
        )
        == recorded
    )


def test_no_figures_are_cached_too(world, django_assert_num_queries):
    assert campaign_reach(campaign=world.campaign) is None

    with django_assert_num_queries(0):
        assert campaign_reach(campaign=world.campaign) is None


def test_the_cache_expires_within_a_minute(world, monkeypatch):
    stored = {}
    monkeypatch.setattr(cache, "set", lambda key, value, timeout: stored.update(t=timeout))

    campaign_reach(campaign=world.campaign)

    assert 0 < stored["t"] <= 60


def test_chart_bars_scale_to_the_largest_region(world):
    log_activity(world.schools[0], world.campaign, girls=100)
    log_activity(world.schools[5], world.campaign, girls=25, boys=25)

    bars = fresh_reach(world.campaign).chart_bars

    assert [(bar.name, bar.students, bar.width) for bar in bars] == [
        ("Berat", 50, CHART_BAR_MAX // 2),
        ("Vlorë", 100, CHART_BAR_MAX),
    ]
    assert bars[1].bar_y > bars[0].bar_y
