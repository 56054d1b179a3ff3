"""Public open data: campaign and region reach as JSON and CSV, aggregates only.

Built from verified activities with the same rules as `ambassadors.reach.campaign_reach`
(campaigns matched by translation_key, the same school-level mapping). Small cells are
suppressed so that no figure can single out a child:

- a count of people from 1 to OPEN_DATA_MIN_CELL - 1 (default 5) is withheld (JSON null, CSV
  empty) and the row is flagged `suppressed`;
- a row that covers a single school withholds all its people counts (a small class could be
  recognised);
- if one of girls/boys/not stated is withheld, all three are (else the total would reveal it);
- within a campaign, if only one region withholds a figure that the campaign row shows, the
  next smallest region figure is withheld too (else a subtraction would reveal it).
"""

import csv
import io
import json
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.views.decorators.http import require_GET
from wagtail.coreutils import get_supported_content_language_variant

from ambassadors.reach import REACH_CACHE_SECONDS, reach_version, region_reach_rows

from .models import CampaignPage

LICENCE = "Figures may be reused with attribution."
# People counts: the only cells that could single out a child (schools and regions count places).
PEOPLE_FIELDS = ("girls", "boys", "students_not_stated", "students", "adults")
STUDENT_PARTS = ("girls", "boys", "students_not_stated")
CAMPAIGN_FIELDS = (
    "id",
    "slug",
    "title",
    "schools_reached",
    "primary_schools",
    "secondary_schools",
    "regions_reached",
    *PEOPLE_FIELDS,
    "suppressed",
)
REGION_FIELDS = (
    "campaign_id",
    "campaign",
    "region",
    "region_code",
    "schools",
    *PEOPLE_FIELDS,
    "suppressed",
)
CACHE_KEY = "campaigns:open-data:{min_cell}:{version}"
# Browsers and proxies may keep a copy as long as the server does (seconds).
HTTP_MAX_AGE = REACH_CACHE_SECONDS
# Spreadsheets run cells that start with these as formulas; editors type campaign titles.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def min_cell() -> int:
    return settings.OPEN_DATA_MIN_CELL


def _people(row: dict) -> dict:
    students = row["girls"] + row["boys"] + row["students_not_stated"]
    return {**{name: row[name] for name in STUDENT_PARTS}, "students": students}


def _raw_rows() -> tuple[list[dict], list[dict]]:
    """Unsuppressed campaign and region rows, in two queries whatever the number of rows."""
    language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    campaigns = list(
        CampaignPage.objects.live()
        .filter(locale__language_code=language)
        .order_by("-start_date", "title")
        .values("translation_key", "slug", "title")
    )
    by_key = {campaign["translation_key"]: campaign for campaign in campaigns}
    aggregates = region_reach_rows(translation_keys=list(by_key))
    regions_of = defaultdict(list)
    for row in aggregates:
        campaign = by_key[row["campaign__translation_key"]]
        counts = {
            "girls": row["girls"] or 0,
            "boys": row["boys"] or 0,
            "students_not_stated": row["students_unstated"] or 0,
            "parents": row["parents"] or 0,
            "teachers": row["teachers"] or 0,
        }
        adults = counts["parents"] + counts["teachers"] + (row["other_adults"] or 0)
        regions_of[campaign["translation_key"]].append(
            {
                "campaign_id": str(campaign["translation_key"]),
                "campaign": campaign["slug"],
                "region": row["school__municipality__region__name"],
                "region_code": row["school__municipality__region__code"],
                "schools": row["schools"],
                **_people(counts),
                "adults": adults,
                "_primary": row["primary_schools"],
                "_secondary": row["secondary_schools"],
            }
        )
    campaign_rows, region_rows = [], []
    for campaign in campaigns:
        regions = regions_of.get(campaign["translation_key"])
        if not regions:
            continue

        def total(name, regions=regions):
            return sum(region[name] for region in regions)

        # A school is in one region, so distinct schools per region add up to the campaign's.
        campaign_rows.append(
            {
                "id": str(campaign["translation_key"]),
                "slug": campaign["slug"],
                "title": campaign["title"],
                "schools_reached": total("schools"),
                "primary_schools": total("_primary"),
                "secondary_schools": total("_secondary"),
                "regions_reached": len(regions),
                **{name: total(name) for name in PEOPLE_FIELDS},
            }
        )
        for region in regions:
            del region["_primary"], region["_secondary"]
        region_rows.extend(regions)
    return campaign_rows, region_rows


def _suppress_row(row: dict, schools: int, threshold: int) -> None:
    """Primary suppression of one row (withheld cells become None), then the student parts."""
    for name in PEOPLE_FIELDS:
        if schools == 1 or 0 < row[name] < threshold:
            row[name] = None
    if any(row[name] is None for name in STUDENT_PARTS):
        for name in STUDENT_PARTS:
            row[name] = None


def suppress(campaign_rows: list[dict], region_rows: list[dict], threshold: int) -> None:
    """Withhold small cells in place (see the module's docstring) and flag the rows."""
    for row in campaign_rows:
        _suppress_row(row, row["schools_reached"], threshold)
    for row in region_rows:
        _suppress_row(row, row["schools"], threshold)
    regions_of = defaultdict(list)
    for row in region_rows:
        regions_of[row["campaign_id"]].append(row)
    changed = True
    # Secondary suppression only ever adds withheld cells, so this settles.
    while changed:
        changed = False
        for campaign in campaign_rows:
            regions = regions_of[campaign["id"]]
            for name in PEOPLE_FIELDS:
                withheld = [row for row in regions if row[name] is None]
                if len(withheld) != 1 or campaign[name] is None:
                    continue
                shown = [row for row in regions if row[name] is not None]
                if shown:
                    smallest = min(shown, key=lambda row: (row[name] == 0, row[name]))
                    smallest[name] = None
                    if name in STUDENT_PARTS:
                        for part in STUDENT_PARTS:
                            smallest[part] = None
                else:
                    campaign[name] = None
                    if name in STUDENT_PARTS:
                        for part in STUDENT_PARTS:
                            campaign[part] = None
                changed = True
    for row in (*campaign_rows, *region_rows):
        row["suppressed"] = any(row[name] is None for name in PEOPLE_FIELDS)


def open_data() -> dict:
    """{"campaigns": [...], "regions": [...]}, suppressed; cached like the campaign pages (and
    replaced as soon as an activity is verified)."""
    threshold = min_cell()
    key = CACHE_KEY.format(min_cell=threshold, version=reach_version())
    data = cache.get(key)
    if data is None:
        campaign_rows, region_rows = _raw_rows()
        suppress(campaign_rows, region_rows, threshold)
        data = {"campaigns": campaign_rows, "regions": region_rows}
        cache.set(key, data, REACH_CACHE_SECONDS)
    return data


def _headers(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={HTTP_MAX_AGE}"
    response["Access-Control-Allow-Origin"] = "*"
    # Free to reuse: other sites may load the files too.
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def _json_response(kind: str, fields: tuple[str, ...]) -> HttpResponse:
    payload = {
        "licence": LICENCE,
        "min_cell": min_cell(),
        "fields": list(fields),
        kind: open_data()[kind],
    }
    return _headers(
        HttpResponse(
            json.dumps(payload, ensure_ascii=False, indent=1),
            content_type="application/json",
        ),
        f"{kind}.json",
    )


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_response(kind: str, fields: tuple[str, ...]) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(fields)
    for row in open_data()[kind]:
        writer.writerow([_csv_cell(row[name]) for name in fields])
    return _headers(
        HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8"),
        f"{kind}.csv",
    )


@require_GET
def campaigns_json(request):
    return _json_response("campaigns", CAMPAIGN_FIELDS)


@require_GET
def campaigns_csv(request):
    return _csv_response("campaigns", CAMPAIGN_FIELDS)


@require_GET
def regions_json(request):
    return _json_response("regions", REGION_FIELDS)


@require_GET
def regions_csv(request):
    return _csv_response("regions", REGION_FIELDS)
