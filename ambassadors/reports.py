"""Reach reports for the Wagtail admin: verified activities added up by campaign, region, school
or month, and their CSV and XLSX exports, which stream so memory stays flat however many rows.

Aggregates only: a school is shown by name and official code, never a person.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Count, F, Min, QuerySet
from django.db.models.functions import TruncMonth
from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook

from .models import Activity
from .permissions import coordinated_regions, is_network_editor
from .reach import count_sums

GROUP_BY_CHOICES = (
    ("campaign", _("Campaign")),
    ("region", _("Region")),
    ("school", _("School")),
    ("month", _("Month")),
)
GROUP_BY_VALUES = tuple(value for value, _label in GROUP_BY_CHOICES)
# Rows fetched per round trip while exporting: enough to be fast, small enough to stay flat.
EXPORT_CHUNK_SIZE = 2000
REGION = "school__municipality__region"


@dataclass(frozen=True)
class ReportColumn:
    key: str
    label: str


# The columns naming each row's group, per grouping.
GROUP_COLUMNS = {
    "campaign": (ReportColumn("campaign_title", _("Campaign")),),
    "region": (ReportColumn("region", _("Region")), ReportColumn("region_code", _("Region code"))),
    "school": (
        ReportColumn("school_name", _("School")),
        ReportColumn("school_code", _("School code")),
        ReportColumn("region", _("Region")),
    ),
    "month": (ReportColumn("month", _("Month")),),
}
FIGURE_COLUMNS = (
    ReportColumn("schools", _("Schools")),
    ReportColumn("girls", _("Girls")),
    ReportColumn("boys", _("Boys")),
    ReportColumn("students_unstated", _("Students, gender not stated")),
    ReportColumn("students", _("Students")),
    ReportColumn("parents", _("Parents")),
    ReportColumn("teachers", _("Teachers")),
    ReportColumn("other_adults", _("Other adults")),
    ReportColumn("adults", _("Adults")),
    ReportColumn("activities", _("Activities")),
)
# What a spreadsheet would run as a formula if a cell started with it.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def report_columns(group_by: str) -> tuple[ReportColumn, ...]:
    return GROUP_COLUMNS[group_by] + FIGURE_COLUMNS


def _grouped(activities: QuerySet, group_by: str) -> QuerySet:
    if group_by == "campaign":
        # Translations share a key, so Albanian and English pages add up to one campaign.
        return (
            activities.values(campaign_key=F("campaign__translation_key"))
            .annotate(campaign_title=Min("campaign__title"))
            .order_by("campaign_title", "campaign_key")
        )
    if group_by == "region":
        return activities.values(
            region=F(f"{REGION}__name"), region_code=F(f"{REGION}__code")
        ).order_by("region", "region_code")
    if group_by == "school":
        return activities.values(
            school_name=F("school__name"),
            school_code=F("school__code"),
            region=F(f"{REGION}__name"),
        ).order_by("school_name", "school_code")
    if group_by == "month":
        return activities.values(month=TruncMonth("date")).order_by("month")
    raise ValueError(f"Unknown grouping: {group_by!r}")


def reach_report(
    *,
    user,
    group_by: str,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
    campaign=None,
) -> QuerySet:
    """Verified activities' figures per group, as dict rows in one ordered query.

    `campaign` is a campaign page in any language or its translation key; `date_from` and
    `date_to` are inclusive. Editors see every school, coordinators their regions' schools,
    anyone else nothing.
    """
    activities = Activity.objects.verified()
    if not is_network_editor(user):
        # A subquery, so the report stays one query.
        activities = activities.filter(**{f"{REGION}__in": coordinated_regions(user)})
    if date_from is not None:
        activities = activities.filter(date__gte=date_from)
    if date_to is not None:
        activities = activities.filter(date__lte=date_to)
    if campaign is not None:
        key = campaign if isinstance(campaign, UUID | str) else campaign.translation_key
        activities = activities.filter(campaign__translation_key=key)
    report = _grouped(activities, group_by).annotate(
        schools=Count("school", distinct=True),
        **count_sums(),
        activities=Count("pk"),
    )
    # Totals of the sums above (the names now mean the group's sums, not a row's counts).
    return report.annotate(
        students=F("girls") + F("boys") + F("students_unstated"),
        adults=F("parents") + F("teachers") + F("other_adults"),
    )


def cell(value):
    """A value as a report cell: months as YYYY-MM, text that cannot run as a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m")
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return f"'{value}"
    return value


def report_table(rows: Iterable[dict], group_by: str) -> Iterator[list]:
    """The header, then one list of cells per row."""
    columns = report_columns(group_by)
    yield [str(column.label) for column in columns]
    for row in rows:
        yield [cell(row[column.key]) for column in columns]


def report_filename(
    group_by: str, date_from: datetime.date | None, date_to: datetime.date | None, extension: str
) -> str:
    """E.g. reach-by-region-2025-01-01-2025-06-30.csv: the filters, nothing personal."""
    parts = ["reach", "by", group_by]
    if date_from is not None:
        parts += ["from", date_from.isoformat()] if date_to is None else [date_from.isoformat()]
    if date_to is not None:
        parts += ["until", date_to.isoformat()] if date_from is None else [date_to.isoformat()]
    return f"{'-'.join(parts)}.{extension}"


class _Echo:
    """A file-like object that hands back what is written, so csv.writer yields lines."""

    def write(self, value):
        return value


def csv_response(rows: QuerySet, group_by: str, filename: str) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    lines = (
        writer.writerow(line)
        for line in report_table(rows.iterator(chunk_size=EXPORT_CHUNK_SIZE), group_by)
    )
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_response(rows: QuerySet, group_by: str, filename: str) -> FileResponse:
    # Write-only mode streams rows to disk, so memory stays flat however many there are.
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(_("Reach"))[:31])
    for line in report_table(rows.iterator(chunk_size=EXPORT_CHUNK_SIZE), group_by):
        sheet.append(line)
    # Deleted when the response closes it, after the last byte is sent.
    output = tempfile.NamedTemporaryFile(suffix=".xlsx")  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
