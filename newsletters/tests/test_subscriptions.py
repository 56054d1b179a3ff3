"""Subscribing with double opt-in: confirmation, expiry, no enumeration, rate limits, honeypot,
language choice. Through the test client, with Django's locmem outbox."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import gettext

from newsletters import services
from newsletters.forms import CONSENT_TEXT, CONSENT_VERSION
from newsletters.models import Subscriber, SubscriberState

from .conftest import link_in

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/en/newsletter/subscribe/"
DONE = "/en/newsletter/subscribe/check-your-email/"


def subscribe(client, email="Parent@Example.org", language="en", **extra):
    data = {"email": email, "language": language, "consent": "on", **extra}
    return client.post(SUBSCRIBE, data)


def test_subscribing_sends_only_a_confirmation_until_the_link_is_followed(client, outbox):
    response = subscribe(client)

    assert response.status_code == 302
    assert response["Location"] == DONE
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "parent@example.org"
    assert subscriber.state == SubscriberState.PENDING
    assert subscriber.confirmed_at is None
    assert len(outbox) == 1
    message = outbox[0]
    assert message.to == ["parent@example.org"]
    confirm = link_in(message, "confirm")
    # The token is random and only its hash is stored: neither the address nor the hash is in it.
    token = confirm.rstrip("/").rsplit("/", 1)[1]
    assert "example" not in confirm
    assert token != subscriber.confirm_token_hash
    assert subscriber.confirm_token_hash and len(subscriber.confirm_token_hash) == 64

    # GET (what a mail scanner does) shows a button and changes nothing.
    page = client.get(confirm)
    assert page.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.PENDING

    confirmed = client.post(confirm)

    assert confirmed.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == SubscriberState.CONFIRMED
    assert subscriber.confirmed_at is not None
    with translation.override("en"):
        assert subscriber.consent_text == str(CONSENT_TEXT)
    assert subscriber.consent_version == CONSENT_VERSION
    assert len(outbox) == 1, "confirming sends nothing more"
    # The link works once.
    assert client.post(confirm).status_code == 404


def test_confirmation_email_has_text_and_html_parts_and_the_headers(client, outbox):
    subscribe(client)

    message = outbox[0]
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert link_in(message, "confirm") in html
    assert link_in(message, "manage") in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "/en/newsletter/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert '<html lang="en">' in html


@pytest.mark.parametrize("language", ["sq", "en"])
def test_the_emails_and_links_are_in_the_chosen_language(client, outbox, language):
    # Asked from the Albanian page; the newsletter chosen in `language`.
    client.post(
        "/newsletter/subscribe/",
        {"email": "prind@example.org", "language": language, "consent": "on"},
    )

    message = outbox[0]
    with translation.override(language):
        assert message.subject == gettext("Confirm your subscription to the newsletter for parents")
    prefix = "/en/newsletter/" if language == "en" else "/newsletter/"
    assert link_in(message, "confirm").startswith(prefix)
    assert Subscriber.objects.get().language == language


def test_the_answer_is_the_same_for_new_pending_and_subscribed_addresses(client, outbox):
    now = timezone.now()
    services.subscription_request(
        email="pending@example.org",
        language="en",
        consent_text="x",
        consent_version="1",
        now=now - datetime.timedelta(hours=1),
    )
    services.subscription_request(
        email="member@example.org", language="en", consent_text="x", consent_version="1"
    )
    member = Subscriber.objects.get(email="member@example.org")
    services.subscription_confirm(token=link_in(outbox[-1], "confirm").split("/")[-2])
    outbox.clear()

    answers = []
    for email in ["new@example.org", "pending@example.org", "member@example.org"]:
        response = subscribe(Client(), email=email)
        followed = Client().get(response["Location"])
        answers.append((response.status_code, response["Location"], followed.content))

    assert answers[0] == answers[1] == answers[2]
    # New and pending get a confirmation link; the subscribed address gets a note with its
    # personal link instead (only the inbox's owner sees the difference).
    by_address = {message.to[0]: message for message in outbox}
    assert set(by_address) == {"new@example.org", "pending@example.org", "member@example.org"}
    link_in(by_address["new@example.org"], "confirm")
    link_in(by_address["pending@example.org"], "confirm")
    assert "/newsletter/confirm/" not in by_address["member@example.org"].body
    link_in(by_address["member@example.org"], "manage")
    member.refresh_from_db()
    assert member.state == SubscriberState.CONFIRMED


def test_a_double_submit_creates_and_sends_nothing_twice(client, outbox):
    subscribe(client)
    subscribe(client)

    assert Subscriber.objects.count() == 1
    assert len(outbox) == 1
    # The first email's link still works.
    assert client.post(link_in(outbox[0], "confirm")).status_code == 200


def test_a_later_request_for_a_pending_address_replaces_the_link(outbox):
    now = timezone.now()
    kwargs = {"email": "p@example.org", "consent_text": "x", "consent_version": "1"}
    services.subscription_request(language="sq", now=now - datetime.timedelta(hours=2), **kwargs)
    services.subscription_request(language="en", now=now, **kwargs)

    old, new = (link_in(m, "confirm").split("/")[-2] for m in outbox)
    assert services.subscription_confirm(token=old) is None
    subscriber = services.subscription_confirm(token=new)
    assert subscriber.language == "en"


def test_an_expired_link_does_not_confirm_and_expired_requests_are_purged(outbox):
    long_ago = timezone.now() - datetime.timedelta(days=8)
    kwargs = {"consent_text": "x", "consent_version": "1", "language": "sq"}
    services.subscription_request(email="old@example.org", now=long_ago, **kwargs)
    services.subscription_request(email="fresh@example.org", **kwargs)
    token = link_in(outbox[0], "confirm")

    assert Client().post(token).status_code == 404
    assert Client().get(token).status_code == 404
    assert Subscriber.objects.get(email="old@example.org").state == SubscriberState.PENDING

    output = io.StringIO()
    call_command("purge_newsletter_requests", stdout=output)

    assert "Deleted 1 " in output.getvalue()

    assert list(Subscriber.objects.values_list("email", flat=True)) == ["fresh@example.org"]


def test_purge_keeps_confirmed_subscribers(outbox):
    services.subscription_request(
        email="c@example.org", language="sq", consent_text="x", consent_version="1"
    )
    services.subscription_confirm(token=link_in(outbox[0], "confirm").split("/")[-2])

    later = timezone.now() + datetime.timedelta(days=30)
    assert services.subscriptions_purge_expired(now=later) == 0
    assert Subscriber.objects.filter(state=SubscriberState.CONFIRMED).count() == 1


def test_the_honeypot_gets_the_same_answer_and_nothing_happens(client, outbox):
    response = subscribe(client, homepage="http://spam.example")

    assert response.status_code == 302
    assert response["Location"] == DONE
    assert not Subscriber.objects.exists()
    assert outbox == []


def test_missing_consent_or_bad_address_is_explained_and_nothing_is_stored(client, outbox, english):
    no_consent = client.post(SUBSCRIBE, {"email": "a@example.org", "language": "en"})
    bad_address = subscribe(client, email="not-an-address")

    assert no_consent.status_code == bad_address.status_code == 200
    assert (
        gettext("Tick the box to agree, so that we may email you.") in no_consent.content.decode()
    )
    assert "for example name@example.com" in bad_address.content.decode()
    assert not Subscriber.objects.exists()
    assert outbox == []


def test_an_empty_post_is_answered_with_the_errors(client, outbox):
    response = client.post(SUBSCRIBE, {})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "language", "consent"}
    assert not Subscriber.objects.exists()


def test_requests_are_rate_limited_per_address(outbox):
    codes = [
        subscribe(Client(REMOTE_ADDR=f"10.0.0.{n}"), email="same@example.org").status_code
        for n in range(4)
    ]

    assert codes == [302, 302, 302, 429]


def test_requests_are_rate_limited_per_ip(outbox):
    client = Client(REMOTE_ADDR="10.1.1.1")
    codes = [subscribe(client, email=f"p{n}@example.org").status_code for n in range(11)]

    assert codes == [302] * 10 + [429]
    assert Subscriber.objects.count() == 10
    # Another network is not affected.
    assert subscribe(Client(REMOTE_ADDR="10.2.2.2"), email="x@example.org").status_code == 302


def test_one_row_per_normalised_address():
    services.subscription_request(
        email="  Mixed@Example.ORG ", language="sq", consent_text="x", consent_version="1"
    )
    assert Subscriber.objects.get().email == "mixed@example.org"
    with pytest.raises(IntegrityError):
        Subscriber.objects.create(
            email="MIXED@example.org",
            language="sq",
            consent_text="x",
            consent_version="1",
            requested_at=timezone.now(),
            manage_key="k",
        )


def test_mail_failure_still_answers_the_same_and_logs_no_address(client, settings, outbox, caplog):
    settings.EMAIL_BACKEND = "newsletters.tests.failing_backend.EmailBackend"

    response = subscribe(client)

    assert response.status_code == 302
    assert response["Location"] == DONE
    assert mail.outbox == []
    assert "confirm email to subscriber" in caplog.text
    assert "example.org" not in caplog.text.lower()
