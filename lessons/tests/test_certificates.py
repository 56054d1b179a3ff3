"""Certificates: issue, codes, the PDF (text read back with pypdf), the public verification page
and its code form, the PDF download's permissions, the learner's list and revocation in the admin.
"""

import io
import re

import pytest
import segno
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext
from pypdf import PdfReader

import lessons.certificate_admin  # noqa: F401 - registers the admin screens (until wagtail_hooks does)
from accounts.factories import UserFactory
from ambassadors.factories import CoordinationFactory
from ambassadors.tests.conftest import as_role, network  # noqa: F401 - fixtures
from home.factories import translate_page
from lessons.certificate_forms import CertificateLookupForm
from lessons.certificates import (
    CODE_ALPHABET,
    Certificate,
    certificate_issue,
    certificate_of,
    certificate_pdf,
    certificate_revoke,
    format_code,
    normalise_code,
)
from lessons.factories import CoursePageFactory

from .certificate_factories import CertificateFactory

CODE_RE = re.compile(f"^[{CODE_ALPHABET}]{{10}}$")
DISPLAY_RE = re.compile(f"^[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{2}}$")
SQ_TITLE = "Siguria online për ambasadorët"
EN_TITLE = "Online safety for ambassadors"
BASE_URL = "https://sigurt.example.org"


def in_language(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


def verify_url(certificate, language="en") -> str:
    with translation.override(language):
        return reverse("learning:certificate_verify", args=[certificate.display_code])


def pdf_url(certificate) -> str:
    with translation.override("en"):
        return reverse("learning:certificate_pdf", args=[certificate.display_code])


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def date_in(language: str, certificate) -> str:
    with translation.override(language):
        day = timezone.localtime(certificate.issued_at).date()
        return formats.date_format(day, "DATE_FORMAT")


@pytest.fixture(autouse=True)
def _site_base_url(settings):
    settings.SITE_BASE_URL = BASE_URL


@pytest.fixture
def course(site_tree):
    """A course in Albanian with a live English translation."""
    course = CoursePageFactory(parent=site_tree.sq.lessons, title=SQ_TITLE, slug="siguria")
    translate_page(course, "en", title=EN_TITLE, slug="online-safety")
    return course


@pytest.fixture
def learner(db):
    return UserFactory(username="dorde.s", first_name="Đorđe", last_name="Šljivić")


@pytest.fixture
def certificate(course, learner):
    return certificate_issue(user=learner, course=course, language="en")


@pytest.fixture
def editor(db):
    """A member of Wagtail's Editors group, which migration 0003 gives the certificate screens."""
    user = UserFactory(username="editor", is_staff=True)
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(editors)
    return user


# --- Issue ---------------------------------------------------------------------------------------


def test_issue_prints_the_display_name_in_the_given_language(course, learner):
    certificate = certificate_issue(user=learner, course=course, language="en")

    assert certificate.user == learner and certificate.course_id == course.pk
    assert certificate.name_as_printed == "Đorđe Š."
    assert certificate.language == "en"
    assert certificate.revoked_at is None
    assert CODE_RE.match(certificate.code)


def test_issue_defaults_to_the_active_language_and_refuses_unknown_ones(course):
    with translation.override("en"):
        english = certificate_issue(user=UserFactory(), course=course)
    unknown = certificate_issue(user=UserFactory(), course=course, language="de")
    regional = certificate_issue(user=UserFactory(), course=course, language="en-GB")

    assert english.language == "en"
    assert unknown.language == "sq"
    assert regional.language == "en"


def test_issue_is_idempotent_and_keeps_the_name_as_printed(course, learner):
    first = certificate_issue(user=learner, course=course, language="sq")
    learner.first_name = "George"
    learner.save()

    second = certificate_issue(user=learner, course=course, language="en")

    assert second.pk == first.pk and second.code == first.code
    assert second.name_as_printed == "Đorđe Š." and second.language == "sq"
    assert Certificate.objects.filter(user=learner).count() == 1


def test_a_course_and_its_translations_give_one_certificate(course, learner):
    english_course = course.get_translations().get(locale__language_code="en").specific

    albanian = certificate_issue(user=learner, course=course, language="sq")
    english = certificate_issue(user=learner, course=english_course, language="en")

    assert english_course.pk != course.pk
    assert english.pk == albanian.pk
    assert certificate_of(user=learner, course=english_course) == albanian
    assert Certificate.objects.filter(user=learner).count() == 1


def test_one_certificate_per_person_and_course_is_enforced_by_the_database(certificate):
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateFactory(user=certificate.user, course=certificate.course)


def test_deleting_an_account_deletes_its_certificates(certificate, learner):
    learner.delete()

    assert not Certificate.objects.filter(pk=certificate.pk).exists()


def test_revoke_records_who_when_and_why_and_keeps_the_first_revocation(certificate, editor):
    revoked = certificate_revoke(certificate=certificate, by=editor, reason="Issued by mistake")
    first_time = revoked.revoked_at
    again = certificate_revoke(certificate=certificate, by=UserFactory(), reason="Other reason")

    assert revoked.is_revoked and revoked.revoked_by == editor
    assert again.revoked_at == first_time
    assert again.revoked_by == editor and again.revoked_reason == "Issued by mistake"


def test_revoke_needs_a_reason(certificate, editor):
    with pytest.raises(ValueError):
        certificate_revoke(certificate=certificate, by=editor, reason="  ")
    certificate.refresh_from_db()
    assert not certificate.is_revoked


# --- Codes ---------------------------------------------------------------------------------------


def test_codes_are_short_unambiguous_grouped_and_unique(course):
    certificates = [certificate_issue(user=UserFactory(), course=course) for _ in range(40)]
    codes = [c.code for c in certificates]

    assert len(set(codes)) == len(codes)
    for certificate in certificates:
        assert CODE_RE.match(certificate.code)
        assert DISPLAY_RE.match(certificate.display_code)
        assert not set(certificate.code) & set("01ILO")
    with pytest.raises(IntegrityError), transaction.atomic():
        CertificateFactory(course=course, code=codes[0])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("K7QX-2MPA-9R", "K7QX2MPA9R"),
        (" k7qx 2mpa 9r ", "K7QX2MPA9R"),
        ("k7qx–2mpa—9r", "K7QX2MPA9R"),
        ("K7QX2MPA9R", "K7QX2MPA9R"),
        ("K7QX-2MPA", None),
        ("K7QX-2MPA-9RR", None),
        ("K7QX-2MPA-9O", None),  # O is not in the alphabet
        ("ÇÇÇÇ-ÇÇÇÇ-ÇÇ", None),
        ("", None),
        (None, None),
    ],
)
def test_typed_codes_are_normalised(typed, expected):
    assert normalise_code(typed) == expected


def test_format_code_groups_four_four_two():
    assert format_code("K7QX2MPA9R") == "K7QX-2MPA-9R"


# --- The PDF -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "title"), [("en", EN_TITLE), ("sq", SQ_TITLE)])
def test_pdf_shows_name_course_date_code_and_address_in_the_certificates_language(
    course, learner, language, title
):
    certificate = certificate_issue(user=learner, course=course, language=language)

    data = certificate_pdf(certificate)
    text = pdf_text(data)

    assert data.startswith(b"%PDF")
    assert in_language(language, "Certificate of completion") in text
    assert "Đorđe Š." in text
    assert title in text
    assert (
        in_language(language, "Issued on %(date)s") % {"date": date_in(language, certificate)}
        in text
    )
    assert certificate.display_code in text
    prefix = "/en" if language == "en" else ""
    address = f"{BASE_URL}{prefix}/learning/certificates/{certificate.display_code}/"
    assert address in text


def test_pdf_is_one_a4_landscape_page_with_the_qr_code_image(certificate):
    reader = PdfReader(io.BytesIO(certificate_pdf(certificate)))

    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)
    assert len(page.images) == 1
    qr = page.images[0].image
    assert qr.width == qr.height  # a square: the QR code


def test_the_qr_code_holds_the_absolute_verification_address(certificate):
    page = PdfReader(io.BytesIO(certificate_pdf(certificate))).pages[0]
    image = page.images[0].image.convert("L")
    expected = segno.make(
        f"{BASE_URL}/en/learning/certificates/{certificate.display_code}/", error="m"
    )
    modules = len(expected.matrix)
    scale = image.width // modules

    assert image.width == modules * scale
    drawn = [
        [
            image.getpixel((x * scale + scale // 2, y * scale + scale // 2)) < 128
            for x in range(modules)
        ]
        for y in range(modules)
    ]
    assert drawn == [[bool(module) for module in row] for row in expected.matrix]


def test_pdf_metadata_hold_no_username_or_email(certificate, learner):
    learner.email = "dorde@example.org"
    learner.save()
    data = certificate_pdf(certificate)
    reader = PdfReader(io.BytesIO(data))
    metadata = " ".join(str(value) for value in (reader.metadata or {}).values())

    assert EN_TITLE in metadata
    for private in (learner.username, learner.email, "Šljivić"):
        assert private not in metadata
        assert private not in pdf_text(data)
        assert private.encode() not in data


def test_pdf_uses_the_course_title_when_no_translation_exists(site_tree, learner):
    course = CoursePageFactory(parent=site_tree.sq.lessons, title="Vetëm shqip", slug="vetem")
    certificate = certificate_issue(user=learner, course=course, language="en")

    assert "Vetëm shqip" in pdf_text(certificate_pdf(certificate))


# --- The public verification page -----------------------------------------------------------


def test_verification_page_confirms_a_valid_certificate(client, certificate, parse_html, english):
    response = client.get(verify_url(certificate))
    page = parse_html(response)

    assert response.status_code == 200
    assert gettext("This certificate is valid.") in page.text
    assert "Đorđe Š." in page.text
    assert EN_TITLE in page.text
    assert date_in("en", certificate) in page.text
    assert certificate.display_code in page.text
    assert "noindex" in response["X-Robots-Tag"]
    assert "Šljivić" not in page.text and certificate.user.username not in page.text


def test_verification_page_in_albanian_shows_the_albanian_course_title(
    client, certificate, parse_html
):
    response = client.get(verify_url(certificate, "sq"))
    page = parse_html(response)

    assert response.status_code == 200
    assert page.lang == "sq"
    assert SQ_TITLE in page.text
    assert in_language("sq", "This certificate is valid.") in page.text


def test_verification_page_of_a_revoked_certificate_says_so_and_nothing_more(
    client, certificate, editor, parse_html, english
):
    certificate_revoke(certificate=certificate, by=editor, reason="Copied quiz answers")

    response = client.get(verify_url(certificate))
    page = parse_html(response)

    assert response.status_code == 200
    assert gettext("This certificate has been revoked.") in page.text
    revoked_on = formats.date_format(timezone.localtime(certificate.revoked_at), "DATE_FORMAT")
    assert revoked_on in page.text
    for hidden in (
        "Đorđe",
        EN_TITLE,
        SQ_TITLE,
        "Copied quiz answers",
        gettext("This certificate is valid."),
    ):
        assert hidden not in page.text


@pytest.mark.parametrize("code", ["K7QX-2MPA-9R", "not-a-code", "ZZZZ"])
def test_verification_page_of_an_unknown_code_is_a_clear_404(
    client, site_tree, code, parse_html, english
):
    response = client.get(f"/en/learning/certificates/{code}/")
    page = parse_html(response)

    assert response.status_code == 404
    assert gettext("No certificate with this code") in page.text
    assert 'name="code"' in response.content.decode()


def test_a_code_in_another_form_leads_to_its_canonical_page(client, certificate):
    messy = certificate.code.lower()

    response = client.get(f"/en/learning/certificates/{messy}/")

    assert response.status_code == 302
    assert response.url == verify_url(certificate)


# --- The typed-code form -------------------------------------------------------------------------


def test_the_code_form_is_offered_to_anyone(client, site_tree, parse_html, english):
    response = client.get("/en/learning/certificates/")

    assert response.status_code == 200
    assert gettext("Check a certificate") in parse_html(response).text
    assert 'name="code"' in response.content.decode()


@pytest.mark.parametrize("typed", ["{lower}", " {spaced} ", "{dashed}"])
def test_the_code_form_accepts_messy_input(client, certificate, typed):
    code = certificate.code
    typed = typed.format(
        lower=format_code(code).lower(),
        spaced=" ".join(code[i : i + 2] for i in range(0, 10, 2)).lower(),
        dashed="-".join(code),
    )

    response = client.get("/en/learning/certificates/", {"code": typed})

    assert response.status_code == 302
    assert response.url == verify_url(certificate)


@pytest.mark.parametrize("typed", ["", "hello", "K7QX-2MPA", "x" * 500, "ÇÇÇÇÇÇÇÇÇÇ", "<script>"])
def test_the_code_form_explains_bad_input_without_failing(client, site_tree, typed, english):
    response = client.get("/en/learning/certificates/", {"code": typed})
    html = response.content.decode()

    assert response.status_code == 400
    assert 'aria-invalid="true"' in html
    assert "<script>" not in html
    form = CertificateLookupForm({"code": typed})
    assert not form.is_valid()
    assert escape(str(form.errors["code"][0])) in html


# --- PDF download --------------------------------------------------------------------------------


def test_the_owner_downloads_the_pdf(client, certificate):
    client.force_login(certificate.user)

    response = client.get(pdf_url(certificate))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert certificate.display_code in response["Content-Disposition"]
    assert "dorde" not in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_anonymous_people_are_asked_to_sign_in(client, certificate):
    response = client.get(pdf_url(certificate))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("owner", 200),
        ("other_user", 404),
        ("staff_without_permission", 404),
        ("editor", 200),
    ],
)
def test_who_may_download_the_pdf(client, certificate, editor, who, status):
    users = {
        "owner": certificate.user,
        "other_user": UserFactory(),
        "staff_without_permission": UserFactory(is_staff=True),
        "editor": editor,
    }
    client.force_login(users[who])

    assert client.get(pdf_url(certificate)).status_code == status


def test_a_revoked_certificate_cannot_be_downloaded(client, certificate, editor):
    certificate_revoke(certificate=certificate, by=editor, reason="Mistake")
    client.force_login(certificate.user)

    assert client.get(pdf_url(certificate)).status_code == 404


def test_an_unknown_code_cannot_be_downloaded(client, certificate):
    client.force_login(certificate.user)

    assert client.get("/en/learning/certificates/K7QX-2MPA-9R/pdf/").status_code == 404
    assert client.get("/en/learning/certificates/nonsense/pdf/").status_code == 404


# Every certificate view, for each role of the network; the certificate is the ambassador's.
# The network's "editor" holds ambassadors.manage_network only, not lessons.view_certificate,
# so the PDF is not theirs to download (the Editors group's case is tested above).
PERMISSION_MATRIX = {
    # role: (code form, verification page, my certificates, PDF)
    "anonymous": (200, 200, 302, 302),
    "ambassador": (200, 200, 200, 200),
    "teacher": (200, 200, 200, 404),
    "psychologist": (200, 200, 200, 404),
    "other_teacher": (200, 200, 200, 404),
    "coordinator": (200, 200, 200, 404),
    "other_coordinator": (200, 200, 200, 404),
    "editor": (200, 200, 200, 404),
    "nobody": (200, 200, 200, 404),
}


def test_the_permission_matrix_names_every_role():
    from ambassadors.tests.conftest import ROLES

    assert set(PERMISSION_MATRIX) == set(ROLES)


@pytest.mark.parametrize("role", PERMISSION_MATRIX)
def test_permission_matrix(client, network, as_role, course, role):  # noqa: F811
    certificate = certificate_issue(user=network.users["ambassador"], course=course)
    as_role(client, role)
    urls = (
        "/en/learning/certificates/",
        verify_url(certificate),
        "/en/learning/certificates/mine/",
        pdf_url(certificate),
    )

    statuses = tuple(client.get(url).status_code for url in urls)

    assert statuses == PERMISSION_MATRIX[role]


def test_certificate_of_finds_the_persons_certificate_for_a_course(certificate, course):
    from django.contrib.auth.models import AnonymousUser

    assert certificate_of(user=certificate.user, course=course) == certificate
    assert certificate_of(user=UserFactory(), course=course) is None
    assert certificate_of(user=AnonymousUser(), course=course) is None


# --- My certificates -----------------------------------------------------------------------------


def test_my_certificates_lists_mine_only(client, certificate, course, editor, parse_html, english):
    other = certificate_issue(user=UserFactory(), course=course)
    second_course = CoursePageFactory(parent=course.get_parent(), title="Kurs i dytë")
    revoked = certificate_issue(user=certificate.user, course=second_course)
    certificate_revoke(certificate=revoked, by=editor, reason="Mistake")
    client.force_login(certificate.user)

    response = client.get("/en/learning/certificates/mine/")
    page = parse_html(response)

    assert response.status_code == 200
    assert EN_TITLE in page.text and "Kurs i dytë" in page.text
    assert certificate.display_code in page.text and other.display_code not in page.text
    assert pdf_url(certificate) in page.hrefs()
    assert pdf_url(revoked) not in page.hrefs()
    assert verify_url(revoked) in page.hrefs()
    assert "no-store" in response["Cache-Control"]


def test_my_certificates_needs_signing_in(client, site_tree):
    response = client.get("/en/learning/certificates/mine/")

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_my_certificates_makes_a_constant_number_of_queries(
    client, site_tree, learner, count_queries
):
    client.force_login(learner)

    def grow(times):
        for _ in range(times):
            course = CoursePageFactory(parent=site_tree.sq.lessons)
            translate_page(course, "en", slug=f"course-{course.pk}")
            certificate_issue(user=learner, course=course)

    def queries():
        client.get("/en/learning/certificates/mine/")  # warms the caches a first visit fills
        count, response = count_queries(lambda: client.get("/en/learning/certificates/mine/"))
        assert response.status_code == 200
        return count

    grow(1)
    few = queries()
    grow(9)
    many = queries()

    assert Certificate.objects.filter(user=learner).count() == 10
    assert many == few


# --- Revocation in the admin ---------------------------------------------------------------------


def admin_url(view: str, *args) -> str:
    return reverse(f"certificates:{view}", args=args)


def test_an_editor_finds_a_certificate_by_its_code_as_printed(client, certificate, course, editor):
    other = certificate_issue(user=UserFactory(), course=course)
    client.force_login(editor)

    typed = format_code(certificate.code).lower().replace("-", " ")
    response = client.get(admin_url("index"), {"q": typed})
    html = response.content.decode()

    assert response.status_code == 200
    assert certificate.display_code in html
    assert other.display_code not in html


def test_an_editor_revokes_a_certificate_with_a_reason(client, certificate, editor):
    client.force_login(editor)
    assert client.get(admin_url("edit", certificate.pk)).status_code == 200

    response = client.post(admin_url("edit", certificate.pk), {"revoked_reason": "Quiz copied"})

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked
    assert certificate.revoked_by == editor
    assert certificate.revoked_reason == "Quiz copied"
    assert certificate.name_as_printed == "Đorđe Š."


def test_revoking_without_a_reason_is_refused(client, certificate, editor):
    client.force_login(editor)

    response = client.post(admin_url("edit", certificate.pk), {"revoked_reason": ""})

    assert response.status_code == 200
    certificate.refresh_from_db()
    assert not certificate.is_revoked


def test_the_revoke_form_changes_nothing_but_the_revocation(client, certificate, editor):
    client.force_login(editor)
    code = certificate.code

    client.post(
        admin_url("edit", certificate.pk),
        {"revoked_reason": "Mistake", "name_as_printed": "Someone Else", "code": "AAAAAAAAAA"},
    )

    certificate.refresh_from_db()
    assert certificate.code == code and certificate.name_as_printed == "Đorđe Š."


def test_nobody_adds_or_deletes_certificates_in_the_admin(admin_client, certificate):
    assert admin_client.get(admin_url("index")).status_code == 200
    assert admin_client.get(admin_url("add")).status_code == 302
    assert admin_client.get(admin_url("delete", certificate.pk)).status_code == 302
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_coordinators_do_not_see_certificates_in_the_admin(client, certificate):
    coordinator = CoordinationFactory().user
    coordinator.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(coordinator)

    for url in (admin_url("index"), admin_url("edit", certificate.pk)):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url == reverse("wagtailadmin_home")
    response = client.post(admin_url("edit", certificate.pk), {"revoked_reason": "No"})
    certificate.refresh_from_db()
    assert not certificate.is_revoked
    assert admin_url("index") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_course_with_certificates_cannot_be_deleted_in_the_admin(admin_client, certificate):
    course = certificate.course

    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))

    assert response.status_code == 302
    [message] = get_messages(response.wsgi_request)
    assert message.level_tag == "error" and course.title in str(message)
    assert type(course).objects.filter(pk=course.pk).exists()
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_a_course_with_certificates_cannot_be_bulk_deleted(admin_client, certificate):
    course = certificate.course
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))

    response = admin_client.post(f"{url}?id={course.pk}")

    assert response.status_code == 302
    assert type(course).objects.filter(pk=course.pk).exists()


def test_a_course_without_certificates_can_still_be_deleted(admin_client, site_tree):
    course = CoursePageFactory(parent=site_tree.sq.lessons, title="Pa certifikata")

    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[course.pk]))

    assert response.status_code == 302
    assert not type(course).objects.filter(pk=course.pk).exists()


def test_an_editor_inspects_a_certificate_with_its_code_as_printed(client, certificate, editor):
    certificate_revoke(certificate=certificate, by=editor, reason="Issued by mistake")
    client.force_login(editor)

    response = client.get(admin_url("inspect", certificate.pk))
    html = response.content.decode()

    assert response.status_code == 200
    assert certificate.display_code in html
    assert "Issued by mistake" in html
