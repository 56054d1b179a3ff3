from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.exceptions import DisallowedHost
from wagtail.models import Site

from .page_cache import cached_listing


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy everywhere, except that Wagtail's admin screens may run inline scripts."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if parts.update is None and request.path.startswith(settings.CSP_ADMIN_PATH_PREFIXES):
            parts.update = {"script-src": [UNSAFE_INLINE]}
        return parts


class SecurityHeadersMiddleware:
    """Headers Django does not set itself, on every response: Permissions-Policy (no camera,
    microphone or location for any page or embed) and Cross-Origin-Resource-Policy. A view that
    must be readable from other sites (open data) sets its own CORP first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault(
            "Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY
        )
        return response


class KnownSiteMiddleware:
    """Wagtail looks up the request's Site with a query on every request that needs it (menus,
    links, settings); this answers from the page cache, per allowed host and port, until
    site-wide content (which includes Sites) changes. Unknown hosts are left to Wagtail."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            host = request.get_host()
        except DisallowedHost:
            host = None
        if host is not None:
            request._wagtail_site = cached_listing(
                "site", host, request.get_port(), compute=lambda: Site.find_for_request(request)
            )
        return self.get_response(request)
