"""Issue 3 in Chromium: a teacher adds an ambassador, who sets up the account from the one-time code
on a phone and lands in the school space; axe checks every screen of the way (WCAG 2.2 AA).

The pages are in Albanian, the default language; labels are looked up in the form classes with
Albanian active, so the test reads the page the way a person does and survives new translations.
"""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from playwright.sync_api import Page, expect

from accounts.factories import UserFactory
from accounts.forms import LoginForm, SetupForm
from ambassadors.factories import (
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolFactory,
    SchoolYearFactory,
)
from ambassadors.forms import AmbassadorForm
from ambassadors.models import Membership, Role

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGE = "sq"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
TEACHER_EMAIL = "drita.kola@example.org"
TEACHER_PASSWORD = "password"  # UserFactory's
NEW_PASSWORD = "Ylli-blu-i-2025"
CODE_PATTERN = re.compile(r"^[A-Z2-9]{5}-[A-Z2-9]{5}$")
HELPLINE = re.compile(r"116\s*111")


def label(form_class, field: str) -> str:
    """The field's label as the page shows it (with any label suffix), in the page's language."""
    with translation.override(LANGUAGE):
        form = form_class(school=None) if form_class is AmbassadorForm else form_class()
        return strip_tags(form[field].label_tag()).strip()


@pytest.fixture
def school(live_site):
    """A school of the current school year with its ICT teacher (email verified)."""
    region = RegionFactory(name="Tiranë", code="tirane")
    school = SchoolFactory(
        code="AL-TR-0042",
        name='Shkolla 9-vjeçare "Naim Frashëri"',
        municipality=MunicipalityFactory(region=region, name="Tiranë"),
    )
    teacher = UserFactory(
        username="drita.kola", email=TEACHER_EMAIL, first_name="Drita", last_name="Kola"
    )
    EmailAddress.objects.create(user=teacher, email=TEACHER_EMAIL, verified=True, primary=True)
    MembershipFactory(
        user=teacher, school=school, role=Role.ICT_TEACHER, school_year=SchoolYearFactory()
    )
    return school


class AxeChecks:
    """Runs axe on each page it is given and keeps every violation, reported together at the end."""

    def __init__(self):
        self.axe = Axe()
        self.reports: list[str] = []
        self.checked: list[str] = []

    def __call__(self, page: Page, name: str) -> None:
        result = self.axe.run(page, options=AXE_OPTIONS)
        self.checked.append(name)
        if result.violations_count:
            self.reports.append(f"--- {name} ({page.url})\n{result.generate_report()}")

    def assert_none(self) -> None:
        assert not self.reports, "\n".join(self.reports)


def submit(page: Page) -> None:
    """Send the page's main form, the way a person does: with its submit button."""
    page.locator('main form[method="post"]').get_by_role("button").click()


def test_a_teacher_adds_an_ambassador_who_sets_up_the_account_on_a_phone(
    live_site, school, open_page
):
    base = live_site.url
    school_path = reverse("network:school", args=[school.pk])
    axe = AxeChecks()

    # The teacher logs in on a computer, through the real login page.
    teacher_page = open_page("desktop")
    teacher_page.goto(base + reverse("account_login"))
    expect(teacher_page.locator("html")).to_have_attribute("lang", LANGUAGE)
    axe(teacher_page, "login page")
    teacher_page.get_by_label(label(LoginForm, "login"), exact=True).fill(TEACHER_EMAIL)
    teacher_page.get_by_label(label(LoginForm, "password"), exact=True).fill(TEACHER_PASSWORD)
    submit(teacher_page)

    # They land in their school space.
    expect(teacher_page).to_have_url(base + school_path)
    expect(teacher_page.locator("h1")).to_have_text(school.name)
    axe(teacher_page, "school space, teacher")

    # They add an ambassador: first name, initial and the parents' consent.
    add_path = reverse("network:ambassador_add", args=[school.pk])
    teacher_page.locator(f'main a[href="{add_path}"]').first.click()
    expect(teacher_page).to_have_url(base + add_path)
    axe(teacher_page, "add-ambassador form")
    consent_day = timezone.localdate() - datetime.timedelta(days=3)
    teacher_page.get_by_label(label(AmbassadorForm, "first_name"), exact=True).fill("Ana")
    teacher_page.get_by_label(label(AmbassadorForm, "last_name_initial"), exact=True).fill("k")
    teacher_page.get_by_label(label(AmbassadorForm, "consent_given_by"), exact=True).select_option(
        "mother"
    )
    teacher_page.get_by_label(label(AmbassadorForm, "consent_given_on"), exact=True).fill(
        consent_day.isoformat()
    )
    # Forgetting the consent box is explained on the page, and the form stays accessible.
    submit(teacher_page)
    consent_box = teacher_page.get_by_label(label(AmbassadorForm, "consent_confirmed"), exact=True)
    expect(consent_box).to_have_attribute("aria-invalid", "true")
    expect(
        teacher_page.get_by_label(label(AmbassadorForm, "first_name"), exact=True)
    ).to_have_value("Ana")
    axe(teacher_page, "add-ambassador form, with an error")
    assert not get_user_model().objects.filter(first_name="Ana").exists()
    consent_box.check()
    submit(teacher_page)

    # The result page shows the username and the one-time code, once.
    slip = teacher_page.locator(".code-slip")
    expect(slip).to_be_visible()
    username = slip.locator(".code-slip__value").first.inner_text().strip()
    code = slip.locator(".code-slip__code").inner_text().strip()
    assert CODE_PATTERN.match(code), code
    axe(teacher_page, "code slip")
    person = get_user_model().objects.get(username=username)
    assert (person.first_name, person.last_name, person.is_minor, person.email) == (
        "Ana",
        "K",
        True,
        "",
    )
    assert not person.has_usable_password()
    assert Membership.objects.get(user=person).school == school

    # On a phone, in a browser that never saw the teacher's session, the ambassador sets up.
    phone = open_page("phone")
    assert phone.context != teacher_page.context
    phone.goto(base + reverse("accounts:setup"))
    expect(phone.locator("html")).to_have_attribute("lang", LANGUAGE)
    axe(phone, "setup page")
    phone.get_by_label(label(SetupForm, "username"), exact=True).fill(username)
    phone.get_by_label(label(SetupForm, "code"), exact=True).fill(code)
    phone.get_by_label(label(SetupForm, "password1"), exact=True).fill(NEW_PASSWORD)
    phone.get_by_label(label(SetupForm, "password2"), exact=True).fill(NEW_PASSWORD)
    submit(phone)

    # They land in the school space, with the "a friend told me something" help and 116 111.
    expect(phone).to_have_url(base + school_path)
    expect(phone.locator("h1")).to_have_text(school.name)
    main = phone.locator("main")
    expect(main.get_by_text("Ana K.", exact=True)).to_be_visible()
    expect(main.get_by_text("Drita K.", exact=True)).to_be_visible()
    expect(main).not_to_contain_text("Kola")
    friend_help = phone.locator("aside.friend-help")
    expect(friend_help).to_be_visible()
    call = friend_help.locator('a[href="tel:116111"]')
    expect(call).to_be_visible()
    expect(call).to_have_text(HELPLINE)
    report_url = live_site.tree.settings.report_url
    expect(friend_help.locator(f'a[href="{report_url}"]')).to_be_visible()
    axe(phone, "school space, ambassador (phone)")

    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert axe.checked == [
        "login page",
        "school space, teacher",
        "add-ambassador form",
        "add-ambassador form, with an error",
        "code slip",
        "setup page",
        "school space, ambassador (phone)",
    ]
    axe.assert_none()
