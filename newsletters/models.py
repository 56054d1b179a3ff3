"""The Digital Newsletter for Parents: the archive and its issues."""

import hashlib

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import ListingImageFields
from home.selectors import live_pages, with_listing_images

ISSUES_PER_PAGE = 12


class NewsletterIndexPage(Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["newsletters.NewsletterIssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        issues = with_listing_images(
            live_pages(NewsletterIssuePage, locale=self.locale)
            .child_of(self)
            .order_by("-issue_date", "-pk")
        )
        context["page_obj"] = Paginator(issues, ISSUES_PER_PAGE).get_page(request.GET.get("page"))
        return context


class NewsletterIssuePage(ListingImageFields, Page):
    issue_date = models.DateField(_("issue date"))
    summary = models.TextField(_("summary"), max_length=400)
    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("issue_date"),
        FieldPanel("summary"),
        ListingImageFields.image_panel,
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("issue_date"),
    ]
    parent_page_types = ["newsletters.NewsletterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("newsletter issue")


def normalise_email(address: str) -> str:
    """The form an address is stored and compared in: trimmed and lower-cased."""
    return address.strip().lower()


def address_hash(address: str) -> str:
    """What a suppression keeps of an address: the SHA-256 of its normalised form."""
    return hashlib.sha256(normalise_email(address).encode()).hexdigest()


class SubscriberState(models.TextChoices):
    PENDING = "pending", _("waiting for confirmation")
    CONFIRMED = "confirmed", _("confirmed")


class Subscriber(models.Model):
    """A parent's address on the list: pending until the emailed link is followed, then confirmed.

    Unsubscribing deletes the row and leaves a `Suppression`, so there is no unsubscribed state.
    """

    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"), max_length=10, choices=SubscriberState.choices, default=SubscriberState.PENDING
    )
    consent_text = models.TextField(_("consent text shown"))
    consent_version = models.CharField(_("consent version"), max_length=20)
    requested_at = models.DateTimeField(_("requested at"))
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # SHA-256 of the token in the confirmation link; the token itself is only in the email.
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_expires_at = models.DateTimeField(null=True, blank=True)
    # Random key behind the signed personal link (manage, one-click unsubscribe) of every email.
    manage_key = models.CharField(max_length=32, unique=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-requested_at", "-pk"]
        indexes = [models.Index(fields=["state", "language"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email=Lower("email")), name="newsletters_subscriber_email_lower"
            )
        ]

    def __str__(self) -> str:
        return self.email


class Suppression(models.Model):
    """An address that unsubscribed (or was erased): only its hash, so it is never emailed again."""

    address_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")

    def __str__(self) -> str:
        return self.address_hash[:12]


# Sending (one send per issue, one delivery per subscriber) is kept in its own module,
# registered with the app by importing it here.
from . import deliveries  # noqa: E402, F401
