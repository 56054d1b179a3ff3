"""Forms of the account pages: login, one-time code setup, account deletion."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from django import forms
from django.contrib.auth import password_validation
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

# Phones capitalise the first letter and "correct" spelling; usernames and codes need neither.
PLAIN_TEXT_ATTRS = {"autocapitalize": "none", "autocorrect": "off", "spellcheck": "false"}


class NoLabelSuffix:
    """Labels without a trailing colon, like the rest of the site's forms."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class LoginForm(NoLabelSuffix, AllauthLoginForm):
    """allauth's login with a real label (not a placeholder) and phone-friendly input."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = _("Username or email")
        login.widget.attrs.pop("placeholder", None)
        login.widget.attrs.update({"autocomplete": "username", **PLAIN_TEXT_ATTRS})
        password = self.fields["password"]
        password.widget.attrs.pop("placeholder", None)
        password.label = _("Password")
        # allauth's own wording is not in Albanian, and its email reset is only for adults.
        password.help_text = format_html(
            '<a href="{}">{}</a>',
            reverse("account_reset_password"),
            _("Forgot your password? Teachers and staff can reset it by email."),
        )
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me logged in on this device")


class SetupForm(NoLabelSuffix, forms.Form):
    """A person without email sets their password with the one-time code from their teacher."""

    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_("Your teacher wrote it down for you, with your code."),
        widget=forms.TextInput(attrs={"autocomplete": "username", **PLAIN_TEXT_ATTRS}),
    )
    code = forms.CharField(
        label=_("Setup code"),
        max_length=20,
        help_text=_("Ten letters and numbers, for example ABCDE-FGH23."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "characters",
                "autocorrect": "off",
                "spellcheck": "false",
            }
        ),
    )
    password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        help_text=_(
            "At least 8 characters. Not only numbers, not your name and not an easy password "
            "like 12345678."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_username(self) -> str:
        return self.cleaned_data["username"].strip()

    def clean_password1(self) -> str:
        password = self.cleaned_data["password1"]
        # Checks that need no account; the ones that compare with the account run after the code.
        password_validation.validate_password(password)
        return password

    def clean(self):
        cleaned_data = super().clean()
        password1 = cleaned_data.get("password1")
        password2 = cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are not the same. Type them again."))
        return cleaned_data


class AccountDeleteForm(NoLabelSuffix, forms.Form):
    """An adult confirms with their password that they want their account deleted."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("That is not your password. Nothing was deleted."), code="incorrect_password"
            )
        return password
