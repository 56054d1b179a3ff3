"""Local development: DEBUG on, a throwaway secret key, emails printed to the console."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
ACCOUNT_RATE_LIMITS = False
# The printed demo logins work without an authenticator app; production and tests require MFA.
REQUIRE_STAFF_MFA = False
