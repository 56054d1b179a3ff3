"""The school network: where schools are, who works in each and in what role, for which year."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
