"""Sending an issue: start it (once per issue), the worker's runs, and the email itself.

- `send_start` creates the issue's one `NewsletterSend` and a `Delivery` per confirmed subscriber,
  and queues a run on the "newsletter" task backend (django-tasks' database backend: the
  `db_worker` process sends). Starting again never adds a second send; it queues another run,
  which resumes whatever is left.
- `send_run` claims batches of deliveries and sends them; see `Delivery` for why each
  subscriber gets an issue at most once, even across duplicated runs and killed workers.
- Each language's email is rendered once per run; only the personal links differ per message.
"""

import datetime
import logging
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, F, Min, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django_tasks import task

from home.models import SiteSettings

from .deliveries import Delivery, NewsletterSend
from .emails import manage_url, newsletter_headers
from .models import NewsletterIssuePage, Subscriber, SubscriberState

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
MAX_ATTEMPTS = 3
RETRY_AFTER = datetime.timedelta(minutes=5)
# Placeholders in the rendered email, replaced per subscriber (never rendered per message).
MANAGE_URL = "__SIGURT_MANAGE_URL__"
TASK_BACKEND = "newsletter"


def claim_expiry() -> datetime.timedelta:
    """After this long a run's claimed but unsent deliveries may be taken by another run."""
    return datetime.timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)


@dataclass(frozen=True)
class RenderedIssue:
    language: str
    subject: str
    html: str
    text: str


def issue_in_language(issue: NewsletterIssuePage, language: str) -> NewsletterIssuePage:
    """The live translation of the issue in `language`, else the default language's, else the
    issue itself (subscribers whose language has no translation get the default)."""
    translations = {
        page.locale.language_code: page
        for page in NewsletterIssuePage.objects.live()
        .filter(translation_key=issue.translation_key)
        .select_related("locale")
    }
    return translations.get(language) or translations.get(settings.LANGUAGE_CODE) or issue


def helpline_number(page) -> str:
    """The helpline of the issue's site (its settings), or the fallback number of the settings."""
    site = page.get_site()
    number = SiteSettings.for_site(site).helpline_number if site else ""
    return number or settings.FALLBACK_HELPLINE_NUMBER


_TEXT_BREAKS = re.compile(r"</(p|h[1-6]|li|blockquote|figure|div)>|<br\s*/?>", re.I)
_LINK = re.compile(r'<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.I | re.S)
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")


def html_to_text(html: str) -> str:
    """A readable plain-text part: paragraphs kept, links written out after their text."""
    text = _LINK.sub(lambda m: f"{strip_tags(m.group(2))} ({m.group(1)})", html)
    text = _TEXT_BREAKS.sub("\n\n", text)
    text = strip_tags(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n"


def _absolute(html: str) -> str:
    base = settings.SITE_BASE_URL.rstrip("/")
    return re.sub(r'(href|src)="/(?!/)', rf'\1="{base}/', html)


def render_issue(issue: NewsletterIssuePage, language: str) -> RenderedIssue:
    """The email of an issue for subscribers of `language` (HTML with inline styles, and text),
    with MANAGE_URL where each subscriber's personal link goes."""
    page = issue_in_language(issue, language)
    with translation.override(page.locale.language_code):
        context = {
            "page": page,
            "manage_url": MANAGE_URL,
            "site_url": settings.SITE_BASE_URL,
            "helpline": helpline_number(page),
        }
        html = _absolute(render_to_string("newsletters/email/issue.html", context))
        text = render_to_string(
            "newsletters/email/issue.txt",
            {
                **context,
                "body": html_to_text(
                    render_to_string("newsletters/email/issue_body.html", context)
                ),
            },
        )
    return RenderedIssue(language=language, subject=page.title, html=html, text=text)


def issue_message(rendered: RenderedIssue, subscriber, *, connection=None, to=None):
    """One subscriber's message: the rendered issue with their link and one-click headers."""
    link = manage_url(subscriber)
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text.replace(MANAGE_URL, link),
        to=[to or subscriber.email],
        headers=newsletter_headers(subscriber),
        connection=connection,
    )
    message.attach_alternative(rendered.html.replace(MANAGE_URL, link), "text/html")
    return message


def send_test(*, issue: NewsletterIssuePage, to: str, language: str) -> None:
    """Send the issue to one address (an editor's own), with links that lead nowhere personal."""
    rendered = render_issue(issue, language)
    message = EmailMultiAlternatives(
        subject=f"[TEST] {rendered.subject}",
        body=rendered.text.replace(MANAGE_URL, settings.SITE_BASE_URL),
        to=[to],
    )
    message.attach_alternative(
        rendered.html.replace(MANAGE_URL, settings.SITE_BASE_URL), "text/html"
    )
    message.send()


@transaction.atomic
def send_start(*, issue: NewsletterIssuePage, by) -> tuple[NewsletterSend, bool]:
    """Start (or resume) sending the issue to every confirmed subscriber; (send, created).

    The issue and its translations are one send: starting from any language, twice, or while a
    send runs adds nothing; an unfinished send gets another run queued, which resumes it.
    """
    send, created = NewsletterSend.objects.get_or_create(
        issue_key=issue.translation_key, defaults={"issue": issue, "started_by": by}
    )
    if created:
        confirmed = Subscriber.objects.filter(state=SubscriberState.CONFIRMED).order_by("pk")
        batch = []
        for subscriber_id in confirmed.values_list("pk", flat=True).iterator(chunk_size=2000):
            batch.append(Delivery(send=send, subscriber_id=subscriber_id))
            if len(batch) == 2000:
                Delivery.objects.bulk_create(batch, ignore_conflicts=True)
                batch = []
        Delivery.objects.bulk_create(batch, ignore_conflicts=True)
        send.recipients = send.deliveries.count()
        send.save(update_fields=["recipients"])
    if send.state != NewsletterSend.State.DONE:
        transaction.on_commit(lambda: deliver.enqueue(send_id=send.pk))
    return send, created


def _claim(send_id: int, token: str, batch_size: int) -> list[Delivery]:
    """Take up to batch_size deliveries that are waiting (or claimed by a run long gone)."""
    now = timezone.now()
    with transaction.atomic():
        ready = (
            Delivery.objects.filter(send_id=send_id)
            .filter(
                Q(state=Delivery.State.PENDING)
                & (Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
                | Q(state=Delivery.State.CLAIMED, claimed_at__lt=now - claim_expiry())
            )
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:batch_size]
        )
        ids = list(ready)
        Delivery.objects.filter(pk__in=ids).update(
            state=Delivery.State.CLAIMED, claimed_at=now, claimed_by=token
        )
    return list(Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk"))


def _mark(delivery: Delivery, token: str, old: str, **changes) -> bool:
    """Move this run's delivery from state `old`; False if another run took it meanwhile."""
    return bool(
        Delivery.objects.filter(pk=delivery.pk, state=old, claimed_by=token).update(**changes)
    )


def _deliver_one(delivery, token, rendered_for, connection) -> None:
    subscriber = delivery.subscriber
    if subscriber.state != SubscriberState.CONFIRMED:
        _mark(delivery, token, Delivery.State.CLAIMED, state=Delivery.State.SKIPPED)
        return
    # Committed before the message leaves: a crash after this never sends it twice.
    if not _mark(
        delivery,
        token,
        Delivery.State.CLAIMED,
        state=Delivery.State.SENDING,
        attempts=F("attempts") + 1,
    ):
        return
    try:
        issue_message(rendered_for(subscriber.language), subscriber, connection=connection).send()
    except Exception as error:  # noqa: BLE001 - any delivery error is recorded, never raised
        attempts = delivery.attempts + 1
        retry = attempts < MAX_ATTEMPTS
        logger.warning("newsletter delivery %s failed (%s)", delivery.pk, type(error).__name__)
        _mark(
            delivery,
            token,
            Delivery.State.SENDING,
            state=Delivery.State.PENDING if retry else Delivery.State.FAILED,
            next_attempt_at=timezone.now() + RETRY_AFTER * attempts if retry else None,
            last_error=type(error).__name__[:200],
        )
        return
    _mark(
        delivery, token, Delivery.State.SENDING, state=Delivery.State.SENT, sent_at=timezone.now()
    )


def send_run(*, send_id: int, batch_size: int = BATCH_SIZE) -> dict:
    """Send what is waiting of one send, batch by batch, until nothing is ready; then finish
    the send, or queue a later run for deliveries waiting to be retried. Returns the counts."""
    send = NewsletterSend.objects.select_related("issue").get(pk=send_id)
    if send.issue is None:  # the issue page was deleted: nothing left to send
        send.deliveries.filter(state=Delivery.State.PENDING).update(state=Delivery.State.SKIPPED)
        return _finish_or_schedule(send)
    token = uuid.uuid4().hex
    rendered: dict[str, RenderedIssue] = {}

    def rendered_for(language: str) -> RenderedIssue:
        if language not in rendered:
            rendered[language] = render_issue(send.issue, language)
        return rendered[language]

    connection = get_connection()
    try:
        while claimed := _claim(send_id, token, batch_size):
            connection.open()
            for delivery in claimed:
                _deliver_one(delivery, token, rendered_for, connection)
    finally:
        connection.close()
    return _finish_or_schedule(send)


def _finish_or_schedule(send: NewsletterSend) -> dict:
    counts = send_progress(send)
    waiting = send.deliveries.filter(state__in=[Delivery.State.PENDING, Delivery.State.CLAIMED])
    if not waiting.exists():
        NewsletterSend.objects.filter(pk=send.pk).update(
            state=NewsletterSend.State.DONE, finished_at=timezone.now()
        )
        # Rows a killed worker left mid-send: never sent again, shown as interrupted.
        send.deliveries.filter(state=Delivery.State.SENDING).exclude(
            claimed_at__gte=timezone.now() - claim_expiry()
        ).update(state=Delivery.State.UNKNOWN)
    else:
        retry_at = waiting.aggregate(at=Min("next_attempt_at"))["at"] or (
            timezone.now() + claim_expiry()
        )
        transaction.on_commit(lambda: deliver.using(run_after=retry_at).enqueue(send_id=send.pk))
    return counts


@task(backend=TASK_BACKEND)
def deliver(send_id: int) -> None:
    """The worker's task: one run of a send (queued by send_start and by retries)."""
    send_run(send_id=send_id)


def send_progress(send: NewsletterSend) -> dict:
    """{state: count} of the send's deliveries, every state present (for the admin)."""
    counts = dict(send.deliveries.values_list("state").annotate(n=Count("pk")).order_by())
    return {state: counts.get(state, 0) for state in Delivery.State.values}
