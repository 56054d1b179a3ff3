"""Reads of the newsletter's subscriptions and issues."""

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone

from .models import (
    NewsletterIssuePage,
    Subscriber,
    SubscriberState,
    Suppression,
    address_hash,
)
from .tokens import manage_key_from, token_hash

FEED_ITEMS = 20


def subscriber_for_manage_token(token: str) -> Subscriber | None:
    """The subscriber a personal link belongs to; None if the link is forged or they left."""
    key = manage_key_from(token)
    if key is None:
        return None
    return Subscriber.objects.filter(manage_key=key).first()


def confirmed_subscribers():
    """Everyone an issue may be sent to. (Unsubscribing deletes the row and confirming lifts a
    suppression, so a confirmed subscriber is never suppressed.)"""
    return Subscriber.objects.filter(state=SubscriberState.CONFIRMED)


def subscriber_counts() -> list[dict]:
    """Per site language: its code, name, and how many subscribers are confirmed and pending."""
    rows = {
        row["language"]: row
        for row in Subscriber.objects.values("language").annotate(
            confirmed=Count("pk", filter=Q(state=SubscriberState.CONFIRMED)),
            pending=Count("pk", filter=Q(state=SubscriberState.PENDING)),
        )
    }
    return [
        {
            "code": code,
            "name": name,
            "confirmed": rows.get(code, {}).get("confirmed", 0),
            "pending": rows.get(code, {}).get("pending", 0),
        }
        for code, name in settings.LANGUAGES
    ]


def is_suppressed(email: str) -> bool:
    """Whether `email` unsubscribed (or was erased) and has not confirmed a new subscription."""
    return Suppression.objects.filter(address_hash=address_hash(email)).exists()


def feed_issues(*, locale):
    """The newest live, public issues in `locale`, for the archive's feeds."""
    return (
        NewsletterIssuePage.objects.live()
        .public()
        .filter(locale=locale)
        .defer_streamfields()
        .order_by("-issue_date", "-pk")[:FEED_ITEMS]
    )


def subscriber_for_confirm_token(token: str, *, now=None) -> Subscriber | None:
    """The pending subscriber whose unexpired confirmation link carries `token`."""
    now = now or timezone.now()
    return Subscriber.objects.filter(
        confirm_token_hash=token_hash(token),
        state=SubscriberState.PENDING,
        confirm_expires_at__gt=now,
    ).first()
