"""Reads behind the lesson library."""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from taggit.models import Tag

from home.models import AgeBand, AudienceFields
from home.selectors import live_pages, with_listing_images

from .models import LessonPage, LessonPageTag

LESSONS_PER_PAGE = 12


def lesson_topics(*, index) -> list[tuple[str, str]]:
    """(slug, name) of every topic used by a live lesson under this index, by name."""
    lesson_ids = live_pages(LessonPage, locale=index.locale).child_of(index).values("pk")
    tags = (
        Tag.objects.filter(
            pk__in=LessonPageTag.objects.filter(content_object__in=lesson_ids).values("tag_id")
        )
        .order_by("name")
        .values_list("slug", "name")
    )
    return list(tags)


def lessons_for_index(
    *,
    index,
    page_number=None,
    topic: str = "",
    audience: str = "",
    age_band: str = "",
) -> PaginatorPage:
    """One page of live lessons under the index, newest first, narrowed by the given filters.

    A lesson for all ages matches every age band.
    """
    lessons = with_listing_images(
        live_pages(LessonPage, locale=index.locale)
        .child_of(index)
        .prefetch_related("tagged_items__tag")
        .order_by("-first_published_at", "-pk")
    )
    if topic:
        lessons = lessons.filter(tagged_items__tag__slug=topic)
    if audience:
        lessons = lessons.filter(**AudienceFields.audience_filter(audience))
    if age_band:
        lessons = lessons.filter(age_band__in=[age_band, AgeBand.ALL])
    return Paginator(lessons, LESSONS_PER_PAGE).get_page(page_number)
