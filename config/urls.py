import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from home import views as home_views
from home.ceiling import ceiling

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    # The admins' own login forms would skip allauth (no rate limit, no second factor).
    path("admin/login/", account_views.admin_login),
    path("django-admin/login/", account_views.admin_login, {"default_next": "/django-admin/"}),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("open-data/", include("campaigns.urls")),
]

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    # Wagtail's login for private pages would skip allauth too.
    path("_util/login/", account_views.admin_login, {"default_next": "/"}),
    path("network/", include("ambassadors.urls")),
    path("learning/", include("lessons.urls")),
    path("newsletter/", include("newsletters.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.BENCH_CEILING_VIEW:
    urlpatterns.insert(0, path("bench/ceiling", ceiling, name="bench_ceiling"))

if settings.DEBUG or settings.SERVE_MEDIA:
    urlpatterns.insert(
        0,
        re_path(
            # Documents only through Wagtail's view, which checks who may download them.
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>(?!documents/).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )
