"""Course certificates: issue, revoke, the PDF and the public verification (issue 5).

A certificate prints the learner's display name as it was on the day of issue, the course, the
date and a short verification code; the code's public page confirms it, and nothing more.

Public API (keyword-only services, plain selectors):
- `certificate_issue(*, user, course, language=None) -> Certificate` (idempotent)
- `certificate_revoke(*, certificate, by, reason) -> Certificate`
- `certificate_pdf(certificate) -> bytes`
- `certificate_by_code(code) -> Certificate | None`, `certificate_of(*, user, course)`,
  `certificates_of(user)`,
  `course_titles(courses, language) -> {course_id: title}`, `normalise_code(text) -> str | None`,
  `verification_url(certificate) -> str` (absolute).
"""

from __future__ import annotations

import io
import re
import secrets
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: a code copied by hand from paper has nothing to confuse.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
CODE_GROUPS = (4, 4, 2)
_CODE_RE = re.compile(f"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")
_NOT_CODE_CHARS = re.compile(r"[\s\-–—_.·/]+")

FONTS_DIR = Path(__file__).resolve().parent / "fonts"


def generate_code() -> str:
    """A fresh random code (10 characters, about 50 bits): unguessable, short enough to type."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def format_code(code: str) -> str:
    """The stored code grouped the way people read it: "K7QX-2MPA-9R"."""
    parts, start = [], 0
    for size in CODE_GROUPS:
        parts.append(code[start : start + size])
        start += size
    return "-".join(part for part in parts if part)


def normalise_code(text: str | None) -> str | None:
    """The stored form of a code someone typed (any case, spaces or dashes), or None if it
    cannot be one."""
    if not text:
        return None
    cleaned = _NOT_CODE_CHARS.sub("", str(text)).upper()
    return cleaned if _CODE_RE.match(cleaned) else None


def _language_or_default(language: str | None) -> str:
    codes = [code for code, _name in settings.LANGUAGES]
    if language:
        language = language.lower()
        for candidate in (language, language.split("-")[0]):
            if candidate in codes:
                return candidate
    return settings.LANGUAGE_CODE


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True)


class Certificate(models.Model):
    """That a person completed a course, as printed on the PDF they were given.

    `name_as_printed` and `language` are copied at issue: a later change of name or language
    does not change a certificate already handed out.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,  # Deleting an account deletes its certificates.
        related_name="certificates",
    )
    course = models.ForeignKey(
        "lessons.CoursePage",
        verbose_name=_("course"),
        # Certificates on paper must stay verifiable: a course with certificates is unpublished,
        # never deleted (the admin hook in certificate_admin refuses the deletion with a message).
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    code = models.CharField(_("verification code"), max_length=CODE_LENGTH, unique=True)
    name_as_printed = models.CharField(_("name as printed"), max_length=150)
    # No choices: the site's languages come from the environment (SITE_LANGUAGES).
    language = models.CharField(_("language"), max_length=10)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="one_certificate_per_course")
        ]

    def __str__(self):
        return self.display_code

    @property
    def display_code(self) -> str:
        return format_code(self.code)

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def get_absolute_url(self) -> str:
        return reverse("learning:certificate_verify", kwargs={"code": self.display_code})


# Services ----------------------------------------------------------------------------------


def certificate_issue(*, user, course, language: str | None = None) -> Certificate:
    """The person's certificate for the course, created on the first call.

    Idempotent: a second call (even a concurrent one) returns the same certificate, revoked or
    not, unchanged; a course and its translations are one course, so a call for another
    translation of it returns that certificate too. `language` defaults to the active language
    (the one the learner uses). Whether the course is complete is the caller's business.
    """
    existing = certificate_of(user=user, course=course)
    if existing is not None:
        return existing
    fields = {
        "name_as_printed": user.display_name,
        "language": _language_or_default(language or translation.get_language()),
    }
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Certificate.objects.create(
                    user=user, course=course, code=generate_code(), **fields
                )
        except IntegrityError:
            # Either the same certificate was issued meanwhile, or (very rarely) the code was taken.
            existing = certificate_of(user=user, course=course)
            if existing is not None:
                return existing
    raise RuntimeError("Could not find a free certificate code.")


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    """Marks the certificate revoked now, by `by`, for `reason` (required).

    A certificate already revoked keeps its first revocation (date, person and reason).
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A reason is required to revoke a certificate.")
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at is None:
            locked.revoked_at = timezone.now()
            locked.revoked_by = by
            locked.revoked_reason = reason[:300]
            locked.save(update_fields=["revoked_at", "revoked_by", "revoked_reason"])
    certificate.refresh_from_db()
    return certificate


# Selectors ---------------------------------------------------------------------------------


def certificate_by_code(code: str | None) -> Certificate | None:
    """The certificate with this code (typed in any form), with its course, or None."""
    normalised = normalise_code(code)
    if normalised is None:
        return None
    return Certificate.objects.select_related("course").filter(code=normalised).first()


def certificate_of(*, user, course) -> Certificate | None:
    """The person's certificate for this course or any translation of it (revoked or not)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Certificate.objects.filter(user=user, course__translation_key=course.translation_key)
        .order_by("issued_at", "pk")
        .first()
    )


def certificates_of(user):
    """The person's certificates, newest first, with their courses (one query)."""
    return Certificate.objects.filter(user=user).select_related("course")


def course_titles(courses, language: str) -> dict[int, str]:
    """Each course's title in `language`: its live translation's title, else its own title.

    One query for any number of courses.
    """
    from wagtail.models import Page

    courses = list(courses)
    titles = {course.pk: course.title for course in courses}
    keys = {course.translation_key: course.pk for course in courses}
    if keys:
        translated = Page.objects.live().filter(
            translation_key__in=keys, locale__language_code=language
        )
        for translation_key, title in translated.values_list("translation_key", "title"):
            titles[keys[translation_key]] = title
    return titles


def course_title(course, language: str) -> str:
    return course_titles([course], language)[course.pk]


def verification_path(certificate: Certificate, language: str | None = None) -> str:
    with translation.override(language or certificate.language):
        return certificate.get_absolute_url()


def verification_url(certificate: Certificate, language: str | None = None) -> str:
    """The absolute address of the public verification page, in the certificate's language."""
    return settings.SITE_BASE_URL.rstrip("/") + verification_path(certificate, language)


def issued_date(certificate: Certificate, language: str | None = None) -> str:
    """The date of issue as the locale writes it ("23 Nëntor 2026", "Nov. 23, 2026")."""
    with translation.override(language or certificate.language):
        day = timezone.localtime(certificate.issued_at).date()
        return formats.date_format(day, "DATE_FORMAT")


# The PDF -----------------------------------------------------------------------------------


def _organisation_name() -> str:
    from wagtail.models import Site

    from home.models import SiteSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return ""
    return SiteSettings.for_site(site).organisation_name or site.site_name or ""


def _qr_png(url: str) -> io.BytesIO:
    import segno

    buffer = io.BytesIO()
    # Medium error correction survives a crease or a smudge on a printed certificate.
    segno.make(url, error="m").save(buffer, kind="png", scale=8, border=0)
    buffer.seek(0)
    return buffer


def certificate_pdf(certificate: Certificate) -> bytes:
    """The certificate as a one-page A4 landscape PDF, in the certificate's language.

    Shows the title, the name as printed, the course (its title in that language when a live
    translation exists), the date of issue, the verification code and a QR code of the absolute
    verification address. Metadata: title, language and creator only (no email, no username).
    """
    from fpdf import FPDF

    language = certificate.language
    with translation.override(language):
        title = gettext("Certificate of completion")
        name = certificate.name_as_printed
        course = course_title(certificate.course, language)
        date = issued_date(certificate)
        url = verification_url(certificate)
        organisation = _organisation_name()
        lines = {
            "certifies": gettext("This certifies that"),
            "completed": gettext("has completed the course"),
            "on": gettext("Issued on %(date)s") % {"date": date},
            "code": gettext("Verification code: %(code)s") % {"code": certificate.display_code},
            "verify": gettext("Check this certificate at"),
            "scan": gettext("or scan the code"),
        }

    pdf = FPDF(orientation="landscape", unit="mm", format="A4")
    pdf.set_title(f"{title} – {course}")
    pdf.set_lang(language)
    pdf.set_creator(organisation or "Sigurt")
    pdf.set_producer("Sigurt")
    pdf.set_creation_date(certificate.issued_at)
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 20, 20)
    pdf.add_font("DejaVu", "", str(FONTS_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS_DIR / "DejaVuSans-Bold.ttf"))
    pdf.add_page()

    width, height = pdf.w, pdf.h  # 297 x 210 mm
    # A double frame in the site's brand blue.
    pdf.set_draw_color(11, 79, 138)
    pdf.set_line_width(1.5)
    pdf.rect(10, 10, width - 20, height - 20)
    pdf.set_line_width(0.4)
    pdf.rect(14, 14, width - 28, height - 28)

    text_width = width - 40
    pdf.set_text_color(27, 31, 36)
    if organisation:
        pdf.set_xy(20, 24)
        pdf.set_font("DejaVu", "", 13)
        pdf.cell(text_width, 8, organisation, align="C")
    pdf.set_xy(20, 36)
    pdf.set_font("DejaVu", "B", 30)
    pdf.set_text_color(11, 46, 79)
    pdf.multi_cell(text_width, 14, title, align="C")
    pdf.set_text_color(27, 31, 36)

    pdf.set_y(62)
    pdf.set_font("DejaVu", "", 14)
    pdf.multi_cell(text_width, 8, lines["certifies"], align="C")
    pdf.set_y(pdf.get_y() + 3)
    pdf.set_font("DejaVu", "B", 26)
    pdf.multi_cell(text_width, 13, name, align="C")
    pdf.set_y(pdf.get_y() + 3)
    pdf.set_font("DejaVu", "", 14)
    pdf.multi_cell(text_width, 8, lines["completed"], align="C")
    pdf.set_y(pdf.get_y() + 2)
    pdf.set_font("DejaVu", "B", 19)
    pdf.multi_cell(text_width, 10, course, align="C")
    pdf.set_y(pdf.get_y() + 4)
    pdf.set_font("DejaVu", "", 13)
    pdf.multi_cell(text_width, 8, lines["on"], align="C")

    # Verification, bottom right: the QR code, with the address and the code beside it.
    qr_size = 32
    qr_x, qr_y = width - 24 - qr_size, height - 24 - qr_size
    pdf.image(_qr_png(url), x=qr_x, y=qr_y, w=qr_size, h=qr_size, alt_text=url)
    block_width = 150
    block_x = qr_x - 6 - block_width
    pdf.set_xy(block_x, qr_y + 2)
    pdf.set_font("DejaVu", "B", 12)
    pdf.multi_cell(block_width, 7, lines["code"], align="R")
    pdf.set_x(block_x)
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(block_width, 5.5, f"{lines['verify']} {url}", align="R")
    pdf.set_x(block_x)
    pdf.multi_cell(block_width, 5.5, lines["scan"], align="R")
    return bytes(pdf.output())
