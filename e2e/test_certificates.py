"""Issue 5 in Chromium: a certificate's public verification page on a phone, reached directly (as
from the QR code) and through the code form with a code typed carelessly; axe checks each state
(valid, bad input, unknown code) for WCAG 2.2 AA.

Pages are in Albanian, the default language; labels and messages come from the code with
Albanian active, so the test reads the page the way a person does and survives new translations.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from playwright.sync_api import expect

from accounts.factories import UserFactory
from e2e.test_network import LANGUAGE, AxeChecks
from home.factories import translate_page
from lessons.certificate_forms import CertificateLookupForm
from lessons.certificates import certificate_issue, format_code
from lessons.factories import CoursePageFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

COURSE_TITLE = "Siguria online për ambasadorët"


def in_language(msgid: str) -> str:
    with translation.override(LANGUAGE):
        return translation.gettext(msgid)


def code_label() -> str:
    """The field's label as the page shows it (with Django's label suffix)."""
    with translation.override(LANGUAGE):
        return strip_tags(CertificateLookupForm()["code"].label_tag()).strip()


def form_error(typed: str) -> str:
    """The message the code form gives for `typed`, in the page's language."""
    with translation.override(LANGUAGE):
        return str(CertificateLookupForm({"code": typed}).errors["code"][0])


@pytest.fixture
def certificate(live_site):
    course = CoursePageFactory(
        parent=live_site.tree.sq.lessons, title=COURSE_TITLE, slug="siguria-online"
    )
    translate_page(course, "en", title="Online safety for ambassadors", slug="online-safety")
    learner = UserFactory(username="arta.h", first_name="Arta", last_name="Hoxha")
    return certificate_issue(user=learner, course=course, language=LANGUAGE)


def test_a_certificate_is_checked_on_a_phone(live_site, certificate, open_page):
    base = live_site.url
    axe = AxeChecks()
    with translation.override(LANGUAGE):
        verify_path = reverse("learning:certificate_verify", args=[certificate.display_code])
        lookup_path = reverse("learning:certificate_lookup")
    phone = open_page("phone")

    # Straight from the QR code: the page confirms the certificate and what it prints.
    phone.goto(base + verify_path)
    expect(phone.locator("html")).to_have_attribute("lang", LANGUAGE)
    main = phone.locator("main")
    expect(main).to_contain_text(in_language("This certificate is valid."))
    expect(main).to_contain_text("Arta H.")
    expect(main).to_contain_text(COURSE_TITLE)
    expect(main).to_contain_text(certificate.display_code)
    expect(main).not_to_contain_text("Hoxha")
    axe(phone, "verification page, valid (phone)")

    # Someone types the code from paper into the form, badly: first not a code at all.
    phone.goto(base + lookup_path)
    axe(phone, "code form (phone)")
    field = phone.get_by_label(code_label(), exact=True)
    field.fill("K7QX-2MPA")
    phone.get_by_role("button", name=in_language("Check the code")).click()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(main.locator(".errorlist")).to_contain_text(form_error("K7QX-2MPA"))
    axe(phone, "code form, with an error (phone)")

    # Then right, in lower case with spaces: the verification page opens.
    messy = " " + format_code(certificate.code).lower().replace("-", " ") + " "
    field.fill(messy)
    phone.get_by_role("button", name=in_language("Check the code")).click()
    expect(phone).to_have_url(base + verify_path)
    expect(main).to_contain_text(in_language("This certificate is valid."))

    # A code that exists nowhere: a clear answer, and the form to try again.
    phone.goto(base + lookup_path + "?code=ZZZZ-ZZZZ-ZZ")
    expect(main).to_contain_text(in_language("No certificate with this code"))
    expect(phone.get_by_label(code_label(), exact=True)).to_be_visible()
    axe(phone, "verification page, unknown code (phone)")

    axe.assert_none()
    assert axe.checked == [
        "verification page, valid (phone)",
        "code form (phone)",
        "code form, with an error (phone)",
        "verification page, unknown code (phone)",
    ]
