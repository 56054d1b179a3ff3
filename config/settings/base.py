"""Settings shared by every environment; safe for production on their own.

Every environment variable the site reads is read in this file (see the README's table).
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Environment -------------------------------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
REDIS_URL = os.environ.get("REDIS_URL", "")
EMAIL_URL = os.environ.get("EMAIL_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Sigurt <no-reply@localhost>")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000")
# Serve uploaded media from Django itself: for one-box setups; normally the web server does it.
SERVE_MEDIA = os.environ.get("SERVE_MEDIA", "false").lower() == "true"
# How many proxies (load balancer, nginx) stand in front of the app and append to
# X-Forwarded-For: rate limits and the audit log then see the reader's address, not theirs.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# bench/load.py: a minimal Django view at /bench/ceiling, the ceiling pages are measured against.
BENCH_CEILING_VIEW = os.environ.get("BENCH_CEILING_VIEW", "false").lower() == "true"
# Uploaded media on S3-compatible storage (django-storages) when a bucket is named; local disk
# (MEDIA_ROOT) otherwise. Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
MEDIA_S3_ENDPOINT_URL = os.environ.get("MEDIA_S3_ENDPOINT_URL", "")
MEDIA_S3_REGION = os.environ.get("MEDIA_S3_REGION", "")
# Anonymous public pages: kept this long in our page cache and by a CDN (s-maxage), and this
# long by browsers (max-age). Publishing, unpublishing or moving a page purges both.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "60"))
# A CDN or proxy to purge through Wagtail's frontend cache invalidation: Varnish-style PURGE
# requests to FRONTEND_CACHE_PURGE_URL, or Cloudflare with a zone id and an API token.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "")
CLOUDFLARE_API_TOKEN = os.environ.get("CLOUDFLARE_API_TOKEN", "")

# --- Applications ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "accounts",
    "home",
    "campaigns",
    "lessons",
    "newsletters",
    "ambassadors",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous public pages from the page cache (already compressed), before any other work.
    "home.page_cache.PageCacheMiddleware",
    # Pages are small text; compressed they reach a slow phone 3x sooner.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The request's Wagtail Site from the page cache, not a query on every request.
    "home.middleware.KnownSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every refused request (401, 403 including CSRF failures, 429) goes to the security log.
    "accounts.middleware.RefusedRequestLogMiddleware",
    # Pages that change nothing read the person's school roles once, however many rules ask.
    "ambassadors.middleware.NetworkFactsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.ContentSecurityPolicyMiddleware",
    "home.middleware.SecurityHeadersMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Records each session, so people can see and end their other sessions.
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    # Staff who can open an admin must use two-factor authentication there.
    "accounts.middleware.RequireStaffMFAMiddleware",
    # Their sessions end after 12 hours, or 30 minutes without a request.
    "accounts.middleware.StaffSessionLimitMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_chrome",
            ],
        },
    },
]

# --- Data --------------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
# Every view runs in one transaction: a view that fails half-way leaves nothing half-saved
# (home/tests/test_fault_injection.py). Services nest their own savepoints where they catch errors.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# "default" holds sessions' neighbours (rate limits, figures); "pages" the anonymous page cache,
# so purging pages never touches anything else; "renditions" Wagtail's image renditions.
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in (
            ("default", "sigurt"),
            ("pages", "sigurt-pages"),
            ("renditions", "sigurt-renditions"),
        )
    }
else:
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": alias}
        for alias in ("default", "pages", "renditions")
    }

# --- Accounts ----------------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGOUT_ON_GET = False
# People see their sessions (device, address, when they signed in) and can end the others.
# Activity tracking stays off: it would write to the database on every signed-in request.
USERSESSIONS_TRACK_ACTIVITY = False
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
LOGIN_URL = "account_login"
# After login each person lands on their school's space (or the school list for staff above it).
LOGIN_REDIRECT_URL = "network:home"
# Login field labelled "Username or email", autocomplete="username", no auto-capitals on phones.
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm"}
WAGTAILADMIN_LOGIN_URL = "account_login"
# Private pages send readers to allauth's login as well, not to Wagtail's own form.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "Sigurt")
# Staff with admin rights must enrol in two-factor authentication before they use the admin.
REQUIRE_STAFF_MFA = os.environ.get("REQUIRE_STAFF_MFA", "true").lower() != "false"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    # A whole class may set up accounts from one school network at once.
    "setup_code": "30/15m/ip,5/15m/key",
    "invitation": "20/h/ip",
}
# How long a one-time setup code given to an ambassador stays valid.
SETUP_CODE_VALID_DAYS = int(os.environ.get("SETUP_CODE_VALID_DAYS", "14"))
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "14"))
# Open data withholds any count of people below this, so no cell can single out a child.
OPEN_DATA_MIN_CELL = int(os.environ.get("OPEN_DATA_MIN_CELL", "5"))
# A single logged activity reaching more people than this is refused as implausible.
ACTIVITY_MAX_PEOPLE = int(os.environ.get("ACTIVITY_MAX_PEOPLE", "2000"))
# Ambassadors' accounts are removed this many days after the end of their last school year.
AMBASSADOR_RETENTION_DAYS = int(os.environ.get("AMBASSADOR_RETENTION_DAYS", "90"))
# A newsletter run's claimed but unsent messages pass to another run after this many seconds.
NEWSLETTER_CLAIM_SECONDS = int(os.environ.get("NEWSLETTER_CLAIM_SECONDS", "300"))

# Background tasks: Wagtail's own run in the request; the newsletter's are stored in the
# database and sent by `python manage.py db_worker --backend newsletter` (started by make run).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "newsletter": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# --- Languages ---------------------------------------------------------------------------------
# SITE_LANGUAGES lists "code:Name" pairs; the first is the default, served without a URL prefix.
LANGUAGES = [
    tuple(item.split(":", 1)) for item in env_list("SITE_LANGUAGES", "sq:Shqip,en:English")
]
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Our own strings, then our translations of third-party strings that ship without Albanian.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_vendor"]
# Our additions to Django's number and date formats per language (config/formats/<lang>/).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Tirane")
USE_I18N = True
USE_TZ = True

# --- Static and media --------------------------------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": MEDIA_S3_ENDPOINT_URL or None,
            "region_name": MEDIA_S3_REGION or None,
            # Private objects: documents reach readers only through Wagtail's checked view,
            # images through signed, expiring URLs.
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }

# --- Wagtail -----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Sigurt"
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Documents always stream through Wagtail's view after its access checks (members-only library
# files), never a redirect to a storage URL that could be shared.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "pptx", "xlsx", "csv", "txt", "zip", "png", "jpg"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# One clear, translated message for a file that is too big (home.forms_documents).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms_documents.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Our own page cache is purged through the same invalidation as a CDN (home.page_cache).
WAGTAILFRONTENDCACHE = {"pages": {"BACKEND": "home.page_cache.PageCacheBackend"}}
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_PURGE_URL,
    }
if CLOUDFLARE_ZONE_ID and CLOUDFLARE_API_TOKEN:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": CLOUDFLARE_ZONE_ID,
        "BEARER_TOKEN": CLOUDFLARE_API_TOKEN,
    }
# Editors' email addresses are not sent to a third party for avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Release checks call wagtail.org from editors' browsers; upgrades are planned in the repository.
WAGTAIL_ENABLE_UPDATE_CHECK = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security ----------------------------------------------------------------------------------
# Sessions are read from the cache (Redis with REDIS_URL) and written through to the database,
# so a signed-in request does not wait on the database for its session.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
# People who can open an admin: sessions end this long after login, or after this long idle.
STAFF_SESSION_MAX_SECONDS = int(os.environ.get("STAFF_SESSION_MAX_SECONDS", str(12 * 60 * 60)))
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", str(30 * 60)))
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Sent by home.middleware.SecurityHeadersMiddleware on every response.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# Wagtail marks its preview views SAMEORIGIN itself, so everything else can refuse framing.
X_FRAME_OPTIONS = "DENY"
# No inline script on public pages; the admin (CSP_ADMIN_PATH_PREFIXES) may run its own.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [
            SELF,
            "https://www.youtube-nocookie.com",
            "https://www.youtube.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
CSP_ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")

# --- Email -------------------------------------------------------------------------------------
if EMAIL_URL.startswith("smtp"):
    from urllib.parse import unquote, urlparse

    _email = urlparse(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _email.hostname or "localhost"
    EMAIL_PORT = _email.port or 587
    EMAIL_HOST_USER = unquote(_email.username or "")
    EMAIL_HOST_PASSWORD = unquote(_email.password or "")
    EMAIL_USE_TLS = _email.scheme == "smtp+tls"
    EMAIL_USE_SSL = _email.scheme == "smtps"
elif EMAIL_URL == "dummy:":
    # Accepts and discards every message (benchmarks).
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Errors to admins come from the same sender; a stuck SMTP server must not hold a request forever.
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "20"))

# --- Newsletter --------------------------------------------------------------------------------
# Days a confirmation link works; unconfirmed requests are then purged (purge_newsletter_requests).
NEWSLETTER_CONFIRM_DAYS = int(os.environ.get("NEWSLETTER_CONFIRM_DAYS", "7"))
# Subscription requests per IP and per address ("amount/period/ip|key", allauth's syntax).
NEWSLETTER_RATE_LIMITS = {
    "subscribe": os.environ.get("NEWSLETTER_SUBSCRIBE_RATE_LIMIT", "10/h/ip,3/h/key")
}
# Optional mailbox offered as a second List-Unsubscribe target beside the one-click URL.
NEWSLETTER_UNSUBSCRIBE_MAILTO = os.environ.get("NEWSLETTER_UNSUBSCRIBE_MAILTO", "")

# --- Logging -----------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # The PDF library's font subsetting logs every table it trims.
        "fontTools": {"level": "WARNING"},
        # Its DEBUG records carry whole template contexts (tokens among them).
        "django.template": {"level": "INFO"},
    },
}

# Shown on error pages when the site settings cannot be read (e.g. the database is down).
FALLBACK_HELPLINE_NUMBER = os.environ.get("FALLBACK_HELPLINE_NUMBER", "116 111")
