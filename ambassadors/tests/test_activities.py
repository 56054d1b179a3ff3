"""The activity services: idempotent creation, history after submission, verification steps."""

import datetime
import uuid

import pytest
from django.core import mail
from django.utils import timezone

from ambassadors.activities import (
    ActivityError,
    activity_create,
    activity_return,
    activity_submit,
    activity_update,
    activity_verify,
)
from ambassadors.models import Activity, ActivityEvent, ActivityKind, ActivityStatus

pytestmark = pytest.mark.django_db


def data(**overrides) -> dict:
    return {
        "campaign": None,
        "kind": ActivityKind.CLASS_PRESENTATION,
        "date": timezone.localdate(),
        "title": "Strong passwords",
        "note": "",
        "girls": 7,
        "boys": 6,
        "students_unstated": 0,
        "parents": 0,
        "teachers": 1,
        "other_adults": 0,
        **overrides,
    }


def create(network, *, submit=True, key=None, **overrides):
    activity, _created = activity_create(
        school=network.school_a,
        author=network.ambassador.user,
        submission_key=key or uuid.uuid4(),
        data=data(**overrides),
        tags=["passwords"],
        submit=submit,
    )
    return activity


def actions(activity) -> list[str]:
    return list(activity.events.values_list("action", flat=True))


def test_a_draft_has_no_history(network):
    activity = create(network, submit=False)
    assert activity.status == ActivityStatus.DRAFT
    assert actions(activity) == []
    activity_update(
        activity=activity, actor=network.ambassador.user, data=data(title="Better"), tags=[]
    )
    assert actions(activity) == []


def test_submitting_starts_the_history(network):
    activity = create(network)
    assert activity.status == ActivityStatus.SUBMITTED
    event = activity.events.get()
    assert (event.action, event.actor) == ("submitted", network.ambassador.user)
    assert list(activity.tags.names()) == ["passwords"]


def test_the_same_submission_key_creates_one_activity(network):
    key = uuid.uuid4()
    first, created = activity_create(
        school=network.school_a,
        author=network.ambassador.user,
        submission_key=key,
        data=data(),
        tags=[],
        submit=True,
    )
    again, created_again = activity_create(
        school=network.school_a,
        author=network.ambassador.user,
        submission_key=key,
        data=data(title="Changed in the retry"),
        tags=[],
        submit=True,
    )
    assert created and not created_again
    assert again.pk == first.pk
    assert Activity.objects.count() == 1
    assert ActivityEvent.objects.count() == 1


def test_a_submission_key_of_another_school_is_refused(network):
    key = uuid.uuid4()
    create(network, key=key)
    with pytest.raises(ActivityError):
        activity_create(
            school=network.school_b,
            author=network.ambassador.user,
            submission_key=key,
            data=data(),
            tags=[],
            submit=True,
        )
    assert Activity.objects.count() == 1


def test_returned_edited_resubmitted_verified(network):
    author, teacher = network.ambassador.user, network.teacher.user
    activity = create(network)
    activity_return(activity=activity, verifier=teacher, reason="  Count the boys again.  ")
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.RETURNED
    assert activity.return_reason == "Count the boys again."

    activity_update(
        activity=activity,
        actor=author,
        data=data(boys=8, date=timezone.localdate() - datetime.timedelta(days=1)),
        tags=["passwords", "privacy"],
    )
    activity_submit(activity=activity, actor=author)
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SUBMITTED
    assert activity.return_reason == ""

    activity_verify(activity=activity, verifier=network.psychologist.user)
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.VERIFIED
    assert activity.verified_by == network.psychologist.user
    assert activity.verified_at is not None
    assert list(Activity.objects.verified()) == [activity]

    events = list(activity.events.all())
    assert [e.action for e in events] == [
        "submitted",
        "returned",
        "edited",
        "submitted",
        "verified",
    ]
    assert [e.actor for e in events] == [author, teacher, author, author, network.psychologist.user]
    assert events[1].reason == "Count the boys again."
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    assert events[2].changes == {
        "boys": [6, 8],
        "date": [timezone.localdate().isoformat(), yesterday],
        "tags": [["passwords"], ["passwords", "privacy"]],
    }


def test_an_edit_without_changes_adds_no_history(network):
    activity = create(network)
    activity_return(activity=activity, verifier=network.teacher.user, reason="Check")
    activity_update(
        activity=activity, actor=network.ambassador.user, data=data(), tags=["passwords"]
    )
    assert actions(activity) == ["submitted", "returned"]


@pytest.mark.parametrize("status", [ActivityStatus.SUBMITTED, ActivityStatus.VERIFIED])
def test_submitted_and_verified_activities_cannot_be_edited(network, status):
    activity = create(network)
    Activity.objects.filter(pk=activity.pk).update(status=status)
    with pytest.raises(ActivityError):
        activity_update(activity=activity, actor=network.ambassador.user, data=data(), tags=[])
    with pytest.raises(ActivityError):
        activity_submit(activity=activity, actor=network.ambassador.user)


@pytest.mark.parametrize(
    "status", [ActivityStatus.DRAFT, ActivityStatus.VERIFIED, ActivityStatus.RETURNED]
)
def test_only_submitted_activities_are_verified_or_returned(network, status):
    activity = create(network, submit=status != ActivityStatus.DRAFT)
    Activity.objects.filter(pk=activity.pk).update(status=status)
    before = actions(activity)
    with pytest.raises(ActivityError):
        activity_verify(activity=activity, verifier=network.teacher.user)
    with pytest.raises(ActivityError):
        activity_return(activity=activity, verifier=network.teacher.user, reason="No")
    assert actions(activity) == before


def test_returning_needs_a_reason(network):
    activity = create(network)
    with pytest.raises(ActivityError):
        activity_return(activity=activity, verifier=network.teacher.user, reason="   ")
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SUBMITTED


def test_the_author_is_emailed_when_they_have_an_address(
    network, django_capture_on_commit_callbacks
):
    author = network.psychologist.user  # staff may log too, and have an address
    activity, _ = activity_create(
        school=network.school_a,
        author=author,
        submission_key=uuid.uuid4(),
        data=data(),
        tags=[],
        submit=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        activity_return(
            activity=activity, verifier=network.teacher.user, reason="Add the date", link="L"
        )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [author.email]
    assert "Add the date" in mail.outbox[0].body


def test_an_ambassador_without_email_gets_no_mail(network, django_capture_on_commit_callbacks):
    activity = create(network)
    with django_capture_on_commit_callbacks(execute=True):
        activity_verify(activity=activity, verifier=network.teacher.user)
    assert mail.outbox == []
