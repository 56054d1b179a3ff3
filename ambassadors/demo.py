"""The network demo: Albania's regions and municipalities, plausible schools and five logins.

Everything is found by a natural key (region code, municipality name, school code, school year
name, username), so running it again updates in place and duplicates nothing. Schools are
generated from a fixed seed: the same codes and names on every machine.
"""

import datetime
import json
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from allauth.account.models import EmailAddress
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from accounts.models import ParentalConsent

from .importing import SchoolRow, schools_import
from .models import (
    Activity,
    ActivityEvent,
    ActivityKind,
    ActivityStatus,
    Coordination,
    Invitation,
    Membership,
    Municipality,
    Region,
    Role,
    School,
    SchoolYear,
)
from .reach import PRIMARY_LEVELS, SECONDARY_LEVELS, reach_rebuild
from .services import coordination_grant

DATA_FILE = Path(__file__).parent / "demo_data" / "albania.json"
# A published demo password, printed by `make run`; never used outside the demo.
DEFAULT_PASSWORD = "sigurt-demo"  # noqa: S105
SEED = 2025
SCHOOLS_PER_MUNICIPALITY = 3
EDITORS_GROUP = "Editors"
# The public demo's netSMARTkids 2025 campaign page (home.demo), found by its default-language slug.
CAMPAIGN_SLUG = "netsmartkids-2025"
# Fixed, so the demo activities keep their submission keys on every machine and every run.
ACTIVITY_NAMESPACE = uuid.UUID("5b0d3c52-6f1e-4b8e-9a51-2f1d7c2a9e10")
# Share of each level among generated schools: about 70% primary or lower secondary.
LEVEL_WEIGHTS = {
    School.Level.PRIMARY: 25,
    School.Level.LOWER_SECONDARY: 45,
    School.Level.UPPER_SECONDARY: 30,
}
ROLE_LABELS = {
    "coordinator": _("Regional coordinator"),
    "editor": _("Editor (national staff)"),
    **{role.value: role.label for role in Role},
}
# What national staff manage in the Wagtail admin; invitations are only seen and revoked there.
EDITOR_MODEL_PERMISSIONS = {
    Region: ("add", "change", "delete", "view"),
    Municipality: ("add", "change", "delete", "view"),
    School: ("add", "change", "delete", "view"),
    SchoolYear: ("add", "change", "delete", "view"),
    Membership: ("add", "change", "delete", "view"),
    Coordination: ("add", "change", "delete", "view"),
    Invitation: ("delete", "view"),
}


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    password: str


@dataclass
class NetworkDemoSummary:
    region_count: int = 0
    municipality_count: int = 0
    school_count: int = 0
    school_year: SchoolYear | None = None
    school: School | None = None
    logins: list[DemoLogin] = field(default_factory=list)
    campaign_activity_count: int = 0


def load_data() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


def demo_school_rows(data: dict, municipalities: dict[str, Municipality]) -> list[SchoolRow]:
    """The demo school first, then a seeded, repeatable spread of schools over every municipality.

    Codes are "AL-<region abbreviation>-<number>", numbered per region in the data's order.
    """
    rng = random.Random(SEED)
    demo = data["demo_school"]
    rows = [
        SchoolRow(
            line=1,
            code=demo["code"],
            name=demo["name"],
            level=demo["level"],
            setting=demo["setting"],
            municipality=municipalities[demo["municipality"]],
        )
    ]
    taken_names = {(demo["municipality"], demo["name"])}
    taken_codes = {demo["code"]}
    levels, weights = zip(*LEVEL_WEIGHTS.items(), strict=True)
    for region in data["regions"]:
        number = 0
        for municipality_name in region["municipalities"]:
            extra = data["extra_schools"].get(municipality_name, 0)
            count = SCHOOLS_PER_MUNICIPALITY + extra
            # Larger towns are mostly urban; small municipalities mostly rural villages.
            rural_share = 0.2 if extra >= 3 else 0.55
            namesakes = rng.sample(data["namesakes"], k=min(count, len(data["namesakes"])))
            for namesake in namesakes:
                level = rng.choices(levels, weights=weights)[0].value
                kind = rng.choice(data["school_types"][level])
                name = f'{kind} "{namesake}"'
                if (municipality_name, name) in taken_names:
                    continue
                taken_names.add((municipality_name, name))
                number += 1
                code = f"AL-{region['abbreviation']}-{number:04d}"
                while code in taken_codes:
                    number += 1
                    code = f"AL-{region['abbreviation']}-{number:04d}"
                taken_codes.add(code)
                setting = (
                    School.Setting.RURAL if rng.random() < rural_share else School.Setting.URBAN
                )
                rows.append(
                    SchoolRow(
                        line=len(rows) + 1,
                        code=code,
                        name=name,
                        level=level,
                        setting=setting.value,
                        municipality=municipalities[municipality_name],
                    )
                )
    return rows


def ensure_geography(data: dict) -> dict[str, Municipality]:
    """Regions (code = slug of the name) and their municipalities, by municipality name."""
    municipalities = {}
    for entry in data["regions"]:
        region, _created = Region.objects.update_or_create(
            code=slugify(entry["name"]), defaults={"name": entry["name"]}
        )
        for name in entry["municipalities"]:
            municipality, _created = Municipality.objects.get_or_create(region=region, name=name)
            municipalities[name] = municipality
    return municipalities


def ensure_school_years(data: dict) -> list[SchoolYear]:
    years = []
    for entry in data["school_years"]:
        year, _created = SchoolYear.objects.update_or_create(
            name=entry["name"],
            defaults={
                "starts_on": datetime.date.fromisoformat(entry["starts_on"]),
                "ends_on": datetime.date.fromisoformat(entry["ends_on"]),
            },
        )
        years.append(year)
    return years


def current_school_year(today: datetime.date | None = None) -> SchoolYear:
    """The year containing today; in the summer break, the one that ended last."""
    today = today or timezone.localdate()
    return (
        SchoolYear.objects.containing(today).first()
        or SchoolYear.objects.filter(starts_on__lte=today).order_by("-starts_on").first()
        or SchoolYear.objects.order_by("starts_on").first()
    )


def ensure_editors_group() -> Group:
    """Wagtail's Editors: admin access, the whole network, and the network screens."""
    group, _created = Group.objects.get_or_create(name=EDITORS_GROUP)
    wanted = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="ambassadors", codename="manage_network"),
    ]
    for model, actions in EDITOR_MODEL_PERMISSIONS.items():
        opts = model._meta
        wanted += Permission.objects.filter(
            content_type__app_label=opts.app_label,
            codename__in=[f"{action}_{opts.model_name}" for action in actions],
        )
    group.permissions.add(*wanted)
    return group


def _ensure_user(person: dict, *, password: str):
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(username=person["username"])
    user.first_name = person["first_name"]
    user.last_name = person["last_name"]
    user.email = person.get("email", "")
    user.is_minor = person.get("is_minor", False)
    user.is_active = True
    user.is_staff = person["role"] == "editor"
    user.set_password(password)
    user.save()
    if user.email:
        address, _created = EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        if not (address.verified and address.primary):
            address.verified = address.primary = True
            address.save(update_fields=["verified", "primary"])
    return user


def _ensure_membership(*, user, school, role, school_year, created_by) -> Membership:
    membership = (
        Membership.objects.filter(user=user, school=school, role=role, school_year=school_year)
        .order_by("-is_active", "-pk")
        .first()
    ) or Membership(user=user, school=school, role=role, school_year=school_year)
    membership.is_active = True
    membership.started_on = school_year.starts_on
    membership.ended_on = None
    membership.created_by = created_by
    membership.save()
    return membership


@transaction.atomic
def load_network_demo(*, password: str = DEFAULT_PASSWORD) -> NetworkDemoSummary:
    """Create or refresh the network demo; the five demo logins get `password` every run."""
    data = load_data()
    municipalities = ensure_geography(data)
    ensure_school_years(data)
    schools_import(rows=demo_school_rows(data, municipalities))
    school = School.objects.get(code=data["demo_school"]["code"])
    school_year = current_school_year()
    editors = ensure_editors_group()

    people = {
        person["role"]: _ensure_user(person, password=password) for person in data["demo_people"]
    }
    editor, teacher = people["editor"], people[Role.ICT_TEACHER]
    editor.groups.add(editors)
    for role in (Role.ICT_TEACHER, Role.PSYCHOLOGIST):
        _ensure_membership(
            user=people[role], school=school, role=role, school_year=school_year, created_by=editor
        )
    ambassador = people[Role.AMBASSADOR]
    _ensure_membership(
        user=ambassador,
        school=school,
        role=Role.AMBASSADOR,
        school_year=school_year,
        created_by=teacher,
    )
    ParentalConsent.objects.update_or_create(
        user=ambassador,
        defaults={
            "given_by": data["parental_consent_given_by"],
            "given_on": school_year.starts_on,
            "recorded_by": teacher,
        },
    )
    coordination_grant(user=people["coordinator"], region=school.municipality.region)
    campaign_activity_count = ensure_campaign_activities(
        data=data, school=school, ambassador=ambassador, teacher=teacher
    )

    return NetworkDemoSummary(
        region_count=Region.objects.count(),
        municipality_count=Municipality.objects.count(),
        school_count=School.objects.count(),
        school_year=school_year,
        school=school,
        logins=[
            DemoLogin(
                username=person["username"],
                role=str(ROLE_LABELS[person["role"]]),
                password=password,
            )
            for person in data["demo_people"]
        ],
        campaign_activity_count=campaign_activity_count,
    )


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` spread over `parts` uneven, seeded shares that add up exactly."""
    weights = [rng.uniform(0.5, 1.5) for _index in range(parts)]
    scale = total / sum(weights)
    shares = [int(weight * scale) for weight in weights]
    for index in rng.sample(range(parts), k=total - sum(shares)):
        shares[index] += 1
    return shares


def _campaign_schools(table: dict, rng: random.Random) -> tuple[list[School], list[School]]:
    """The table's primary and secondary schools: one school per region first (so every region
    is reached), then a seeded sample of the rest of each level."""
    schools = list(School.objects.select_related("municipality").order_by("code"))
    chosen: dict[int, School] = {}
    by_region: dict[int, list[School]] = {}
    for candidate in schools:
        by_region.setdefault(candidate.municipality.region_id, []).append(candidate)
    for region_schools in by_region.values():
        pick = rng.choice(region_schools)
        chosen[pick.pk] = pick

    def fill(levels, wanted: int) -> list[School]:
        picked = [school for school in chosen.values() if school.level in levels]
        pool = [s for s in schools if s.level in levels and s.pk not in chosen]
        return picked + rng.sample(pool, k=wanted - len(picked))

    return fill(PRIMARY_LEVELS, table["primary_schools"]), fill(
        SECONDARY_LEVELS, table["secondary_schools"]
    )


def _save_activity(index: int, values: dict) -> Activity:
    key = uuid.uuid5(ACTIVITY_NAMESPACE, f"{CAMPAIGN_SLUG}:{index}")
    activity, _created = Activity.objects.update_or_create(submission_key=key, defaults=values)
    return activity


def ensure_campaign_activities(*, data: dict, school: School, ambassador, teacher) -> int:
    """Verified activities of the netSMARTkids 2025 campaign page that add up exactly to the
    campaign's published table (demo_data "netsmartkids_2025"), plus a few drafts, submitted and
    returned ones that must not count. Skipped (0) when the public demo pages are not loaded.

    Rows are found by submission_key (uuid5 of a fixed namespace and an index): a second run
    resets them to these values and adds nothing.
    """
    campaign_model = apps.get_model("campaigns", "CampaignPage")
    campaign = campaign_model.objects.filter(
        slug=CAMPAIGN_SLUG, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if campaign is None:
        return 0
    table = data["netsmartkids_2025"]
    rng = random.Random(SEED)
    starts_on = datetime.date.fromisoformat(table["starts_on"])
    days = (datetime.date.fromisoformat(table["ends_on"]) - starts_on).days

    def some_day() -> datetime.date:
        return starts_on + datetime.timedelta(days=rng.randrange(days + 1))

    def verified_at(day: datetime.date) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(15, 0)))

    primary, secondary = _campaign_schools(table, rng)
    schools = primary + secondary
    girls = _split(table["girls"], len(schools), rng)
    boys = _split(table["boys"], len(schools), rng)
    index = 0
    for position, visited in enumerate(schools):
        day = some_day()
        _save_activity(
            index,
            {
                "school": visited,
                "campaign": campaign,
                "kind": ActivityKind.CLASS_PRESENTATION,
                "date": day,
                "title": table["session_title"],
                "note": "",
                "girls": girls[position],
                "boys": boys[position],
                "students_unstated": 0,
                "parents": 0,
                "teachers": 0,
                "other_adults": 0,
                "status": ActivityStatus.VERIFIED,
                "return_reason": "",
                "verified_at": verified_at(day),
            },
        )
        index += 1
    # Adults were met in separate meetings at some of the schools.
    meetings = rng.sample(schools, k=table["adult_meetings"])
    adults = {
        name: _split(table[name], len(meetings), rng)
        for name in ("parents", "teachers", "other_adults")
    }
    for position, visited in enumerate(meetings):
        day = some_day()
        _save_activity(
            index,
            {
                "school": visited,
                "campaign": campaign,
                "kind": ActivityKind.PARENTS_MEETING,
                "date": day,
                "title": table["meeting_title"],
                "note": "",
                "girls": 0,
                "boys": 0,
                "students_unstated": 0,
                **{name: shares[position] for name, shares in adults.items()},
                "status": ActivityStatus.VERIFIED,
                "return_reason": "",
                "verified_at": verified_at(day),
            },
        )
        index += 1
    for pending in table["pending"]:
        day = datetime.date.fromisoformat(pending["date"])
        activity = _save_activity(
            index,
            {
                "school": school,
                "campaign": campaign,
                "kind": pending["kind"],
                "date": day,
                "title": pending["title"],
                "note": pending.get("note", ""),
                "girls": pending["girls"],
                "boys": pending["boys"],
                "students_unstated": 0,
                "parents": 0,
                "teachers": 0,
                "other_adults": 0,
                "status": pending["status"],
                "return_reason": pending.get("return_reason", ""),
                "author": ambassador,
                "verified_at": None,
                "verified_by": None,
            },
        )
        if pending["status"] != ActivityStatus.DRAFT:
            ActivityEvent.objects.get_or_create(
                activity=activity, action=ActivityEvent.Action.SUBMITTED, actor=ambassador
            )
        if pending["status"] == ActivityStatus.RETURNED:
            ActivityEvent.objects.get_or_create(
                activity=activity,
                action=ActivityEvent.Action.RETURNED,
                actor=teacher,
                defaults={"reason": pending["return_reason"]},
            )
        index += 1
    # Written directly, not verified through the service: sum them for the public figures.
    reach_rebuild()
    return index
