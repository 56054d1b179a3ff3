"""Reads and rules about accounts that the account views ask."""

from django.conf import settings
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch, reverse


def can_delete_own_account(user) -> bool:
    """Adults delete their own account; a minor's account is deleted by their teacher."""
    return bool(user.is_authenticated and user.is_active and not user.is_minor)


def network_home_url() -> str:
    """Where a person lands after setting up their account: their school space."""
    try:
        return reverse("network:home")
    except NoReverseMatch:
        # The school space is not wired yet: fall back to the general after-login page.
        return resolve_url(settings.LOGIN_REDIRECT_URL)
