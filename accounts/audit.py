"""Logins, failed logins, logouts and refused requests (401, 403, 429), logged for the security
log (logger "sigurt.audit"): who (the account's number, "anonymous", or for a failed login a short
hash of what was typed), when (the log record's time), from where (the client address) and the
outcome. Never passwords, tokens, query strings, usernames or email addresses: many accounts
belong to children.

The client address is the one allauth's rate limits use: REMOTE_ADDR, or with
TRUSTED_PROXY_COUNT proxies in front the address they appended to X-Forwarded-For (never an
address the client wrote there itself)."""

import hashlib
import logging

from allauth.core.internal.httpkit import get_client_ip
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.urls import Resolver404, resolve

logger = logging.getLogger("sigurt.audit")


def client_address(request) -> str:
    """The reader's address as allauth's rate limits see it: REMOTE_ADDR, or behind
    TRUSTED_PROXY_COUNT proxies the address they put in X-Forwarded-For."""
    if request is None:
        return "-"
    return get_client_ip(request) or "-"


def who(request) -> str:
    user = getattr(request, "user", None)
    return str(user.pk) if user is not None and user.is_authenticated else "anonymous"


def is_secret_part(name: str) -> bool:
    """URL arguments that carry a secret: tokens of invitations and newsletter links, allauth's
    password reset and email confirmation keys (`key`, `uidb36`), codes."""
    name = name.lower()
    return any(word in name for word in ("token", "key", "uidb", "code", "secret", "signature"))


def path_without_secrets(request) -> str:
    """The path without its query string, and with each secret captured from it by the URL
    pattern shown as its name, e.g. /network/invitations/<token>/."""
    path = request.path
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return path
    for name, value in match.kwargs.items():
        if is_secret_part(name) and str(value):
            path = path.replace(str(value), f"<{name}>")
    return path


def log_refused_request(request, status: int, reason: str) -> None:
    logger.warning(
        "refused status=%s reason=%s user=%s ip=%s method=%s path=%s",
        status,
        reason,
        who(request),
        client_address(request),
        request.method,
        path_without_secrets(request),
    )


class PathSecretsFilter(logging.Filter):
    """Django logs every 4xx and 5xx answer with the request's path ("Not Found: /path",
    "Forbidden (CSRF cookie not set.): /path"): for a link that carries a token (an invitation,
    a newsletter confirmation, a password reset) that would write the token into the log. This
    filter shows such a path as `path_without_secrets` does."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        path = getattr(request, "path", None)
        if path and isinstance(record.args, tuple) and path in record.args:
            safe = path_without_secrets(request)
            record.args = tuple(safe if arg == path else arg for arg in record.args)
        return True


# The loggers to which Django passes the request along with its path.
LOGGERS_WITH_PATHS = ("django.request", "django.security.csrf", "django.server")


def identifier_hash(credentials: dict) -> str:
    """A short hash of the login typed, so repeated failures for one account can be matched
    without writing the username or email into the log."""
    typed = str(credentials.get("username") or credentials.get("email") or "").strip().lower()
    return hashlib.sha256(typed.encode()).hexdigest()[:12] if typed else "-"


@receiver(user_logged_in)
def log_login(sender, request, user, **kwargs):
    logger.info("login ok user=%s ip=%s", user.pk, client_address(request))


@receiver(user_login_failed)
def log_login_failed(sender, credentials, request=None, **kwargs):
    logger.warning(
        "login failed login_hash=%s ip=%s", identifier_hash(credentials), client_address(request)
    )


@receiver(user_logged_out)
def log_logout(sender, request, user, **kwargs):
    logger.info("logout user=%s ip=%s", getattr(user, "pk", "-"), client_address(request))
