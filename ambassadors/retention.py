"""Removing the accounts of ambassadors who left, a set time after their last school year ended.

The school's history stays: memberships outlive the person with `user` emptied.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from accounts.services import account_delete

from .models import Coordination, Membership, Role

logger = logging.getLogger(__name__)


def departed_ambassadors(*, today: datetime.date) -> QuerySet:
    """People whose only roles were ambassador, none active, the last ended long enough ago.

    "Long enough" is more than `settings.AMBASSADOR_RETENTION_DAYS` days after the end of their
    latest school year. Never anyone else: staff, superusers, coordinators (even former ones),
    editors or anyone holding a group or a permission, school staff, or an active member.
    """
    user_model = get_user_model()
    cutoff = today - datetime.timedelta(days=settings.AMBASSADOR_RETENTION_DAYS)
    memberships = Membership.objects.filter(user=OuterRef("pk"))
    groups = user_model.groups.through.objects.filter(user=OuterRef("pk"))
    permissions = user_model.user_permissions.through.objects.filter(user=OuterRef("pk"))
    return (
        user_model.objects.filter(is_staff=False, is_superuser=False)
        .filter(Exists(memberships))
        .exclude(Exists(memberships.exclude(role=Role.AMBASSADOR)))
        .exclude(Exists(memberships.filter(is_active=True)))
        .exclude(Exists(memberships.filter(school_year__ends_on__gte=cutoff)))
        .exclude(Exists(Coordination.objects.filter(user=OuterRef("pk"))))
        .exclude(Exists(groups))
        .exclude(Exists(permissions))
    )


@transaction.atomic
def departed_ambassadors_purge(*, today: datetime.date, dry_run: bool = False) -> int:
    """Delete the accounts `departed_ambassadors` finds and return how many (or would be)."""
    users = list(departed_ambassadors(today=today).select_for_update())
    if not dry_run:
        for user in users:
            account_delete(user=user)
    # A count only: names and usernames of children never go to the logs.
    logger.info(
        "Departed ambassadors: %d account(s) %s.", len(users), "found" if dry_run else "removed"
    )
    return len(users)
