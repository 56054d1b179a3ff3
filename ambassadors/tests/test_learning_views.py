"""Training in the network: a school's ambassadors' progress for its staff, completion per school
for coordinators, and the "trained team" badge."""

import pytest
from django.urls import reverse

from accounts.factories import UserFactory
from ambassadors.factories import MembershipFactory, SchoolFactory
from ambassadors.learning import school_badges
from ambassadors.models import Role
from lessons.models import CourseAudience

from .conftest import complete, train_team

pytestmark = pytest.mark.django_db


def test_a_teacher_sees_their_own_schools_ambassadors_progress(client, network, courses):
    complete(network.ambassador.user, courses[CourseAudience.AMBASSADORS], 1)
    complete(network.other_ambassador.user, courses[CourseAudience.AMBASSADORS])
    client.force_login(network.teacher.user)
    response = client.get(f"/en{reverse('network:team_progress', args=[network.school_a.pk])}")
    assert response.status_code == 200
    html = response.content.decode()
    assert network.ambassador.user.display_name in html
    assert "1 of 2" in html
    assert network.other_ambassador.user.display_name not in html
    # Only ambassadors: the staff's own progress is not listed.
    assert network.psychologist.user.display_name not in html


def test_a_teacher_cannot_open_another_schools_progress(client, network, courses):
    client.force_login(network.teacher.user)
    response = client.get(reverse("network:team_progress", args=[network.school_b.pk]))
    assert response.status_code == 404


def test_a_coordinator_sees_completion_for_their_region_only(client, network, courses):
    train_team(network, courses)
    client.force_login(network.users["coordinator"])
    response = client.get(f"/en{reverse('network:learning_overview')}")
    assert response.status_code == 200
    html = response.content.decode()
    assert network.school_a.name in html and network.school_b.name in html
    assert network.school_c.name not in html
    assert "1 trained team" in html
    # Aggregates only: no names of people.
    assert network.ambassador.user.display_name not in html


def test_the_other_coordinator_sees_their_own_region(client, network, courses):
    client.force_login(network.users["other_coordinator"])
    html = client.get(reverse("network:learning_overview")).content.decode()
    assert network.school_c.name in html
    assert network.school_a.name not in html


def test_the_badge_needs_every_role_to_complete_its_own_course(network, courses):
    schools = [network.school_a, network.school_b, network.school_c]
    assert school_badges(schools) == dict.fromkeys([s.pk for s in schools], False)
    complete(network.ambassador.user, courses[CourseAudience.AMBASSADORS])
    complete(network.teacher.user, courses[CourseAudience.TEACHERS])
    # The psychologist took the teachers' course: not the course for their role.
    complete(network.psychologist.user, courses[CourseAudience.TEACHERS])
    assert school_badges(schools)[network.school_a.pk] is False
    complete(network.psychologist.user, courses[CourseAudience.PSYCHOLOGISTS], 1)
    assert school_badges(schools)[network.school_a.pk] is False
    complete(network.psychologist.user, courses[CourseAudience.PSYCHOLOGISTS])
    assert school_badges(schools) == {
        network.school_a.pk: True,
        network.school_b.pk: False,
        network.school_c.pk: False,
    }


def test_a_new_untrained_ambassador_takes_the_badge_away_until_trained(network, courses):
    train_team(network, courses)
    newcomer = MembershipFactory(
        user=UserFactory(), school=network.school_a, role=Role.AMBASSADOR, school_year=network.year
    )
    assert school_badges([network.school_a]) == {network.school_a.pk: False}
    complete(newcomer.user, courses[CourseAudience.AMBASSADORS])
    assert school_badges([network.school_a]) == {network.school_a.pk: True}
    newcomer.is_active = False
    newcomer.save()
    assert school_badges([network.school_a]) == {network.school_a.pk: True}


def test_the_school_space_and_the_school_list_show_the_badge(client, network, courses, english):
    train_team(network, courses)
    client.force_login(network.users["coordinator"])
    school = client.get(reverse("network:school", args=[network.school_a.pk]))
    assert school.status_code == 200
    assert "badge-trained" in school.content.decode()
    other = client.get(reverse("network:school", args=[network.school_b.pk]))
    assert "badge-trained" not in other.content.decode()
    listing = client.get(reverse("network:school_list")).content.decode()
    assert listing.count("badge-trained") == 1


def test_the_staff_see_a_link_to_the_ambassadors_training(client, network, courses):
    address = reverse("network:school", args=[network.school_a.pk])
    progress = reverse("network:team_progress", args=[network.school_a.pk])
    client.force_login(network.teacher.user)
    assert progress in client.get(address).content.decode()
    client.force_login(network.ambassador.user)
    assert progress not in client.get(address).content.decode()


def test_badges_for_many_schools_take_a_constant_number_of_queries(
    network, courses, django_assert_max_num_queries
):
    schools = [network.school_a]
    train_team(network, courses)
    for n in range(10):
        school = SchoolFactory(code=f"AL-X{n}", municipality=network.school_a.municipality)
        for role in (Role.AMBASSADOR, Role.ICT_TEACHER, Role.PSYCHOLOGIST):
            member = MembershipFactory(
                user=UserFactory(), school=school, role=role, school_year=network.year
            )
            audience = {
                Role.AMBASSADOR: CourseAudience.AMBASSADORS,
                Role.ICT_TEACHER: CourseAudience.TEACHERS,
                Role.PSYCHOLOGIST: CourseAudience.PSYCHOLOGISTS,
            }[role]
            complete(member.user, courses[audience])
        schools.append(school)
    with django_assert_max_num_queries(4):
        badges = school_badges(schools)
    assert all(badges.values()) and len(badges) == 11


def test_the_overview_query_count_does_not_grow_with_schools(
    client, network, courses, count_queries
):
    client.force_login(network.users["coordinator"])
    address = reverse("network:learning_overview")
    client.get(address)
    before, _response = count_queries(lambda: client.get(address))
    for n in range(20):
        school = SchoolFactory(code=f"AL-Y{n}", municipality=network.school_a.municipality)
        MembershipFactory(
            user=UserFactory(), school=school, role=Role.AMBASSADOR, school_year=network.year
        )
    after, response = count_queries(lambda: client.get(address))
    assert response.status_code == 200
    assert after == before


def test_the_team_progress_query_count_does_not_grow_with_ambassadors(
    client, network, courses, count_queries
):
    client.force_login(network.teacher.user)
    address = reverse("network:team_progress", args=[network.school_a.pk])
    client.get(address)
    before, _response = count_queries(lambda: client.get(address))
    for _ in range(10):
        member = MembershipFactory(
            user=UserFactory(),
            school=network.school_a,
            role=Role.AMBASSADOR,
            school_year=network.year,
        )
        complete(member.user, courses[CourseAudience.AMBASSADORS], 1)
    after, response = count_queries(lambda: client.get(address))
    assert response.status_code == 200
    assert after == before
