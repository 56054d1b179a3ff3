"""Writes on the network: ambassadors' accounts, memberships and invitations."""

import datetime
import hashlib
import logging
import secrets
import smtplib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import ParentalConsent, SetupCode
from accounts.services import account_delete, setup_code_issue

from .models import (
    Coordination,
    Invitation,
    InvitedRole,
    Membership,
    Region,
    Role,
    School,
    SchoolYear,
)

logger = logging.getLogger(__name__)

USERNAME_MAX_BASE = 20


class NetworkError(Exception):
    """A write that cannot be done as asked; the message tells the person what to do."""


class NoSchoolYearError(NetworkError):
    pass


class InvitationInvalidError(NetworkError):
    """No invitation has this token: callers answer 404 and reveal nothing more."""


class InvitationGoneError(InvitationInvalidError):
    """The invitation was used, has expired or its email now has an account: callers answer 410."""


def current_school_year(today: datetime.date | None = None) -> SchoolYear:
    """The school year containing today; raises NoSchoolYearError when editors have not set one."""
    today = today or timezone.localdate()
    school_year = SchoolYear.objects.containing(today).first()
    if school_year is None:
        raise NoSchoolYearError(
            _(
                "No school year covers today's date. Ask the national team to add the current "
                "school year before adding people."
            )
        )
    return school_year


def unique_username(*parts: str) -> str:
    """Letters of the given name parts plus random digits, e.g. "anak4821", unused by anyone."""
    user_model = get_user_model()
    base = slugify("".join(parts)).replace("-", "")[:USERNAME_MAX_BASE] or "member"
    digits = 2
    for attempt in range(60):
        # Widen the number when short ones keep colliding (a popular first name).
        if attempt and attempt % 20 == 0:
            digits += 2
        candidate = f"{base}{secrets.randbelow(10**digits):0{digits}d}"
        if not user_model.objects.filter(username__iexact=candidate).exists():
            return candidate
    return f"{base}{secrets.token_hex(4)}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def ambassador_create(
    *,
    school: School,
    created_by,
    first_name: str,
    last_name_initial: str,
    consent_given_by: str,
    consent_given_on: datetime.date,
    replaces: Membership | None = None,
):
    """Create a minor ambassador's account for this school year and return (user, setup code).

    The account has no email and no usable password: the child sets one with the code, which is
    shown once. With `replaces`, that ambassador membership ends today in the same transaction
    (the hand-over at the start of a school year); its row stays as history.
    """
    today = timezone.localdate()
    school_year = current_school_year(today)
    if replaces is not None and (
        replaces.school_id != school.pk or replaces.role != Role.AMBASSADOR
    ):
        raise NetworkError(_("Only an ambassador of this school can hand over to the new one."))
    first_name = first_name.strip()
    initial = last_name_initial.strip()[:1].upper()
    user = get_user_model()(
        username=unique_username(first_name, initial),
        first_name=first_name,
        last_name=initial,
        email="",
        is_minor=True,
    )
    user.set_unusable_password()
    user.save()
    ParentalConsent.objects.create(
        user=user, given_by=consent_given_by, given_on=consent_given_on, recorded_by=created_by
    )
    if replaces is not None:
        membership_deactivate(membership=replaces, by=created_by)
    Membership.objects.create(
        user=user,
        school=school,
        role=Role.AMBASSADOR,
        school_year=school_year,
        started_on=today,
        created_by=created_by,
    )
    code = setup_code_issue(user=user, created_by=created_by)
    return user, code


@transaction.atomic
def membership_deactivate(*, membership: Membership, by) -> Membership:
    """End the role today, keeping the row as the school's history.

    A setup code not yet used stops working when the person has no other active role.
    """
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not membership.is_active:
        return membership
    membership.is_active = False
    membership.ended_on = timezone.localdate()
    membership.save(update_fields=["is_active", "ended_on"])
    person = membership.user
    if person is not None and not Membership.objects.filter(user=person, is_active=True).exists():
        SetupCode.objects.filter(user=person).delete()
    return membership


@transaction.atomic
def ambassador_delete(*, membership: Membership, by) -> None:
    """Delete the ambassador's account and personal data, ending their roles today first.

    The memberships stay, without a person, as the school's history.
    """
    person = membership.user
    for active in Membership.objects.filter(user=person, is_active=True):
        membership_deactivate(membership=active, by=by)
    account_delete(user=person)


@transaction.atomic
def invitation_create(
    *,
    email: str,
    role: str,
    school: School | None = None,
    region: Region | None = None,
    invited_by,
    base_url: str,
) -> Invitation:
    """Store an invitation (only the token's hash) and email its link in the active language.

    `base_url` is the site's scheme and host, e.g. "https://isigurt.al".
    """
    if role == InvitedRole.COORDINATOR:
        if region is None or school is not None:
            raise NetworkError(_("A coordinator is invited to a region."))
    elif role in (InvitedRole.ICT_TEACHER, InvitedRole.PSYCHOLOGIST):
        if school is None or region is not None:
            raise NetworkError(_("School staff are invited to a school."))
    else:
        raise NetworkError(_("Choose a role."))
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        email=email.strip(),
        role=role,
        school=school,
        region=region,
        token_hash=token_hash(token),
        invited_by=invited_by,
        expires_at=timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    context = {
        "invitation": invitation,
        "accept_url": base_url.rstrip("/") + reverse("network:invitation_accept", args=[token]),
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    subject = render_to_string("ambassadors/email/invitation_subject.txt", context)
    message = render_to_string("ambassadors/email/invitation_message.txt", context)
    try:
        send_mail(" ".join(subject.split()), message, None, [invitation.email])
    except (OSError, smtplib.SMTPException) as error:
        # Raising rolls the invitation back: no stored invitation that nobody received.
        logger.warning("Invitation email could not be sent", exc_info=True)
        raise NetworkError(
            _("The invitation email could not be sent. Nothing was saved: try again later.")
        ) from error
    return invitation


def invitation_find(token: str) -> Invitation:
    """The usable invitation for this token.

    Raises InvitationInvalidError for an unknown token, InvitationGoneError for a used or an
    expired one.
    """
    invitation = (
        Invitation.objects.select_related("school__municipality__region", "region")
        .filter(token_hash=token_hash(token))
        .first()
    )
    if invitation is None:
        raise InvitationInvalidError(_("This invitation link is not valid."))
    if invitation.accepted_at is not None or invitation.expires_at <= timezone.now():
        raise InvitationGoneError(_("This invitation link can no longer be used."))
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, first_name: str, last_name: str, password: str):
    """Create the invited person's account (email verified), give the role, use the invitation up.

    Raises InvitationInvalidError (or its InvitationGoneError), changing nothing, for an unknown,
    used or expired token, or when an account already uses the invited email address.
    """
    from allauth.account.models import EmailAddress

    invitation = invitation_find(token)
    # Locked, so two simultaneous submissions cannot both accept it.
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationGoneError(_("This invitation link can no longer be used."))
    user_model = get_user_model()
    email_taken = (
        user_model.objects.filter(email__iexact=invitation.email).exists()
        or EmailAddress.objects.filter(email__iexact=invitation.email).exists()
    )
    if email_taken:
        raise InvitationGoneError(_("This invitation link can no longer be used."))
    user = user_model(
        username=unique_username(first_name.strip(), last_name.strip()),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
        email=invitation.email,
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.create(user=user, email=invitation.email, verified=True, primary=True)
    if invitation.role == InvitedRole.COORDINATOR:
        coordination_grant(user=user, region=invitation.region)
    else:
        Membership.objects.create(
            user=user,
            school=invitation.school,
            role=invitation.role,
            school_year=current_school_year(),
            created_by=invitation.invited_by,
        )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return user


# Coordinators open the Wagtail admin for their region's reach reports, nothing more.
COORDINATORS_GROUP = "Regional coordinators"


@transaction.atomic
def coordination_grant(*, user, region) -> Coordination:
    """Make the person a coordinator of the region, with the admin access that role needs."""
    coordination, _ = Coordination.objects.update_or_create(
        user=user, region=region, defaults={"is_active": True}
    )
    group, created = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    if created:
        group.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )
    group.user_set.add(user)
    return coordination
