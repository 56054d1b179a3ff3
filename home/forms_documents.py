"""The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE): Wagtail's, with one clear message
per refused upload. Wagtail enforces WAGTAILDOCS_MAX_UPLOAD_SIZE and WAGTAILDOCS_EXTENSIONS."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm


class DocumentForm(BaseDocumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].error_messages["file_too_large"] = _(
                "This file is %(file_size)s; the largest allowed is %(max_filesize)s. "
                "Make it smaller (for a PDF, save it again with smaller images) or split it."
            )

    def add_error(self, field, error):
        # When the upload itself was refused (too big), Wagtail's Document.clean still checks
        # the extension of the missing file and adds "File extension “” is not allowed".
        if (
            field is None
            and isinstance(error, ValidationError)
            and hasattr(error, "error_dict")
            and "file" in error.error_dict
            and "file" in (self._errors or {})
        ):
            rest = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not rest:
                return
            error = ValidationError(rest)
        super().add_error(field, error)
