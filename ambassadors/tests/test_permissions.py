import pytest
from django.http import HttpResponse

from accounts.factories import UserFactory
from accounts.models import User
from ambassadors import permissions
from ambassadors.factories import CoordinationFactory, MembershipFactory, SchoolFactory
from ambassadors.middleware import NetworkFactsMiddleware
from ambassadors.models import Membership, Role


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("ambassador", False),
        ("teacher", False),
        ("other_teacher", False),
        ("coordinator", True),
        ("other_coordinator", True),
        ("editor", True),
        ("nobody", False),
    ],
)
def test_can_list_schools(network, role, expected):
    assert permissions.can_list_schools(network.users[role]) is expected


def test_an_inactive_coordination_lists_nothing(network):
    coordinator = network.users["coordinator"]
    coordinator.coordinations.update(is_active=False)
    assert not permissions.can_list_schools(coordinator)
    assert not permissions.schools_visible_to(coordinator).exists()


def test_home_school_is_the_newest_active_membership(network):
    assert permissions.home_school(network.users["teacher"]) == network.school_a
    assert permissions.home_school(network.users["nobody"]) is None
    network.teacher.is_active = False
    network.teacher.save()
    assert permissions.home_school(network.users["teacher"]) is None


class TestMemberActions:
    def actions(self, network, role, membership):
        user = network.users[role]
        return permissions.member_actions(user, membership.school, [membership]).get(
            membership.pk, frozenset()
        )

    @pytest.mark.parametrize("role", ["teacher", "psychologist", "editor"])
    def test_managers_may_do_everything_to_an_active_minor_ambassador(self, network, role):
        assert self.actions(network, role, network.ambassador) == set(permissions.MEMBER_ACTIONS)

    @pytest.mark.parametrize(
        "role", ["ambassador", "other_teacher", "coordinator", "other_coordinator", "nobody"]
    )
    def test_others_may_do_nothing(self, network, role):
        assert self.actions(network, role, network.ambassador) == set()
        assert not permissions.can_manage_member(network.users[role], network.ambassador)

    def test_staff_memberships_are_not_managed_here(self, network):
        assert self.actions(network, "editor", network.teacher) == set()
        assert not permissions.can_manage_member(network.users["editor"], network.psychologist)

    def test_an_ended_role_can_only_have_its_account_deleted(self, network):
        network.ambassador.is_active = False
        network.ambassador.save()
        assert self.actions(network, "teacher", network.ambassador) == {"delete"}

    def test_a_deleted_account_can_only_have_its_role_ended(self, network):
        network.ambassador.user.delete()
        network.ambassador.refresh_from_db()
        assert self.actions(network, "teacher", network.ambassador) == {"deactivate"}

    @pytest.mark.parametrize("change", ["adult", "staff", "other_school_role", "coordinator"])
    def test_delete_never_reaches_adults_or_people_with_other_roles(self, network, change):
        person = network.ambassador.user
        if change == "adult":
            person.is_minor = False
            person.save()
        elif change == "staff":
            person.is_staff = True
            person.save()
        elif change == "other_school_role":
            MembershipFactory(user=person, school=SchoolFactory(), role=Role.AMBASSADOR)
        else:
            CoordinationFactory(user=person)
        assert "delete" not in self.actions(network, "teacher", network.ambassador)
        assert not permissions.can_act_on_member(
            network.users["teacher"], network.ambassador, "delete"
        )

    def test_never_ones_own_account(self, network):
        teacher = network.users["teacher"]
        teacher.is_minor = True
        teacher.save()
        own = MembershipFactory(
            user=teacher, school=network.school_a, role=Role.AMBASSADOR, school_year=network.year
        )
        assert "delete" not in self.actions(network, "teacher", own)

    def test_memberships_of_another_school_are_ignored(self, network):
        user = network.users["teacher"]
        allowed = permissions.member_actions(user, network.school_a, [network.other_ambassador])
        assert allowed == {}

    def test_bulk_and_single_answers_agree(self, network, django_assert_max_num_queries):
        extra = [
            MembershipFactory(school=network.school_a, school_year=network.year, ambassador=True)
            for _ in range(5)
        ]
        memberships = [network.ambassador, network.teacher, *extra]
        user = network.users["psychologist"]
        with django_assert_max_num_queries(5):
            bulk = permissions.member_actions(user, network.school_a, memberships)
        for membership in memberships:
            for action in permissions.MEMBER_ACTIONS:
                assert (action in bulk.get(membership.pk, ())) == permissions.can_act_on_member(
                    user, membership, action
                )


def test_an_inactive_user_sees_no_school(network):
    teacher = network.users["teacher"]
    teacher.is_active = False
    teacher.save()
    assert not permissions.schools_visible_to(teacher).exists()
    assert not permissions.can_manage_ambassadors(UserFactory(), network.school_a)


class TestRolesReadOncePerRequest:
    """`NetworkFactsMiddleware`: a page that changes nothing reads the person's roles and
    regions once, whatever it asks; nothing else is ever remembered."""

    def ask_everything(self, user, network) -> list[bool]:
        school = network.school_a
        return [
            permissions.is_school_staff(user, school),
            permissions.can_manage_ambassadors(user, school),
            permissions.can_log_activity(user, school),
            permissions.can_view_school(user, school),
            permissions.is_ambassador(user),
            permissions.can_list_schools(user),
        ]

    def run(self, request, view):
        return NetworkFactsMiddleware(view)(request)

    def test_a_read_only_request_reads_roles_and_regions_once(
        self, rf, network, django_assert_num_queries
    ):
        request = rf.get("/")
        request.user = User.objects.get(pk=network.users["teacher"].pk)
        answers = []

        def view(request):
            # Memberships and coordinations; Django keeps the permissions the same way.
            with django_assert_num_queries(4):
                answers.append(self.ask_everything(request.user, network))
                answers.append(self.ask_everything(request.user, network))
            return HttpResponse()

        self.run(request, view)
        assert answers == [[True, True, True, True, False, False]] * 2

    def test_a_request_that_changes_things_reads_them_afresh(self, rf, network):
        teacher = User.objects.get(pk=network.users["teacher"].pk)
        request = rf.post("/")
        request.user = teacher
        answers = []

        def view(request):
            answers.append(permissions.is_school_staff(request.user, network.school_a))
            Membership.objects.filter(user=request.user).update(is_active=False)
            answers.append(permissions.is_school_staff(request.user, network.school_a))
            return HttpResponse()

        self.run(request, view)
        assert answers == [True, False]

    def test_answers_outside_a_request_are_never_remembered(self, network):
        teacher = network.users["teacher"]
        assert permissions.can_log_activity(teacher, network.school_a)
        Membership.objects.filter(user=teacher).update(is_active=False)
        assert not permissions.can_log_activity(teacher, network.school_a)


def test_one_school_and_the_list_of_schools_follow_the_same_rule(network):
    """`can_view_school` (the school pages) and `schools_visible_to` (lists) never disagree."""
    schools = [network.school_a, network.school_b, network.school_c]
    for name, user in network.users.items():
        if user is None:
            continue
        listed = set(permissions.schools_visible_to(user))
        for school in schools:
            assert permissions.can_view_school(user, school) == (school in listed), (name, school)
