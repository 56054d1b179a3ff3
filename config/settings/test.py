"""Tests: fast hashing, in-memory email, no network."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAIL_GRAVATAR_PROVIDER_URL = None
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
    for alias in ("default", "pages", "renditions")
}
# Tests build their own pages; manifest storage would need collectstatic first.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Wagtail's background tasks run inline in tests; their per-task INFO lines drown real output.
LOGGING = {
    **LOGGING,  # noqa: F405
    "loggers": {
        **LOGGING["loggers"],
        "django_tasks": {"level": "WARNING"},
        # Every publish in a test would log each address it purges.
        "wagtail.frontendcache": {"level": "WARNING"},
    },  # noqa: F405
}
# Tests that check the MFA rule turn it on (accounts/tests); others force_login admins.
REQUIRE_STAFF_MFA = False
# SQLite tests use a file, not memory, so that a second process (the newsletter worker that
# newsletters/tests/test_worker.py starts) can open the test database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import os
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"sigurt-test-{os.getpid()}.sqlite3")
    }
