"""The newsletter's public forms: subscribe, and the personal page's language choice."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Bump the version whenever CONSENT_TEXT changes; each subscriber keeps the text they agreed to.
CONSENT_VERSION = "2026-11"
CONSENT_TEXT = _(
    "I agree to receive the newsletter for parents by email. My address is used only to send it "
    "and I can unsubscribe at any time with the link in every email."
)
# A field people never see (its wrapper is hidden); simple bots fill in every field they find.
HONEYPOT_FIELD = "homepage"


def _language_choices():
    return list(settings.LANGUAGES)


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        error_messages={
            "required": _("Enter your email address, for example name@example.com."),
            "invalid": _("Enter a complete email address, for example name@example.com."),
        },
    )
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=_language_choices,
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Tick the box to agree, so that we may email you.")},
    )
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"language": (get_language() or "")[:2]})
        kwargs.setdefault("auto_id", "subscribe-%s")
        super().__init__(*args, **kwargs)

    def is_bot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD))


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the newsletter"), choices=_language_choices, widget=forms.RadioSelect
    )
