"""The secrets in newsletter links: never the address, only random tokens.

- Confirmation: a random token in the email; the database keeps its SHA-256 and an expiry.
- Personal link (manage, one-click unsubscribe): the subscriber's random `manage_key`, signed with
  the site's secret key, so a link stays valid in every email sent and cannot be forged from a
  copy of the database.
"""

import hashlib
import secrets

from django.core import signing

_MANAGE_SALT = "newsletters.manage"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_confirm_token() -> tuple[str, str]:
    """A fresh confirmation token and the hash to store for it."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def new_manage_key() -> str:
    return secrets.token_urlsafe(24)


def manage_token(manage_key: str) -> str:
    return signing.Signer(salt=_MANAGE_SALT, sep=".").sign(manage_key)


def manage_key_from(token: str) -> str | None:
    """The manage key a personal-link token was signed for, or None if it was not signed by us."""
    try:
        return signing.Signer(salt=_MANAGE_SALT, sep=".").unsign(token)
    except signing.BadSignature:
        return None
