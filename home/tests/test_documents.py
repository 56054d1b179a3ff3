"""Documents: only the allowed file types, up to WAGTAILDOCS_MAX_UPLOAD_SIZE (a real Wagtail
setting, enforced by its document form field), are accepted in the admin; a stored file of a
type that is not allowed (an SVG from before the rule) is never served."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def document_form(settings):
    """The project's form (home.forms_documents), as config/settings/base.py names it."""
    settings.WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms_documents.DocumentForm"


@pytest.fixture
def editor():
    user = UserFactory(is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # messages compared in English
    profile.save()
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """Wagtail serves a document from its path on disk (test settings keep files in memory)."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def upload(client, name: str, content: bytes, content_type="application/octet-stream"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "A leaflet",
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def file_errors(response) -> list[str]:
    assert response.status_code == 200, "the form should be shown again with its errors"
    return response.context["form"].errors.get("file", [])


def test_a_pdf_is_accepted(editor):
    response = upload(editor, "leaflet.pdf", PDF, "application/pdf")

    assert response.status_code == 302
    document = Document.objects.get()
    assert document.file_extension == "pdf"


@pytest.mark.parametrize(
    "name, content",
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("page.html", b"<html><script>alert(1)</script></html>"),
        ("setup.exe", b"MZ\x90\x00\x03"),
    ],
)
def test_types_not_on_the_allow_list_are_refused_and_nothing_is_stored(editor, name, content):
    response = upload(editor, name, content)

    extension = name.rsplit(".", 1)[1]
    errors = file_errors(response)
    assert len(errors) == 1
    assert f"“{extension}” is not allowed" in errors[0] and "pdf" in errors[0]
    assert errors[0] in response.content.decode().replace("&ldquo;", "“").replace("&rdquo;", "”")
    assert not Document.objects.exists()


def test_a_file_over_the_limit_is_refused_with_its_size_and_the_limit(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = upload(editor, "big.pdf", PDF + b"0" * 2048, "application/pdf")

    assert file_errors(response) == [
        "This file is 2.1\xa0KB; the largest allowed is 1.0\xa0KB. Make it smaller "
        "(for a PDF, save it again with smaller images) or split it."
    ]
    assert not Document.objects.exists()
    # Just under the limit is fine.
    assert upload(editor, "small.pdf", PDF, "application/pdf").status_code == 302


def test_the_size_limit_is_twenty_megabytes(settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024


@pytest.mark.parametrize("name", ["old-drawing.svg", "OLD.SVG", "page.html"])
def test_a_stored_file_of_a_type_not_allowed_is_not_served(client, files_on_disk, name):
    document = Document.objects.create(title="From before the rule")
    document.file.save(name, ContentFile(b"<svg><script>alert(1)</script></svg>"))

    response = client.get(document.url)

    assert response.status_code == 404
    assert b"<script>alert(1)" not in response.content


def test_an_allowed_stored_file_is_still_served(client, files_on_disk):
    document = Document.objects.create(title="Leaflet")
    document.file.save("leaflet.pdf", ContentFile(PDF))

    response = client.get(document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
