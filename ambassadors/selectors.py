"""Reads behind the school space, the school list and the invitation pages."""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.page_cache import cached_listing

from . import permissions
from .models import Membership, Role, School, SchoolYear

RESOURCES_SHOWN = 3
CAMPAIGNS_SHOWN = 3

# How the person relates to a school, most specific first; each has a "what to do next" template.
VIEWER_ROLES = ("ambassador", "ict_teacher", "psychologist", "coordinator", "editor")
NEXT_STEPS_TEMPLATES = {role: f"ambassadors/next_steps/{role}.html" for role in VIEWER_ROLES}
# Which audience flag of a lesson fits the person's role.
RESOURCE_AUDIENCE = {
    "ambassador": "for_ambassadors",
    "ict_teacher": "for_teachers",
    "psychologist": "for_teachers",
    "coordinator": "for_teachers",
    "editor": "for_teachers",
}


def school_year_for(day: datetime.date) -> SchoolYear | None:
    return SchoolYear.objects.containing(day).first()


def school_list(*, user, query: str = "", region=None, level: str = "") -> QuerySet:
    """Schools the person may list, filtered by name or code, region and level, by name."""
    schools = permissions.schools_visible_to(user).select_related("municipality__region")
    if query:
        schools = schools.filter(Q(name__icontains=query) | Q(code__iexact=query))
    if region is not None:
        schools = schools.filter(municipality__region=region)
    if level:
        schools = schools.filter(level=level)
    return schools.order_by("name", "pk")


def viewer_role(user, school: School) -> str | None:
    """The person's role at this school ("ambassador", "ict_teacher", ..., "editor")."""
    roles = permissions.school_roles(user, school)
    for role in (Role.ICT_TEACHER, Role.PSYCHOLOGIST, Role.AMBASSADOR):
        if role in roles:
            return role.value
    if school.municipality.region_id in permissions.coordinated_region_ids(user):
        return "coordinator"
    if permissions.is_network_editor(user):
        return "editor"
    return None


def next_steps_template(role: str | None) -> str | None:
    return NEXT_STEPS_TEMPLATES.get(role)


@dataclass
class TeamMember:
    membership: Membership
    state: str = ""
    actions: frozenset = frozenset()


def account_state(membership: Membership, *, now: datetime.datetime) -> str:
    """A short description of where the member's account stands, for those who manage it."""
    person = membership.user
    if person is None:
        return str(_("Account deleted"))
    if not person.is_active:
        return str(_("Account switched off"))
    setup = getattr(person, "setup_code", None)
    if setup is not None:
        if setup.expires_at <= now:
            return str(_("Setup code expired: give a new code"))
        return str(_("Waiting for first sign-in with the setup code"))
    if not person.has_usable_password():
        return str(_("No password yet: give a new code"))
    if person.last_login is None:
        return str(_("Password set, not signed in yet"))
    return str(_("Active"))


def school_team(*, school: School, today: datetime.date) -> dict:
    """The school's team in three lists of TeamMember, in one query.

    `current`: active roles of the school year containing today; `earlier`: roles still active
    from an earlier year (waiting to be handed over); `ended`: roles that ended in the current
    school year (including deleted accounts, which show no name).
    """
    school_year = school_year_for(today)
    memberships = (
        Membership.objects.filter(school=school)
        .select_related("user__setup_code", "school_year")
        .order_by("role", "-started_on", "pk")
    )
    if school_year is not None:
        memberships = memberships.filter(
            Q(is_active=True) | Q(school_year=school_year) | Q(ended_on__gte=school_year.starts_on)
        )
    else:
        memberships = memberships.filter(is_active=True)
    now = timezone.now()
    team = {"school_year": school_year, "current": [], "earlier": [], "ended": []}
    for membership in memberships:
        member = TeamMember(membership=membership, state=account_state(membership, now=now))
        active = membership.is_active and membership.user is not None and membership.user.is_active
        if not active:
            team["ended"].append(member)
        elif school_year is not None and membership.school_year_id == school_year.pk:
            team["current"].append(member)
        else:
            team["earlier"].append(member)
    return team


def _locale(language: str) -> Locale:
    with translation.override(language):
        return Locale.get_active()


def role_resources(*, role: str | None, language: str) -> list:
    """The newest live lessons written for the role, in one language; kept in the page cache,
    or 3 queries (the locale, then `.public()` reads the view restrictions first)."""
    flag = RESOURCE_AUDIENCE.get(role)
    if flag is None:
        return []

    def compute():
        # Looked up by name: lessons sits beside ambassadors and is not imported by it.
        lesson_model = apps.get_model("lessons", "LessonPage")
        lessons = (
            lesson_model.objects.live()
            .public()
            .filter(locale=_locale(language), **{flag: True})
            .defer_streamfields()
            .order_by("-first_published_at")
        )
        return list(lessons[:RESOURCES_SHOWN])

    return cached_listing("role_resources", flag, language, compute=compute)


def upcoming_campaigns(*, language: str, today: datetime.date) -> list:
    """Live campaigns in one language that have not ended, soonest first; kept in the page
    cache, or 3 queries."""

    def compute():
        campaign_model = apps.get_model("campaigns", "CampaignPage")
        campaigns = (
            campaign_model.objects.live()
            .public()
            .filter(locale=_locale(language))
            .filter(Q(end_date__gte=today) | Q(end_date__isnull=True))
            .defer_streamfields()
            .order_by("start_date", "pk")
        )
        return list(campaigns[:CAMPAIGNS_SHOWN])

    return cached_listing("upcoming_campaigns", language, today.isoformat(), compute=compute)


def school_space(*, school: School, user, today: datetime.date | None = None) -> dict:
    """Everything the school space shows this person: team, next steps, resources, campaigns."""
    today = today or timezone.localdate()
    role = viewer_role(user, school)
    language = translation.get_language()
    can_manage = permissions.can_manage_ambassadors(user, school)
    team = school_team(school=school, today=today)
    members = team["current"] + team["earlier"] + team["ended"]
    allowed = permissions.member_actions(user, school, [m.membership for m in members])
    for member in members:
        member.actions = allowed.get(member.membership.pk, frozenset())
    return {
        "school": school,
        "team": team,
        "viewer_role": role,
        "next_steps_template": next_steps_template(role),
        "resources": role_resources(role=role, language=language),
        "campaigns": upcoming_campaigns(language=language, today=today),
        "can_manage": can_manage,
        "can_see_details": permissions.can_see_member_details(user, school),
        "can_invite": permissions.can_invite(user),
        "can_list_schools": permissions.can_list_schools(user),
    }
