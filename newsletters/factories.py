"""Factories for the Digital Newsletter for Parents."""

import datetime

import factory
from django.utils import timezone

from home.factories import PublishedPageFactory, paragraph

from .models import NewsletterIndexPage, NewsletterIssuePage, Subscriber, SubscriberState
from .tokens import new_manage_key


class NewsletterIndexPageFactory(PublishedPageFactory):
    title = "Buletini"
    intro = "Buletini digjital për prindërit."
    show_in_menus = True

    class Meta:
        model = NewsletterIndexPage


class NewsletterIssuePageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Numri {n}")
    issue_date = factory.Sequence(lambda n: datetime.date(2025, 2, 1) + datetime.timedelta(days=n))
    summary = "Këshilla për prindërit për privatësinë online."
    body = factory.LazyFunction(lambda: paragraph("<p>Flisni me fëmijët për privatësinë.</p>"))

    class Meta:
        model = NewsletterIssuePage


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber (as after following the confirmation link)."""

    email = factory.Sequence(lambda n: f"parent{n}@example.org")
    language = "sq"
    state = SubscriberState.CONFIRMED
    consent_text = "Dua të marr buletinin."
    consent_version = "1"
    requested_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
    manage_key = factory.LazyFunction(new_manage_key)

    class Meta:
        model = Subscriber
