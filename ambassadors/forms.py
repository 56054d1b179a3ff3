"""Forms of the school space: filters, adding an ambassador, invitations."""

import re
import uuid
from urllib.parse import urlencode

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import InvitedRole, Membership, Region, Role, School

# Letters (any alphabet, so ë and ç), spaces, hyphens and apostrophes.
NAME_PATTERN = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+)*$")


class SubmissionIdField(forms.UUIDField):
    """A hidden one-time id per form display: the same id is never acted on twice."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(
            initial=uuid.uuid4,
            error_messages={
                "required": _("This form is out of date. Please fill it in again."),
                "invalid": _("This form is out of date. Please fill it in again."),
            },
            **kwargs,
        )


class SchoolFilterForm(forms.Form):
    """Plain GET filters of the school list, so they work without JavaScript."""

    q = forms.CharField(
        label=_("Name or code"), required=False, max_length=100, widget=forms.SearchInput
    )
    region = forms.ModelChoiceField(
        label=_("Region"), queryset=Region.objects.none(), required=False, empty_label=_("All")
    )
    level = forms.ChoiceField(
        label=_("Level"), required=False, choices=[("", _("All")), *School.Level.choices]
    )

    def __init__(self, *args, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions

    def cleaned_filters(self) -> dict:
        """The valid filters; an unknown value is ignored rather than shown as an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {
            "query": (data.get("q") or "").strip(),
            "region": data.get("region"),
            "level": data.get("level") or "",
        }

    def query_string(self) -> str:
        filters = self.cleaned_filters()
        params = {
            "q": filters["query"],
            "region": filters["region"].pk if filters["region"] else "",
            "level": filters["level"],
        }
        return urlencode({key: value for key, value in params.items() if value})


def clean_name(value: str) -> str:
    value = " ".join(value.split())
    if not NAME_PATTERN.match(value):
        raise forms.ValidationError(_("Use letters only, e.g. Ana or Ana-Maria."))
    return value


class AmbassadorForm(forms.Form):
    """A minor ambassador's account: first name, initial and the parents' consent, nothing more."""

    CONSENT_GIVERS = [
        ("mother", _("Mother")),
        ("father", _("Father")),
        ("guardian", _("Legal guardian")),
    ]

    submission_id = SubmissionIdField()
    first_name = forms.CharField(
        label=_("First name"),
        max_length=30,
        help_text=_("Only the first name. Others will see it with the initial, e.g. “Ana K.”."),
    )
    last_name_initial = forms.CharField(
        label=_("First letter of the last name"),
        max_length=1,
        help_text=_("One letter. The full last name is never stored."),
    )
    consent_given_by = forms.ChoiceField(
        label=_("Consent given by"), choices=[("", _("Choose")), *CONSENT_GIVERS]
    )
    consent_given_on = forms.DateField(
        label=_("Consent given on"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The date on the signed consent form."),
    )
    consent_confirmed = forms.BooleanField(
        label=_("I have the consent form signed by the parent or guardian and keep it at school."),
        error_messages={"required": _("Tick this box once you have the signed consent form.")},
    )
    replaces = forms.ModelChoiceField(
        label=_("Takes over from"),
        queryset=Membership.objects.none(),
        required=False,
        empty_label=_("Nobody: an additional ambassador"),
        help_text=_("The ambassador whose role ends today. Their history is kept."),
    )

    def __init__(self, *args, school: School, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaces"].queryset = (
            Membership.objects.active()
            .filter(school=school, role=Role.AMBASSADOR)
            .select_related("user", "school_year")
        )
        self.fields["replaces"].label_from_instance = lambda membership: (
            f"{membership.user.display_name} ({membership.school_year})"
        )
        self.fields["first_name"].widget.attrs["autocomplete"] = "off"
        self.fields["last_name_initial"].widget.attrs.update(
            {"autocomplete": "off", "size": "2", "class": "input--short"}
        )

    def clean_first_name(self):
        return clean_name(self.cleaned_data["first_name"])

    def clean_last_name_initial(self):
        value = self.cleaned_data["last_name_initial"].strip()
        if not NAME_PATTERN.match(value):
            raise forms.ValidationError(_("Enter one letter."))
        return value.upper()

    def clean_consent_given_on(self):
        value = self.cleaned_data["consent_given_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The consent date cannot be in the future."))
        return value


class InvitationForm(forms.Form):
    """Invite an adult by email to coordinate a region or to work at a school."""

    submission_id = SubmissionIdField()
    email = forms.EmailField(label=_("Email address"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=InvitedRole.choices, widget=forms.RadioSelect)
    school_code = forms.CharField(
        label=_("School code"),
        max_length=30,
        required=False,
        help_text=_("For an ICT teacher or psychologist: the school's official code."),
    )
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=_("Choose"),
        help_text=_("For a regional coordinator."),
    )

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.schools = schools
        self.fields["email"].widget.attrs["autocomplete"] = "off"

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _(
                    "Someone already has an account with this address. "
                    "Give them the role in the admin."
                )
            )
        return email

    def clean(self):
        cleaned = super().clean()
        role = cleaned.get("role")
        code = (cleaned.get("school_code") or "").strip()
        cleaned["school"] = None
        if role == InvitedRole.COORDINATOR:
            cleaned["school_code"] = ""
            if cleaned.get("region") is None:
                self.add_error("region", _("Choose the region the coordinator will cover."))
        elif role:
            cleaned["region"] = None
            if not code:
                self.add_error("school_code", _("Enter the code of the person's school."))
            else:
                school = self.schools.filter(code__iexact=code, is_active=True).first()
                if school is None:
                    self.add_error(
                        "school_code",
                        _("No active school has this code. Check it in the list of schools."),
                    )
                cleaned["school"] = school
        return cleaned


class InvitationAcceptForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email
        self.fields["first_name"].widget.attrs["autocomplete"] = "given-name"
        self.fields["last_name"].widget.attrs["autocomplete"] = "family-name"

    def clean_first_name(self):
        return clean_name(self.cleaned_data["first_name"])

    def clean_last_name(self):
        return clean_name(self.cleaned_data["last_name"])

    def clean(self):
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords are different. Type them again."))
        elif password1:
            candidate = get_user_model()(
                email=self.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
