"""The form where anyone types a certificate's verification code."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .certificates import normalise_code

# Room for spaces and dashes around the 10 characters; longer input is not a code.
CODE_INPUT_MAX_LENGTH = 40


class CertificateLookupForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("As printed on the certificate, for example K7QX-2MPA-9R."),
        max_length=CODE_INPUT_MAX_LENGTH,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
            }
        ),
    )

    def clean_code(self) -> str:
        """The code in its stored form (upper case, no spaces or dashes)."""
        code = normalise_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _(
                    "This is not a certificate code. A code has 10 letters and digits, like "
                    "K7QX-2MPA-9R: check what you typed against the certificate."
                ),
                code="invalid",
            )
        return code
