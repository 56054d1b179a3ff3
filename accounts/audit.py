"""Logins, failed logins and logouts, logged for the security log (logger "sigurt.audit"):
who (the account's number; for a failed login a short hash of what was typed), when (the log
record's time), from where (the client address) and the outcome. Never passwords, tokens,
usernames or email addresses: many accounts belong to children."""

import hashlib
import logging

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

logger = logging.getLogger("sigurt.audit")


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR", "-") if request is not None else "-"


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
