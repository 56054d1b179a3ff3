"""Issue 4 in Chromium: an ambassador logs an activity on a phone, the school's ICT teacher
verifies it on a computer, and the public campaign page shows the new figures and map; axe checks
the form (also with an error), the verification screen and the campaign page (WCAG 2.2 AA).

Pages are in Albanian, the default language; labels come from the form classes with Albanian
active, so the test reads the page the way a person does and survives new translations.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from playwright.sync_api import Page, expect

from accounts.factories import UserFactory
from accounts.forms import LoginForm
from ambassadors.activity_forms import ActivityForm
from ambassadors.factories import (
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolFactory,
    SchoolYearFactory,
)
from ambassadors.models import Activity, ActivityKind, ActivityStatus, Role
from campaigns.factories import CampaignPageFactory
from e2e.test_network import LANGUAGE, AxeChecks, submit
from home.factories import translate_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "password"  # UserFactory's
TEACHER_EMAIL = "drita.kola@example.org"
AMBASSADOR_USERNAME = "arta.h"
TITLE = "Siguria në rrjetet sociale"


def label(field: str, form_class=ActivityForm) -> str:
    """The field's label as the page shows it, in the page's language."""
    with translation.override(LANGUAGE):
        form = form_class(school=None) if form_class is ActivityForm else form_class()
        return strip_tags(form[field].label_tag()).strip()


def in_language(msgid: str) -> str:
    with translation.override(LANGUAGE):
        return translation.gettext(msgid)


@pytest.fixture
def network(live_site):
    """A campaign page in Albanian and English, and a school in Tiranë (current school year) with
    an ambassador (a minor, username only) and an ICT teacher (verified email)."""
    campaign = CampaignPageFactory(
        parent=live_site.tree.sq.campaigns, title="netSMARTkids", slug="netsmartkids"
    )
    translate_page(campaign, "en", title="netSMARTkids", slug="netsmartkids")
    region = RegionFactory(name="Tiranë", code="tirane")
    school = SchoolFactory(
        code="AL-TR-0042",
        name='Shkolla 9-vjeçare "Naim Frashëri"',
        municipality=MunicipalityFactory(region=region, name="Tiranë"),
    )
    year = SchoolYearFactory()
    teacher = UserFactory(
        username="drita.kola", email=TEACHER_EMAIL, first_name="Drita", last_name="Kola"
    )
    EmailAddress.objects.create(user=teacher, email=TEACHER_EMAIL, verified=True, primary=True)
    MembershipFactory(user=teacher, school=school, role=Role.ICT_TEACHER, school_year=year)
    ambassador = MembershipFactory(
        ambassador=True, school=school, school_year=year, user__username=AMBASSADOR_USERNAME
    ).user
    return type(
        "Network",
        (),
        {"campaign": campaign, "school": school, "teacher": teacher, "ambassador": ambassador},
    )


def log_in(page: Page, base: str, login: str) -> None:
    page.goto(base + reverse("account_login"))
    page.get_by_label(label("login", LoginForm), exact=True).fill(login)
    page.get_by_label(label("password", LoginForm), exact=True).fill(PASSWORD)
    submit(page)


def fill_activity(page: Page, *, campaign: str, kind: str, title: str, counts: dict) -> None:
    page.get_by_label(label("campaign"), exact=True).select_option(label=campaign)
    page.get_by_label(label("kind"), exact=True).select_option(kind)
    page.get_by_label(label("date"), exact=True).fill(timezone.localdate().isoformat())
    page.get_by_label(label("title"), exact=True).fill(title)
    for name, value in counts.items():
        page.get_by_label(label(name), exact=True).fill(str(value))


def test_an_activity_logged_on_a_phone_and_verified_shows_on_the_campaign_page(
    live_site, network, open_page
):
    base = live_site.url
    school = network.school
    school_path = reverse("network:school", args=[school.pk])
    new_path = reverse("network:activity_new", args=[school.pk])
    axe = AxeChecks()

    # The ambassador logs in on a phone and lands in the school space.
    phone = open_page("phone")
    log_in(phone, base, AMBASSADOR_USERNAME)
    expect(phone).to_have_url(base + school_path)
    phone.locator(f'main a[href="{new_path}"]').first.click()
    expect(phone).to_have_url(base + new_path)
    expect(phone.locator("html")).to_have_attribute("lang", LANGUAGE)
    axe(phone, "activity form (phone)")

    # Nobody counted: the form explains, keeps the answers and stays accessible.
    fill_activity(
        phone,
        campaign=network.campaign.title,
        kind=ActivityKind.PEER_SESSION,
        title=TITLE,
        counts={"girls": 0},
    )
    phone.get_by_role("button", name=in_language("Submit for verification")).click()
    expect(phone.locator(".message--error[role=alert]")).to_contain_text(
        in_language("Enter how many people took part: at least one person.")
    )
    expect(phone.get_by_label(label("title"), exact=True)).to_have_value(TITLE)
    axe(phone, "activity form, with an error (phone)")
    assert not Activity.objects.exists()

    fill_activity(
        phone,
        campaign=network.campaign.title,
        kind=ActivityKind.PEER_SESSION,
        title=TITLE,
        counts={"girls": 14, "boys": 11, "parents": 3},
    )
    phone.get_by_role("button", name=in_language("Submit for verification")).click()
    expect(phone.locator("h1")).to_have_text(TITLE)
    activity = Activity.objects.get()
    assert (activity.status, activity.author, activity.campaign) == (
        ActivityStatus.SUBMITTED,
        network.ambassador,
        network.campaign,
    )
    assert (activity.girls, activity.boys, activity.parents) == (14, 11, 3)

    # The teacher logs in on a computer, opens the activity from the school space, verifies it.
    desk = open_page("desktop")
    log_in(desk, base, TEACHER_EMAIL)
    expect(desk).to_have_url(base + school_path)
    detail_path = reverse("network:activity_detail", args=[school.pk, activity.pk])
    desk.locator(f'main a[href="{detail_path}"]').first.click()
    expect(desk).to_have_url(base + detail_path)
    verify = desk.get_by_role("button", name=in_language("Verify"), exact=True)
    expect(verify).to_be_visible()
    axe(desk, "verification screen (teacher)")
    verify.click()
    expect(desk.locator(".messages")).to_contain_text(
        in_language("Verified: the activity now counts in the figures.")
    )
    activity.refresh_from_db()
    assert (activity.status, activity.verified_by) == (ActivityStatus.VERIFIED, network.teacher)

    # Anyone sees the new figures on the public campaign page: totals, region row and map.
    public = open_page("phone")
    public.goto(base + network.campaign.url)
    reach = public.locator("section.reach")
    expect(reach.locator(".figures__value").nth(2)).to_have_text("25")
    row = reach.locator("tbody tr", has=public.locator('th:text-is("Tiranë")'))
    expect(row.locator("td")).to_have_text(["1", "25", "3"])
    tile = reach.locator(".reach-map g.reach-map__step-4")
    expect(tile).to_have_count(1)
    expect(tile.locator("text")).to_have_text(["Tiranë", "25"])
    expect(reach.locator(".reach-map svg desc")).to_contain_text("Tiranë: 25")
    axe(public, "campaign page with figures and map (phone)")

    assert axe.checked == [
        "activity form (phone)",
        "activity form, with an error (phone)",
        "verification screen (teacher)",
        "campaign page with figures and map (phone)",
    ]
    axe.assert_none()


def test_the_activity_form_works_without_javascript(live_site, network, open_page):
    base = live_site.url
    school = network.school
    page = open_page("phone", java_script_enabled=False)
    log_in(page, base, AMBASSADOR_USERNAME)
    expect(page).to_have_url(base + reverse("network:school", args=[school.pk]))
    page.goto(base + reverse("network:activity_new", args=[school.pk]))

    fill_activity(
        page,
        campaign=network.campaign.title,
        kind=ActivityKind.CLASS_PRESENTATION,
        title="Fjalëkalime të forta",
        counts={"girls": 9, "boys": 8, "teachers": 1},
    )
    page.get_by_role("button", name=in_language("Save as draft")).click()

    expect(page.locator("h1")).to_have_text("Fjalëkalime të forta")
    activity = Activity.objects.get()
    assert (activity.status, activity.students, activity.adults) == (ActivityStatus.DRAFT, 17, 1)
    assert activity.date == timezone.localdate()
    assert re.search(r"/activities/\d+/$", page.url)
