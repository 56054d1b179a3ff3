"""What publishing and editing purge beyond the page itself (see home.page_cache).

Wagtail's frontend cache invalidation purges a page when it is published or unpublished, in
our page cache and in a configured CDN. These handlers add the pages that list it (its
ancestors), moves and deletions, and content that shows on many pages at once.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache, purge_urls_from_cache
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .page_cache import content_changed, purge_all

# Models whose changes show on many pages: purged everywhere in our cache; a CDN keeps them at
# most PAGE_CACHE_SECONDS.
SITE_WIDE_MODELS = (
    "home.SiteSettings",
    "lessons.Resource",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "wagtailcore.Site",
    # Making a page private, or public again, changes what anonymous readers may be served.
    "wagtailcore.PageViewRestriction",
)


def _listing_ancestors(page):
    """The pages above this one up to the home page: indexes and the home page list it."""
    return list(page.get_ancestors().filter(depth__gt=1).specific(defer=True))


def page_listed_changed(sender, instance, **kwargs):
    purge_pages_from_cache(_listing_ancestors(instance))


def page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    # The page and everything below it changed address: retire all we keep, and tell a CDN
    # about the page's new address, its old one and both listings.
    purge_all()
    old_url = _old_url(instance, kwargs.get("url_path_before"), kwargs.get("url_path_after"))
    if old_url:
        purge_urls_from_cache([old_url])
    purge_pages_from_cache(
        [instance, *_listing_ancestors(parent_page_before), parent_page_before]
        + [*_listing_ancestors(parent_page_after), parent_page_after]
    )


def _old_url(page, url_path_before, url_path_after):
    url = page.full_url
    if not (url and url_path_before and url_path_after):
        return None
    relative_before = url_path_before.split("/", 2)[-1]
    relative_after = url_path_after.split("/", 2)[-1]
    if relative_after and url.endswith(relative_after):
        return url[: -len(relative_after)] + relative_before
    return None


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live and instance.depth > 1:
        purge_pages_from_cache([instance, *_listing_ancestors(instance)])


def page_saved_or_deleted(sender, instance, **kwargs):
    """Any page row that changes may change a listing kept by `page_cache.cached_listing`."""
    if isinstance(instance, Page):
        content_changed()


def site_wide_changed(sender, **kwargs):
    purge_all()


def register_signal_handlers() -> None:
    page_published.connect(page_listed_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(page_listed_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(page_moved, dispatch_uid="page_cache_moved")
    pre_delete.connect(page_deleted, dispatch_uid="page_cache_deleted")
    post_save.connect(page_saved_or_deleted, dispatch_uid="page_listings_saved")
    post_delete.connect(page_saved_or_deleted, dispatch_uid="page_listings_deleted")
    for label in SITE_WIDE_MODELS:
        model = apps.get_model(label)
        post_save.connect(site_wide_changed, sender=model, dispatch_uid=f"page_cache_{label}")
        post_delete.connect(site_wide_changed, sender=model, dispatch_uid=f"page_cache_d_{label}")
