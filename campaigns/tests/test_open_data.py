"""Public open data: the figures of the campaign page, aggregates only, small cells withheld."""

import csv
import datetime
import io
import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse

from accounts.factories import UserFactory
from ambassadors.activities import activity_verify
from ambassadors.factories import (
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolFactory,
)
from ambassadors.models import Activity, ActivityKind, ActivityStatus, School
from ambassadors.reach import campaign_reach, reach_record
from campaigns.factories import CampaignPageFactory
from campaigns.open_data import CAMPAIGN_FIELDS, REGION_FIELDS
from home.factories import translate_page

pytestmark = pytest.mark.django_db

NAMES = ("campaigns_json", "campaigns_csv", "regions_json", "regions_csv")
# Personal or identifying values of the test data; none may appear in any response.
SECRETS = {
    "school_names": ["Shkolla Zqvarta", "Shkolla Zqvbeta", "Shkolla Zqvgama", "Shkolla Zqvdelta"],
    "school_codes": ["AL-ZQ-0001", "AL-ZQ-0002", "AL-ZQ-0003", "AL-ZQ-0004"],
    "username": "ambassador.zqvx",
    "first_name": "Xhiliolazq",
    "last_name": "Qerimajzq",
    "verifier": "teacher.zqvy",
    "title": "Secret session zqv",
    "note": "Mira from class 3B zqv",
}


def url(name: str) -> str:
    return reverse(f"open_data:{name}")


def log(school, campaign, *, status=ActivityStatus.VERIFIED, author=None, **counts) -> Activity:
    """An activity written directly; a verified one is summed as the verify service does."""
    activity = Activity.objects.create(
        school=school,
        campaign=campaign,
        kind=ActivityKind.CLASS_PRESENTATION,
        date=datetime.date(2025, 2, 11),
        title=SECRETS["title"],
        note=SECRETS["note"],
        author=author,
        status=status,
        submission_key=uuid.uuid4(),
        **counts,
    )
    if status == ActivityStatus.VERIFIED and campaign is not None:
        reach_record(campaign_id=campaign.pk, school_id=school.pk)
    return activity


@pytest.fixture
def campaign(site_tree):
    """A campaign in Albanian (`.sq`) and English (`.en`); four schools (`.schools`), two per
    region: Tiranë (primary, upper secondary) and Shkodër (lower secondary, upper secondary)."""
    sq = CampaignPageFactory(parent=site_tree.sq.campaigns, slug="netsmartkids", title="Fushata")
    en = translate_page(sq, "en", title="netSMARTkids", slug="netsmartkids-en")
    tirane = MunicipalityFactory(region=RegionFactory(name="Tiranë", code="tirane"), name="Tiranë")
    shkoder = MunicipalityFactory(
        region=RegionFactory(name="Shkodër", code="shkoder"), name="Shkodër"
    )
    levels = [
        (tirane, School.Level.PRIMARY),
        (tirane, School.Level.UPPER_SECONDARY),
        (shkoder, School.Level.LOWER_SECONDARY),
        (shkoder, School.Level.UPPER_SECONDARY),
    ]
    schools = [
        SchoolFactory(municipality=municipality, level=level, name=name, code=code)
        for (municipality, level), name, code in zip(
            levels, SECRETS["school_names"], SECRETS["school_codes"], strict=True
        )
    ]
    return type("Campaign", (), {"sq": sq, "en": en, "schools": schools})


@pytest.fixture
def figures(campaign):
    """Verified activities with every cell 0 or at least 5 and two schools per region, plus
    activities that must not count (a draft, a submitted and a returned one)."""
    a, b, c, d = campaign.schools
    author = UserFactory(
        username=SECRETS["username"],
        first_name=SECRETS["first_name"],
        last_name=SECRETS["last_name"],
    )
    log(a, campaign.sq, author=author, girls=120, boys=110, parents=30)
    log(b, campaign.en, author=author, girls=40, boys=35, students_unstated=5, teachers=6)
    log(c, campaign.sq, author=author, girls=20, boys=22, other_adults=7)
    log(d, campaign.sq, author=author, girls=9, boys=11, students_unstated=6, parents=8)
    for status in (ActivityStatus.DRAFT, ActivityStatus.SUBMITTED, ActivityStatus.RETURNED):
        log(c, campaign.sq, status=status, author=author, girls=500, boys=500, parents=50)
    return campaign


def campaigns(client) -> list[dict]:
    return client.get(url("campaigns_json")).json()["campaigns"]


def regions(client) -> list[dict]:
    return client.get(url("regions_json")).json()["regions"]


def test_campaign_row_equals_campaign_reach(client, figures):
    reach = campaign_reach(campaign=figures.en)

    [row] = campaigns(client)

    assert row == {
        "id": str(figures.sq.translation_key),
        "slug": "netsmartkids",
        "title": "Fushata",
        "schools_reached": reach.schools,
        "primary_schools": reach.primary_schools,
        "secondary_schools": reach.secondary_schools,
        "regions_reached": reach.regions,
        "girls": reach.girls,
        "boys": reach.boys,
        "students_not_stated": reach.students_unstated,
        "students": reach.students,
        "adults": reach.adults,
        "suppressed": False,
    }
    # Drafts, submitted and returned activities are left out: 4 schools, 378 students, 51 adults.
    assert (row["schools_reached"], row["primary_schools"], row["secondary_schools"]) == (4, 2, 2)
    assert (row["students"], row["adults"]) == (378, 51)


def test_a_verification_shows_in_open_data_at_once(
    client, campaign, figures, django_capture_on_commit_callbacks
):
    before = campaigns(client)[0]["girls"]  # now cached
    school = campaign.schools[0]
    pending = log(school, campaign.sq, status=ActivityStatus.SUBMITTED, girls=40)

    assert campaigns(client)[0]["girls"] == before
    with django_capture_on_commit_callbacks(execute=True):
        activity_verify(activity=pending, verifier=MembershipFactory(school=school).user)

    assert campaigns(client)[0]["girls"] == before + 40


def test_region_rows_equal_campaign_reach(client, figures):
    reach = campaign_reach(campaign=figures.sq)

    rows = regions(client)

    assert [(r["region"], r["schools"], r["students"], r["adults"]) for r in rows] == [
        (region.name, region.schools, region.students, region.adults) for region in reach.by_region
    ]
    assert rows[0] == {
        "campaign_id": str(figures.sq.translation_key),
        "campaign": "netsmartkids",
        "region": "Shkodër",
        "region_code": "shkoder",
        "schools": 2,
        "girls": 29,
        "boys": 33,
        "students_not_stated": 6,
        "students": 68,
        "adults": 15,
        "suppressed": False,
    }


def test_unverified_activities_and_unpublished_campaigns_are_left_out(client, campaign):
    for status in (ActivityStatus.DRAFT, ActivityStatus.SUBMITTED, ActivityStatus.RETURNED):
        log(campaign.schools[0], campaign.sq, status=status, girls=50, boys=50)
    hidden = CampaignPageFactory(parent=campaign.sq.get_parent(), slug="hidden")
    log(campaign.schools[0], hidden, girls=50, boys=50)
    log(campaign.schools[1], hidden, girls=50, boys=50)
    hidden.unpublish()

    assert campaigns(client) == []
    assert regions(client) == []


@pytest.mark.parametrize("girls", [1, 2, 3, 4, 5])
def test_people_counts_from_1_to_4_are_withheld(client, campaign, girls):
    a, b = campaign.schools[:2]
    log(a, campaign.sq, girls=girls, boys=10, parents=3)
    log(b, campaign.sq, boys=10, teachers=7)

    [row] = campaigns(client)
    [region] = regions(client)

    for data in (row, region):
        assert data["suppressed"] is (girls < 5)
        # The other student parts go too, or students minus boys would give the girls.
        for name in ("girls", "boys", "students_not_stated"):
            assert (data[name] is None) is (girls < 5)
        assert data["students"] == girls + 20
        assert data["adults"] == 10
    assert row["schools_reached"] == region["schools"] == 2
    if girls == 5:
        assert (row["girls"], row["boys"], row["students_not_stated"]) == (5, 20, 0)


def test_a_single_school_region_withholds_its_people_counts(client, campaign):
    tirane_a, tirane_b, shkoder, _ = campaign.schools
    log(tirane_a, campaign.sq, girls=100, boys=90, parents=20)
    log(tirane_b, campaign.sq, girls=80, boys=70, parents=15)
    log(shkoder, campaign.sq, girls=60, boys=55, parents=12)

    shkoder_row, tirane_row = regions(client)
    [row] = campaigns(client)

    assert shkoder_row["region"] == "Shkodër" and shkoder_row["schools"] == 1
    assert shkoder_row["suppressed"] is True
    assert all(shkoder_row[name] is None for name in ("girls", "boys", "students", "adults"))
    # The campaign totals stay, so Tiranë is withheld too: else a subtraction gives Shkodër.
    assert row["suppressed"] is False and row["students"] == 455 and row["adults"] == 47
    assert tirane_row["schools"] == 2
    assert tirane_row["students"] is None and tirane_row["adults"] is None


def test_a_small_region_cell_cannot_be_worked_out_from_the_totals(client, campaign):
    a, b, c, d = campaign.schools
    log(a, campaign.sq, girls=2, boys=40)
    log(b, campaign.sq, boys=40)
    log(c, campaign.sq, girls=30, boys=40)
    log(d, campaign.sq, girls=30, boys=40)

    [row] = campaigns(client)
    shkoder_row, tirane_row = regions(client)

    assert row["girls"] == 62
    assert tirane_row["girls"] is None and shkoder_row["girls"] is None
    assert tirane_row["students"] == 82 and shkoder_row["students"] == 140


def test_the_minimum_cell_is_a_setting(client, campaign, settings):
    settings.OPEN_DATA_MIN_CELL = 10
    log(campaign.schools[0], campaign.sq, girls=7, boys=20)
    log(campaign.schools[1], campaign.sq, girls=12, boys=20)

    [row] = campaigns(client)

    assert row["girls"] == 19
    assert client.get(url("campaigns_json")).json()["min_cell"] == 10


def test_nothing_personal_in_any_response(client, figures):
    secrets = [
        value
        for values in SECRETS.values()
        for value in (values if isinstance(values, list) else [values])
    ]

    for name in NAMES:
        body = client.get(url(name)).content.decode()
        assert "netsmartkids" in body
        for secret in secrets:
            assert secret.lower() not in body.lower(), (name, secret)


@pytest.mark.parametrize(
    ("name", "fields"), [("campaigns_csv", CAMPAIGN_FIELDS), ("regions_csv", REGION_FIELDS)]
)
def test_csv_parses_with_the_documented_header(client, figures, name, fields):
    response = client.get(url(name))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))

    assert tuple(rows[0]) == fields
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == (1 if name == "campaigns_csv" else 2)
    assert all(record["suppressed"] == "false" for record in records)
    if name == "campaigns_csv":
        assert records[0]["students"] == "378" and records[0]["slug"] == "netsmartkids"


def test_csv_leaves_withheld_cells_empty(client, campaign):
    log(campaign.schools[0], campaign.sq, girls=3, boys=40, parents=9)
    log(campaign.schools[1], campaign.sq, boys=40)

    response = client.get(url("campaigns_csv"))

    [header, row] = list(csv.reader(io.StringIO(response.content.decode())))
    record = dict(zip(header, row, strict=True))
    assert record["girls"] == record["boys"] == record["students_not_stated"] == ""
    assert record["students"] == "83" and record["suppressed"] == "true"


@pytest.mark.parametrize(
    ("name", "content_type", "filename"),
    [
        ("campaigns_json", "application/json", "campaigns.json"),
        ("campaigns_csv", "text/csv; charset=utf-8", "campaigns.csv"),
        ("regions_json", "application/json", "regions.json"),
        ("regions_csv", "text/csv; charset=utf-8", "regions.csv"),
    ],
)
def test_response_headers(client, figures, name, content_type, filename):
    response = client.get(url(name))

    assert url(name) == f"/open-data/{filename}"
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'inline; filename="{filename}"'
    assert response["Cache-Control"] == "public, max-age=60"  # figures change within a minute
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("name", NAMES)
def test_only_get_is_allowed(client, site_tree, name):
    assert client.post(url(name)).status_code == 405
    assert client.put(url(name)).status_code == 405


def test_json_documents_the_licence_and_fields(client, figures):
    data = client.get(url("regions_json")).json()

    assert data["licence"] == "Figures may be reused with attribution."
    assert data["min_cell"] == 5
    assert tuple(data["fields"]) == REGION_FIELDS


def test_queries_do_not_grow_with_rows(client, campaign, count_queries):
    def queries() -> list[int]:
        counts = []
        for name in NAMES:
            cache.clear()
            counts.append(count_queries(lambda name=name: client.get(url(name)))[0])
        return counts

    for index in range(3):
        log(campaign.schools[index], campaign.sq, girls=10, boys=10)
    few = queries()
    other = CampaignPageFactory(parent=campaign.sq.get_parent(), slug="other")
    for index in range(27):
        log(campaign.schools[index % 4], other if index % 2 else campaign.en, girls=10, boys=10)
    many = queries()

    assert len(campaigns(client)) == 2
    assert few == many
    assert max(many) <= 3
