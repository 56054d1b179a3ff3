"""The reach reports screen of the Wagtail admin and its CSV and XLSX downloads."""

from django import forms
from django.apps import apps
from django.http import HttpResponseForbidden
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Locale

from .permissions import can_view_reach_reports
from .reports import (
    GROUP_BY_CHOICES,
    csv_response,
    reach_report,
    report_filename,
    report_table,
    xlsx_response,
)

# The screen shows this many rows; the downloads hold them all.
TABLE_ROWS = 500


def campaign_choices() -> list[tuple[str, str]]:
    """One choice per campaign (its translation key), titled in the default language if it has
    one."""
    default = Locale.get_default()
    titles: dict[str, str] = {}
    # By name: campaigns builds on the network, so the network never imports campaigns.
    pages = (
        apps.get_model("campaigns", "CampaignPage")
        .objects.order_by("title")
        .values_list("translation_key", "title", "locale_id")
    )
    for key, title, locale_id in pages:
        if str(key) not in titles or locale_id == default.pk:
            titles[str(key)] = title
    return sorted(titles.items(), key=lambda choice: choice[1].casefold())


class ReachReportForm(forms.Form):
    group_by = forms.ChoiceField(label=_("Group by"), choices=GROUP_BY_CHOICES, initial="region")
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The first day counted, e.g. 2025-01-31."),
    )
    date_to = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day counted, e.g. 2025-06-30."),
    )
    campaign = forms.ChoiceField(label=_("Campaign"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].choices = [("", _("All campaigns")), *campaign_choices()]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("The last day must not be before the first day."))
        return cleaned

    def report_filters(self) -> dict:
        data = self.cleaned_data
        return {
            "group_by": data["group_by"],
            "date_from": data["date_from"],
            "date_to": data["date_to"],
            "campaign": data["campaign"] or None,
        }


class ReachReportView(WagtailAdminTemplateMixin, TemplateView):
    """Filters, a table of the figures, and downloads of the same rows (`export`: csv or xlsx)."""

    template_name = "ambassadors/reports/reach_report.html"
    page_title = _("Reach reports")
    header_icon = "table"
    export = None

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_reach_reports(request.user):
            return HttpResponseForbidden(
                render_to_string("ambassadors/reports/forbidden.html", request=request)
            )
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        data.setdefault("group_by", "region")
        self.form = ReachReportForm(data)
        if self.form.is_valid() and self.export:
            filters = self.form.report_filters()
            rows = reach_report(user=request.user, **filters)
            filename = report_filename(
                filters["group_by"], filters["date_from"], filters["date_to"], self.export
            )
            respond = csv_response if self.export == "csv" else xlsx_response
            return respond(rows, filters["group_by"], filename)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        if self.form.is_valid():
            filters = self.form.report_filters()
            rows = list(reach_report(user=self.request.user, **filters)[: TABLE_ROWS + 1])
            table = report_table(rows[:TABLE_ROWS], filters["group_by"])
            context.update(
                header=next(table),
                rows=list(table),
                truncated=len(rows) > TABLE_ROWS,
                table_rows=TABLE_ROWS,
                query=self.form.data.urlencode(),
            )
        return context
