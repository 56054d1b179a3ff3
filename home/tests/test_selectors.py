"""Reads behind the home page, the navigation and search."""

import datetime

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction, Site

from campaigns.factories import CampaignPageFactory
from home.factories import StandardPageFactory, translate_page
from home.selectors import home_listings, live_pages, menu_pages, search_pages, site_home
from lessons.factories import LessonPageFactory, lesson_steps
from lessons.models import LessonPage
from newsletters.factories import NewsletterIssuePageFactory


@pytest.mark.django_db
def test_live_pages_keeps_published_public_pages_of_one_language(site_tree):
    published = LessonPageFactory(parent=site_tree.sq.lessons)
    LessonPageFactory(parent=site_tree.sq.lessons, publish=False)
    private = LessonPageFactory(parent=site_tree.sq.lessons)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    english = translate_page(published)

    sq_pks = set(
        live_pages(LessonPage, locale=site_tree.sq.home.locale).values_list("pk", flat=True)
    )
    en_pks = set(
        live_pages(LessonPage, locale=site_tree.en.home.locale).values_list("pk", flat=True)
    )

    assert sq_pks == {published.pk}
    assert en_pks == {english.pk}


@pytest.mark.django_db
def test_home_listings_shows_the_three_latest_lessons_and_issues_of_its_language(site_tree):
    lessons = [LessonPageFactory(parent=site_tree.sq.lessons) for _ in range(4)]
    issues = [
        NewsletterIssuePageFactory(
            parent=site_tree.sq.newsletters, issue_date=datetime.date(2025, month, 1)
        )
        for month in (3, 1, 4, 2)
    ]
    translate_page(lessons[0])
    translate_page(issues[0])

    sq = home_listings(home=site_tree.sq.home)
    en = home_listings(home=site_tree.en.home)

    assert [page.pk for page in sq["latest_lessons"]] == [p.pk for p in lessons[:0:-1]]
    assert [page.issue_date.month for page in sq["latest_issues"]] == [4, 3, 2]
    assert [page.locale_id for page in en["latest_lessons"]] == [site_tree.en.home.locale_id]
    assert len(en["latest_issues"]) == 1
    assert sq["featured_campaign"] is None


@pytest.mark.django_db
def test_home_listings_gives_the_featured_campaign_in_the_home_page_language(site_tree):
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns)
    en_campaign = translate_page(campaign, title="The campaign")
    site_tree.sq.home.featured_campaign = campaign
    site_tree.sq.home.save()

    assert home_listings(home=site_tree.sq.home)["featured_campaign"].pk == campaign.pk
    # The English home points at the Albanian campaign; it is shown in English.
    site_tree.en.home.featured_campaign = campaign
    assert home_listings(home=site_tree.en.home)["featured_campaign"].pk == en_campaign.pk


@pytest.mark.django_db
def test_home_listings_hides_a_featured_campaign_that_is_unpublished_or_untranslated(site_tree):
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns)
    site_tree.en.home.featured_campaign = campaign
    assert home_listings(home=site_tree.en.home)["featured_campaign"] is None

    translate_page(campaign, live=False)
    assert home_listings(home=site_tree.en.home)["featured_campaign"] is None

    campaign.unpublish()
    site_tree.sq.home.featured_campaign = campaign
    assert home_listings(home=site_tree.sq.home)["featured_campaign"] is None


@pytest.mark.django_db
def test_site_home_is_the_home_page_in_the_active_language(rf, site_tree):
    request = rf.get("/")

    assert site_home(request).pk == site_tree.sq.home.pk
    with translation.override("en"):
        assert site_home(rf.get("/en/")).pk == site_tree.en.home.pk


@pytest.mark.django_db
def test_site_home_is_none_when_no_site_answers_the_request(rf, site_tree):
    Site.objects.update(is_default_site=False)

    assert site_home(rf.get("/", HTTP_HOST="elsewhere.example.org")) is None
    assert menu_pages(rf.get("/", HTTP_HOST="elsewhere.example.org")) == []


@pytest.mark.django_db
def test_menu_pages_are_the_live_menu_children_of_home_in_the_active_language(rf, site_tree):
    StandardPageFactory(parent=site_tree.sq.home, title="Jo në menu", show_in_menus=False)
    StandardPageFactory(parent=site_tree.sq.home, show_in_menus=True, publish=False)

    sq_menu = menu_pages(rf.get("/"))
    with translation.override("en"):
        en_menu = menu_pages(rf.get("/en/"))

    assert [page.pk for page in sq_menu] == [
        site_tree.sq.campaigns.pk,
        site_tree.sq.lessons.pk,
        site_tree.sq.newsletters.pk,
    ]
    assert [page.pk for page in en_menu] == [
        site_tree.en.campaigns.pk,
        site_tree.en.lessons.pk,
        site_tree.en.newsletters.pk,
    ]


@pytest.mark.django_db
def test_search_pages_matches_words_in_one_language_only(site_tree):
    lesson = LessonPageFactory(
        parent=site_tree.sq.lessons, steps=lesson_steps("Gjuha e urrejtjes online.")
    )
    translate_page(lesson, steps=lesson_steps("Hate speech online, urrejtjes."))

    results = list(search_pages(query="urrejtjes", locale=site_tree.sq.home.locale))

    assert [page.pk for page in results] == [lesson.pk]
    assert isinstance(results[0], LessonPage), "results are specific pages"
