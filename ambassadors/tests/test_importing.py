"""Reading and importing the schools CSV: each bad line reported, nothing written unless all ok."""

import csv
import io
from types import SimpleNamespace

import pytest
from django.utils import translation

from ambassadors.factories import MunicipalityFactory, RegionFactory, SchoolFactory
from ambassadors.importing import schools_csv_read, schools_import
from ambassadors.models import School

HEADER = ["code", "name", "level", "setting", "municipality", "region"]


def to_csv(*rows, header=HEADER) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


@pytest.fixture
def geography(db):
    tirane = RegionFactory(name="Tiranë", code="tirane")
    durres = RegionFactory(name="Durrës", code="durres")
    return SimpleNamespace(
        tirane=tirane,
        durres=durres,
        tirane_city=MunicipalityFactory(region=tirane, name="Tiranë"),
        kamez=MunicipalityFactory(region=tirane, name="Kamëz"),
        durres_city=MunicipalityFactory(region=durres, name="Durrës"),
    )


GOOD = [
    [
        "AL-TR-0001",
        'Shkolla 9-vjeçare "Naim Frashëri"',
        "lower_secondary",
        "urban",
        "Tiranë",
        "Tiranë",
    ],
    ["AL-TR-0002", 'Gjimnazi "Sami Frashëri"', "upper_secondary", "urban", "Tiranë", "Tiranë"],
    ["AL-TR-0003", 'Shkolla fillore "Migjeni"', "primary", "rural", "Kamëz", "Tiranë"],
    ["AL-DR-0001", 'Gjimnazi "Gjergj Fishta"', "upper_secondary", "urban", "Durrës", "Durrës"],
]


def test_a_good_file_gives_one_row_per_school(geography):
    parsed = schools_csv_read(to_csv(*GOOD))

    assert parsed.is_valid, parsed.problems
    assert [row.code for row in parsed.rows] == [row[0] for row in GOOD]
    assert [row.line for row in parsed.rows] == [2, 3, 4, 5]
    first = parsed.rows[0]
    assert first.name == 'Shkolla 9-vjeçare "Naim Frashëri"'
    assert first.municipality == geography.tirane_city
    assert parsed.rows[2].municipality == geography.kamez
    assert (first.level, first.setting) == ("lower_secondary", "urban")


def test_names_match_whatever_the_case_spacing_and_column_order(geography):
    header = ["Region", " MUNICIPALITY ", "code", "name", "Level", "setting", "notes"]
    text = to_csv(
        ["  tiranë ", "kamëz", " AL-TR-0009 ", "Shkolla   fillore  X", "Primary", "RURAL", "ok"],
        ["DURRËS", "durrës", "AL-DR-0009", "Y", "lower secondary", "urban", ""],
        header=header,
    )

    parsed = schools_csv_read(text)

    assert parsed.is_valid, parsed.problems
    first, second = parsed.rows
    assert (first.code, first.name, first.level, first.setting) == (
        "AL-TR-0009",
        "Shkolla fillore X",
        "primary",
        "rural",
    )
    assert first.municipality == geography.kamez
    assert (second.level, second.municipality) == ("lower_secondary", geography.durres_city)


def test_every_bad_line_is_reported_with_its_number_and_no_row_is_kept(geography):
    text = to_csv(
        GOOD[0],
        ["", "No code", "primary", "urban", "Tiranë", "Tiranë"],
        ["AL-TR-0010", "Bad level", "university", "urban", "Tiranë", "Tiranë"],
        ["AL-TR-0011", "Bad setting", "primary", "suburban", "Tiranë", "Tiranë"],
        ["AL-TR-0012", "Unknown town", "primary", "urban", "Atlantis", "Tiranë"],
        ["AL-TR-0013", "Wrong region", "primary", "urban", "Durrës", "Tiranë"],
        ["AL-TR-0014", "Unknown region", "primary", "urban", "Tiranë", "Narnia"],
        ["AL-TR-0001", "Same code again", "primary", "urban", "Tiranë", "Tiranë"],
        ["AL-TR-0015", "x" * 201, "primary", "urban", "Tiranë", "Tiranë"],
        ["AL-TR-" + "9" * 30, "Long code", "primary", "urban", "Tiranë", "Tiranë"],
        ["AL-TR-0016", "Too many values", "primary", "urban", "Tiranë", "Tiranë", "extra"],
        GOOD[1],
    )

    parsed = schools_csv_read(text)

    assert not parsed.is_valid
    assert parsed.rows == []
    assert [(problem.line, problem.kind) for problem in parsed.problems] == [
        (3, "missing"),
        (4, "unknown_level"),
        (5, "unknown_setting"),
        (6, "unknown_municipality"),
        (7, "wrong_region"),
        (8, "unknown_region"),
        (9, "duplicate_code"),
        (10, "too_long"),
        (11, "too_long"),
        (12, "extra_values"),
    ]


def test_problems_tell_the_person_what_is_wrong(geography):
    text = to_csv(
        GOOD[0],
        ["AL-TR-0013", "Wrong region", "primary", "urban", "Durrës", "Tiranë"],
        ["AL-TR-0001", "Same code again", "primary", "urban", "Tiranë", "Tiranë"],
        ["AL-TR-0010", "Bad level", "university", "urban", "Tiranë", ""],
    )

    with translation.override("en"):
        messages = [str(problem) for problem in schools_csv_read(text).problems]

    assert messages[0] == 'Line 3: the municipality "Durrës" is in Durrës, not in Tiranë.'
    assert messages[1] == 'Line 4: the code "AL-TR-0001" is already on line 2.'
    assert "Line 5: the region is missing." in messages
    assert (
        'Line 5: unknown level "university"; use one of primary, lower_secondary, '
        "upper_secondary." in messages
    )


def test_a_missing_column_is_reported_on_the_first_line(geography, english):
    # Messages are worded when the file is read, in the language active then.
    parsed = schools_csv_read(to_csv(GOOD[0][:5], header=HEADER[:5]))

    assert [(problem.line, problem.kind) for problem in parsed.problems] == [(1, "header")]
    assert "missing: region" in str(parsed.problems[0])


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"", "empty"), (to_csv(), "empty"), ("code;name\n", "header")],
    ids=["empty file", "header only", "wrong separator"],
)
def test_a_file_without_schools_is_refused(geography, data, kind):
    parsed = schools_csv_read(data)

    assert [problem.kind for problem in parsed.problems] == [kind]


def test_a_byte_order_mark_is_ignored(geography):
    data = "\ufeff".encode() + to_csv(*GOOD).encode()

    parsed = schools_csv_read(data)

    assert parsed.is_valid, parsed.problems
    assert len(parsed.rows) == len(GOOD)


def test_a_file_that_is_not_utf8_is_refused_with_the_line(geography):
    data = to_csv(GOOD[0], ["AL-TR-0009", "Shkolla Çajupi", "primary", "urban", "Tiranë", "Tiranë"])

    parsed = schools_csv_read(data.encode("cp1250", errors="replace"))

    assert [(problem.line, problem.kind) for problem in parsed.problems] == [(2, "encoding")]


def test_blank_lines_are_skipped_and_line_numbers_stay_physical(geography):
    text = to_csv(*GOOD[:2]) + "\n,,,,,\n" + to_csv(GOOD[2], header=None)

    parsed = schools_csv_read(text)

    assert parsed.is_valid, parsed.problems
    assert [row.line for row in parsed.rows] == [2, 3, 6]


def test_a_quoted_name_over_two_lines_keeps_the_numbering(geography):
    text = to_csv(
        ["AL-TR-0009", "Shkolla\nme dy rreshta", "primary", "urban", "Tiranë", "Tiranë"],
        ["AL-TR-0010", "Bad", "university", "urban", "Tiranë", "Tiranë"],
    )

    parsed = schools_csv_read(text)

    assert [(problem.line, problem.kind) for problem in parsed.problems] == [(4, "unknown_level")]


def read(*rows):
    parsed = schools_csv_read(to_csv(*rows))
    assert parsed.is_valid, parsed.problems
    return parsed.rows


def test_import_creates_the_schools(geography):
    result = schools_import(rows=read(*GOOD))

    assert result.counts == {"created": 4, "updated": 0, "unchanged": 0}
    school = School.objects.get(code="AL-TR-0003")
    assert (school.name, school.level, school.setting, school.municipality) == (
        'Shkolla fillore "Migjeni"',
        "primary",
        "rural",
        geography.kamez,
    )
    assert school.is_active


def test_importing_again_duplicates_nothing_and_updates_what_changed(geography):
    schools_import(rows=read(*GOOD))
    renamed = [
        "AL-TR-0002",
        'Gjimnazi "Ismail Qemali"',
        "upper_secondary",
        "urban",
        "Kamëz",
        "Tiranë",
    ]
    new = ["AL-TR-0004", "Shkolla e re", "primary", "rural", "Kamëz", "Tiranë"]

    result = schools_import(rows=read(GOOD[0], renamed, GOOD[2], GOOD[3], new))

    assert result.counts == {"created": 1, "updated": 1, "unchanged": 3}
    assert [row.code for row in result.updated] == ["AL-TR-0002"]
    assert School.objects.count() == 5
    school = School.objects.get(code="AL-TR-0002")
    assert (school.name, school.municipality) == ('Gjimnazi "Ismail Qemali"', geography.kamez)


def test_import_leaves_schools_that_are_not_in_the_file_alone(geography):
    other = SchoolFactory(code="AL-TR-0999", is_active=False, municipality=geography.kamez)

    schools_import(rows=read(*GOOD))

    other.refresh_from_db()
    assert not other.is_active
    assert School.objects.count() == 5


def test_a_dry_run_writes_nothing_and_says_what_would_change(geography):
    schools_import(rows=read(GOOD[0]))
    changed = [*GOOD[0][:2], "primary", *GOOD[0][3:]]

    result = schools_import(rows=read(changed, GOOD[1]), dry_run=True)

    assert result.dry_run
    assert result.counts == {"created": 1, "updated": 1, "unchanged": 0}
    assert School.objects.count() == 1
    assert School.objects.get(code="AL-TR-0001").level == "lower_secondary"
