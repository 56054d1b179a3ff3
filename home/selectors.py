"""Reads behind the home page, the navigation and search."""

from django.apps import apps
from django.db.models import QuerySet
from wagtail.models import Locale, Page, Site

LISTING_RENDITION = "fill-640x360"


def live_pages(model, *, locale: Locale) -> QuerySet:
    """Published, public pages of one type in one language, ready for a listing."""
    return model.objects.live().public().filter(locale=locale).defer_streamfields()


def home_listings(*, home) -> dict:
    """The latest lessons and newsletter issues in the home page's language, and its campaign."""
    # Looked up by name: home is below the content apps and never imports them.
    lesson_model = apps.get_model("lessons", "LessonPage")
    issue_model = apps.get_model("newsletters", "NewsletterIssuePage")
    latest_lessons = (
        live_pages(lesson_model, locale=home.locale)
        .select_related("image")
        .prefetch_renditions(LISTING_RENDITION)
        .order_by("-first_published_at")[:3]
    )
    latest_issues = live_pages(issue_model, locale=home.locale).order_by("-issue_date")[:3]
    featured = home.featured_campaign
    if featured is not None:
        featured = featured.get_translation_or_none(home.locale)
        if featured is not None and not featured.live:
            featured = None
    return {
        "latest_lessons": latest_lessons,
        "latest_issues": latest_issues,
        "featured_campaign": featured,
    }


def site_home(request) -> Page | None:
    """The home page of the request's site in the active language."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return root.localized


def menu_pages(request) -> list[Page]:
    home = site_home(request)
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu())


def search_pages(*, query: str, locale: Locale) -> QuerySet:
    """Live public pages in one language that match the query, best match first."""
    return Page.objects.live().public().filter(locale=locale).specific().search(query)
