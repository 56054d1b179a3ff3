"""Fixtures for the network tests.

- `network`: a current school year, two regions, schools A and B (region 1) and C (region 2), and
  one person per role (see the fixture); `network.users[name]` by the names in `ROLES`.
- `as_role(client, name)`: logs the client in as that person (anonymous: logged out).
- `albanian(msgid)`: a message as the Albanian pages (the default language, at "/") show it.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.factories import UserFactory
from ambassadors.factories import (
    CoordinationFactory,
    MembershipFactory,
    MunicipalityFactory,
    RegionFactory,
    SchoolFactory,
    SchoolYearFactory,
)
from ambassadors.models import Role
from lessons.factories import CoursePageFactory, LessonPageFactory, course_modules
from lessons.models import CourseAudience, LessonProgress

# Everyone a view is tested against: the brief's roles plus a signed-in person with no role.
ROLES = (
    "anonymous",
    "ambassador",
    "teacher",
    "psychologist",
    "other_teacher",
    "coordinator",
    "other_coordinator",
    "editor",
    "nobody",
)


def albanian(msgid: str) -> str:
    """The Albanian translation of `msgid` (the exact, full source string in the code)."""
    with translation.override("sq"):
        return gettext(msgid)


def make_editor(**kwargs):
    user = UserFactory(**kwargs)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="ambassadors", codename="manage_network")
    )
    return user


@pytest.fixture
def network(db):
    """School A (region 1) has an ambassador (a minor), an ICT teacher and a psychologist; school B
    (region 1) has a teacher and an ambassador; school C is in region 2. Region 1 and region 2
    each have a coordinator; the editor holds ambassadors.manage_network; `nobody` has no role.
    """
    year = SchoolYearFactory()
    region1 = RegionFactory(name="Tiranë", code="tirane")
    region2 = RegionFactory(name="Shkodër", code="shkoder")
    tirane = MunicipalityFactory(region=region1, name="Tiranë")
    kamez = MunicipalityFactory(region=region1, name="Kamëz")
    shkoder = MunicipalityFactory(region=region2, name="Shkodër")
    school_a = SchoolFactory(code="AL-A", name="Shkolla Alfa", municipality=tirane)
    school_b = SchoolFactory(
        code="AL-B", name="Shkolla Beta", municipality=kamez, level="upper_secondary"
    )
    school_c = SchoolFactory(code="AL-C", name="Shkolla Gama", municipality=shkoder)

    def member(school, role, **user_fields):
        if role == Role.AMBASSADOR:
            user_fields = {"email": "", "is_minor": True, **user_fields}
        user = UserFactory(**user_fields)
        return MembershipFactory(user=user, school=school, role=role, school_year=year)

    ambassador = member(
        school_a, Role.AMBASSADOR, username="artah10", first_name="Arta", last_name="H"
    )
    teacher = member(school_a, Role.ICT_TEACHER, first_name="Drita", last_name="Kola")
    psychologist = member(school_a, Role.PSYCHOLOGIST, first_name="Besa", last_name="Lika")
    other_teacher = member(school_b, Role.ICT_TEACHER, first_name="Gent", last_name="Meta")
    other_ambassador = member(school_b, Role.AMBASSADOR, first_name="Ilir", last_name="N")
    coordinator = CoordinationFactory(region=region1).user
    other_coordinator = CoordinationFactory(region=region2).user
    editor = make_editor(first_name="Elira")
    users = {
        "anonymous": None,
        "ambassador": ambassador.user,
        "teacher": teacher.user,
        "psychologist": psychologist.user,
        "other_teacher": other_teacher.user,
        "coordinator": coordinator,
        "other_coordinator": other_coordinator,
        "editor": editor,
        "nobody": UserFactory(),
    }
    return SimpleNamespace(
        year=year,
        region1=region1,
        region2=region2,
        school_a=school_a,
        school_b=school_b,
        school_c=school_c,
        ambassador=ambassador,
        teacher=teacher,
        psychologist=psychologist,
        other_teacher=other_teacher,
        other_ambassador=other_ambassador,
        users=users,
    )


@pytest.fixture
def as_role(network):
    def log_in(client, name: str):
        client.logout()
        user = network.users[name]
        if user is not None:
            client.force_login(user)
        return user

    return log_in


@pytest.fixture
def courses(site_tree):
    """A two-lesson course for each network role, in Albanian."""
    index = site_tree.sq.lessons
    made = {}
    for audience in (
        CourseAudience.AMBASSADORS,
        CourseAudience.TEACHERS,
        CourseAudience.PSYCHOLOGISTS,
    ):
        lessons = [LessonPageFactory(parent=index), LessonPageFactory(parent=index)]
        course = CoursePageFactory(
            parent=index, audience=audience, modules=course_modules(("M", lessons))
        )
        made[audience] = (course, lessons)
    return made


def complete(user, course_and_lessons, how_many=None):
    _course, lessons = course_and_lessons
    for lesson in lessons[:how_many]:
        LessonProgress.objects.update_or_create(
            user=user, lesson=lesson, defaults={"completed_at": timezone.now()}
        )


def train_team(network, courses, school="a"):
    if school == "a":
        complete(network.ambassador.user, courses[CourseAudience.AMBASSADORS])
        complete(network.teacher.user, courses[CourseAudience.TEACHERS])
        complete(network.psychologist.user, courses[CourseAudience.PSYCHOLOGISTS])
