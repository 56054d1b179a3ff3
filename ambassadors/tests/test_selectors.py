import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ambassadors import selectors, space_cache
from ambassadors.factories import MembershipFactory, SchoolYearFactory
from campaigns.factories import CampaignPageFactory
from home.factories import translate_page
from lessons.factories import LessonPageFactory


def test_school_list_scoping_and_filters(network):
    coordinator = network.users["coordinator"]
    names = lambda **kw: [s.name for s in selectors.school_list(user=coordinator, **kw)]  # noqa: E731
    assert names() == ["Shkolla Alfa", "Shkolla Beta"]
    assert names(query="alfa") == ["Shkolla Alfa"]
    assert names(query="AL-B") == ["Shkolla Beta"]
    assert names(region=network.region2) == []
    assert names(level="upper_secondary") == ["Shkolla Beta"]
    assert list(selectors.school_list(user=network.users["teacher"])) == [network.school_a]


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("ambassador", "ambassador"),
        ("teacher", "ict_teacher"),
        ("psychologist", "psychologist"),
        ("coordinator", "coordinator"),
        ("editor", "editor"),
        ("other_teacher", None),
    ],
)
def test_viewer_role_and_next_steps(network, role, expected):
    found = selectors.viewer_role(network.users[role], network.school_a)
    assert found == expected
    template = selectors.next_steps_template(found)
    assert template == (f"ambassadors/next_steps/{expected}.html" if expected else None)


class TestSchoolTeam:
    def test_splits_current_earlier_and_ended(self, network):
        last_year = SchoolYearFactory(
            name="past",
            starts_on=network.year.starts_on - datetime.timedelta(days=365),
            ends_on=network.year.starts_on - datetime.timedelta(days=1),
        )
        earlier = MembershipFactory(school=network.school_a, school_year=last_year, ambassador=True)
        long_gone = MembershipFactory(
            school=network.school_a,
            school_year=last_year,
            is_active=False,
            ended_on=last_year.ends_on,
        )
        network.psychologist.is_active = False
        network.psychologist.ended_on = timezone.localdate()
        network.psychologist.save()
        team = selectors.school_team(school=network.school_a, today=timezone.localdate())
        pks = {key: [m.membership.pk for m in team[key]] for key in ("current", "earlier", "ended")}
        assert sorted(pks["current"]) == sorted([network.ambassador.pk, network.teacher.pk])
        assert pks["earlier"] == [earlier.pk]
        assert pks["ended"] == [network.psychologist.pk]
        assert long_gone.pk not in sum(pks.values(), [])

    def test_account_states(self, network, english):
        now = timezone.now()
        membership = network.ambassador
        assert selectors.account_state(membership, now=now) == "Password set, not signed in yet"
        membership.user.last_login = now
        assert selectors.account_state(membership, now=now) == "Active"
        membership.user.set_unusable_password()
        assert selectors.account_state(membership, now=now).startswith("No password yet")
        membership.user.is_active = False
        assert selectors.account_state(membership, now=now) == "Account switched off"
        membership.user = None
        assert selectors.account_state(membership, now=now) == "Account deleted"

    def test_one_query(self, network, django_assert_num_queries):
        with django_assert_num_queries(2):  # the school year, then the team
            selectors.school_team(school=network.school_a, today=timezone.localdate())


class TestResourcesAndCampaigns:
    @pytest.fixture
    def content(self, site_tree):
        lessons = site_tree.sq.lessons
        for_ambassadors = LessonPageFactory(parent=lessons, title="A1", for_ambassadors=True)
        for_teachers = LessonPageFactory(parent=lessons, title="T1", for_teachers=True)
        LessonPageFactory(parent=lessons, title="Draft", for_ambassadors=True, publish=False)
        translate_page(for_ambassadors, "en", title="A1 en")
        return site_tree, for_ambassadors, for_teachers

    def test_lessons_fit_the_role_and_the_language(self, network, content):
        site_tree, for_ambassadors, for_teachers = content
        titles = lambda role, language: [  # noqa: E731
            lesson.title for lesson in selectors.role_resources(role=role, language=language)
        ]
        assert titles("ambassador", "sq") == ["A1"]
        assert titles("ict_teacher", "sq") == ["T1"]
        assert titles("psychologist", "sq") == ["T1"]
        assert titles("ambassador", "en") == ["A1 en"]
        assert titles(None, "sq") == []

    def test_at_most_three_lessons_kept_until_a_page_changes(
        self, network, content, django_assert_num_queries
    ):
        site_tree = content[0]
        for n in range(5):
            LessonPageFactory(parent=site_tree.sq.lessons, title=f"More {n}", for_teachers=True)
        with django_assert_num_queries(3):  # the locale, view restrictions, then the pages
            lessons = selectors.role_resources(role="ict_teacher", language="sq")
        assert [lesson.title for lesson in lessons] == ["More 4", "More 3", "More 2"]
        with django_assert_num_queries(0):
            again = selectors.role_resources(role="ict_teacher", language="sq")
        assert [lesson.title for lesson in again] == ["More 4", "More 3", "More 2"]
        LessonPageFactory(parent=site_tree.sq.lessons, title="Newest", for_teachers=True)
        lessons = selectors.role_resources(role="ict_teacher", language="sq")
        assert [lesson.title for lesson in lessons] == ["Newest", "More 4", "More 3"]
        # Unpublishing retires the kept list as well.
        lessons[0].unpublish()
        lessons = selectors.role_resources(role="ict_teacher", language="sq")
        assert [lesson.title for lesson in lessons] == ["More 4", "More 3", "More 2"]

    def test_upcoming_campaigns(self, network, site_tree, django_assert_num_queries):
        today = timezone.localdate()
        index = site_tree.sq.campaigns
        CampaignPageFactory(parent=index, title="Ended", end_date=today - datetime.timedelta(1))
        CampaignPageFactory(parent=index, title="Open-ended", start_date=today, end_date=None)
        CampaignPageFactory(parent=index, title="Ends today", start_date=today, end_date=today)
        for n in range(3):
            CampaignPageFactory(
                parent=index,
                title=f"Later {n}",
                start_date=today + datetime.timedelta(days=10 + n),
                end_date=today + datetime.timedelta(days=40),
            )
        with django_assert_num_queries(3):  # the locale, view restrictions, then the pages
            campaigns = selectors.upcoming_campaigns(language="sq", today=today)
        assert [c.title for c in campaigns] == ["Open-ended", "Ends today", "Later 0"]
        assert selectors.upcoming_campaigns(language="en", today=today) == []
        # Kept per day: tomorrow, the campaign that ends today is gone.
        tomorrow = today + datetime.timedelta(days=1)
        campaigns = selectors.upcoming_campaigns(language="sq", today=tomorrow)
        assert [c.title for c in campaigns] == ["Open-ended", "Later 0", "Later 1"]


def test_school_space_query_count_does_not_grow(client, network, site_tree, count_queries):
    """The school page's queries stay the same with 1 or 11 ambassadors, lessons and campaigns,
    and the kept space takes a handful."""
    client.force_login(network.users["teacher"])
    address = reverse("network:school", args=[network.school_a.pk])

    def grow():
        for _ in range(10):
            MembershipFactory(school=network.school_a, school_year=network.year, ambassador=True)
            LessonPageFactory(parent=site_tree.sq.lessons, for_teachers=True)
            CampaignPageFactory(parent=site_tree.sq.campaigns, end_date=None)

    def rebuilt():
        space_cache.spaces_changed([network.school_a.pk])  # what is kept is not read
        return count_queries(lambda: client.get(address))

    client.get(address)
    before, response = rebuilt()
    assert response.status_code == 200
    grow()
    client.get(address)  # new pages retired the kept listings: read them again, as `before` did
    after, response = rebuilt()
    assert len(response.context["team"]["current"]) == 13
    assert after == before
    assert before <= 15
    kept, _ = count_queries(lambda: client.get(address))
    assert kept <= 6
