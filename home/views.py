import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from .selectors import search_pages

logger = logging.getLogger(__name__)

SEARCH_PAGE_SIZE = 10
SEARCH_MAX_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    page_obj = None
    if query:
        results = search_pages(query=query, locale=Locale.get_active())
        page_obj = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "home/search.html", {"query": query, "page_obj": page_obj})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page shows the helpline even when the database behind the settings is down."""
    template = loader.get_template("500.html")
    context = {"helpline_number": settings.FALLBACK_HELPLINE_NUMBER}
    try:
        from .models import SiteSettings

        site_settings = SiteSettings.for_request(request)
        context["helpline_number"] = site_settings.helpline_number
        context["report_url"] = site_settings.report_url
    except Exception:  # noqa: BLE001 - any failure here must still give the reader the helpline
        logger.warning("Site settings unavailable on the error page", exc_info=True)
    return HttpResponseServerError(template.render(context))


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _cache_answers() -> bool:
    token = secrets.token_hex(8)
    try:
        cache.set("healthz", token, 10)
        return cache.get("healthz") == token
    except Exception:  # noqa: BLE001 - any cache failure means "unavailable"
        return False


@never_cache
def healthz(request):
    """For load balancers: 200 when the database and the cache answer, else 503; says which."""
    checks = {"database": _database_answers(), "cache": _cache_answers()}
    body = {name: "ok" if ok else "unavailable" for name, ok in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)
