"""Forms of the activity log: logging or fixing an activity, returning one with a reason.

Phone friendly and JavaScript free: counts are plain text inputs with a numeric keyboard.
"""

import datetime

from django import forms
from django.apps import apps
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .activities import COUNT_FIELDS, max_people
from .forms import SubmissionIdField
from .models import Activity, ActivityKind, School, SchoolYear

MAX_TOPICS = 10
MAX_TOPIC_LENGTH = 50


def school_year_start(today: datetime.date) -> datetime.date | None:
    """The first day of the current school year (the latest one begun, between two years)."""
    year = SchoolYear.objects.containing(today).first()
    if year is None:
        year = SchoolYear.objects.filter(starts_on__lte=today).order_by("-starts_on").first()
    return year.starts_on if year else None


def count_field(label):
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        initial=0,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "pattern": "[0-9]*", "autocomplete": "off", "size": 5}
        ),
        error_messages={
            "invalid": _("Enter a whole number, e.g. 12."),
            "min_value": _("The number cannot be negative."),
        },
    )


class ActivityForm(forms.Form):
    """An activity and whom it reached; `duplicate_warning` is set when a similar one exists."""

    # Becomes the activity's submission_key: the same form display never saves twice.
    submission_id = SubmissionIdField()
    campaign = forms.ModelChoiceField(
        label=_("Campaign"),
        queryset=None,
        required=False,
        empty_label=_("No campaign"),
    )
    kind = forms.ChoiceField(label=_("Kind of activity"), choices=ActivityKind.choices)
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as year-month-day, e.g. 2026-02-10.")},
    )
    topics = forms.CharField(
        label=_("Topics"),
        required=False,
        max_length=500,
        help_text=_("Separate topics with commas, e.g. cyberbullying, privacy."),
    )
    title = forms.CharField(label=_("Short title"), max_length=120)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What happened, in a few lines. No names of students."),
    )
    girls = count_field(_("Girls"))
    boys = count_field(_("Boys"))
    students_unstated = count_field(_("Students who did not state their gender"))
    parents = count_field(_("Parents"))
    teachers = count_field(_("Teachers"))
    other_adults = count_field(_("Other adults"))
    confirm_different = forms.BooleanField(
        label=_("Yes, this is a different activity"), required=False
    )

    def __init__(self, *args, school: School, instance: Activity | None = None, **kwargs):
        self.school = school
        self.instance = instance
        self.duplicate_warning = False
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = self._initial_from(instance)
        super().__init__(*args, **kwargs)
        campaign_page = apps.get_model("campaigns", "CampaignPage")
        self.fields["campaign"].queryset = (
            campaign_page.objects.live()
            .filter(locale=Locale.get_active())
            .order_by("-start_date", "title")
        )
        if instance is not None:
            # The key only guards new activities; an edit is found by its id.
            self.fields["submission_id"].required = False

    @staticmethod
    def _initial_from(instance: Activity) -> dict:
        initial = {name: getattr(instance, name) for name in ("kind", "date", "title", "note")}
        initial |= {name: getattr(instance, name) for name in COUNT_FIELDS}
        initial["topics"] = ", ".join(sorted(tag.name for tag in instance.tags.all()))
        if instance.campaign is not None:
            # Shown in the reader's language; saved unchanged when only the language differs.
            translated = instance.campaign.get_translation_or_none(Locale.get_active())
            initial["campaign"] = (translated or instance.campaign).pk
        return initial

    def clean_campaign(self):
        campaign = self.cleaned_data.get("campaign")
        previous = self.instance.campaign if self.instance else None
        if campaign and previous and campaign.translation_key == previous.translation_key:
            return previous
        return campaign

    def clean_date(self):
        day = self.cleaned_data["date"]
        today = timezone.localdate()
        if day > today:
            raise forms.ValidationError(
                _("The date is in the future. Log an activity once it has taken place.")
            )
        unchanged = self.instance is not None and self.instance.date == day
        start = school_year_start(today)
        if start and day < start and not unchanged:
            raise forms.ValidationError(
                _(
                    "The date is before this school year, which started on %(start)s. "
                    "Only activities of this school year can be logged."
                ),
                params={"start": formats.date_format(start, "DATE_FORMAT")},
            )
        return day

    def clean_topics(self):
        names = []
        for raw in self.cleaned_data["topics"].split(","):
            name = " ".join(raw.split())
            if name and name.lower() not in {n.lower() for n in names}:
                names.append(name)
        if any(len(name) > MAX_TOPIC_LENGTH for name in names):
            raise forms.ValidationError(
                _("Keep each topic under %(count)s characters."), params={"count": MAX_TOPIC_LENGTH}
            )
        if len(names) > MAX_TOPICS:
            raise forms.ValidationError(
                _("Choose at most %(count)s topics."), params={"count": MAX_TOPICS}
            )
        return names

    def clean(self):
        data = super().clean()
        for name in COUNT_FIELDS:
            if data.get(name) is None and name not in self.errors:
                data[name] = 0
        if any(name in self.errors for name in COUNT_FIELDS):
            return data
        total = sum(data[name] for name in COUNT_FIELDS)
        if total == 0:
            raise forms.ValidationError(
                _("Enter how many people took part: at least one person."), code="nobody"
            )
        if total > max_people():
            raise forms.ValidationError(
                _(
                    "That is %(total)s people, more than %(max)s in one activity. Check the "
                    "numbers, or log each session on its own."
                ),
                params={"total": total, "max": max_people()},
                code="too_many",
            )
        confirmed = data.get("confirm_different")
        if not confirmed and data.get("date") and data.get("kind") and self._similar_exists(data):
            self.duplicate_warning = True
            self.add_error(
                "confirm_different",
                _(
                    "An activity of this kind on this date is already logged for this "
                    "school. If this is a different activity, tick the box and send again."
                ),
            )
        return data

    def _similar_exists(self, data) -> bool:
        similar = self.school.activities.filter(date=data["date"], kind=data["kind"])
        if self.instance is not None:
            similar = similar.exclude(pk=self.instance.pk)
        elif data.get("submission_id"):
            similar = similar.exclude(submission_key=data["submission_id"])
        return similar.exists()

    def activity_data(self) -> dict:
        """The cleaned values, as the activity services take them."""
        names = ("campaign", "kind", "date", "title", "note", *COUNT_FIELDS)
        return {name: self.cleaned_data[name] for name in names}


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("What needs to change?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what needs to change, so the author can fix it.")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say what needs to change, so the author can fix it."))
        return reason


class ActivityFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import ActivityStatus

        self.fields["status"].choices = [("", _("All")), *ActivityStatus.choices]

    def chosen_status(self) -> str:
        """The chosen status; an unknown value is ignored rather than shown as an error."""
        return self.cleaned_data.get("status", "") if self.is_valid() else ""
