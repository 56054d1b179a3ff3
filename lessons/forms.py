from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from home.models import AgeBand, Audience


class LessonFilterForm(forms.Form):
    """The lesson library's filters: plain GET fields, so they work without JavaScript."""

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
        """The valid filters; an unknown value is ignored rather than shown as an error."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data[name] for name in ("topic", "audience", "age_band") if data.get(name)}

    def query_string(self) -> str:
        return urlencode(self.cleaned_filters())
