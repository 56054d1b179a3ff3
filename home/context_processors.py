from django.conf import settings


def site_chrome(request):
    """What the header and footer need on every page, including error pages."""
    return {"fallback_helpline_number": settings.FALLBACK_HELPLINE_NUMBER}
