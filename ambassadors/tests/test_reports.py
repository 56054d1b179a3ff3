"""Reach reports in the admin: figures equal a direct count, filters, who sees which schools, and
CSV and XLSX downloads of the same rows."""

import csv
import datetime
import io
import uuid

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from openpyxl import load_workbook

from ambassadors.models import Activity, ActivityKind, ActivityStatus
from ambassadors.permissions import is_network_editor
from ambassadors.reports import reach_report, report_filename
from ambassadors.tests.conftest import albanian
from campaigns.factories import CampaignPageFactory
from home.factories import translate_page

COUNTS = ("girls", "boys", "students_unstated", "parents", "teachers", "other_adults")


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    # Two-factor enrolment is tested in accounts; here the reports themselves are.
    settings.REQUIRE_STAFF_MFA = False


def log(school, campaign, day, *, status=ActivityStatus.VERIFIED, **counts) -> Activity:
    return Activity.objects.create(
        school=school,
        campaign=campaign,
        kind=ActivityKind.PEER_SESSION,
        date=day,
        title="Seancë",
        status=status,
        submission_key=uuid.uuid4(),
        **{name: counts.get(name, 0) for name in COUNTS},
    )


def grant_admin(user):
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return user


@pytest.fixture
def world(network, site_tree):
    """Two campaigns (the first in Albanian and English); schools A, B (region Tiranë) and C
    (region Shkodër) with verified activities in March and May 2025, plus a draft and a returned
    activity that never count."""
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns, slug="fushata-a", title="Alfa")
    english = translate_page(campaign, "en", title="Campaign Alfa", slug="campaign-alfa")
    other = CampaignPageFactory(parent=site_tree.sq.campaigns, slug="fushata-b", title="Beta")
    march, may = datetime.date(2025, 3, 10), datetime.date(2025, 5, 20)
    activities = [
        log(network.school_a, campaign, march, girls=10, boys=12, parents=3, teachers=1),
        log(network.school_a, english, may, girls=5, boys=4, students_unstated=1, other_adults=2),
        log(network.school_b, campaign, may, girls=7, boys=8, teachers=2),
        log(network.school_b, other, march, girls=20, boys=18, parents=5),
        log(network.school_c, campaign, march, girls=30, boys=29, students_unstated=2, parents=9),
        log(network.school_c, None, may, girls=1, boys=1),
    ]
    log(network.school_a, campaign, march, status=ActivityStatus.DRAFT, girls=99)
    log(network.school_c, campaign, may, status=ActivityStatus.RETURNED, boys=99)
    for name in ("editor", "coordinator", "other_coordinator", "teacher"):
        grant_admin(network.users[name])
    network.campaign, network.english, network.other = campaign, english, other
    network.activities = activities
    return network


def direct(activities) -> dict:
    """What a person would add up by hand."""
    figures = {name: sum(getattr(a, name) for a in activities) for name in COUNTS}
    figures["students"] = sum(a.students for a in activities)
    figures["adults"] = sum(a.adults for a in activities)
    figures["schools"] = len({a.school_id for a in activities})
    figures["activities"] = len(activities)
    return figures


def figures(row) -> dict:
    return {name: row[name] for name in direct([])}


def test_by_region_equals_a_direct_count(world):
    rows = list(reach_report(user=world.users["editor"], group_by="region"))

    assert [row["region"] for row in rows] == ["Shkodër", "Tiranë"]
    for row in rows:
        mine = [a for a in world.activities if a.school.municipality.region.name == row["region"]]
        assert figures(row) == direct(mine)


def test_by_school_equals_a_direct_count(world):
    rows = list(reach_report(user=world.users["editor"], group_by="school"))

    assert [row["school_code"] for row in rows] == ["AL-A", "AL-B", "AL-C"]
    for row in rows:
        mine = [a for a in world.activities if a.school.code == row["school_code"]]
        assert figures(row) == direct(mine)
        assert row["school_name"] == mine[0].school.name


def test_by_campaign_adds_up_the_translations(world):
    rows = list(reach_report(user=world.users["editor"], group_by="campaign"))

    by_title = {row["campaign_title"]: row for row in rows}
    assert set(by_title) == {None, "Alfa", "Beta"}
    alfa = [a for a in world.activities if a.campaign in (world.campaign, world.english)]
    assert figures(by_title["Alfa"]) == direct(alfa)
    assert figures(by_title[None]) == direct([a for a in world.activities if a.campaign is None])


def test_by_month(world):
    rows = list(reach_report(user=world.users["editor"], group_by="month"))

    assert [row["month"] for row in rows] == [datetime.date(2025, 3, 1), datetime.date(2025, 5, 1)]
    for row in rows:
        mine = [a for a in world.activities if a.date.month == row["month"].month]
        assert figures(row) == direct(mine)


def test_the_report_is_one_query(world, django_assert_num_queries):
    user = world.users["coordinator"]
    # Django caches a user's permissions after the first check; the report itself is one query.
    is_network_editor(user)
    with django_assert_num_queries(1):
        list(reach_report(user=user, group_by="school", campaign=world.campaign))


def test_filters_by_dates_and_campaign(world):
    editor = world.users["editor"]
    march = reach_report(
        user=editor,
        group_by="region",
        date_from=datetime.date(2025, 3, 1),
        date_to=datetime.date(2025, 3, 31),
    )
    in_march = [a for a in world.activities if a.date.month == 3]
    assert sum(row["students"] for row in march) == direct(in_march)["students"]

    # The English page or its key selects the same campaign as the Albanian one.
    for campaign in (world.english, world.campaign.translation_key):
        rows = list(reach_report(user=editor, group_by="school", campaign=campaign))
        alfa = [a for a in world.activities if a.campaign in (world.campaign, world.english)]
        assert sum(row["activities"] for row in rows) == len(alfa)
        assert sum(row["girls"] for row in rows) == direct(alfa)["girls"]

    after_may = reach_report(user=editor, group_by="month", date_from=datetime.date(2025, 6, 1))
    assert list(after_may) == []


def test_coordinators_see_their_region_and_others_nothing(world):
    coordinator = reach_report(user=world.users["coordinator"], group_by="school")
    assert [row["school_code"] for row in coordinator] == ["AL-A", "AL-B"]
    other = reach_report(user=world.users["other_coordinator"], group_by="school")
    assert [row["school_code"] for row in other] == ["AL-C"]
    for name in ("ambassador", "teacher", "nobody"):
        assert list(reach_report(user=world.users[name], group_by="region")) == []


def test_filenames_hold_only_the_filters():
    start, end = datetime.date(2025, 1, 1), datetime.date(2025, 6, 30)
    assert (
        report_filename("region", start, end, "csv") == "reach-by-region-2025-01-01-2025-06-30.csv"
    )
    assert report_filename("school", None, None, "xlsx") == "reach-by-school.xlsx"
    assert report_filename("month", start, None, "csv") == "reach-by-month-from-2025-01-01.csv"


# --- The admin screen -------------------------------------------------------------------------

URL = "/admin/reach-reports/"


def test_the_url_is_named():
    assert reverse("reach_reports") == URL
    assert reverse("reach_reports_csv") == URL + "csv/"
    assert reverse("reach_reports_xlsx") == URL + "xlsx/"


@pytest.mark.parametrize("group_by", ["campaign", "region", "school", "month"])
def test_editors_see_every_grouping(client, world, group_by):
    client.force_login(world.users["editor"])

    response = client.get(URL, {"group_by": group_by})

    assert response.status_code == 200
    assert len(response.context["rows"]) == len(
        list(reach_report(user=world.users["editor"], group_by=group_by))
    )


def test_editors_see_all_schools(client, world):
    client.force_login(world.users["editor"])

    html = client.get(URL, {"group_by": "school"}).content.decode()

    for school in (world.school_a, world.school_b, world.school_c):
        assert school.code in html
    assert "Download CSV" in html or reverse("reach_reports_csv") in html


@pytest.mark.parametrize("name", ["anonymous", "ambassador", "nobody"])
def test_people_without_the_admin_are_sent_away(client, as_role, world, name):
    as_role(client, name)

    for url in (URL, URL + "csv/", URL + "xlsx/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


def test_admin_users_without_a_network_role_are_refused(client, world):
    # The teacher may open the admin here but coordinates no region and edits no network.
    client.force_login(world.users["teacher"])

    for url in (URL, URL + "csv/", URL + "xlsx/"):
        assert client.get(url).status_code == 403


def test_the_menu_shows_reports_to_coordinators_only(client, world):
    client.force_login(world.users["coordinator"])
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(world.users["teacher"])
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def read_csv(response) -> list[list[str]]:
    assert response.streaming
    body = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(body)))


def read_xlsx(response) -> list[list]:
    body = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    return [["" if value is None else value for value in row] for row in sheet.values]


def test_a_coordinator_sees_only_their_region_everywhere(client, world):
    client.force_login(world.users["coordinator"])
    query = {"group_by": "school"}

    html = client.get(URL, query).content.decode()
    csv_rows = read_csv(client.get(URL + "csv/", query))
    xlsx_rows = read_xlsx(client.get(URL + "xlsx/", query))

    for rows in (csv_rows, xlsx_rows):
        assert [row[1] for row in rows[1:]] == ["AL-A", "AL-B"]
    assert world.school_a.code in html
    assert world.school_c.code not in html
    assert world.school_c.name not in html


def test_csv_and_xlsx_hold_the_same_rows_as_a_direct_count(client, world):
    client.force_login(world.users["editor"])
    query = {"group_by": "region", "date_from": "2025-03-01", "date_to": "2025-03-31"}

    response = client.get(URL + "csv/", query)
    csv_rows = read_csv(response)
    xlsx_response = client.get(URL + "xlsx/", query)
    xlsx_rows = read_xlsx(xlsx_response)

    assert response["Content-Type"].startswith("text/csv")
    assert "reach-by-region-2025-03-01-2025-03-31.csv" in response["Content-Disposition"]
    assert "reach-by-region-2025-03-01-2025-03-31.xlsx" in xlsx_response["Content-Disposition"]
    header = csv_rows[0]
    assert header[:2] == [albanian("Region"), albanian("Region code")]
    assert xlsx_rows[0] == header
    in_march = [a for a in world.activities if a.date.month == 3]
    expected = []
    for region in ("Shkodër", "Tiranë"):
        mine = [a for a in in_march if a.school.municipality.region.name == region]
        counts = direct(mine)
        expected.append(
            [
                region,
                mine[0].school.municipality.region.code,
                *(
                    counts[name]
                    for name in (
                        "schools",
                        *COUNTS[:3],
                        "students",
                        *COUNTS[3:],
                        "adults",
                        "activities",
                    )
                ),
            ]
        )
    assert xlsx_rows[1:] == expected
    assert csv_rows[1:] == [[str(value) for value in row] for row in expected]


def test_downloads_follow_the_campaign_filter(client, world):
    client.force_login(world.users["editor"])
    query = {"group_by": "month", "campaign": str(world.other.translation_key)}

    rows = read_csv(client.get(URL + "csv/", query))

    assert [row[0] for row in rows[1:]] == ["2025-03"]
    assert rows[1][-1] == "1"


@pytest.mark.parametrize(
    "query",
    [
        {"date_from": "31/31/2025"},
        {"date_from": "2025-06-30", "date_to": "2025-01-01"},
        {"group_by": "person"},
        {"campaign": "not-a-campaign"},
    ],
)
def test_bad_filters_give_a_form_error(client, world, query):
    client.force_login(world.users["editor"])

    for url in (URL, URL + "csv/", URL + "xlsx/"):
        response = client.get(url, query)
        assert response.status_code == 200
        assert not response.streaming
        assert response.context["form"].errors
        assert "rows" not in response.context
