"""`manage.py import_schools FILE [--dry-run]`: all or nothing, idempotent by code."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from ambassadors.factories import MunicipalityFactory, RegionFactory
from ambassadors.models import School

GOOD = '''code,name,level,setting,municipality,region
AL-TR-0001,"Shkolla 9-vjeçare ""Naim Frashëri""",lower_secondary,urban,Tiranë,Tiranë
AL-TR-0002,"Gjimnazi ""Sami Frashëri""",upper_secondary,urban,Tiranë,Tiranë
AL-TR-0003,"Shkolla fillore ""Migjeni""",primary,rural,Kamëz,Tiranë
'''


@pytest.fixture
def geography(db):
    tirane = RegionFactory(name="Tiranë", code="tirane")
    MunicipalityFactory(region=tirane, name="Tiranë")
    MunicipalityFactory(region=tirane, name="Kamëz")


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, *, bom: bool = False):
        path = tmp_path / "schools.csv"
        path.write_bytes(("\ufeff" if bom else "").encode() + text.encode())
        return str(path)

    return write


def run(*args) -> str:
    out = io.StringIO()
    with translation.override("en"):
        call_command("import_schools", *args, stdout=out)
    return out.getvalue()


def test_imports_a_good_file(geography, write_csv):
    output = run(write_csv(GOOD))

    assert "Created 3, updated 0, unchanged 0." in output
    assert School.objects.get(code="AL-TR-0001").name == 'Shkolla 9-vjeçare "Naim Frashëri"'
    assert School.objects.count() == 3


def test_importing_again_duplicates_nothing(geography, write_csv):
    run(write_csv(GOOD))

    output = run(write_csv(GOOD))

    assert "Created 0, updated 0, unchanged 3." in output
    assert School.objects.count() == 3


def test_importing_a_changed_file_updates_by_code(geography, write_csv):
    run(write_csv(GOOD))
    changed = GOOD.replace('AL-TR-0003,"Shkolla fillore', 'AL-TR-0003,"Shkolla 9-vjeçare')
    changed = changed.replace("primary,rural,Kamëz", "lower_secondary,rural,Kamëz")
    changed += "AL-TR-0004,Shkolla e re,primary,rural,kamëz,tiranë\n"

    output = run(write_csv(changed))

    assert "Created 1, updated 1, unchanged 2." in output
    school = School.objects.get(code="AL-TR-0003")
    assert (school.name, school.level) == ('Shkolla 9-vjeçare "Migjeni"', "lower_secondary")
    assert School.objects.count() == 4


def test_a_file_with_bad_lines_imports_nothing_and_lists_every_problem(geography, write_csv):
    bad = (
        GOOD
        + "AL-TR-0009,Bad level,college,urban,Tiranë,Tiranë\n"
        + "AL-TR-0001,Copy,primary,urban,Tiranë,Tiranë\n"
        + "AL-TR-0010,Nowhere,primary,urban,Atlantis,Tiranë\n"
    )

    with pytest.raises(CommandError) as error:
        run(write_csv(bad))

    message = str(error.value)
    assert "3 problem(s) found; nothing was imported." in message
    assert 'Line 5: unknown level "college"' in message
    assert 'Line 6: the code "AL-TR-0001" is already on line 2.' in message
    assert 'Line 7: unknown municipality "Atlantis".' in message
    assert School.objects.count() == 0


def test_a_dry_run_writes_nothing(geography, write_csv):
    output = run(write_csv(GOOD), "--dry-run")

    assert "Dry run: nothing was written." in output
    assert "create: AL-TR-0002 Gjimnazi" in output
    assert "Would create 3, update 0, leave unchanged 0." in output
    assert School.objects.count() == 0


def test_a_file_saved_with_a_byte_order_mark_imports(geography, write_csv):
    output = run(write_csv(GOOD, bom=True))

    assert "Created 3" in output
    assert School.objects.filter(code="AL-TR-0001").exists()


def test_a_missing_file_is_an_error(geography, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.csv"))
