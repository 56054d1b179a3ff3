"""Factories for campaign pages, events and annual reports."""

import datetime

import factory
from django.utils import timezone

from home.factories import PublishedPageFactory, paragraph

from .models import AnnualReportPage, CampaignIndexPage, CampaignPage, EventPage


class CampaignIndexPageFactory(PublishedPageFactory):
    title = "Fushata"
    intro = "Fushatat kombëtare dhe ngjarjet për një internet më të sigurt."
    show_in_menus = True

    class Meta:
        model = CampaignIndexPage


class CampaignPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Fushata {n}")
    summary = "Fëmijë më të sigurt dhe më të mbrojtur online, në shkolla të sigurta."
    start_date = datetime.date(2025, 1, 15)
    end_date = datetime.date(2025, 6, 30)
    body = factory.LazyFunction(lambda: paragraph("<p>170 shkolla në 12 qarqe.</p>"))

    class Meta:
        model = CampaignPage


class EventPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Ngjarje {n}")
    kind = EventPage.Kind.FORUM
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    place = "Tiranë"
    summary = "Forumi kombëtar për sigurinë e fëmijëve online."
    programme = factory.LazyFunction(
        lambda: [
            {
                "type": "item",
                "value": {
                    "time": "10:00:00",
                    "title": "Hapja",
                    "speaker": "",
                    "description": "",
                },
            }
        ]
    )

    class Meta:
        model = EventPage


class AnnualReportPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Raporti vjetor {n}")
    year = 2024
    summary = "407 incidente të raportuara në vitin 2024."
    key_figures = factory.LazyFunction(
        lambda: [
            {
                "type": "figures",
                "value": {
                    "heading": "",
                    "figures": [{"value": "407", "label": "incidente të raportuara"}],
                    "source": "",
                },
            }
        ]
    )

    class Meta:
        model = AnnualReportPage
