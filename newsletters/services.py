"""Every write to the newsletter's subscriptions (double opt-in, language, unsubscribe, purge)."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import emails
from .models import Subscriber, SubscriberState, Suppression, address_hash, normalise_email
from .tokens import new_confirm_token, new_manage_key, token_hash

# A second request for the same address within this time is a double submit: nothing is sent.
RESEND_AFTER = datetime.timedelta(minutes=5)


def confirm_validity() -> datetime.timedelta:
    return datetime.timedelta(days=getattr(settings, "NEWSLETTER_CONFIRM_DAYS", 7))


def subscription_request(
    *,
    email: str,
    language: str,
    consent_text: str,
    consent_version: str,
    now: datetime.datetime | None = None,
) -> None:
    """Asks `email` to confirm a subscription; returns nothing, so callers cannot tell apart a
    new, pending or confirmed address.

    - new address: a pending Subscriber and a confirmation email;
    - pending: a fresh link replaces the old one (language and consent updated), unless the last
      one went out less than RESEND_AFTER ago (a double submit: nothing at all happens);
    - confirmed: nothing changes; one "you are already subscribed" email with the personal link
      (at most one per RESEND_AFTER), so the real owner learns how to manage it.
    """
    email = normalise_email(email)
    now = now or timezone.now()
    token = None
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            token, hashed = new_confirm_token()
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=email,
                        language=language,
                        consent_text=consent_text,
                        consent_version=consent_version,
                        requested_at=now,
                        confirm_token_hash=hashed,
                        confirm_expires_at=now + confirm_validity(),
                        manage_key=new_manage_key(),
                    )
            except IntegrityError:
                # A simultaneous request for the same address won; its email is on its way.
                return
        elif subscriber.state == SubscriberState.CONFIRMED:
            pass
        elif subscriber.requested_at > now - RESEND_AFTER:
            return
        else:
            token, hashed = new_confirm_token()
            subscriber.language = language
            subscriber.consent_text = consent_text
            subscriber.consent_version = consent_version
            subscriber.requested_at = now
            subscriber.confirm_token_hash = hashed
            subscriber.confirm_expires_at = now + confirm_validity()
            subscriber.save()
    if token is not None:
        emails.send_confirmation(subscriber, token)
    elif cache.add(f"newsletters:already:{address_hash(email)}", 1, RESEND_AFTER.total_seconds()):
        emails.send_already_subscribed(subscriber)


def subscription_confirm(*, token: str, now: datetime.datetime | None = None) -> Subscriber | None:
    """Confirms the pending subscription whose unexpired link carries `token`.

    Records when; the consent text and version shown at the request stay with the row. Lifts a
    suppression of the address, since its owner has asked again. None if the link is unknown,
    used or expired.
    """
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = (
            Subscriber.objects.select_for_update()
            .filter(
                confirm_token_hash=token_hash(token),
                state=SubscriberState.PENDING,
                confirm_expires_at__gt=now,
            )
            .first()
        )
        if subscriber is None:
            return None
        subscriber.state = SubscriberState.CONFIRMED
        subscriber.confirmed_at = now
        subscriber.confirm_token_hash = ""
        subscriber.confirm_expires_at = None
        subscriber.save()
        Suppression.objects.filter(address_hash=address_hash(subscriber.email)).delete()
    return subscriber


def subscription_set_language(*, subscriber: Subscriber, language: str) -> None:
    """Future emails to `subscriber` go out in `language`."""
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber.pk).update(language=language)
        subscriber.language = language


def subscription_unsubscribe(*, subscriber: Subscriber) -> None:
    """Takes effect at once: deletes the subscriber and keeps only the hash of the address in a
    Suppression, so nothing is sent to it again. Also used to erase a subscriber on request."""
    with transaction.atomic():
        Suppression.objects.get_or_create(address_hash=address_hash(subscriber.email))
        Subscriber.objects.filter(pk=subscriber.pk).delete()


def subscriptions_purge_expired(*, now: datetime.datetime | None = None) -> int:
    """Deletes pending requests whose confirmation link has expired; returns how many."""
    now = now or timezone.now()
    with transaction.atomic():
        deleted, _ = Subscriber.objects.filter(
            state=SubscriberState.PENDING, confirm_expires_at__lte=now
        ).delete()
    return deleted
