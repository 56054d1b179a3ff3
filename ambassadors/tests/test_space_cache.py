"""The school space is kept per person (`ambassadors.space_cache`), and every change shows at once.

Each test reads the page through the client as the person would, once to fill what is kept, then
changes something the space shows and reads it again.
"""

import datetime
import re
import uuid

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

from accounts.models import SetupCode
from ambassadors import space_cache
from ambassadors.factories import MembershipFactory
from ambassadors.importing import SchoolRow, schools_import
from ambassadors.models import Activity, ActivityKind, ActivityStatus, Membership, Role
from lessons.factories import LessonPageFactory
from lessons.models import LessonIndexPage

from .conftest import albanian, train_team

pytestmark = pytest.mark.django_db


def school_url(network, language: str = "sq") -> str:
    # A request leaves its language active in this thread: say which one the address is in.
    with translation.override(language):
        return reverse("network:school", args=[network.school_a.pk])


def without_tokens(html: str) -> str:
    """The page as a person reads it: each request's CSRF tokens are new by design."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def page(client, network) -> str:
    response = client.get(school_url(network))
    assert response.status_code == 200
    return without_tokens(response.content.decode())


def new_activity(network, **fields) -> Activity:
    return Activity.objects.create(
        **{
            "school": network.school_a,
            "author": network.ambassador.user,
            "kind": ActivityKind.PEER_SESSION,
            "date": timezone.localdate() - datetime.timedelta(days=1),
            "title": "Fjalëkalime të forta",
            "girls": 4,
            "submission_key": uuid.uuid4(),
            "status": ActivityStatus.SUBMITTED,
            **fields,
        }
    )


@pytest.fixture
def teacher(client, network):
    client.force_login(network.teacher.user)
    page(client, network)  # fills what is kept
    return client


def test_a_second_visit_reads_the_kept_space(teacher, network, count_queries):
    first, _ = count_queries(lambda: teacher.get(school_url(network)))
    space_cache.spaces_changed([network.school_a.pk])
    rebuilt, response = count_queries(lambda: teacher.get(school_url(network)))
    kept, again = count_queries(lambda: teacher.get(school_url(network)))
    assert kept < rebuilt - 5
    assert without_tokens(again.content.decode()) == without_tokens(response.content.decode())
    assert "Arta H." in again.content.decode()
    # Browsers and proxies keep none of it.
    assert "no-store" in again["Cache-Control"] and "private" in again["Cache-Control"]


def _rename_person(network):
    person = network.ambassador.user
    person.first_name = "Anila"
    person.save()
    return "Anila H."


def _add_ambassador(network):
    MembershipFactory(
        school=network.school_a,
        school_year=network.year,
        role=Role.AMBASSADOR,
        user__first_name="Klea",
        user__last_name="P",
    )
    return "Klea P."


def _end_role(network):
    network.ambassador.is_active = False
    network.ambassador.ended_on = timezone.localdate()
    network.ambassador.save()
    return escape(albanian("Roles that ended this school year"))


def _delete_account(network):
    network.ambassador.user.delete()
    return escape(albanian("Deleted account"))


def _new_setup_code(network):
    SetupCode.objects.create(
        user=network.ambassador.user,
        code_hash="x",
        expires_at=timezone.now() + datetime.timedelta(days=3),
        created_by=network.teacher.user,
    )
    return escape(albanian("Waiting for first sign-in with the setup code"))


def _log_activity(network):
    new_activity(network, title="Një aktivitet i ri")
    return "Një aktivitet i ri"


def _verify_activity(network):
    activity = Activity.objects.get(title="Fjalëkalime të forta")
    activity.status = ActivityStatus.VERIFIED
    activity.save()
    return escape(albanian("Verified"))


def _rename_school(network):
    network.school_a.name = "Shkolla Omega"
    network.school_a.save()
    return "<h1>Shkolla Omega</h1>"  # in the space itself, not only in the page's title


def _rename_region(network):
    network.region1.name = "Qarku i Tiranës"
    network.region1.save()
    return "Qarku i Tiranës"


def _import_schools(network):
    row = SchoolRow(
        line=2,
        code=network.school_a.code,
        name="Shkolla e Importuar",
        level=network.school_a.level,
        setting=network.school_a.setting,
        municipality=network.school_a.municipality,
    )
    schools_import(rows=[row])
    return "<h1>Shkolla e Importuar</h1>"


def _publish_lesson_for_teachers(network):
    LessonPageFactory(
        parent=LessonIndexPage.objects.get(locale__language_code="sq"),
        title="Mësim i ri për mësuesit",
        for_teachers=True,
    )
    return "Mësim i ri për mësuesit"


CHANGES = [
    _rename_person,
    _add_ambassador,
    _end_role,
    _delete_account,
    _new_setup_code,
    _log_activity,
    _verify_activity,
    _rename_school,
    _rename_region,
    _import_schools,
    _publish_lesson_for_teachers,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__.strip("_"))
def test_every_change_shows_at_once(client, network, site_tree, change):
    new_activity(network)
    client.force_login(network.teacher.user)
    before = page(client, network)
    assert page(client, network) == before  # now read from what is kept
    text = change(network)
    assert text not in before
    assert text in page(client, network)


def test_people_never_see_one_anothers_space(client, network):
    add_ambassador = reverse("network:ambassador_add", args=[network.school_a.pk])
    client.force_login(network.teacher.user)
    assert add_ambassador in page(client, network)
    client.force_login(network.ambassador.user)
    html = page(client, network)
    assert add_ambassador not in html and "artah10" not in html
    client.force_login(network.users["coordinator"])
    html = page(client, network)
    assert "artah10" not in html and reverse("network:school_list") in html
    client.force_login(network.teacher.user)
    assert add_ambassador in page(client, network)


def test_a_role_granted_elsewhere_changes_what_the_person_is_offered(client, network):
    """The rules' facts are read afresh on every request, whatever is kept."""
    coordinator = network.users["coordinator"]
    client.force_login(coordinator)
    add_ambassador = reverse("network:ambassador_add", args=[network.school_a.pk])
    assert add_ambassador not in page(client, network)
    # Written without signals, as a bulk update would be: the key still changes.
    Membership.objects.filter(pk=network.psychologist.pk).update(user=coordinator)
    assert add_ambassador in page(client, network)


def test_a_role_taken_away_closes_the_space_at_once(teacher, network):
    Membership.objects.filter(pk=network.teacher.pk).update(is_active=False)
    assert teacher.get(school_url(network)).status_code == 404


def test_a_kept_space_is_for_its_language(teacher, network):
    english = teacher.get(school_url(network, "en")).content.decode()
    assert "The team in" in english
    assert "The team in" not in page(teacher, network)


def test_forms_in_the_space_work_in_each_browser_of_the_person(network):
    """The second browser is served the copy kept for the first; each page's forms carry the
    token of the browser that asked for it."""
    browsers = [Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)]
    new_code = reverse(
        "network:ambassador_new_code", args=[network.school_a.pk, network.ambassador.pk]
    )
    for browser in browsers:
        browser.force_login(network.teacher.user)
    pages = [browser.get(school_url(network)).content.decode() for browser in browsers]
    for browser, html in zip(browsers, pages, strict=True):
        token = re.search(
            rf'action="{re.escape(new_code)}"><input type="hidden" name="csrfmiddlewaretoken" '
            r'value="([^"]+)"',
            html,
        ).group(1)
        assert space_cache.CSRF_PLACEHOLDER not in html
        response = browser.post(new_code, {"csrfmiddlewaretoken": token})
        assert response.status_code == 200


def test_a_team_that_completes_its_training_shows_the_badge_at_once(client, network, courses):
    client.force_login(network.teacher.user)
    assert "badge-trained" not in page(client, network)
    train_team(network, courses)
    assert "badge-trained" in page(client, network)
