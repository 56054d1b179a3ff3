"""The activity log's pages: logging, the similar-activity warning, double submits, verification
and returning through the views, history, drafts' privacy and id swaps (pages in English)."""

import datetime
import uuid

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from ambassadors.models import Activity, ActivityKind, ActivityStatus

from .conftest import albanian


def url(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(f"network:{name}", args=args)


def post_data(**overrides) -> dict:
    return {
        "submission_id": str(uuid.uuid4()),
        "kind": ActivityKind.CLASS_PRESENTATION,
        "date": timezone.localdate().isoformat(),
        "title": "Strong passwords",
        "topics": "passwords",
        "girls": "7",
        "boys": "6",
        "action": "submit",
        **overrides,
    }


def make_activity(network, school=None, **fields) -> Activity:
    return Activity.objects.create(
        **{
            "school": school or network.school_a,
            "author": network.ambassador.user,
            "kind": ActivityKind.PEER_SESSION,
            "date": timezone.localdate() - datetime.timedelta(days=2),
            "title": "Privacy on phones",
            "girls": 3,
            "submission_key": uuid.uuid4(),
            "status": ActivityStatus.SUBMITTED,
            **fields,
        }
    )


@pytest.fixture
def ambassador(client, as_role):
    as_role(client, "ambassador")
    return client


def test_an_ambassador_logs_and_submits_an_activity(network, ambassador):
    response = ambassador.post(url("activity_new", network.school_a.pk), post_data())
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("activity_detail", network.school_a.pk, activity.pk)
    assert activity.status == ActivityStatus.SUBMITTED
    assert activity.author == network.ambassador.user
    assert list(activity.events.values_list("action", flat=True)) == ["submitted"]


def test_save_as_draft(network, ambassador):
    ambassador.post(url("activity_new", network.school_a.pk), post_data(action="draft"))
    activity = Activity.objects.get()
    assert activity.status == ActivityStatus.DRAFT
    assert not activity.events.exists()


def test_the_form_is_phone_friendly_and_works_without_javascript(network, ambassador):
    response = ambassador.get(url("activity_new", network.school_a.pk))
    html = response.content.decode()
    assert html.count('inputmode="numeric"') == 6
    assert 'name="action" value="submit"' in html and 'name="action" value="draft"' in html
    assert "<script" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_a_double_submit_creates_one_activity(network, ambassador):
    data = post_data()
    first = ambassador.post(url("activity_new", network.school_a.pk), data)
    second = ambassador.post(url("activity_new", network.school_a.pk), data, follow=True)
    activity = Activity.objects.get()
    assert first["Location"] == url("activity_detail", network.school_a.pk, activity.pk)
    assert second.redirect_chain[-1][0] == first["Location"]
    assert "This activity was already saved." in second.content.decode()
    assert activity.events.count() == 1


def test_invalid_data_shows_the_form_again(network, ambassador):
    response = ambassador.post(
        url("activity_new", network.school_a.pk), post_data(girls="-1", boys="x")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The number cannot be negative." in html
    assert "Enter a whole number, e.g. 12." in html
    assert not Activity.objects.exists()


def test_the_albanian_form_explains_errors_in_albanian(network, ambassador):
    path = reverse("network:activity_new", args=(network.school_a.pk,))
    response = ambassador.post(path, post_data(girls="0", boys="0"))
    assert albanian("Enter how many people took part: at least one person.") in (
        response.content.decode()
    )


def test_a_similar_activity_is_a_warning_to_confirm(network, ambassador):
    make_activity(network, kind=ActivityKind.CLASS_PRESENTATION, date=timezone.localdate())
    data = post_data()
    warned = ambassador.post(url("activity_new", network.school_a.pk), data)
    assert warned.status_code == 200
    html = warned.content.decode()
    assert "already logged for this school" in html
    assert "Yes, this is a different activity" in html
    assert Activity.objects.count() == 1

    confirmed = ambassador.post(
        url("activity_new", network.school_a.pk), {**data, "confirm_different": "on"}
    )
    assert confirmed.status_code == 302
    assert Activity.objects.count() == 2


def test_no_warning_checkbox_without_a_similar_activity(network, ambassador):
    response = ambassador.get(url("activity_new", network.school_a.pk))
    assert "Yes, this is a different activity" not in response.content.decode()


@pytest.mark.parametrize("role", ["teacher", "psychologist"])
def test_staff_see_verify_and_return_buttons(network, client, as_role, role):
    activity = make_activity(network)
    as_role(client, role)
    html = client.get(url("activity_detail", network.school_a.pk, activity.pk)).content.decode()
    assert url("activity_verify", network.school_a.pk, activity.pk) in html
    assert url("activity_return", network.school_a.pk, activity.pk) in html


@pytest.mark.parametrize("role", ["ambassador", "coordinator", "editor"])
def test_others_see_no_verify_button(network, client, as_role, role):
    activity = make_activity(network)
    as_role(client, role)
    html = client.get(url("activity_detail", network.school_a.pk, activity.pk)).content.decode()
    assert url("activity_verify", network.school_a.pk, activity.pk) not in html


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("teacher", 302),
        ("psychologist", 302),
        ("ambassador", 403),
        ("other_teacher", 404),
        ("coordinator", 403),
        ("other_coordinator", 404),
        ("editor", 403),
        ("nobody", 404),
    ],
)
def test_who_verifies(network, client, as_role, role, status):
    activity = make_activity(network)
    as_role(client, role)
    response = client.post(url("activity_verify", network.school_a.pk, activity.pk))
    assert response.status_code == status
    activity.refresh_from_db()
    verified = activity.status == ActivityStatus.VERIFIED
    assert verified == (status == 302)


def test_a_teacher_does_not_verify_their_own_activity(network, client, as_role):
    activity = make_activity(network, author=network.teacher.user)
    as_role(client, "teacher")
    assert client.post(url("activity_verify", network.school_a.pk, activity.pk)).status_code == 403
    page = client.get(url("activity_detail", network.school_a.pk, activity.pk)).content.decode()
    assert url("activity_verify", network.school_a.pk, activity.pk) not in page
    as_role(client, "psychologist")
    assert client.post(url("activity_verify", network.school_a.pk, activity.pk)).status_code == 302


def test_returning_needs_a_reason(network, client, as_role):
    activity = make_activity(network)
    as_role(client, "teacher")
    response = client.post(
        url("activity_return", network.school_a.pk, activity.pk), {"reason": "  "}
    )
    assert response.status_code == 200
    assert "Say what needs to change, so the author can fix it." in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.SUBMITTED


def test_verifying_twice_changes_nothing_more(network, client, as_role):
    activity = make_activity(network)
    as_role(client, "teacher")
    client.post(url("activity_verify", network.school_a.pk, activity.pk))
    again = client.post(url("activity_verify", network.school_a.pk, activity.pk), follow=True)
    assert "Only an activity waiting for verification can be verified." in (again.content.decode())
    assert activity.events.filter(action="verified").count() == 1


def test_returned_fixed_resubmitted_verified(network, client, as_role):
    school = network.school_a
    as_role(client, "ambassador")
    client.post(url("activity_new", school.pk), post_data())
    activity = Activity.objects.get()

    as_role(client, "teacher")
    client.post(url("activity_return", school.pk, activity.pk), {"reason": "Count the boys again"})

    # The author sees the reason on the school page and in the list, and fixes the activity.
    as_role(client, "ambassador")
    for page in (url("school", school.pk), url("activity_list", school.pk)):
        assert "Count the boys again" in client.get(page).content.decode()
    assert client.get(url("activity_edit", school.pk, activity.pk)).status_code == 200
    response = client.post(url("activity_edit", school.pk, activity.pk), post_data(boys="8"))
    assert response["Location"] == url("activity_detail", school.pk, activity.pk)
    activity.refresh_from_db()
    assert (activity.status, activity.boys) == (ActivityStatus.SUBMITTED, 8)

    as_role(client, "psychologist")
    client.post(url("activity_verify", school.pk, activity.pk))
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.VERIFIED
    assert list(activity.events.values_list("action", flat=True)) == [
        "submitted",
        "returned",
        "edited",
        "submitted",
        "verified",
    ]
    html = client.get(url("activity_detail", school.pk, activity.pk)).content.decode()
    assert "History" in html and "Boys: 6 → 8" in html
    # A verified activity is final.
    as_role(client, "ambassador")
    assert client.get(url("activity_edit", school.pk, activity.pk)).status_code == 403


def test_staff_authors_are_emailed_when_returned(
    network, client, as_role, django_capture_on_commit_callbacks
):
    activity = make_activity(network, author=network.psychologist.user)
    as_role(client, "teacher")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("activity_return", network.school_a.pk, activity.pk), {"reason": "Add the note"}
        )
    assert [message.to for message in mail.outbox] == [[network.psychologist.user.email]]
    assert "Add the note" in mail.outbox[0].body


def test_other_peoples_drafts_stay_private(network, client, as_role):
    draft = make_activity(network, status=ActivityStatus.DRAFT, title="Half done")
    as_role(client, "teacher")
    assert client.get(url("activity_detail", network.school_a.pk, draft.pk)).status_code == 404
    assert "Half done" not in client.get(url("activity_list", network.school_a.pk)).content.decode()
    as_role(client, "ambassador")
    assert client.get(url("activity_detail", network.school_a.pk, draft.pk)).status_code == 200


def test_the_list_is_newest_first_and_filters_by_status(network, client, as_role):
    make_activity(network, title="Older one", date=timezone.localdate() - datetime.timedelta(5))
    make_activity(network, title="Newer one", status=ActivityStatus.VERIFIED)
    as_role(client, "coordinator")
    html = client.get(url("activity_list", network.school_a.pk)).content.decode()
    assert html.index("Newer one") < html.index("Older one")
    filtered = client.get(url("activity_list", network.school_a.pk), {"status": "verified"})
    assert "Newer one" in filtered.content.decode()
    assert "Older one" not in filtered.content.decode()
    unknown = client.get(url("activity_list", network.school_a.pk), {"status": "nonsense"})
    assert unknown.status_code == 200


def test_the_school_page_offers_logging_to_its_team_only(network, client, as_role):
    new = url("activity_new", network.school_a.pk)
    as_role(client, "ambassador")
    assert new in client.get(url("school", network.school_a.pk)).content.decode()
    as_role(client, "coordinator")
    assert new not in client.get(url("school", network.school_a.pk)).content.decode()


@pytest.mark.parametrize("view", ["activity_detail", "activity_edit", "activity_verify"])
@pytest.mark.parametrize("role", ["teacher", "ambassador", "editor"])
def test_another_schools_activity_under_this_school_is_not_found(
    network, client, as_role, view, role
):
    foreign = make_activity(network, school=network.school_b, status=ActivityStatus.RETURNED)
    as_role(client, role)
    method = client.post if view == "activity_verify" else client.get
    assert method(url(view, network.school_a.pk, foreign.pk)).status_code == 404
    assert method(url(view, network.school_a.pk, 999_999)).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == ActivityStatus.RETURNED


def test_an_activity_under_another_visible_school_is_not_found(network, client, as_role):
    activity = make_activity(network)
    as_role(client, "coordinator")  # sees schools A and B
    assert client.get(url("activity_detail", network.school_b.pk, activity.pk)).status_code == 404
    as_role(client, "editor")
    response = client.post(
        url("activity_return", network.school_b.pk, activity.pk), {"reason": "x"}
    )
    assert response.status_code == 404
