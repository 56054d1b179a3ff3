"""Writes of the activity log: create, edit, submit, verify and return.

Every function is keyword-only and atomic. After an activity's first submission, every change
appends an `ActivityEvent` (who, when, what), so the history can be read back step by step.
"""

import datetime
import uuid
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Activity, ActivityEvent, ActivityStatus, School
from .reach import reach_record

COUNT_FIELDS = ("girls", "boys", "students_unstated", "parents", "teachers", "other_adults")
# What a person fills in; `tags` is handled apart (a many-to-many through taggit).
EDITABLE_FIELDS = ("campaign", "kind", "date", "title", "note", *COUNT_FIELDS)
EDITABLE_STATUSES = (ActivityStatus.DRAFT, ActivityStatus.RETURNED)


class ActivityError(Exception):
    """A step the activity's status does not allow; the message is shown to the person."""


def max_people() -> int:
    """The most people one activity may plausibly reach (setting ACTIVITY_MAX_PEOPLE)."""
    return settings.ACTIVITY_MAX_PEOPLE


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "pk"):
        return value.pk
    return value


def _tag_names(activity: Activity) -> list[str]:
    return sorted(tag.name for tag in activity.tags.all())


def _locked(activity: Activity) -> Activity:
    """The row again, locked until the transaction ends, so two verifiers cannot race."""
    return Activity.objects.select_for_update().get(pk=activity.pk)


def _event(activity: Activity, *, actor, action: str, changes=None, reason: str = "") -> None:
    ActivityEvent.objects.create(
        activity=activity, actor=actor, action=action, changes=changes or {}, reason=reason
    )


def _notify_author(activity: Activity, *, subject: str, body: str) -> None:
    """Email the author after the commit, when they have an address (ambassadors often don't)."""
    author = activity.author
    if author is None or not author.email or not author.is_active:
        return
    transaction.on_commit(
        lambda: send_mail(subject, body, None, [author.email], fail_silently=True)
    )


@transaction.atomic
def activity_create(
    *,
    school: School,
    author,
    submission_key: uuid.UUID,
    data: dict,
    tags: list[str],
    submit: bool,
) -> tuple[Activity, bool]:
    """Save a new activity, as a draft or submitted; (activity, created).

    The same `submission_key` (a double tap, a retry after a lost connection) returns the activity
    it already made instead of making another.
    """
    existing = Activity.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        if existing.school_id != school.pk or existing.author_id != author.pk:
            raise ActivityError(_("This form is out of date. Please fill it in again."))
        return existing, False
    fields = {name: data[name] for name in EDITABLE_FIELDS if name in data}
    try:
        with transaction.atomic():
            activity = Activity.objects.create(
                school=school,
                author=author,
                submission_key=submission_key,
                status=ActivityStatus.SUBMITTED if submit else ActivityStatus.DRAFT,
                **fields,
            )
    except IntegrityError:
        # A simultaneous request with the same key won the race: answer with its activity.
        existing = Activity.objects.filter(submission_key=submission_key).first()
        if existing is None or existing.school_id != school.pk:
            raise
        return existing, False
    activity.tags.set(tags)
    if submit:
        _event(activity, actor=author, action=ActivityEvent.Action.SUBMITTED)
    return activity, True


@transaction.atomic
def activity_update(*, activity: Activity, actor, data: dict, tags: list[str]) -> Activity:
    """Change a draft or a returned activity; once submitted before, the changes (old -> new
    per field) are kept as an "edited" history entry."""
    activity = _locked(activity)
    if activity.status not in EDITABLE_STATUSES:
        raise ActivityError(_("This activity can no longer be changed."))
    changes = {}
    for name in EDITABLE_FIELDS:
        if name not in data:
            continue
        old, new = getattr(activity, name), data[name]
        if _jsonable(old) != _jsonable(new):
            changes[name] = [_jsonable(old), _jsonable(new)]
            setattr(activity, name, new)
    old_tags, new_tags = _tag_names(activity), sorted(set(tags))
    if old_tags != new_tags:
        changes["tags"] = [old_tags, new_tags]
        activity.tags.set(new_tags)
    activity.save()
    if changes and activity.events.exists():
        _event(activity, actor=actor, action=ActivityEvent.Action.EDITED, changes=changes)
    return activity


@transaction.atomic
def activity_submit(*, activity: Activity, actor) -> Activity:
    """Send a draft or a fixed returned activity to the school's staff for verification."""
    activity = _locked(activity)
    if activity.status not in EDITABLE_STATUSES:
        raise ActivityError(_("This activity was already submitted."))
    activity.status = ActivityStatus.SUBMITTED
    activity.return_reason = ""
    activity.save(update_fields=["status", "return_reason", "updated_at"])
    _event(activity, actor=actor, action=ActivityEvent.Action.SUBMITTED)
    return activity


@transaction.atomic
def activity_verify(*, activity: Activity, verifier, link: str = "") -> Activity:
    """Mark a submitted activity as verified (from now on it counts publicly); tell the author."""
    activity = _locked(activity)
    if activity.status != ActivityStatus.SUBMITTED:
        raise ActivityError(_("Only an activity waiting for verification can be verified."))
    activity.status = ActivityStatus.VERIFIED
    activity.verified_at = timezone.now()
    activity.verified_by = verifier
    activity.save(update_fields=["status", "verified_at", "verified_by", "updated_at"])
    _event(activity, actor=verifier, action=ActivityEvent.Action.VERIFIED)
    if activity.campaign_id:
        # Public figures read the school's sums, and show the verification once it commits.
        reach_record(campaign_id=activity.campaign_id, school_id=activity.school_id)
    _notify_author(
        activity,
        subject=_("Your activity was verified"),
        body=_("“%(title)s” was verified and now counts in the campaign’s figures.\n%(link)s")
        % {"title": activity.title, "link": link},
    )
    return activity


@transaction.atomic
def activity_return(*, activity: Activity, verifier, reason: str, link: str = "") -> Activity:
    """Send a submitted activity back to its author with the reason; tell the author."""
    reason = reason.strip()
    if not reason:
        raise ActivityError(_("Say what needs to change, so the author can fix it."))
    activity = _locked(activity)
    if activity.status != ActivityStatus.SUBMITTED:
        raise ActivityError(_("Only an activity waiting for verification can be returned."))
    activity.status = ActivityStatus.RETURNED
    activity.return_reason = reason
    activity.save(update_fields=["status", "return_reason", "updated_at"])
    _event(activity, actor=verifier, action=ActivityEvent.Action.RETURNED, reason=reason)
    _notify_author(
        activity,
        subject=_("Your activity needs changes"),
        body=_(
            "“%(title)s” was returned to you. The reason:\n%(reason)s\n\nFix it and submit it "
            "again: %(link)s"
        )
        % {"title": activity.title, "reason": reason, "link": link},
    )
    return activity
