"""The anonymous page cache: Wagtail pages as the public sees them, per language and address.

- Only Wagtail page responses are kept: GET, status 200, for a reader with no session (nobody
  signed in), with no cookie set and no CSRF token on the page, and not a preview. What is kept
  says `Cache-Control: public, max-age=PAGE_CACHE_BROWSER_SECONDS, s-maxage=PAGE_CACHE_SECONDS`,
  so a CDN keeps it too; everything else that does not choose its own header gets one that
  forbids caching (signed-in pages, forms, search, the admin, previews).
- The language is part of the address (`/` Albanian, `/en/` English), so the key of a page is
  its host, path and query, plus whether the reader takes gzip (responses are kept compressed).
- Purging: `PageCacheBackend` is a backend of Wagtail's frontend cache invalidation, so
  publishing or unpublishing a page purges it here and in a configured CDN alike; `purge_paths`
  gives each address a new generation, which retires every query-string variant of it. The
  signal handlers in `home.signal_handlers` add what Wagtail leaves out: the ancestors that list
  a page, moves and deletions, and a purge of everything when site-wide content changes.
- Live reach figures are part of the key (their version token), so a verification shows at once.
- What every reader sees alike on pages that are never cached whole (signed-in pages): the
  menu, the newest lessons for a role, upcoming campaigns, the request's Site and its settings,
  kept by `cached_listing`. Saving, publishing, moving or deleting any page, or a change of
  site-wide content, retires them all.
"""

import hashlib
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.contrib.frontend_cache.backends import BaseBackend

CACHE_ALIAS = "pages"
ALL_KEY = "generation:*"
CONTENT_KEY = "generation:pages"
HIT_HEADER = "X-Page-Cache"


def _cache():
    return caches[CACHE_ALIAS]


def _generation_key(path: str) -> str:
    return "generation:" + hashlib.sha256(path.encode()).hexdigest()


def _new_generations(keys) -> None:
    _cache().set_many({key: uuid.uuid4().hex for key in keys}, None)


def _retire(keys) -> None:
    """Now, and again when the change commits: a reader in between may have stored the page as
    it was before the change under the generation that is current now."""
    keys = list(keys)
    _new_generations(keys)
    transaction.on_commit(lambda: _new_generations(keys))


def purge_paths(paths) -> None:
    """Retire what is kept for these paths (every query string of each)."""
    _retire({_generation_key(path) for path in paths})


def purge_all() -> None:
    """Retire every kept page: for changes that show on many pages (settings, images, library)."""
    _retire([ALL_KEY])


def content_changed() -> None:
    """Retire every kept listing (see `cached_listing`): a page changed."""
    _retire([CONTENT_KEY])


def content_generations() -> tuple[str, str]:
    """The generations of site-wide content and of pages: part of the key of anything kept that
    shows or counts public pages, so any page change retires it."""
    generations = _cache().get_many([ALL_KEY, CONTENT_KEY])
    return generations.get(ALL_KEY, "0"), generations.get(CONTENT_KEY, "0")


def cached_listing(name: str, *parts, compute):
    """`compute()` (what every reader sees alike: public pages, the site and its settings),
    kept in the page cache for PAGE_CACHE_SECONDS under `name` and `parts` until any page or
    site-wide content changes. None is never kept."""
    words = [*content_generations(), name, *parts]
    key = "listing:" + hashlib.sha256("\n".join(map(str, words)).encode()).hexdigest()
    found = _cache().get(key)
    if found is None:
        found = compute()
        _cache().set(key, found, settings.PAGE_CACHE_SECONDS)
    return found


def _reach_version() -> str:
    from ambassadors.reach import reach_version

    return reach_version()


def _has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def _may_fetch(request) -> bool:
    return request.method == "GET" and not _has_session(request)


def _key(request) -> str:
    """The cache key; one round trip to the page cache for the generations."""
    path = request.path
    generations = _cache().get_many([ALL_KEY, _generation_key(path)])
    gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    parts = [
        generations.get(ALL_KEY, "0"),
        generations.get(_generation_key(path), "0"),
        _reach_version(),
        request.get_host(),
        "gz" if gzip else "id",
        request.get_full_path(),
    ]
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _may_store(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve":
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A form's CSRF token sets the CSRF cookie, so `response.cookies` has already said no.
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Answers from the page cache before any other middleware works (see the module's text)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = None
        if _may_fetch(request):
            key = _key(request)
            response = _cache().get(key)
            if response is not None:
                response[HIT_HEADER] = "hit"
                return response
        response = self.get_response(request)
        if key is not None and _may_store(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_SECONDS,
            )
            _cache().set(key, response, settings.PAGE_CACHE_SECONDS)
            response[HIT_HEADER] = "miss"
        elif not response.has_header("Cache-Control"):
            # Nothing is kept by a browser or CDN unless chosen: signed-in pages, forms, search.
            add_never_cache_headers(response)
        return response


class PageCacheBackend(BaseBackend):
    """Wagtail's frontend cache invalidation, pointed at our own page cache."""

    def purge(self, url: str) -> None:
        purge_paths([urlsplit(url).path or "/"])

    def purge_batch(self, urls) -> None:
        purge_paths({urlsplit(url).path or "/" for url in urls})
