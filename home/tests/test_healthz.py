"""/healthz for load balancers: 200 when the database and the cache answer, 503 and which part
failed otherwise; never cached, and not redirected to HTTPS (as production settings say)."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthy(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response.headers["Cache-Control"]


# Nothing listens on port 1: Redis is down, for every cache of the site.
DEAD_REDIS = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
}


@override_settings(CACHES=dict.fromkeys(("default", "pages", "renditions"), DEAD_REDIS))
def test_a_cache_that_is_down_is_reported(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


@override_settings(CACHES=dict.fromkeys(("default", "pages", "renditions"), DEAD_REDIS))
def test_pages_are_still_served_while_the_cache_is_down(client, site_tree):
    assert client.get("/").status_code == 200
    assert client.get("/").status_code == 200


@override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$"])
def test_answers_over_plain_http_where_pages_redirect_to_https(client, site_tree):
    assert client.get("/").status_code == 301
    assert client.get("/healthz").status_code == 200
