import time

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .audit import log_refused_request

ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")
# Leaving must stay possible for someone who will not set up an authenticator today.
EXEMPT_PATHS = ("/admin/logout/", "/django-admin/logout/")


def can_use_admin(user) -> bool:
    return user.is_staff or user.has_perm("wagtailadmin.access_admin")


def passed_second_factor(request, user, totp: Authenticator) -> bool:
    """Whether this session used the authenticator app, at login or by setting it up."""
    records = get_authentication_records(request, user)
    if any(record.get("method") == "mfa" for record in records):
        return True
    # Setting the app up takes a code from it, so it proves the second factor as well.
    session_started = min((record["at"] for record in records if "at" in record), default=None)
    return session_started is not None and totp.created_at.timestamp() >= session_started


class RequireStaffMFAMiddleware:
    """People who can open an admin must use two-factor authentication (TOTP) there.

    When `settings.REQUIRE_STAFF_MFA` is on and such a person requests an admin page:
    - without an authenticator app, they are sent to allauth's page that sets one up;
    - with one, but a session that never asked for it (a login form that skips allauth), they
      are logged out and sent to allauth's login, which asks for the code.
    Place after AuthenticationMiddleware and MessageMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.check(request) or self.get_response(request)

    def check(self, request):
        if not getattr(settings, "REQUIRE_STAFF_MFA", True):
            return None
        path = request.path_info
        if not path.startswith(ADMIN_PATH_PREFIXES) or path.startswith(EXEMPT_PATHS):
            return None
        user = request.user
        if not user.is_authenticated or not can_use_admin(user):
            return None
        # The same test as allauth.mfa.utils.is_mfa_enabled(user, [TOTP]), keeping the row.
        totp = Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).first()
        if totp is None:
            messages.warning(
                request,
                _(
                    "Before you use the admin, set up two-factor authentication: it keeps "
                    "children's data safe even if someone learns your password. Scan the code "
                    "with an authenticator app and type the six digits it shows."
                ),
            )
            return redirect("mfa_activate_totp")
        if not passed_second_factor(request, user, totp):
            logout(request)
            messages.warning(
                request,
                _("Log in again and type the code from your authenticator app to use the admin."),
            )
            login_url = reverse("account_login")
            next_url = request.get_full_path()
            return redirect(f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
        return None


SESSION_STARTED = "_admin_session_started"
SESSION_SEEN = "_admin_session_seen"
# How often (seconds) the "seen" time is written: not on every request, to spare the database.
SEEN_RESOLUTION = 60


def now() -> int:
    return int(time.time())


class StaffSessionLimitMiddleware:
    """Sessions of people who can open an admin end STAFF_SESSION_MAX_SECONDS (12 h) after they
    began, or after STAFF_SESSION_IDLE_SECONDS (30 min) without a request; they then log in
    again. Other people's sessions are left as they are. Place after AuthenticationMiddleware
    and MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.check(request) or self.get_response(request)

    def check(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not can_use_admin(user):
            return None
        session, current = request.session, now()
        started = session.setdefault(SESSION_STARTED, current)
        seen = session.get(SESSION_SEEN, current)
        if (
            current - started > settings.STAFF_SESSION_MAX_SECONDS
            or current - seen > settings.STAFF_SESSION_IDLE_SECONDS
        ):
            logout(request)
            messages.info(request, _("Your session ended. Log in again to go on."))
            login_url = reverse("account_login")
            return redirect(
                f"{login_url}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}"
            )
        if SESSION_SEEN not in session or current - seen >= SEEN_RESOLUTION:
            session[SESSION_SEEN] = current
        session.set_expiry(settings.STAFF_SESSION_IDLE_SECONDS)
        return None


REFUSED_STATUSES = {401: "unauthorized", 403: "forbidden", 429: "rate_limited"}


class RefusedRequestLogMiddleware:
    """Every refused request (401, 403 and 429: permission denied, CSRF failure, a rate limit)
    goes to the security log, "sigurt.audit" (see accounts.audit.log_refused_request).

    Place just after AuthenticationMiddleware, so the log knows who asked. A CSRF failure is a
    403 that CsrfViewMiddleware returns from its process_view, before this middleware's
    process_view is reached: it still passes back through this __call__, as every response does.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        status = response.status_code
        if status in REFUSED_STATUSES:
            log_refused_request(request, status, self.reason(request, status))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Reached only when every process_view before it (CsrfViewMiddleware's) let it through.
        request._refusal_view_reached = True

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDenied):
            request._refusal_reason = "permission_denied"

    @staticmethod
    def reason(request, status: int) -> str:
        if status == 403:
            if hasattr(request, "_refusal_reason"):
                return request._refusal_reason
            csrf_failed = not getattr(request, "csrf_processing_done", False)
            if not getattr(request, "_refusal_view_reached", False) and csrf_failed:
                return "csrf"
        return REFUSED_STATUSES[status]
