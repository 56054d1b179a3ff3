"""The campaign page's live reach: figures, region table and SVG chart, in both languages."""

import datetime
import re
import uuid

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext

from ambassadors.activities import activity_verify
from ambassadors.factories import (
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolFactory,
)
from ambassadors.models import Activity, ActivityKind, ActivityStatus, School
from ambassadors.reach import reach_rebuild, reach_record
from campaigns.factories import CampaignPageFactory
from home.factories import translate_page

pytestmark = pytest.mark.django_db


def in_language(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


def number(language: str, value: int) -> str:
    """A number as the page shows it in that language (humanize's intcomma, localized)."""
    with translation.override(language):
        return Template("{% load humanize %}{{ value|intcomma }}").render(Context({"value": value}))


def log(school, campaign, *, status=ActivityStatus.VERIFIED, **counts) -> Activity:
    """An activity written directly; a verified one is summed as the verify service does."""
    activity = Activity.objects.create(
        school=school,
        campaign=campaign,
        kind=ActivityKind.CLASS_PRESENTATION,
        date=datetime.date(2025, 2, 11),
        title="Dita e Internetit më të Sigurt",
        status=status,
        submission_key=uuid.uuid4(),
        **counts,
    )
    if status == ActivityStatus.VERIFIED and campaign is not None:
        reach_record(campaign_id=campaign.pk, school_id=school.pk)
    return activity


@pytest.fixture
def campaign(site_tree):
    """A campaign page in Albanian (`.sq`) and English (`.en`) and three schools (`.schools`):
    two in Tiranë (one primary, one upper secondary) and one in Shkodër."""
    sq = CampaignPageFactory(parent=site_tree.sq.campaigns, slug="netsmartkids")
    en = translate_page(sq, "en", title="netSMARTkids", slug="netsmartkids")
    tirane = MunicipalityFactory(region=RegionFactory(name="Tiranë", code="tirane"), name="Tiranë")
    shkoder = MunicipalityFactory(
        region=RegionFactory(name="Shkodër", code="shkoder"), name="Shkodër"
    )
    schools = [
        SchoolFactory(municipality=tirane, level=School.Level.PRIMARY),
        SchoolFactory(municipality=tirane, level=School.Level.UPPER_SECONDARY),
        SchoolFactory(municipality=shkoder, level=School.Level.LOWER_SECONDARY),
    ]
    return type("Campaign", (), {"sq": sq, "en": en, "schools": schools})


def reach_section(html: str) -> str:
    match = re.search(r'<section class="figures reach".*?</section>', html, re.S)
    return match.group(0) if match else ""


def table_cells(section: str) -> list[str]:
    return re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", section.split("<tbody>")[1])


@pytest.fixture
def figures(campaign):
    a, b, c = campaign.schools
    log(a, campaign.sq, girls=1200, boys=1100, parents=30)
    log(b, campaign.en, girls=40, boys=35, students_unstated=5, teachers=4)
    log(c, campaign.sq, girls=20, boys=22, other_adults=2)
    log(c, campaign.sq, status=ActivityStatus.SUBMITTED, girls=500)
    return campaign


@pytest.mark.parametrize("language", ["sq", "en"])
def test_the_page_shows_figures_table_and_chart(client, figures, language):
    page = figures.sq if language == "sq" else figures.en
    assert page.url.startswith("/en/") == (language == "en")

    response = client.get(page.url)

    html = response.content.decode()
    section = reach_section(html)
    assert f'lang="{language}"' in html
    assert in_language(language, "Reach so far") in section
    assert in_language(language, "Reach by region") in section
    # 2,422 students (1,260 girls, 1,157 boys, 5 not stated), 3 schools in 2 regions, 36 adults.
    for value in (2422, 1260, 1157, 36):
        assert number(language, value) in section
    if language == "en":
        assert "schools reached (2 primary, 1 secondary)" in section
    assert '<th scope="col">' in section and '<th scope="row">Shkodër</th>' in section
    assert table_cells(section) == [
        "Shkodër",
        "1",
        "42",
        "2",
        "Tiranë",
        "2",
        number(language, 2380),
        "34",
    ]
    svg = re.search(r"<svg.*?</svg>", section, re.S).group(0)
    assert 'role="img"' in svg
    assert in_language(language, "Students reached per region") in svg
    assert f"Tiranë: {number(language, 2380)}" in svg and "Shkodër: 42" in svg
    assert svg.count("<rect") == 2


def test_albanian_and_english_pages_show_the_same_figures(client, figures):
    sq = reach_section(client.get(figures.sq.url).content.decode())
    en = reach_section(client.get(figures.en.url).content.decode())

    def digits(section):
        return [re.sub(r"\D", "", cell) for cell in table_cells(section)]

    assert figures.sq.url.startswith("/") and not figures.sq.url.startswith("/en/")
    assert figures.en.url.startswith("/en/")
    assert digits(sq) == digits(en)


def test_no_section_until_something_is_verified(client, campaign):
    for status in (ActivityStatus.DRAFT, ActivityStatus.SUBMITTED, ActivityStatus.RETURNED):
        log(campaign.schools[0], campaign.sq, status=status, girls=10)

    for page in (campaign.sq, campaign.en):
        html = client.get(page.url).content.decode()
        assert 'class="figures reach"' not in html
        assert "<svg role" not in html


def test_an_activity_verified_behind_the_service_counts_after_a_rebuild(client, campaign):
    pending = log(campaign.schools[0], campaign.sq, status=ActivityStatus.SUBMITTED, girls=77)
    assert "reach" not in reach_section(client.get(campaign.en.url).content.decode())

    pending.status = ActivityStatus.VERIFIED
    pending.save()  # as a bulk import would: the per-school sums do not know yet
    assert "reach" not in reach_section(client.get(campaign.en.url).content.decode())

    reach_rebuild()

    assert "77" in reach_section(client.get(campaign.en.url).content.decode())


def test_a_verification_through_the_service_shows_at_once(
    client, campaign, django_capture_on_commit_callbacks
):
    school = campaign.schools[0]
    teacher = MembershipFactory(school=school).user
    pending = log(school, campaign.sq, status=ActivityStatus.SUBMITTED, girls=77)
    assert "77" not in reach_section(client.get(campaign.en.url).content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        activity_verify(activity=pending, verifier=teacher)

    assert "77" in reach_section(client.get(campaign.en.url).content.decode())


def test_the_page_query_count_does_not_grow_with_activities(campaign, page_queries):
    def add(count):
        for n in range(count):
            log(campaign.schools[n % 3], campaign.sq, girls=n % 7 + 1, parents=n % 2)

    empty = page_queries(campaign.sq.url)
    add(10)
    ten = page_queries(campaign.sq.url)
    add(90)
    hundred = page_queries(campaign.sq.url)

    print(f"\ncampaign page queries: none verified={empty}, 10={ten}, 100={hundred}")
    assert ten == hundred == empty
