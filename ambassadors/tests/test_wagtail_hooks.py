"""The "Network" screens of the Wagtail admin: who sees them, search, filters, add and edit."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.text import capfirst

from accounts.factories import UserFactory
from ambassadors.demo import ensure_editors_group
from ambassadors.factories import (
    CoordinationFactory,
    InvitationFactory,
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolFactory,
    SchoolYearFactory,
)
from ambassadors.models import Membership, Municipality, Role, School

from .conftest import albanian

VIEWSETS = (
    "schools",
    "regions",
    "municipalities",
    "school_years",
    "memberships",
    "coordinations",
    "invitations",
)


def url(viewset: str, view: str = "index", *args) -> str:
    return reverse(f"network_{viewset}:{view}", args=args)


@pytest.fixture(autouse=True)
def _no_staff_mfa(settings):
    # Two-factor enrolment is tested in accounts; here the admin screens themselves are.
    settings.REQUIRE_STAFF_MFA = False


@pytest.fixture
def places(db):
    tirane = RegionFactory(name="Tiranë", code="tirane")
    shkoder = RegionFactory(name="Shkodër", code="shkoder")
    tirane_city = MunicipalityFactory(region=tirane, name="Tiranë")
    shkoder_city = MunicipalityFactory(region=shkoder, name="Shkodër")
    return {
        "tirane": tirane,
        "shkoder": shkoder,
        "tirane_city": tirane_city,
        "shkoder_city": shkoder_city,
        "naim": SchoolFactory(
            code="AL-TR-0001",
            name='Shkolla 9-vjeçare "Naim Frashëri"',
            level=School.Level.LOWER_SECONDARY,
            setting=School.Setting.URBAN,
            municipality=tirane_city,
        ),
        "sami": SchoolFactory(
            code="AL-TR-0002",
            name='Gjimnazi "Sami Frashëri"',
            level=School.Level.UPPER_SECONDARY,
            setting=School.Setting.URBAN,
            municipality=tirane_city,
        ),
        "migjeni": SchoolFactory(
            code="AL-SH-0001",
            name='Shkolla fillore "Migjeni"',
            level=School.Level.PRIMARY,
            setting=School.Setting.RURAL,
            municipality=shkoder_city,
        ),
    }


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "password")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


def listed(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("viewset", VIEWSETS)
def test_a_superuser_sees_every_network_screen(admin_client, places, viewset):
    MembershipFactory(school=places["naim"])
    CoordinationFactory(region=places["tirane"])
    InvitationFactory(school=places["naim"])

    assert admin_client.get(url(viewset)).status_code == 200
    assert admin_client.get(url(viewset), {"q": "a"}).status_code == 200


def test_the_network_menu_groups_the_screens(admin_client, db):
    # The admin speaks the default language, Albanian, to someone who has not chosen another.
    html = listed(admin_client.get(reverse("wagtailadmin_home")))

    assert escape(albanian("Network")) in html
    assert url("schools") in html
    assert url("invitations") in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [("naim", {"naim"}), ("AL-TR", {"naim", "sami"}), ("Shkodër", {"migjeni"}), ("zzz", set())],
)
def test_schools_are_searched_by_name_code_and_municipality(admin_client, places, query, expected):
    html = listed(admin_client.get(url("schools"), {"q": query}))

    shown = {key for key in ("naim", "sami", "migjeni") if places[key].code in html}
    assert shown == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"level": "primary"}, {"migjeni"}),
        ({"setting": "urban"}, {"naim", "sami"}),
        ({"municipality__region": "tirane"}, {"naim", "sami"}),
        ({"municipality__region": "shkoder", "setting": "urban"}, set()),
    ],
)
def test_schools_are_filtered_by_level_setting_and_region(admin_client, places, filters, expected):
    filters = {
        name: places[value].pk if name == "municipality__region" else value
        for name, value in filters.items()
    }

    html = listed(admin_client.get(url("schools"), filters))

    shown = {key for key in ("naim", "sami", "migjeni") if places[key].code in html}
    assert shown == expected


def test_a_superuser_adds_a_school(admin_client, places):
    response = admin_client.post(
        url("schools", "add"),
        {
            "code": "AL-TR-0100",
            "name": 'Gjimnazi "Ismail Qemali"',
            "level": "upper_secondary",
            "setting": "rural",
            "municipality": places["tirane_city"].pk,
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    school = School.objects.get(code="AL-TR-0100")
    assert (school.name, school.setting, school.municipality) == (
        'Gjimnazi "Ismail Qemali"',
        "rural",
        places["tirane_city"],
    )


def test_a_school_code_cannot_be_used_twice(admin_client, places):
    response = admin_client.post(
        url("schools", "add"),
        {
            "code": places["naim"].code,
            "name": "Copy",
            "level": "primary",
            "setting": "urban",
            "municipality": places["tirane_city"].pk,
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert School.objects.filter(code=places["naim"].code).count() == 1


def test_a_superuser_edits_a_school(admin_client, places):
    school = places["migjeni"]
    edit_url = url("schools", "edit", school.pk)
    assert admin_client.get(edit_url).status_code == 200

    response = admin_client.post(
        edit_url,
        {
            "code": school.code,
            "name": 'Shkolla 9-vjeçare "Migjeni"',
            "level": "lower_secondary",
            "setting": "rural",
            "municipality": school.municipality_id,
        },
    )

    assert response.status_code == 302
    school.refresh_from_db()
    assert (school.name, school.level, school.is_active) == (
        'Shkolla 9-vjeçare "Migjeni"',
        "lower_secondary",
        False,
    )


@pytest.mark.parametrize(
    ("viewset", "needed_by"),
    [("regions", Municipality), ("municipalities", School), ("schools", Membership)],
    ids=["regions", "municipalities", "schools"],
)
def test_what_history_still_needs_is_not_deleted(admin_client, places, viewset, needed_by):
    # Written in bulk, as an import does: Wagtail's reference index does not know these rows.
    school = School.objects.bulk_create(
        [
            School(
                code="AL-TR-0500",
                name="X",
                level="primary",
                setting="urban",
                municipality=places["tirane_city"],
            )
        ]
    )[0]
    Membership.objects.bulk_create(
        [Membership(school=school, role=Role.ICT_TEACHER, school_year=SchoolYearFactory())]
    )
    target = {
        "regions": places["tirane"],
        "municipalities": places["tirane_city"],
        "schools": school,
    }[viewset]

    assert admin_client.get(url(viewset, "delete", target.pk)).status_code == 200
    response = admin_client.post(url(viewset, "delete", target.pk), follow=True)

    assert response.status_code == 200
    assert type(target).objects.filter(pk=target.pk).exists()
    # Worded in the admin's language, Albanian here: the message and the kind of rows named.
    with translation.override("sq"):
        kinds = str(capfirst(needed_by._meta.verbose_name_plural))
    refused = albanian(
        "“%(object)s” was not deleted: %(kinds)s still refer to it. "
        "Remove those first, or mark it inactive if it has that option."
    ) % {"object": target, "kinds": kinds}
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [refused]


def test_an_unused_school_is_deleted(admin_client, places):
    response = admin_client.post(url("schools", "delete", places["sami"].pk))

    assert response.status_code == 302
    assert not School.objects.filter(pk=places["sami"].pk).exists()


def test_memberships_show_a_minor_by_first_name_and_initial_only(admin_client, places):
    MembershipFactory(
        school=places["naim"],
        role=Role.AMBASSADOR,
        user=UserFactory(
            username="a1", email="", is_minor=True, first_name="Arta", last_name="Hoxha"
        ),
    )

    html = listed(admin_client.get(url("memberships")))
    assert "Arta H." in html
    assert "Hoxha" not in html
    # Searching by a last name finds nothing: names are not searchable here.
    assert "Arta H." not in listed(admin_client.get(url("memberships"), {"q": "Hoxha"}))
    assert "Arta H." in listed(admin_client.get(url("memberships"), {"q": "AL-TR-0001"}))


def test_memberships_are_filtered_by_role_and_region(admin_client, places):
    MembershipFactory(school=places["naim"], role=Role.PSYCHOLOGIST, user__first_name="Besa")
    MembershipFactory(school=places["migjeni"], role=Role.ICT_TEACHER, user__first_name="Gent")

    by_role = listed(admin_client.get(url("memberships"), {"role": "psychologist"}))
    by_region = listed(
        admin_client.get(url("memberships"), {"school__municipality__region": places["shkoder"].pk})
    )

    assert "Besa" in by_role and "Gent" not in by_role
    assert "Gent" in by_region and "Besa" not in by_region


def test_a_membership_added_in_the_admin_records_who_added_it(admin_client, places, superuser):
    year = SchoolYearFactory()
    teacher = UserFactory()

    response = admin_client.post(
        url("memberships", "add"),
        {
            "user": teacher.pk,
            "school": places["naim"].pk,
            "role": Role.ICT_TEACHER,
            "school_year": year.pk,
            "is_active": "on",
            "started_on": year.starts_on.isoformat(),
        },
    )

    assert response.status_code == 302
    membership = Membership.objects.get(user=teacher)
    assert (membership.school, membership.created_by) == (places["naim"], superuser)


def test_invitations_are_seen_and_never_written_in_the_admin(admin_client, places):
    invitation = InvitationFactory(school=places["naim"], email="drita@example.org")

    assert "drita@example.org" in listed(admin_client.get(url("invitations")))
    inspect = listed(admin_client.get(url("invitations", "inspect", invitation.pk)))
    assert "drita@example.org" in inspect
    assert invitation.token_hash not in inspect
    assert admin_client.get(url("invitations", "add")).status_code == 302
    assert admin_client.get(url("invitations", "edit", invitation.pk)).status_code == 302


def test_anonymous_people_are_sent_to_log_in(client, places):
    response = client.get(url("schools"))

    assert response.status_code == 302
    assert "login" in response.url


def test_admin_users_without_network_permissions_see_nothing_of_it(client, places):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)

    for viewset in VIEWSETS:
        response = client.get(url(viewset))
        assert response.status_code == 302, viewset
        assert response.url == reverse("wagtailadmin_home")
    assert client.get(url("schools", "add")).status_code == 302
    assert url("schools") not in listed(client.get(reverse("wagtailadmin_home")))


def test_model_permissions_decide_which_screens_a_user_sees(client, places):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "change_school", "view_school"],
        )
    )
    client.force_login(user)

    assert client.get(url("schools")).status_code == 200
    assert client.get(url("schools", "edit", places["naim"].pk)).status_code == 200
    assert client.get(url("schools", "add")).status_code == 302
    assert client.get(url("regions")).status_code == 302
    assert client.get(url("memberships")).status_code == 302


def test_the_editors_group_manages_the_network(client, places):
    ensure_editors_group()
    editor = UserFactory(is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    for viewset in VIEWSETS:
        assert client.get(url(viewset)).status_code == 200, viewset
    assert client.get(url("schools", "add")).status_code == 200
    assert client.get(url("invitations", "add")).status_code == 302


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_schools_export_as_a_spreadsheet(admin_client, places, export_format):
    response = admin_client.get(url("schools"), {"export": export_format})

    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export_format == "csv":
        assert "AL-TR-0001" in content.decode()


@pytest.mark.parametrize("viewset", ["schools", "memberships", "coordinations", "invitations"])
def test_network_listings_make_a_constant_number_of_queries(
    admin_client, places, count_queries, viewset
):
    def grow(times):
        for _ in range(times):
            membership = MembershipFactory(school=SchoolFactory(municipality=places["tirane_city"]))
            CoordinationFactory(region=RegionFactory())
            InvitationFactory(school=membership.school)

    def queries():
        count, response = count_queries(lambda: admin_client.get(url(viewset)))
        assert response.status_code == 200
        return count

    grow(2)
    queries()  # the site and its settings are then kept, as on every later request
    few = queries()
    grow(20)
    assert queries() == few
