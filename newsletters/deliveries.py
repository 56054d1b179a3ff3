"""Sending an issue to confirmed subscribers: one send per issue, one delivery per subscriber.

Models are registered with the app by the import at the bottom of newsletters/models.py.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NewsletterSend(models.Model):
    """An issue's send to every subscriber confirmed when it started. An issue (all its
    translations, matched by the page's translation_key) is sent at most once."""

    class State(models.TextChoices):
        SENDING = "sending", _("Sending")
        DONE = "done", _("Sent")

    issue_key = models.UUIDField(_("issue"), unique=True, editable=False)
    issue = models.ForeignKey(
        "newsletters.NewsletterIssuePage",
        verbose_name=_("issue page"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SENDING
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("newsletter send")
        verbose_name_plural = _("newsletter sends")
        ordering = ["-started_at"]
        permissions = [("send_newsletter", _("Can send the newsletter to subscribers"))]

    def __str__(self):
        return f"{self.issue_key} ({self.get_state_display()})"


class Delivery(models.Model):
    """One subscriber's copy of one send.

    A worker claims a batch (CLAIMED, with its run's token), then marks each row SENDING and
    commits before the message leaves, and SENT after. A worker killed mid-send leaves at most
    one row SENDING: it is never sent again (at most once) and reported as interrupted. Its
    other CLAIMED rows were not sent, so once the claim expires another run takes them.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CLAIMED = "claimed", _("Queued in a worker")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        UNKNOWN = "unknown", _("Interrupted (not sent again)")
        SKIPPED = "skipped", _("Unsubscribed before sending")

    send = models.ForeignKey(NewsletterSend, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "newsletters.Subscriber", on_delete=models.CASCADE, related_name="+"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=32, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # The kind of error only (never the address or the server's full answer).
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["send", "subscriber"], name="one_delivery_per_send")
        ]
        indexes = [models.Index(fields=["send", "state"], name="delivery_send_state")]

    def __str__(self):
        return f"{self.send_id}/{self.subscriber_id}: {self.state}"
