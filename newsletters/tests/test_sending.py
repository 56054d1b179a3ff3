"""Sending an issue: once per subscriber, in their language, with one-click unsubscribe headers;
retries, duplicated starts and runs (in-process; the real worker is in test_worker.py)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from home.factories import translate_page
from newsletters.deliveries import Delivery, NewsletterSend
from newsletters.emails import manage_url, one_click_url
from newsletters.factories import NewsletterIssuePageFactory, SubscriberFactory
from newsletters.models import SubscriberState
from newsletters.sending import (
    MAX_ATTEMPTS,
    html_to_text,
    send_progress,
    send_run,
    send_start,
    send_test,
)
from newsletters.services import subscription_unsubscribe

pytestmark = pytest.mark.django_db


def subscribe(email, language="sq", state=SubscriberState.CONFIRMED):
    return SubscriberFactory(email=email, language=language, state=state)


@pytest.fixture
def issue(site_tree):
    sq = NewsletterIssuePageFactory(
        parent=site_tree.sq.newsletters, title="Privatësia në familje", slug="privatesia"
    )
    en = translate_page(sq, "en", title="Privacy at home", slug="privacy")
    return type("Issue", (), {"sq": sq, "en": en})


@pytest.fixture
def recorded(tmp_path, monkeypatch, settings):
    record = tmp_path / "sent.txt"
    monkeypatch.setenv("RECORD_FILE", str(record))
    settings.EMAIL_BACKEND = "newsletters.tests.recording_backend.RecordingBackend"
    return record


def sent_to() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_only_confirmed_subscribers_get_one_copy_each_in_their_language(issue):
    subscribe("ana@example.org", "sq")
    subscribe("ben@example.org", "en")
    subscribe("pending@example.org", state=SubscriberState.PENDING)
    subscription_unsubscribe(subscriber=subscribe("gone@example.org"))

    send, created = send_start(issue=issue.sq, by=None)
    send_run(send_id=send.pk)

    assert created and send.recipients == 2
    assert sent_to() == ["ana@example.org", "ben@example.org"]
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "ana@example.org": "Privatësia në familje",
        "ben@example.org": "Privacy at home",
    }
    send.refresh_from_db()
    assert send.state == NewsletterSend.State.DONE and send.finished_at
    assert send_progress(send)["sent"] == 2


def test_a_language_without_translation_gets_the_default(site_tree):
    only_albanian = NewsletterIssuePageFactory(parent=site_tree.sq.newsletters, title="Vetëm shqip")
    subscribe("ben@example.org", "en")

    send, _ = send_start(issue=only_albanian, by=None)
    send_run(send_id=send.pk)

    assert [message.subject for message in mail.outbox] == ["Vetëm shqip"]


def test_starting_twice_from_either_language_and_running_twice_sends_once(issue):
    for n in range(5):
        subscribe(f"p{n}@example.org")

    first, created = send_start(issue=issue.sq, by=None)
    again, created_again = send_start(issue=issue.en, by=None)
    send_run(send_id=first.pk)
    send_run(send_id=first.pk)
    send_start(issue=issue.sq, by=None)

    assert created and not created_again and again.pk == first.pk
    assert NewsletterSend.objects.count() == 1
    assert Delivery.objects.count() == 5
    assert sent_to() == [f"p{n}@example.org" for n in range(5)]


def test_each_message_has_html_and_text_parts_personal_link_and_one_click_headers(issue):
    subscriber = subscribe("ana@example.org")

    send, _ = send_start(issue=issue.sq, by=None)
    send_run(send_id=send.pk)

    [message] = mail.outbox
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert 'style="' in html and "<style" not in html  # inline styles only
    assert "Privatësia në familje" in html and "Flisni me fëmijët për privatësinë." in html
    assert "Flisni me fëmijët për privatësinë." in message.body and "<p>" not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert "__SIGURT" not in html + message.body
    assert "116 111" in html and "116 111" in message.body  # the site's helpline (site_tree)
    assert manage_url(subscriber) in html
    assert manage_url(subscriber) in message.body
    assert one_click_url(subscriber) in message.extra_headers["List-Unsubscribe"]


def test_failed_deliveries_are_recorded_and_retried_a_limited_number_of_times(issue, recorded):
    subscribe("ok@example.org")
    bouncing = subscribe("bounce@example.org")
    send, _ = send_start(issue=issue.sq, by=None)

    for attempt in range(1, MAX_ATTEMPTS + 1):
        send_run(send_id=send.pk)
        delivery = Delivery.objects.get(subscriber=bouncing)
        assert delivery.attempts == attempt
        assert delivery.last_error == "SMTPRecipientsRefused"
        Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=None)  # time passes

    assert delivery.state == Delivery.State.FAILED
    assert Delivery.objects.get(subscriber__email="ok@example.org").state == Delivery.State.SENT
    send.refresh_from_db()
    assert send.state == NewsletterSend.State.DONE


def test_someone_who_unsubscribes_after_the_start_gets_nothing(issue, recorded):
    subscribe("ana@example.org")
    leaving = subscribe("ben@example.org")
    send, _ = send_start(issue=issue.sq, by=None)
    subscription_unsubscribe(subscriber=leaving)

    send_run(send_id=send.pk)

    assert recorded.read_text().split() == ["ana@example.org"]
    assert not Delivery.objects.filter(subscriber_id=leaving.pk).exists()
    send.refresh_from_db()
    assert send.state == NewsletterSend.State.DONE


def test_a_row_left_mid_send_is_never_sent_again_and_claimed_rows_are_resumed(
    issue, recorded, settings
):
    settings.NEWSLETTER_CLAIM_SECONDS = 0
    for n in range(4):
        subscribe(f"p{n}@example.org")
    send, _ = send_start(issue=issue.sq, by=None)
    # A worker that died: it had claimed every row and was sending the first one.
    rows = list(Delivery.objects.order_by("pk"))
    Delivery.objects.update(
        state=Delivery.State.CLAIMED,
        claimed_by="dead",
        claimed_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    Delivery.objects.filter(pk=rows[0].pk).update(state=Delivery.State.SENDING)

    send_run(send_id=send.pk)

    assert recorded.read_text().split() == ["p1@example.org", "p2@example.org", "p3@example.org"]
    assert Delivery.objects.get(pk=rows[0].pk).state == Delivery.State.UNKNOWN
    send.refresh_from_db()
    assert send.state == NewsletterSend.State.DONE


def test_a_test_send_goes_only_to_the_given_address(issue):
    subscribe("ana@example.org")

    send_test(issue=issue.sq, to="editor@example.org", language="en")

    [message] = mail.outbox
    assert message.to == ["editor@example.org"]
    assert message.subject == "[TEST] Privacy at home"
    assert not NewsletterSend.objects.exists() and not Delivery.objects.exists()


def test_plain_text_keeps_paragraphs_and_writes_links_out():
    html = '<h2>Titulli</h2><p>Një <a href="https://x.al/a">lidhje</a>.</p><ul><li>një</li></ul>'

    assert html_to_text(html) == "Titulli\n\nNjë lidhje (https://x.al/a).\n\nnjë\n"
