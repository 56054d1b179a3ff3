"""The anonymous page cache: what is kept, for whom, with which headers, and what purges it."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from accounts.factories import UserFactory
from campaigns.factories import CampaignPageFactory
from home.factories import ImageFactory, StandardPageFactory, publish
from home.page_cache import HIT_HEADER
from home.tests import frontend_cache_backend
from lessons import quizzes
from lessons.factories import LessonPageFactory, quiz_stream

pytestmark = pytest.mark.django_db


def cache_state(response) -> str | None:
    return response.headers.get(HIT_HEADER)


def test_an_anonymous_page_is_kept_with_headers_a_cdn_honours(client, site_tree, settings):
    first = client.get("/")
    second = client.get("/")
    assert first.status_code == second.status_code == 200
    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.content == first.content
    cache_control = second.headers["Cache-Control"]
    assert "public" in cache_control
    assert f"s-maxage={settings.PAGE_CACHE_SECONDS}" in cache_control
    assert f"max-age={settings.PAGE_CACHE_BROWSER_SECONDS}" in cache_control
    assert not second.cookies and "csrfmiddlewaretoken" not in second.content.decode()


def test_each_language_is_kept_apart(client, site_tree, parse_html):
    client.get("/"), client.get("/en/")
    albanian, english = client.get("/"), client.get("/en/")
    assert cache_state(albanian) == cache_state(english) == "hit"
    assert parse_html(albanian).lang == "sq" and parse_html(english).lang == "en"


def test_gzip_and_plain_readers_are_kept_apart(client, site_tree):
    client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get("/")
    zipped = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
    assert cache_state(plain) == "miss" and cache_state(zipped) == "hit"
    assert zipped.headers.get("Content-Encoding") == "gzip"
    assert "Content-Encoding" not in plain.headers and b"<html" in plain.content


def test_publishing_purges_the_page_and_the_pages_that_list_it(client, site_tree):
    page = CampaignPageFactory(parent=site_tree.sq.campaigns, title="Fushata e parë")
    url, index_url = page.url, site_tree.sq.campaigns.url
    client.get(url), client.get(index_url)
    assert cache_state(client.get(url)) == "hit"

    page.title = "Fushata me titull të ri"
    publish(page)
    CampaignPageFactory(parent=site_tree.sq.campaigns, title="Fushata e dytë")

    assert "Fushata me titull të ri" in client.get(url).content.decode()
    listing = client.get(index_url).content.decode()
    assert "Fushata me titull të ri" in listing and "Fushata e dytë" in listing


def test_a_purge_retires_every_query_string_of_a_page(client, site_tree):
    page = StandardPageFactory(parent=site_tree.sq.home, title="Faqja e filtrit")
    client.get(page.url + "?faqe=2")
    assert cache_state(client.get(page.url + "?faqe=2")) == "hit"
    page.title = "Faqja e re"
    publish(page)
    response = client.get(page.url + "?faqe=2")
    assert cache_state(response) == "miss" and "Faqja e re" in response.content.decode()


def test_unpublishing_purges_the_page(client, site_tree):
    page = StandardPageFactory(parent=site_tree.sq.home)
    client.get(page.url)
    assert cache_state(client.get(page.url)) == "hit"
    url = page.url
    page.unpublish()
    assert client.get(url).status_code == 404


def test_moving_purges_the_old_and_new_addresses(client, site_tree):
    section = StandardPageFactory(parent=site_tree.sq.home, slug="seksioni")
    page = StandardPageFactory(parent=site_tree.sq.home, slug="udhezuesi")
    old_url = page.url
    client.get(old_url), client.get(section.url)
    assert cache_state(client.get(old_url)) == "hit"

    page.move(section, pos="last-child")
    page.refresh_from_db()

    # Wagtail leaves a redirect at the old address; the kept copy of the old page is gone.
    moved = client.get(old_url)
    assert moved.status_code == 301 and moved.headers["Location"].endswith(page.url)
    assert client.get(page.url).status_code == 200


def test_deleting_a_page_purges_it(client, site_tree):
    page = StandardPageFactory(parent=site_tree.sq.home)
    url = page.url
    client.get(url)
    assert cache_state(client.get(url)) == "hit"
    page.delete()
    assert client.get(url).status_code == 404


def test_site_wide_settings_purge_every_page(client, site_tree):
    client.get("/")
    assert cache_state(client.get("/")) == "hit"
    site_tree.settings.helpline_number = "0800 123 456"
    site_tree.settings.save()
    response = client.get("/")
    assert cache_state(response) == "miss" and "0800 123 456" in response.content.decode()


def test_signed_in_pages_read_the_site_and_its_settings_from_the_page_cache(client, site_tree):
    """Never cached whole, they still skip the site's two queries until the settings change."""
    client.force_login(UserFactory())
    privacy_url = reverse("accounts:privacy")

    def tables_read() -> str:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(privacy_url)
        assert "116 111" in response.content.decode()
        return " ".join(query["sql"] for query in queries.captured_queries)

    caches["pages"].clear()
    cold = tables_read()
    assert "wagtailcore_site" in cold and "home_sitesettings" in cold
    warm = tables_read()
    assert "wagtailcore_site" not in warm and "home_sitesettings" not in warm
    site_tree.settings.helpline_number = "0800 123 456"
    site_tree.settings.save()
    assert "0800 123 456" in client.get(privacy_url).content.decode()


def test_an_unknown_host_is_left_to_wagtail(client, site_tree, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    assert client.get("/", HTTP_HOST="elsewhere.example").status_code == 400


def test_making_a_page_private_purges_it(client, site_tree):
    page = StandardPageFactory(parent=site_tree.sq.home, title="Për të gjithë")
    url = page.url
    client.get(url)
    assert cache_state(client.get(url)) == "hit"
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_the_menu_on_signed_in_pages_follows_every_page_change(client, site_tree, parse_html):
    """Signed-in pages are never kept whole, but their menu is: any page change retires it."""
    client.force_login(UserFactory())
    privacy_url = reverse("accounts:privacy")

    def menu_links() -> list[str]:
        return parse_html(client.get(privacy_url)).hrefs()

    page = StandardPageFactory(parent=site_tree.sq.home, title="Faqe e re", show_in_menus=True)
    url = page.url
    assert url in menu_links()
    page.unpublish()
    assert url not in menu_links()
    publish(page)
    assert url in menu_links()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert url not in menu_links()


@override_settings(
    WAGTAILFRONTENDCACHE={
        "pages": {"BACKEND": "home.page_cache.PageCacheBackend"},
        "cdn": {"BACKEND": "home.tests.frontend_cache_backend.RecordingBackend"},
    }
)
def test_a_cdn_is_told_about_the_page_and_its_listings(site_tree):
    page = CampaignPageFactory(parent=site_tree.sq.campaigns, slug="fushata-cdn")
    frontend_cache_backend.PURGED.clear()
    publish(page)
    purged = set(frontend_cache_backend.PURGED)
    assert page.full_url in purged
    assert site_tree.sq.campaigns.full_url in purged and site_tree.sq.home.full_url in purged


def test_signed_in_readers_get_their_own_page_never_kept(client, site_tree):
    client.get("/")
    client.force_login(UserFactory())
    response = client.get("/")
    assert cache_state(response) is None
    cache_control = response.headers["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


@pytest.mark.parametrize(
    "url",
    ["/search/?q=internet", "/en/search/?q=internet", "/newsletter/subscribe/", "/accounts/login/"],
)
def test_search_and_forms_are_never_kept(client, site_tree, url):
    client.get(url)
    response = client.get(url)
    assert response.status_code == 200
    assert cache_state(response) is None
    assert "no-store" in response.headers["Cache-Control"]


def test_previews_are_never_kept(client, site_tree):
    page = StandardPageFactory(parent=site_tree.sq.home, title="E publikuar")
    page.title = "Draft i fshehtë"
    page.save_revision()
    admin = UserFactory(is_superuser=True, is_staff=True)
    editor = Client()
    editor.force_login(admin)
    preview = editor.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert "Draft i fshehtë" in preview.content.decode()
    assert "E publikuar" in client.get(page.url).content.decode()
    assert "Draft i fshehtë" not in client.get(page.url).content.decode()


def test_live_figures_are_not_held_back_by_the_page_cache(client, site_tree):
    from ambassadors.reach import reach_changed

    page = CampaignPageFactory(parent=site_tree.sq.campaigns)
    client.get(page.url)
    assert cache_state(client.get(page.url)) == "hit"
    reach_changed()  # what every verification does
    assert cache_state(client.get(page.url)) == "miss"


def test_anonymous_forms_on_kept_pages_work_without_a_csrf_token(site_tree, mailoutbox):
    browser = Client(enforce_csrf_checks=True)
    home = browser.get("/")
    assert "csrfmiddlewaretoken" not in home.content.decode()
    response = browser.post(
        reverse("newsletters:subscribe"),
        {"email": "prind@example.org", "language": "sq", "consent": "on"},
    )
    assert response.status_code == 302
    assert len(mailoutbox) == 1


def test_signed_in_people_still_need_a_csrf_token(site_tree):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory())
    response = browser.post(
        reverse("newsletters:subscribe"),
        {"email": "prind@example.org", "language": "sq", "consent": "on"},
    )
    assert response.status_code == 403


QUESTIONS = [("A duhet ta ndash fjalëkalimin?", "single", [("Po", False, "Jo."), ("Jo", True, "")])]


def test_an_anonymous_quiz_is_scored_by_get_and_the_result_is_not_kept(client, site_tree):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons, quiz=quiz_stream(QUESTIONS))
    page = client.get(lesson.url)
    html = page.content.decode()
    assert 'method="get"' in html and "csrfmiddlewaretoken" not in html
    assert cache_state(client.get(lesson.url)) == "hit"

    question = quizzes.quiz_questions(lesson.quiz_block, None)[0]
    right = next(answer for answer in question.answers if answer.text == "Jo")
    result = client.get(lesson.url, {"action": "quiz", question.field_name: right.id})
    assert result.status_code == 200
    assert cache_state(result) is None and "no-store" in result.headers["Cache-Control"]
    assert "100" in result.content.decode()


def test_renditions_are_kept_in_a_cache_of_their_own(client, site_tree):
    image = ImageFactory()
    CampaignPageFactory(parent=site_tree.sq.campaigns, image=image, image_alt="Nxënës")
    assert client.get(site_tree.sq.campaigns.url).status_code == 200
    rendition = get_image_model().get_rendition_model().objects.get(image=image)
    assert rendition.cache_backend is caches["renditions"]
    assert caches["renditions"].get(rendition.get_cache_key()) == rendition
    assert caches["default"].get(rendition.get_cache_key()) is None
