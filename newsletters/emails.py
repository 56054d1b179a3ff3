"""The newsletter's emails: each in its subscriber's language, with text and HTML parts, the
personal link and the RFC 8058 one-click unsubscribe headers."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Subscriber
from .tokens import manage_token

logger = logging.getLogger(__name__)


def _absolute(path: str) -> str:
    return settings.SITE_BASE_URL.rstrip("/") + path


def _url(subscriber: Subscriber, name: str, token: str) -> str:
    # In the subscriber's language, so the page behind the link speaks it too.
    with translation.override(subscriber.language):
        return _absolute(reverse(name, kwargs={"token": token}))


def manage_url(subscriber: Subscriber) -> str:
    """The personal page where a subscriber changes language or unsubscribes."""
    return _url(subscriber, "newsletters:manage", manage_token(subscriber.manage_key))


def one_click_url(subscriber: Subscriber) -> str:
    """Where a mail client POSTs `List-Unsubscribe=One-Click` (RFC 8058)."""
    return _url(subscriber, "newsletters:one_click", manage_token(subscriber.manage_key))


def confirm_url(subscriber: Subscriber, token: str) -> str:
    return _url(subscriber, "newsletters:confirm", token)


def newsletter_headers(subscriber: Subscriber) -> dict[str, str]:
    """List-Unsubscribe and List-Unsubscribe-Post headers for every email to `subscriber`.

    The HTTPS one-click URL comes first; a mailto address is added when
    NEWSLETTER_UNSUBSCRIBE_MAILTO is set (handled by whoever reads that mailbox).
    """
    targets = [f"<{one_click_url(subscriber)}>"]
    mailto = getattr(settings, "NEWSLETTER_UNSUBSCRIBE_MAILTO", "")
    if mailto:
        targets.append(f"<mailto:{mailto}?subject=unsubscribe>")
    return {
        "List-Unsubscribe": ", ".join(targets),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _send(subscriber: Subscriber, template: str, context: dict) -> bool:
    """Renders `newsletters/email/<template>_{subject,body}.txt` and `_body.html` and sends them.

    Returns whether the message was handed to the mail backend; a failure is logged without the
    address, so the person can simply ask again.
    """
    with translation.override(subscriber.language):
        context = {**context, "manage_url": manage_url(subscriber)}
        subject = render_to_string(f"newsletters/email/{template}_subject.txt", context)
        text = render_to_string(f"newsletters/email/{template}_body.txt", context)
        html = render_to_string(f"newsletters/email/{template}_body.html", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=text,
        to=[subscriber.email],
        headers=newsletter_headers(subscriber),
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:  # noqa: BLE001 - a mail server's failure must not lose the request page
        logger.exception("Newsletter %s email to subscriber %s failed", template, subscriber.pk)
        return False
    return True


def send_confirmation(subscriber: Subscriber, token: str) -> bool:
    days = getattr(settings, "NEWSLETTER_CONFIRM_DAYS", 7)
    return _send(
        subscriber, "confirm", {"confirm_url": confirm_url(subscriber, token), "days": days}
    )


def send_already_subscribed(subscriber: Subscriber) -> bool:
    return _send(subscriber, "already_subscribed", {})
