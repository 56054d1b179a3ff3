"""Reads behind the home page, the navigation and search."""

import re

from django.apps import apps
from django.db.models import Prefetch, QuerySet
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from .page_cache import cached_listing

LISTING_RENDITION = "fill-640x360"


def live_pages(model, *, locale: Locale) -> QuerySet:
    """Published, public pages of one type in one language, ready for a listing."""
    return model.objects.live().public().filter(locale=locale).defer_streamfields()


def with_listing_images(pages: QuerySet) -> QuerySet:
    """Fetch each page's listing image and its card rendition in two queries for the whole list."""
    images = get_image_model().objects.prefetch_renditions(LISTING_RENDITION)
    return pages.prefetch_related(Prefetch("image", queryset=images))


def home_listings(*, home) -> dict:
    """The latest lessons and newsletter issues in the home page's language, and its campaign."""
    # Looked up by name: home is below the content apps and never imports them.
    lesson_model = apps.get_model("lessons", "LessonPage")
    issue_model = apps.get_model("newsletters", "NewsletterIssuePage")
    latest_lessons = with_listing_images(
        live_pages(lesson_model, locale=home.locale).order_by("-first_published_at")[:3]
    )
    latest_issues = with_listing_images(
        live_pages(issue_model, locale=home.locale).order_by("-issue_date")[:3]
    )
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
    """The live public pages below the home page that are shown in menus; the same for every
    reader of a site in a language, so kept in the page cache (see `cached_listing`)."""
    site = Site.find_for_request(request)
    if site is None:
        return []

    def compute():
        home = site_home(request)
        return list(home.get_children().live().public().in_menu()) if home else []

    return cached_listing("menu", site.pk, translation.get_language(), compute=compute)


def search_terms(query: str) -> str:
    """The words of a query; punctuation means nothing to readers but is syntax to the backends."""
    return " ".join(re.findall(r"\w+", query))


def search_pages(*, query: str, locale: Locale):
    """Live public pages in one language that match the words of the query, best match first."""
    terms = search_terms(query)
    pages = Page.objects.live().public().filter(locale=locale).specific()
    return pages.search(terms) if terms else pages.none()
