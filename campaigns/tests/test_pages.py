"""Campaigns, events and annual reports: page rules, validation, rendering and the index."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from campaigns.factories import (
    AnnualReportPageFactory,
    CampaignIndexPageFactory,
    CampaignPageFactory,
    EventPageFactory,
)
from campaigns.models import AnnualReportPage, CampaignIndexPage, CampaignPage, EventPage
from campaigns.selectors import PAST_EVENTS_SHOWN, campaign_index_listings
from home.factories import DocumentFactory, HomePageFactory, ImageFactory, translate_page
from home.models import HomePage, StandardPage
from lessons.models import LessonIndexPage

CAMPAIGN_CHILDREN = {CampaignPage, EventPage, AnnualReportPage}


class TestCampaignPageTypeRules(WagtailPageTestCase):
    def test_campaign_index_sits_under_home(self):
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CampaignIndexPage, CAMPAIGN_CHILDREN)
        self.assertCanCreateAt(HomePage, CampaignIndexPage)
        self.assertCanNotCreateAt(StandardPage, CampaignIndexPage)

    def test_campaigns_events_and_reports_live_in_the_campaign_index_only(self):
        for model in CAMPAIGN_CHILDREN:
            with self.subTest(model=model.__name__):
                self.assertAllowedParentPageTypes(model, {CampaignIndexPage})
                self.assertAllowedSubpageTypes(model, set())
                self.assertCanNotCreateAt(HomePage, model)
                self.assertCanNotCreateAt(LessonIndexPage, model)


@pytest.mark.django_db
def test_only_one_campaign_index_per_home(site_tree):
    assert not CampaignIndexPage.can_create_at(site_tree.sq.home)
    other_home = HomePageFactory(parent=site_tree.root, slug="tjeter")
    assert CampaignIndexPage.can_create_at(other_home)
    CampaignIndexPageFactory(parent=other_home)
    assert not CampaignIndexPage.can_create_at(other_home)


# --- Validation -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_campaign_cannot_end_before_it_starts(site_tree, english):
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns)
    campaign.start_date = datetime.date(2025, 6, 1)
    campaign.end_date = datetime.date(2025, 5, 31)

    with pytest.raises(ValidationError) as error:
        campaign.full_clean()

    assert error.value.message_dict["end_date"] == ["The campaign cannot end before it starts."]

    campaign.end_date = campaign.start_date
    campaign.full_clean()
    campaign.end_date = None
    campaign.full_clean()


@pytest.mark.django_db
def test_event_cannot_end_before_it_starts(site_tree, english):
    event = EventPageFactory(parent=site_tree.sq.campaigns)
    event.ends_at = event.starts_at - datetime.timedelta(minutes=1)

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict["ends_at"] == ["The event cannot end before it starts."]

    event.ends_at = event.starts_at + datetime.timedelta(hours=2)
    event.full_clean()


# --- Rendering in both languages ---------------------------------------------------------------


@pytest.fixture
def campaign_pages(site_tree):
    """One of each campaign page type in Albanian, each with its English translation."""
    index = site_tree.sq.campaigns
    pages = {
        "campaign": CampaignPageFactory(
            parent=index,
            title="netSMARTkids 2025",
            slug="netsmartkids-2025",
            image=ImageFactory(),
            image_alt="Nxënës në një orë mësimi",
            tags=["Ngacmimi"],
            toolkit=[
                {"type": "document", "value": {"document": DocumentFactory().pk, "label": ""}}
            ],
        ),
        "event": EventPageFactory(
            parent=index, title="Dita e Internetit të Sigurt", slug="dita", kind="sid"
        ),
        "report": AnnualReportPageFactory(
            parent=index,
            title="Raporti vjetor 2024",
            slug="raporti-2024",
            report_document=DocumentFactory(title="Raporti 2024"),
        ),
    }
    english = {
        "campaign": translate_page(pages["campaign"], title="netSMARTkids 2025 campaign"),
        "event": translate_page(pages["event"], title="Safer Internet Day", slug="sid"),
        "report": translate_page(pages["report"], title="Annual report 2024", slug="report-2024"),
    }
    return {"sq": pages, "en": english}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "en"])
@pytest.mark.parametrize("kind", ["index", "campaign", "event", "report"])
def test_campaign_pages_render_in_both_languages(
    client, site_tree, campaign_pages, parse_html, kind, language
):
    if kind == "index":
        page = getattr(site_tree, language).campaigns
    else:
        page = campaign_pages[language][kind]

    response = client.get(page.url)

    assert response.status_code == 200
    parsed = parse_html(response)
    assert parsed.lang == language
    assert page.title in parsed.text
    assert page.url.startswith("/en/") == (language == "en")


@pytest.mark.django_db
def test_annual_report_links_its_document(client, campaign_pages, parse_html):
    report = campaign_pages["sq"]["report"]

    parsed = parse_html(client.get(report.url))

    assert report.report_document.url in parsed.hrefs()


# --- The index ---------------------------------------------------------------------------------


def at_days(days: int, hour: int = 10) -> datetime.datetime:
    """A moment `days` from today at the given local hour."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.mark.django_db
def test_index_lists_upcoming_events_soonest_first_and_past_events_latest_first(
    client, site_tree, parse_html
):
    index = site_tree.sq.campaigns
    later = EventPageFactory(parent=index, title="Forumi i vjeshtës", starts_at=at_days(60))
    soon = EventPageFactory(parent=index, title="Trajnimi i mësuesve", starts_at=at_days(3))
    today = EventPageFactory(parent=index, title="Takimi i sotëm", starts_at=at_days(0, 0))
    recent = EventPageFactory(parent=index, title="Konsultimi në Korçë", starts_at=at_days(-2))
    old = EventPageFactory(parent=index, title="Forumi i 10-të", starts_at=at_days(-300))
    EventPageFactory(parent=index, title="Draft", starts_at=at_days(5), publish=False)

    response = client.get(index.url)

    assert response.status_code == 200
    context = response.context
    assert [e.pk for e in context["upcoming_events"]] == [today.pk, soon.pk, later.pk]
    assert [e.pk for e in context["past_events"]] == [recent.pk, old.pk]
    text = parse_html(response).text
    assert text.index("Trajnimi i mësuesve") < text.index("Forumi i vjeshtës")
    assert text.index("Forumi i vjeshtës") < text.index("Konsultimi në Korçë")
    assert "Draft" not in text


@pytest.mark.django_db
def test_index_shows_a_limited_number_of_past_events(site_tree):
    index = site_tree.sq.campaigns
    for days in range(1, PAST_EVENTS_SHOWN + 3):
        EventPageFactory(parent=index, starts_at=at_days(-days))

    listings = campaign_index_listings(index=index, today=timezone.localdate())

    assert len(listings["past_events"]) == PAST_EVENTS_SHOWN
    assert list(listings["upcoming_events"]) == []


@pytest.mark.django_db
def test_index_lists_campaigns_newest_first_and_reports_by_year(site_tree):
    index = site_tree.sq.campaigns
    first = CampaignPageFactory(parent=index, start_date=datetime.date(2024, 10, 1))
    latest = CampaignPageFactory(parent=index, start_date=datetime.date(2025, 1, 15))
    report_2023 = AnnualReportPageFactory(parent=index, year=2023)
    report_2024 = AnnualReportPageFactory(parent=index, year=2024)
    translate_page(latest)

    sq = campaign_index_listings(index=index, today=timezone.localdate())
    en = campaign_index_listings(index=site_tree.en.campaigns, today=timezone.localdate())

    assert [c.pk for c in sq["campaigns"]] == [latest.pk, first.pk]
    assert [r.pk for r in sq["reports"]] == [report_2024.pk, report_2023.pk]
    assert [c.translation_key for c in en["campaigns"]] == [latest.translation_key]
    assert list(en["reports"]) == []


# --- Query counts -----------------------------------------------------------------------------

# Measured 25 on SQLite with every section filled; room for 2.
CAMPAIGN_INDEX_MAX_QUERIES = 27


@pytest.mark.django_db
def test_campaign_index_query_count_does_not_grow_with_content(
    site_tree, page_queries, django_assert_max_num_queries
):
    index = site_tree.sq.campaigns

    def add_content(count, offset):
        for n in range(offset, offset + count):
            CampaignPageFactory(
                parent=index, image=ImageFactory(), image_alt="Fushata", tags=["Siguria"]
            )
            EventPageFactory(parent=index, starts_at=at_days(n + 1))
            EventPageFactory(parent=index, starts_at=at_days(-n - 1))
            AnnualReportPageFactory(parent=index, year=2000 + n, report_document=DocumentFactory())

    add_content(2, 0)
    few = page_queries(index.url)
    add_content(18, 2)
    many = page_queries(index.url)

    print(f"\ncampaign index queries: 2 of each={few}, 20 of each={many}")
    assert many == few
    with django_assert_max_num_queries(CAMPAIGN_INDEX_MAX_QUERIES):
        page_queries.cold_get(index.url)
