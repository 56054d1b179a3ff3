"""Every response carries the security headers: public pages, the school space, the admin,
open data and error pages; production settings add HSTS and secure, HttpOnly cookies."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

EXPECTED = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
DENIED_FEATURES = ("camera=()", "microphone=()", "geolocation=()")


def assert_security_headers(response, resource_policy="same-origin"):
    for name, value in EXPECTED.items():
        assert response.headers.get(name) == value, name
    permissions = response.headers["Permissions-Policy"]
    assert all(feature in permissions for feature in DENIED_FEATURES)
    assert response.headers["Cross-Origin-Resource-Policy"] == resource_policy
    policy = response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'self'" in policy


@pytest.mark.parametrize("path", ["/", "/en/", "/fushata/", "/no-such-page/", "/healthz"])
def test_public_responses(client, site_tree, path):
    response = client.get(path)

    assert_security_headers(response)
    script_src = next(
        part
        for part in response.headers["Content-Security-Policy"].split(";")
        if part.strip().startswith("script-src")
    )
    assert "unsafe-inline" not in script_src


def test_signed_in_pages_and_the_admin(admin_client, site_tree):
    for path in (reverse("network:home"), "/admin/", reverse("account_login")):
        assert_security_headers(admin_client.get(path))


def test_open_data_may_be_loaded_by_other_sites(client, site_tree):
    response = client.get(reverse("open_data:campaigns_json"))

    assert_security_headers(response, resource_policy="cross-origin")
    assert response.headers["Access-Control-Allow-Origin"] == "*"


@override_settings(
    SECURE_HSTS_SECONDS=31536000,
    SECURE_HSTS_INCLUDE_SUBDOMAINS=True,
    SESSION_COOKIE_SECURE=True,
    CSRF_COOKIE_SECURE=True,
)
def test_production_settings_add_hsts_and_secure_http_only_cookies(client, site_tree):
    from accounts.factories import UserFactory

    user = UserFactory(username="ana", email="ana@example.org")
    login = client.get(reverse("account_login"), secure=True)
    response = client.post(
        reverse("account_login"),
        {"login": "ana", "password": "password"},
        secure=True,
    )

    assert "max-age=31536000; includeSubDomains" in login.headers["Strict-Transport-Security"]
    assert response.status_code == 302, response.content[:500]
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
    csrf = login.cookies["csrftoken"]
    assert csrf["secure"] and csrf["httponly"]
    assert user.pk
