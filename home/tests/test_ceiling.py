"""The load benchmark's ceiling view exists only where BENCH_CEILING_VIEW turns it on."""

import importlib

import pytest
from django.urls import clear_url_caches

import config.urls


@pytest.fixture
def reload_urls():
    def reload():
        clear_url_caches()
        importlib.reload(config.urls)

    yield reload
    reload()  # back to the test settings' URLs


@pytest.mark.django_db
def test_the_ceiling_view_is_absent_by_default(client, reload_urls):
    reload_urls()
    # APPEND_SLASH sends it on to /bench/ceiling/, a page that does not exist.
    assert client.get("/bench/ceiling", follow=True).status_code == 404


@pytest.mark.django_db
def test_the_ceiling_view_answers_when_turned_on(client, settings, reload_urls):
    settings.BENCH_CEILING_VIEW = True
    reload_urls()
    response = client.get("/bench/ceiling")
    assert response.status_code == 200 and response.content == b"ok"
