"""The archive's feeds and subscribe forms, and the subscribers in the Wagtail admin."""

import csv
import io
import xml.etree.ElementTree as ET  # noqa: S405 - our own feed, built by Django

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import caches
from django.utils import timezone

from home.factories import translate_page
from newsletters.factories import NewsletterIssuePageFactory
from newsletters.models import Subscriber, SubscriberState, Suppression, address_hash
from newsletters.selectors import subscriber_counts

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def issues(site_tree):
    index = site_tree.sq.newsletters
    translated = NewsletterIssuePageFactory(parent=index, title="Numri i parë", slug="i-pare")
    english = translate_page(translated, title="First issue", slug="first-issue")
    only_sq = NewsletterIssuePageFactory(parent=index, title="Vetëm shqip", slug="vetem")
    NewsletterIssuePageFactory(parent=index, title="Draft", slug="draft", publish=False)
    return translated, english, only_sq


def test_rss_feed_lists_the_live_issues_of_its_language(client, issues):
    translated, english, only_sq = issues

    sq = ET.fromstring(client.get("/newsletter/feed/rss/").content)  # noqa: S314
    en = ET.fromstring(client.get("/en/newsletter/feed/rss/").content)  # noqa: S314

    sq_titles = {item.findtext("title") for item in sq.iter("item")}
    en_items = list(en.iter("item"))
    assert sq_titles == {translated.title, only_sq.title}
    assert [item.findtext("title") for item in en_items] == [english.title]
    assert en_items[0].findtext("link").endswith(english.url)
    assert en_items[0].findtext("description") == english.summary
    assert en.find("channel").findtext("language") == "en"
    assert sq.find("channel").findtext("language") == "sq"


def test_atom_feed_lists_the_live_issues_of_its_language(client, issues):
    _translated, english, _only_sq = issues

    response = client.get("/en/newsletter/feed/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314
    assert [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")] == [
        english.title
    ]


@pytest.mark.parametrize("language", ["sq", "en"])
def test_the_archive_links_its_feeds_and_offers_the_form(client, site_tree, parse_html, language):
    prefix = "/en" if language == "en" else ""

    response = client.get(getattr(site_tree, language).newsletters.url)

    html = response.content.decode()
    assert 'type="application/rss+xml"' in html
    assert f'href="{prefix}/newsletter/feed/rss/"' in html
    assert f'href="{prefix}/newsletter/feed/atom/"' in html
    assert f'action="{prefix}/newsletter/subscribe/"' in html


@pytest.mark.parametrize("language", ["sq", "en"])
def test_home_and_issue_pages_offer_the_subscribe_form(client, site_tree, issues, language):
    prefix = "/en" if language == "en" else ""
    issue = issues[1] if language == "en" else issues[0]

    for url in [getattr(site_tree, language).home.url, issue.url]:
        html = client.get(url).content.decode()
        assert f'action="{prefix}/newsletter/subscribe/"' in html, url
        # No CSRF token for anonymous readers: the page stays cacheable, and the sign-up view
        # asks for a token from signed-in people only (home/tests/test_page_cache.py).
        assert 'name="csrfmiddlewaretoken"' not in html
        assert 'name="consent"' in html
        # The honeypot's wrapper is hidden from people and screen readers.
        assert '<div class="field" hidden><label for="subscribe-homepage">' in html


def _subscriber(email, language, state):
    now = timezone.now()
    return Subscriber.objects.create(
        email=email,
        language=language,
        state=state,
        consent_text="Pajtohem",
        consent_version="2026-11",
        requested_at=now,
        confirmed_at=now if state == SubscriberState.CONFIRMED else None,
        manage_key=email,
    )


@pytest.fixture
def subscribers(db):
    return [
        _subscriber("a@example.org", "sq", SubscriberState.CONFIRMED),
        _subscriber("b@example.org", "sq", SubscriberState.CONFIRMED),
        _subscriber("c@example.org", "sq", SubscriberState.PENDING),
        _subscriber("d@example.org", "en", SubscriberState.CONFIRMED),
    ]


def test_counts_per_language(subscribers):
    assert subscriber_counts() == [
        {"code": "sq", "name": "Shqip", "confirmed": 2, "pending": 1},
        {"code": "en", "name": "English", "confirmed": 1, "pending": 0},
    ]


ADMIN = "/admin/newsletter_subscribers/"


@pytest.fixture
def people(django_user_model):
    """Who might open the subscribers' admin: nobody with admin access, an editor with admin
    access only, the data controller (admin access + view/delete subscriber), a superuser."""

    def user(name, *codenames, **fields):
        person = django_user_model.objects.create_user(
            username=name, email=f"{name}@sigurt.example", password="x", **fields
        )
        permissions = Permission.objects.filter(codename__in=codenames)
        person.user_permissions.add(*permissions)
        return person

    return {
        "anonymous": None,
        "nobody": user("nobody"),
        "editor": user("editor", "access_admin"),
        "controller": user("controller", "access_admin", "view_subscriber", "delete_subscriber"),
        "superuser": user("root", is_superuser=True, is_staff=True),
    }


@pytest.mark.parametrize(
    ("role", "index", "export", "add"),
    [
        ("anonymous", 302, 302, 302),
        ("nobody", 302, 302, 302),
        ("editor", 302, 302, 302),
        ("controller", 200, 200, 302),
        ("superuser", 200, 200, 302),
    ],
)
def test_admin_permissions(client, people, subscribers, role, index, export, add):
    if people[role]:
        client.force_login(people[role])

    assert client.get(ADMIN).status_code == index
    assert client.get(ADMIN, {"export": "csv"}).status_code == export
    # Nobody writes a subscription by hand, not even a superuser.
    assert client.get(ADMIN + "new/").status_code in {add, 403}
    assert client.get(ADMIN + f"edit/{subscribers[0].pk}/").status_code in {302, 403, 404}


def test_admin_lists_filters_searches_and_counts(client, people, subscribers):
    client.force_login(people["controller"])

    everyone = client.get(ADMIN)
    english = client.get(ADMIN, {"language": "en"})
    pending = client.get(ADMIN, {"state": "pending"})
    found = client.get(ADMIN, {"q": "b@example"})

    def emails(response):
        return {row.email for row in response.context["object_list"]}

    assert emails(everyone) == {s.email for s in subscribers}
    assert emails(english) == {"d@example.org"}
    assert emails(pending) == {"c@example.org"}
    assert emails(found) == {"b@example.org"}
    assert everyone.context["subscriber_counts"][0]["confirmed"] == 2
    assert "Shqip" in everyone.content.decode()


def test_admin_exports_csv_for_the_data_controller(client, people, subscribers):
    client.force_login(people["controller"])

    response = client.get(ADMIN, {"export": "csv", "language": "sq"})

    assert response["Content-Type"].startswith("text/csv")
    assert "newsletter-subscribers" in response["Content-Disposition"]
    body = (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )
    rows = list(csv.reader(io.StringIO(body)))
    assert len(rows) == 1 + 3
    assert {row[0] for row in rows[1:]} == {"a@example.org", "b@example.org", "c@example.org"}
    assert "Pajtohem" in body


def test_deleting_in_the_admin_erases_and_suppresses(client, people, subscribers):
    client.force_login(people["controller"])
    target = subscribers[0]

    response = client.post(ADMIN + f"delete/{target.pk}/")

    assert response.status_code == 302
    assert not Subscriber.objects.filter(pk=target.pk).exists()
    assert Suppression.objects.filter(address_hash=address_hash(target.email)).exists()


def test_subscriber_admin_query_count_does_not_grow(client, people, count_queries):
    client.force_login(people["superuser"])
    for n in range(3):
        _subscriber(f"few{n}@example.org", "sq", SubscriberState.CONFIRMED)
    client.get(ADMIN)
    few, _ = count_queries(lambda: client.get(ADMIN))
    for n in range(27):
        _subscriber(f"many{n}@example.org", "en", SubscriberState.PENDING)
    many, _ = count_queries(lambda: client.get(ADMIN))

    assert many == few


def test_feed_query_count_does_not_grow_with_issues(client, site_tree, count_queries):
    index = site_tree.sq.newsletters

    def add(count):
        for _ in range(count):
            NewsletterIssuePageFactory(parent=index)

    def rss():
        for each in caches.all():  # nothing kept: the site and its settings are read as well
            each.clear()
        response = client.get("/newsletter/feed/rss/")
        assert response.status_code == 200
        return response

    add(2)
    rss()
    few, _ = count_queries(rss)
    add(18)
    many, response = count_queries(rss)

    print(f"\nnewsletter feed queries: 2 issues={few}, 20 issues={many}")
    assert many == few
    assert response.content.count(b"<item>") == 20


def test_admin_shows_a_subscribers_consent(client, people, subscribers):
    client.force_login(people["controller"])

    response = client.get(ADMIN + f"inspect/{subscribers[0].pk}/")

    assert response.status_code == 200
    assert "Pajtohem" in response.content.decode()
    assert "2026-11" in response.content.decode()
