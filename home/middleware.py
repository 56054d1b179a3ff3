from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


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
