"""The school network: where schools are, who works in each and in what role, for which year."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase


class Region(models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    code = models.SlugField(_("code"), max_length=30, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name


class Municipality(models.Model):
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="municipalities"
    )
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="unique_municipality_name")
        ]

    def __str__(self):
        return self.name


class School(models.Model):
    class Level(models.TextChoices):
        # A context keeps "Primary" apart from allauth's primary email address.
        PRIMARY = "primary", pgettext_lazy("school level", "Primary")
        LOWER_SECONDARY = "lower_secondary", pgettext_lazy("school level", "Lower secondary")
        UPPER_SECONDARY = "upper_secondary", pgettext_lazy("school level", "Upper secondary")

    class Setting(models.TextChoices):
        URBAN = "urban", _("Urban")
        RURAL = "rural", _("Rural")

    code = models.CharField(_("official code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    setting = models.CharField(_("urban or rural"), max_length=10, choices=Setting.choices)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="schools",
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        # Held by national staff (the Editors group): sees and manages every school.
        permissions = [("manage_network", _("Can manage the whole network"))]

    def __str__(self):
        return f"{self.name} ({self.municipality})"


class SchoolYearQuerySet(models.QuerySet):
    def containing(self, day: datetime.date):
        return self.filter(starts_on__lte=day, ends_on__gte=day)


class SchoolYear(models.Model):
    name = models.CharField(_("name"), max_length=20, unique=True, help_text=_("e.g. 2025–2026"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    objects = SchoolYearQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("school year")
        verbose_name_plural = _("school years")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=models.F("starts_on")), name="school_year_ends_after_start"
            )
        ]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    AMBASSADOR = "ambassador", _("Safe Internet Ambassador")
    ICT_TEACHER = "ict_teacher", _("ICT teacher")
    PSYCHOLOGIST = "psychologist", _("School psychologist")


STAFF_ROLES = (Role.ICT_TEACHER, Role.PSYCHOLOGIST)


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True, user__isnull=False, user__is_active=True)

    def staff(self):
        return self.filter(role__in=STAFF_ROLES)


class Membership(models.Model):
    """A person's role at a school for a school year.

    The row outlives the person: deleting an account empties `user` and keeps the school's history.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    school_year = models.ForeignKey(
        SchoolYear, verbose_name=_("school year"), on_delete=models.PROTECT, related_name="+"
    )
    is_active = models.BooleanField(_("active"), default=True)
    started_on = models.DateField(_("started on"), default=timezone.localdate)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["school", "role", "-started_on"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "school", "role", "school_year"],
                condition=Q(is_active=True),
                name="one_active_membership_per_role_and_year",
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}, {self.school.name}, {self.school_year}"


class Coordination(models.Model):
    """A regional coordinator's cover of one region."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinator"),
        on_delete=models.CASCADE,
        related_name="coordinations",
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="coordinations"
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("regional coordination")
        verbose_name_plural = _("regional coordinations")
        constraints = [
            models.UniqueConstraint(fields=["user", "region"], name="unique_coordination")
        ]

    def __str__(self):
        return f"{self.user} – {self.region}"


class InvitedRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Regional coordinator")
    ICT_TEACHER = Role.ICT_TEACHER.value, Role.ICT_TEACHER.label
    PSYCHOLOGIST = Role.PSYCHOLOGIST.value, Role.PSYCHOLOGIST.label


class Invitation(models.Model):
    """An emailed invitation for an adult to join the network in a role.

    Only a hash of the token is kept: the link in the email is the only copy of the token.
    """

    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=InvitedRole.choices)
    school = models.ForeignKey(
        School, verbose_name=_("school"), null=True, blank=True, on_delete=models.CASCADE
    )
    region = models.ForeignKey(
        Region, verbose_name=_("region"), null=True, blank=True, on_delete=models.CASCADE
    )
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=(Q(role="coordinator", region__isnull=False, school__isnull=True))
                | (~Q(role="coordinator") & Q(school__isnull=False, region__isnull=True)),
                name="invitation_targets_a_school_or_a_region",
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()} ({self.created_at:%Y-%m-%d})"


class ActivityKind(models.TextChoices):
    PEER_SESSION = "peer_session", _("Peer session")
    CLASS_PRESENTATION = "class_presentation", _("Class presentation")
    PARENTS_MEETING = "parents_meeting", _("Parents' meeting")
    SCHOOL_EVENT = "school_event", _("School event")
    SAFER_INTERNET_DAY = "safer_internet_day", _("Safer Internet Day event")
    TRAINING = "training", _("Training")


class ActivityStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for verification")
    VERIFIED = "verified", _("Verified")
    RETURNED = "returned", _("Returned for changes")


class ActivityTag(TaggedItemBase):
    content_object = models.ForeignKey(
        "ambassadors.Activity", on_delete=models.CASCADE, related_name="tagged_items"
    )


# The counts an activity records; reach figures, reports and open data are built from these.
STUDENT_COUNTS = ("girls", "boys", "students_unstated")
ADULT_COUNTS = ("parents", "teachers", "other_adults")


class ReachCounts(models.Model):
    """Who was reached, as counts (never names): by an activity, or summed for a school."""

    girls = models.PositiveIntegerField(_("girls"), default=0)
    boys = models.PositiveIntegerField(_("boys"), default=0)
    students_unstated = models.PositiveIntegerField(
        _("students who did not state gender"), default=0
    )
    parents = models.PositiveIntegerField(_("parents"), default=0)
    teachers = models.PositiveIntegerField(_("teachers"), default=0)
    other_adults = models.PositiveIntegerField(_("other adults"), default=0)

    class Meta:
        abstract = True

    @property
    def students(self) -> int:
        return sum(getattr(self, name) for name in STUDENT_COUNTS)

    @property
    def adults(self) -> int:
        return sum(getattr(self, name) for name in ADULT_COUNTS)


class ActivityQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(status=ActivityStatus.VERIFIED)


class Activity(ReachCounts):
    """A session or event a school ran, and how many people it reached: counts only, no names.

    Only verified activities count anywhere public.
    """

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.PROTECT, related_name="activities"
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind of activity"), max_length=30, choices=ActivityKind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=120)
    note = models.TextField(_("note"), max_length=1000, blank=True)
    tags = TaggableManager(through=ActivityTag, blank=True, verbose_name=_("topics"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.DRAFT
    )
    return_reason = models.TextField(_("reason for returning"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("logged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The form's one-time id: a repeated submission finds this row instead of adding another.
    submission_key = models.UUIDField(unique=True)
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            models.Index(fields=["status", "campaign"], name="activity_status_campaign"),
            models.Index(fields=["school", "date"], name="activity_school_date"),
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})"


class ActivityEvent(models.Model):
    """One step in an activity's history after submission: who did what, when, what changed."""

    class Action(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        EDITED = "edited", _("Edited")
        VERIFIED = "verified", _("Verified")
        RETURNED = "returned", _("Returned")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=20, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(default=dict, blank=True)
    reason = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("activity history entry")
        verbose_name_plural = _("activity history")

    def __str__(self):
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class CampaignSchoolReach(ReachCounts):
    """One school's verified activities for one campaign, summed: what public figures read.

    Written only by `ambassadors.reach` (`reach_record` when an activity is verified,
    `reach_rebuild` after bulk loads), so a page view sums at most one row per school instead of
    every activity.
    """

    campaign = models.ForeignKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="+"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="+")
    activities = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["campaign", "school"], name="reach_campaign_school")
        ]

    def __str__(self):
        return f"{self.campaign_id}/{self.school_id}: {self.students + self.adults}"
