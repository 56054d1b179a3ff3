"""Factories for the Digital Newsletter for Parents."""

import datetime

import factory

from home.factories import PublishedPageFactory, paragraph

from .models import NewsletterIndexPage, NewsletterIssuePage


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
