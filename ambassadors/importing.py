"""Importing the official list of schools from a CSV file.

Two steps, so nothing is written unless every row is good: `schools_csv_read` parses and checks
the whole file (reads only) and `schools_import` writes the rows in one transaction.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Municipality, Region, School
from .space_cache import spaces_changed

COLUMNS = ("code", "name", "level", "setting", "municipality", "region")
# Names of levels, regions and municipalities are short; a longer value is a broken file.
MAX_FIELD_LENGTH = 200


@dataclass(frozen=True)
class SchoolRow:
    """One checked line of the file: what the school should look like after the import."""

    line: int
    code: str
    name: str
    level: str
    setting: str
    municipality: Municipality


@dataclass(frozen=True)
class RowProblem:
    """Why a line cannot be imported; `kind` is stable for code, `message` is for people."""

    line: int
    kind: str
    message: str

    def __str__(self):
        return _("Line %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class SchoolCsv:
    rows: list[SchoolRow] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems


@dataclass
class SchoolImportResult:
    """Codes of the schools created, updated and left as they were, in file order."""

    created: list[SchoolRow] = field(default_factory=list)
    updated: list[SchoolRow] = field(default_factory=list)
    unchanged: list[SchoolRow] = field(default_factory=list)
    dry_run: bool = False

    @property
    def counts(self) -> dict[str, int]:
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
        }


def _key(value: str) -> str:
    """Names match whatever the case and spacing: "  tiranë " is "Tiranë"."""
    return " ".join(value.split()).casefold()


def _choice_lookup(choices) -> dict[str, str]:
    """Accept the stored value ("lower_secondary") or the English label ("Lower secondary")."""
    lookup = {}
    for value, label in choices:
        lookup[_key(value)] = value
        lookup[_key(value.replace("_", " "))] = value
        lookup[_key(str(label))] = value
    return lookup


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    # utf-8-sig drops the byte order mark that spreadsheet programs add.
    return data.decode("utf-8-sig")


def schools_csv_read(data: bytes | str) -> SchoolCsv:
    """Parse and check every line of a schools CSV; report each bad line with its number.

    Columns (header required, any order, extra columns ignored): code, name, level, setting,
    municipality, region. Region and municipality are matched by name, ignoring case, against
    the database (read only). Rows are returned only when the whole file is good.
    """
    result = SchoolCsv()

    def problem(line: int, kind: str, message: str):
        result.problems.append(RowProblem(line=line, kind=kind, message=message))

    try:
        text = _decode(data)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problem(line, "encoding", _("the file is not UTF-8 text; save it as CSV UTF-8."))
        return result

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        problem(1, "empty", _("the file is empty; the first line must name the columns."))
        return result
    except csv.Error as error:
        problem(1, "format", _("the first line is not valid CSV (%(error)s).") % {"error": error})
        return result
    names = [_key(column) for column in header]
    missing = [column for column in COLUMNS if column not in names]
    if missing:
        problem(
            1,
            "header",
            _("the first line must name the columns %(columns)s; missing: %(missing)s.")
            % {"columns": ", ".join(COLUMNS), "missing": ", ".join(missing)},
        )
        return result
    repeated = sorted({name for name in names if name in COLUMNS and names.count(name) > 1})
    if repeated:
        problem(
            1,
            "header",
            _("the columns %(columns)s appear more than once.") % {"columns": ", ".join(repeated)},
        )
        return result
    position = {column: names.index(column) for column in COLUMNS}

    regions = {_key(region.name): region for region in Region.objects.all()}
    municipalities = {}
    regions_of_municipality: dict[str, list[str]] = {}
    for municipality in Municipality.objects.select_related("region"):
        municipalities[(municipality.region_id, _key(municipality.name))] = municipality
        regions_of_municipality.setdefault(_key(municipality.name), []).append(
            municipality.region.name
        )
    levels = _choice_lookup(School.Level.choices)
    settings = _choice_lookup(School.Setting.choices)
    max_lengths = {column: School._meta.get_field(column).max_length for column in ("code", "name")}
    first_line_of_code: dict[str, int] = {}

    line = 1
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problem(
                start, "format", _("this line is not valid CSV (%(error)s).") % {"error": error}
            )
            break
        line = start
        if not any(value.strip() for value in record):
            continue  # Blank lines, and the empty rows spreadsheets leave at the end.
        if len(record) < len(header):
            record = record + [""] * (len(header) - len(record))
        values = {column: record[position[column]].strip() for column in COLUMNS}
        errors_before = len(result.problems)

        if any(value.strip() for value in record[len(header) :]):
            problem(
                line,
                "extra_values",
                _(
                    "this line has more values than the first line has columns; put names "
                    "that contain commas in double quotes."
                ),
            )
        for column in COLUMNS:
            max_length = max_lengths.get(column, MAX_FIELD_LENGTH)
            if not values[column]:
                problem(line, "missing", _("the %(column)s is missing.") % {"column": column})
            elif len(values[column]) > max_length:
                problem(
                    line,
                    "too_long",
                    _("the %(column)s is longer than %(max)s characters.")
                    % {"column": column, "max": max_length},
                )

        level = levels.get(_key(values["level"]))
        if values["level"] and level is None:
            problem(
                line,
                "unknown_level",
                _('unknown level "%(value)s"; use one of %(choices)s.')
                % {"value": values["level"], "choices": ", ".join(School.Level.values)},
            )
        setting = settings.get(_key(values["setting"]))
        if values["setting"] and setting is None:
            problem(
                line,
                "unknown_setting",
                _('unknown setting "%(value)s"; use one of %(choices)s.')
                % {"value": values["setting"], "choices": ", ".join(School.Setting.values)},
            )

        region = regions.get(_key(values["region"]))
        municipality = None
        if values["region"] and region is None:
            problem(
                line,
                "unknown_region",
                _('unknown region "%(value)s".') % {"value": values["region"]},
            )
        if values["municipality"]:
            name = _key(values["municipality"])
            if region is not None:
                municipality = municipalities.get((region.pk, name))
            if municipality is None and name not in regions_of_municipality:
                problem(
                    line,
                    "unknown_municipality",
                    _('unknown municipality "%(value)s".') % {"value": values["municipality"]},
                )
            elif municipality is None and region is not None:
                problem(
                    line,
                    "wrong_region",
                    _('the municipality "%(municipality)s" is in %(regions)s, not in %(region)s.')
                    % {
                        "municipality": values["municipality"],
                        "regions": ", ".join(regions_of_municipality[name]),
                        "region": region.name,
                    },
                )

        code = values["code"]
        if code:
            if code in first_line_of_code:
                problem(
                    line,
                    "duplicate_code",
                    _('the code "%(code)s" is already on line %(first)s.')
                    % {"code": code, "first": first_line_of_code[code]},
                )
            else:
                first_line_of_code[code] = line

        if len(result.problems) == errors_before:
            result.rows.append(
                SchoolRow(
                    line=line,
                    code=code,
                    name=" ".join(values["name"].split()),
                    level=level,
                    setting=setting,
                    municipality=municipality,
                )
            )

    if not result.rows and not result.problems:
        problem(line + 1, "empty", _("the file has no schools after the first line."))
    if result.problems:
        result.rows = []
    return result


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def schools_import(*, rows: list[SchoolRow], dry_run: bool = False) -> SchoolImportResult:
    """Create the schools whose code is new and update the others; all or nothing.

    Idempotent by code: a second run of the same rows changes nothing. Schools missing from the
    rows are left alone (and stay active or not as they were). With `dry_run`, writes nothing and
    reports what would change.
    """
    result = SchoolImportResult(dry_run=dry_run)
    fields = ("name", "level", "setting", "municipality_id")
    with transaction.atomic():
        existing: dict[str, School] = {}
        for codes in _chunks([row.code for row in rows]):
            existing.update(
                (school.code, school)
                for school in School.objects.select_for_update().filter(code__in=codes)
            )
        to_create, to_update = [], []
        for row in rows:
            wanted = {
                "name": row.name,
                "level": row.level,
                "setting": row.setting,
                "municipality_id": row.municipality.pk,
            }
            school = existing.get(row.code)
            if school is None:
                to_create.append(School(code=row.code, **wanted))
                result.created.append(row)
            elif any(getattr(school, name) != value for name, value in wanted.items()):
                for name, value in wanted.items():
                    setattr(school, name, value)
                to_update.append(school)
                result.updated.append(row)
            else:
                result.unchanged.append(row)
        if not dry_run:
            School.objects.bulk_create(to_create, batch_size=500)
            School.objects.bulk_update(to_update, fields, batch_size=500)
            if to_update:
                # Bulk updates send no signal: retire the kept school spaces here.
                spaces_changed([school.pk for school in to_update])
    return result
