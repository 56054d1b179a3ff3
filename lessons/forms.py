from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import AgeBand, Audience


class TopicAudienceAgeFilterForm(forms.Form):
    """Filters by topic, audience and age as plain GET fields (they work without JavaScript);
    `FILTER_NAMES` lists the fields a subclass applies, in order. An unknown value is left out
    rather than refusing the whole listing."""

    FILTER_NAMES: tuple[str, ...] = ("topic", "audience", "age_band")

    topic = forms.ChoiceField(label=_("Topic"), required=False)
    audience = forms.ChoiceField(
        label=_("Written for"),
        required=False,
        choices=[("", _("Everyone")), *Audience.choices],
    )
    age_band = forms.ChoiceField(
        label=_("Age"),
        required=False,
        choices=[("", _("Any age")), *AgeBand.choices],
    )

    def __init__(self, *args, topics: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("All topics")), *topics]

    def cleaned_filters(self) -> dict:
        """The valid filters, by name."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in self.FILTER_NAMES if data.get(name)}

    def query_string(self) -> str:
        return urlencode(self.cleaned_filters())


class LessonFilterForm(TopicAudienceAgeFilterForm):
    """The lesson index's filters."""
