import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
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
