import pytest


def csp_directive(response, name: str) -> str:
    policy = response.headers["Content-Security-Policy"]
    for directive in policy.split(";"):
        parts = directive.strip().split(" ", 1)
        if parts[0] == name:
            return parts[1] if len(parts) > 1 else ""
    raise AssertionError(f"{name} missing from {policy!r}")


@pytest.mark.django_db
def test_public_pages_allow_no_inline_script(client):
    response = client.get("/search/")
    script_src = csp_directive(response, "script-src")
    assert script_src == "'self'"
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert csp_directive(response, "object-src") == "'none'"


@pytest.mark.django_db
def test_admin_screens_may_run_their_inline_scripts(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in csp_directive(response, "script-src")


@pytest.mark.django_db
def test_admin_exemption_does_not_reach_paths_that_only_look_alike(client):
    response = client.get("/administration/")
    assert "'unsafe-inline'" not in csp_directive(response, "script-src")
