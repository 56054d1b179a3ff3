"""Who may see and do what in the network: every rule is here, and views only ask.

Roles are data: memberships (school staff and ambassadors, per school year), coordinations
(regional coordinators) and the `ambassadors.manage_network` permission (national staff, given to
the Editors group). Superusers hold every permission.
"""

from django.db.models import Q, QuerySet

from .models import STAFF_ROLES, Coordination, Membership, Role, School

# The attribute of a user object that holds one request's memo (see `remember_during_request`).
MEMO_ATTRIBUTE = "_network_memo"


def remember_during_request(user) -> None:
    """Let the rules read the person's roles and regions once per request, not once per question.

    Called by `ambassadors.middleware.NetworkFactsMiddleware` on the fresh user object of a
    request that changes nothing (GET, HEAD), so a view that changes someone's roles never reads
    stale facts, and user objects reused outside a request (tests, scripts) are never memoised.
    """
    setattr(user, MEMO_ATTRIBUTE, {})


def _remembered(user, name: str, read):
    memo = getattr(user, MEMO_ATTRIBUTE, None)
    if memo is None:
        return read()
    if name not in memo:
        memo[name] = read()
    return memo[name]


def active_roles(user) -> frozenset[tuple[int, str]]:
    """(school pk, role) of each of the person's active memberships: one query per request."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    return _remembered(
        user,
        "roles",
        lambda: frozenset(
            Membership.objects.active().filter(user=user).values_list("school_id", "role")
        ),
    )


def school_roles(user, school: School) -> set[str]:
    """The person's active roles at this school."""
    return {role for school_id, role in active_roles(user) if school_id == school.pk}


def coordinated_region_ids(user) -> frozenset[int]:
    """Pks of the regions the person actively coordinates: one query per request."""
    if not (user.is_authenticated and user.is_active):
        return frozenset()
    return _remembered(
        user,
        "regions",
        lambda: frozenset(
            Coordination.objects.filter(user=user, is_active=True).values_list(
                "region_id", flat=True
            )
        ),
    )


def is_network_editor(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.has_perm("ambassadors.manage_network")


def active_memberships(user) -> QuerySet:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.active().filter(user=user)


def schools_visible_to(user) -> QuerySet:
    """Schools whose space the person may open: their own, their regions', or all for editors."""
    if not (user.is_authenticated and user.is_active):
        return School.objects.none()
    if is_network_editor(user):
        return School.objects.all()
    own = Q(memberships__user=user, memberships__is_active=True)
    region = Q(
        municipality__region__coordinations__user=user,
        municipality__region__coordinations__is_active=True,
    )
    return School.objects.filter(own | region).distinct()


def can_view_school(user, school: School) -> bool:
    """The same rule as `schools_visible_to`, for one school."""
    if not (user.is_authenticated and user.is_active):
        return False
    if school_roles(user, school):
        return True
    regions = coordinated_region_ids(user)
    if regions and school.municipality.region_id in regions:
        return True
    return is_network_editor(user)


def is_school_staff(user, school: School) -> bool:
    """An active ICT teacher or psychologist of this school."""
    return bool(school_roles(user, school) & set(STAFF_ROLES))


def can_manage_ambassadors(user, school: School) -> bool:
    """Add, deactivate, hand over and delete the accounts of this school's ambassadors."""
    return is_school_staff(user, school) or is_network_editor(user)


def can_see_member_details(user, school: School) -> bool:
    """Usernames and account state of the school's team; others see display names only."""
    return can_manage_ambassadors(user, school)


def can_invite(user) -> bool:
    """Invite coordinators and school staff by email: national staff only."""
    return is_network_editor(user)


def coordinated_regions(user) -> QuerySet:
    from .models import Region

    if not user.is_authenticated:
        return Region.objects.none()
    return Region.objects.filter(coordinations__user=user, coordinations__is_active=True)


def is_ambassador(user) -> bool:
    return any(role == Role.AMBASSADOR for _, role in active_roles(user))


def can_list_schools(user) -> bool:
    """Open the list of schools: national staff (all) and regional coordinators (their regions)."""
    return bool(coordinated_region_ids(user)) or is_network_editor(user)


def can_view_reach_reports(user) -> bool:
    """The admin's reach reports: national staff (every school), coordinators (their regions)."""
    return can_list_schools(user)


def home_school(user) -> School | None:
    """The school whose space the person lands on: their newest active membership's school."""
    membership = (
        active_memberships(user)
        .select_related("school")
        .order_by("-school_year__starts_on", "-started_on", "-pk")
        .first()
    )
    return membership.school if membership else None


def can_manage_member(user, membership: Membership) -> bool:
    """Deactivate, hand over, renew the code of or delete: only ambassadors, by who manages them."""
    return membership.role == Role.AMBASSADOR and can_manage_ambassadors(user, membership.school)


MEMBER_ACTIONS = ("deactivate", "hand_over", "new_code", "delete")


def member_actions(user, school: School, memberships) -> dict[int, frozenset[str]]:
    """What the person may do to each of these memberships of the school, in at most 5 queries.

    - deactivate: the ambassador's role is still active;
    - hand_over, new_code: the role and the account are active;
    - delete: the account exists, belongs to a minor with no other role anywhere (never an adult's,
      staff's or the person's own account).
    """
    if not can_manage_ambassadors(user, school):
        return {}
    ambassadors = [m for m in memberships if m.role == Role.AMBASSADOR and m.school_id == school.pk]
    person_ids = {m.user_id for m in ambassadors if m.user_id}
    busy = set()
    if person_ids:
        busy |= set(
            Membership.objects.filter(user_id__in=person_ids)
            .exclude(school=school, role=Role.AMBASSADOR)
            .values_list("user_id", flat=True)
        )
        busy |= set(
            Coordination.objects.filter(user_id__in=person_ids).values_list("user_id", flat=True)
        )
    allowed = {}
    for membership in ambassadors:
        person = membership.user
        actions = set()
        if membership.is_active:
            actions.add("deactivate")
            if person is not None and person.is_active:
                actions |= {"hand_over", "new_code"}
        if (
            person is not None
            and person.is_minor
            and not (person.is_staff or person.is_superuser)
            and person.pk != user.pk
            and person.pk not in busy
        ):
            actions.add("delete")
        allowed[membership.pk] = frozenset(actions)
    return allowed


def can_act_on_member(user, membership: Membership, action: str) -> bool:
    return action in member_actions(user, membership.school, [membership]).get(membership.pk, ())


# --- Activities ---------------------------------------------------------------------------------


def can_log_activity(user, school: School) -> bool:
    """Log an activity for this school: its active ambassadors, ICT teachers and psychologists."""
    return bool(school_roles(user, school))


def activities_visible_to(user, school: School) -> QuerySet:
    """The school's activities this person may open: all but other people's drafts, for those who
    may see the school (its team, its region's coordinators, national staff)."""
    from .models import ActivityStatus

    if not can_view_school(user, school):
        return school.activities.none()
    return school.activities.exclude(Q(status=ActivityStatus.DRAFT) & ~Q(author_id=user.pk))


def can_view_activity(user, activity) -> bool:
    return activities_visible_to(user, activity.school).filter(pk=activity.pk).exists()


def can_edit_activity(user, activity) -> bool:
    """Fix or complete an activity: its author or the school's staff, while a draft or returned."""
    from .models import ActivityStatus

    if activity.status not in (ActivityStatus.DRAFT, ActivityStatus.RETURNED):
        return False
    if not can_log_activity(user, activity.school):
        return False
    return activity.author_id == user.pk or is_school_staff(user, activity.school)


def can_verify_activity(user, activity) -> bool:
    """Verify or return: the school's active ICT teacher or psychologist, never the author."""
    if not user.is_authenticated or activity.author_id == user.pk:
        return False
    return is_school_staff(user, activity.school)


# --- Learning (issue 5) -------------------------------------------------------------------------


def can_view_team_progress(user, school: School) -> bool:
    """Each ambassador's course progress: the school's ICT teacher and psychologist, and
    national staff."""
    return is_network_editor(user) or is_school_staff(user, school)


def can_view_learning_overview(user) -> bool:
    """Completion per school: national staff (every school), coordinators (their regions')."""
    return can_list_schools(user)
