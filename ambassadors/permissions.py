"""Who may see and do what in the network: every rule is here, and views only ask.

Roles are data: memberships (school staff and ambassadors, per school year), coordinations
(regional coordinators) and the `ambassadors.manage_network` permission (national staff, given to
the Editors group). Superusers hold every permission.
"""

from django.db.models import Q, QuerySet

from .models import STAFF_ROLES, Membership, Role, School


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
    return schools_visible_to(user).filter(pk=school.pk).exists()


def is_school_staff(user, school: School) -> bool:
    """An active ICT teacher or psychologist of this school."""
    return active_memberships(user).filter(school=school, role__in=STAFF_ROLES).exists()


def can_manage_ambassadors(user, school: School) -> bool:
    """Add, deactivate, hand over and delete the accounts of this school's ambassadors."""
    return is_network_editor(user) or is_school_staff(user, school)


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
    return active_memberships(user).filter(role=Role.AMBASSADOR).exists()
