"""Writes on accounts: one-time setup codes, data export and deletion."""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.utils import timezone

from .models import SetupCode

# No 0/O or 1/I/L: codes are read aloud and copied from paper.
SETUP_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SETUP_CODE_LENGTH = 10


def format_setup_code(code: str) -> str:
    return f"{code[:5]}-{code[5:]}"


def normalise_setup_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch in SETUP_CODE_ALPHABET)


@transaction.atomic
def setup_code_issue(*, user, created_by) -> str:
    """Give the person a new one-time code (any older one stops working) and return it.

    The code is shown once; only its hash is stored.
    """
    code = "".join(secrets.choice(SETUP_CODE_ALPHABET) for _ in range(SETUP_CODE_LENGTH))
    expires_at = timezone.now() + datetime.timedelta(days=settings.SETUP_CODE_VALID_DAYS)
    SetupCode.objects.update_or_create(
        user=user,
        defaults={
            "code_hash": make_password(code),
            "expires_at": expires_at,
            "created_by": created_by,
        },
    )
    return format_setup_code(code)


@transaction.atomic
def setup_code_redeem(*, username: str, code: str, password: str):
    """Set the password of the person whose valid code this is, use the code up, return the person.

    Returns None, changing nothing, when the username, code or expiry does not match.
    """
    user_model = get_user_model()
    setup = (
        SetupCode.objects.select_for_update()
        .select_related("user")
        .filter(user__username__iexact=username.strip(), user__is_active=True)
        .first()
    )
    if setup is None or setup.expires_at < timezone.now():
        # Same work either way, so timing does not tell whether the username exists.
        check_password(code, make_password(None))
        return None
    if not check_password(normalise_setup_code(code), setup.code_hash):
        return None
    user = user_model.objects.select_for_update().get(pk=setup.user_id)
    user.set_password(password)
    user.save(update_fields=["password"])
    setup.delete()
    return user


def account_export(*, user) -> dict:
    """Everything the platform keeps about the person, as JSON-ready data."""
    memberships = [
        {
            "school": membership.school.name,
            "role": membership.role,
            "school_year": membership.school_year.name,
            "active": membership.is_active,
            "started_on": membership.started_on.isoformat(),
            "ended_on": membership.ended_on.isoformat() if membership.ended_on else None,
        }
        for membership in user.memberships.select_related("school", "school_year")
    ]
    consent = getattr(user, "parental_consent", None)
    return {
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "is_minor": user.is_minor,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "email_addresses": list(user.emailaddress_set.values("email", "verified", "primary")),
        "parental_consent": (
            {"given_by": consent.given_by, "given_on": consent.given_on.isoformat()}
            if consent
            else None
        ),
        "memberships": memberships,
        "coordinations": list(user.coordinations.values_list("region__name", flat=True)),
    }


@transaction.atomic
def account_delete(*, user) -> None:
    """Delete the person and their personal data; the school's history keeps their roles unnamed."""
    user.delete()
