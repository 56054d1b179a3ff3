"""Reads behind the campaign pages."""

import datetime

from home.selectors import live_pages, with_listing_images

from .models import AnnualReportPage, CampaignPage, EventPage

PAST_EVENTS_SHOWN = 12


def campaign_index_listings(*, index, today: datetime.date) -> dict:
    """Campaigns and reports newest first, upcoming events soonest first, then recent past ones."""
    locale = index.locale
    campaigns = with_listing_images(
        live_pages(CampaignPage, locale=locale).child_of(index).order_by("-start_date")
    )
    events = live_pages(EventPage, locale=locale).child_of(index)
    upcoming = events.filter(starts_at__date__gte=today).order_by("starts_at")
    past = events.filter(starts_at__date__lt=today).order_by("-starts_at")[:PAST_EVENTS_SHOWN]
    reports = live_pages(AnnualReportPage, locale=locale).child_of(index).order_by("-year")
    return {
        "campaigns": campaigns,
        "upcoming_events": upcoming,
        "past_events": past,
        "reports": reports,
    }
