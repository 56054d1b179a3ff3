import logging
import secrets
import sys

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from .selectors import search_pages

logger = logging.getLogger(__name__)

SEARCH_PAGE_SIZE = 10
SEARCH_MAX_LENGTH = 200
# Readers are asked to come back this much later when the database does not answer.
DATABASE_RETRY_AFTER_SECONDS = 30


def search(request):
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    page_obj = None
    if query:
        results = search_pages(query=query, locale=Locale.get_active())
        page_obj = Paginator(results, SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "home/search.html", {"query": query, "page_obj": page_obj})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def _database_unreachable() -> bool:
    """Whether the error being handled is the database not answering (down, restarting)."""
    error = sys.exc_info()[1]
    return isinstance(error, (OperationalError, InterfaceError))


def server_error(request):
    """The 500 page shows the helpline even when the database behind the settings is down.

    When the database itself is unreachable the reader gets a 503 ("back in a minute", with
    Retry-After) and the helpline from the settings file, without another try at the database.
    """
    template = loader.get_template("500.html")
    context = {"helpline_number": settings.FALLBACK_HELPLINE_NUMBER}
    if _database_unreachable():
        context["database_down"] = True
        response = HttpResponse(template.render(context), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        return response
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
