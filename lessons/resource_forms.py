"""The resource library's filters: plain GET fields, so they work without JavaScript."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import TopicAudienceAgeFilterForm
from .resources import ResourceKind, language_choices

SEARCH_MAX_LENGTH = 100


class ResourceFilterForm(TopicAudienceAgeFilterForm):
    """The library's filters: the lessons' topic, audience and age, plus a search, the kind of
    resource and its language."""

    FILTER_NAMES = ("q", "topic", "kind", "audience", "age_band", "language")
    field_order = FILTER_NAMES

    q = forms.CharField(
        label=_("Search the library"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *ResourceKind.choices],
    )
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, topics: list[tuple[str, str]], **kwargs):
        super().__init__(*args, topics=topics, **kwargs)
        self.fields["language"].choices = [("", _("Any language")), *language_choices()]

    def cleaned_filters(self) -> dict:
        """As the base form's, with the search's spaces tidied."""
        filters = super().cleaned_filters()
        if "q" in filters:
            filters["q"] = " ".join(filters["q"].split())
        return filters

    def ignored_fields(self) -> list[str]:
        """Labels of the fields whose value was not valid (and so was not applied)."""
        self.is_valid()
        return [str(self.fields[name].label) for name in self.errors if name in self.fields]
