"""Fixtures shared by the unit, integration and browser tests.

- `locales`: the two content languages, `locales.sq` (default) and `locales.en`.
- `site_tree`: a published, bilingual site (see the fixture's docstring), with site settings.
- `parse_html`: turns a response into the links and text a reader sees, without a browser.
- `count_queries`: runs a callable and returns how many SQL queries it made.
- `page_queries`: how many SQL queries a GET of a page makes once its images are rendered.

Every test starts with an empty cache and the default language active, so nothing leaks between
tests (Wagtail caches site root paths and templates may cache fragments).
"""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, Site

from campaigns.factories import CampaignIndexPageFactory
from home.factories import HomePageFactory, SiteSettingsFactory, translate_page
from lessons.factories import LessonIndexPageFactory
from newsletters.factories import NewsletterIndexPageFactory

HELPLINE_NUMBER = "116 111"
REPORT_URL = "https://report.example.org/hotline"


def clear_caches() -> None:
    """Every cache: the default one, the anonymous page cache and the renditions."""
    for each in caches.all():
        each.clear()


@pytest.fixture(autouse=True)
def _isolate_cache_and_language():
    clear_caches()
    translation.activate("sq")
    yield
    translation.deactivate()
    clear_caches()


@pytest.fixture
def english():
    """English active for the whole test, to compare messages with their English source."""
    with translation.override("en"):
        yield


@pytest.fixture
def locales(db):
    """The content languages: `locales.sq` (the default, served at "/") and `locales.en`."""
    sq, _ = Locale.objects.get_or_create(language_code="sq")
    en, _ = Locale.objects.get_or_create(language_code="en")
    return SimpleNamespace(sq=sq, en=en)


@pytest.fixture
def site_tree(locales):
    """A published bilingual site, built the way editors would build it.

    Wagtail root -> Albanian HomePage (the default Site's root; Wagtail's welcome page is removed)
    -> CampaignIndexPage, LessonIndexPage, NewsletterIndexPage (all in menus), and the English
    translation of each (same translation_key, locale en). SiteSettings: helpline "116 111",
    report_url REPORT_URL.

    Returns a namespace: `.root`, `.site`, `.settings`, and per language `.sq` / `.en`, each with
    `.home`, `.campaigns`, `.lessons`, `.newsletters` (specific, live pages).
    Works after a database flush too (live_server tests), by recreating the root and the site.
    """
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales.sq))
    home = HomePageFactory(parent=root, slug="ballina", locale=locales.sq)
    site = Site.objects.filter(is_default_site=True).first()
    old_root_id = site.root_page_id if site else None
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = "Sigurt"
    site.save()
    if old_root_id and old_root_id != home.pk:
        # Wagtail's welcome page, left over from its initial migration.
        Page.objects.get(pk=old_root_id).delete()

    sq = SimpleNamespace(
        home=home,
        campaigns=CampaignIndexPageFactory(parent=home, slug="fushata"),
        lessons=LessonIndexPageFactory(parent=home, slug="mesime"),
        newsletters=NewsletterIndexPageFactory(parent=home, slug="buletini"),
    )
    en_home = translate_page(
        home,
        locales.en,
        title="Home",
        hero_title="A safer internet for children",
        hero_text="Advice, lessons and help for children, parents and teachers.",
    )
    en = SimpleNamespace(
        home=en_home,
        campaigns=translate_page(sq.campaigns, locales.en, title="Campaigns", slug="campaigns"),
        lessons=translate_page(sq.lessons, locales.en, title="Lessons", slug="lessons"),
        newsletters=translate_page(
            sq.newsletters, locales.en, title="Newsletter", slug="newsletter"
        ),
    )
    settings = SiteSettingsFactory(
        site=site, helpline_number=HELPLINE_NUMBER, report_url=REPORT_URL
    )
    return SimpleNamespace(root=root, site=site, settings=settings, sq=sq, en=en)


@dataclass
class Link:
    href: str
    text: str
    attrs: dict = field(default_factory=dict)


@dataclass
class ParsedPage:
    """What a reader gets from a page: the <html lang>, its links and its visible text."""

    lang: str | None = None
    links: list[Link] = field(default_factory=list)
    text: str = ""

    def hrefs(self) -> list[str]:
        return [link.href for link in self.links]

    def link_to(self, href: str) -> Link | None:
        return next((link for link in self.links if link.href == href), None)


class _PageParser(HTMLParser):
    _SKIPPED = {"script", "style", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()
        self._open_links: list[Link] = []
        self._texts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.page.lang = attrs.get("lang")
        elif tag == "a" and "href" in attrs:
            self._open_links.append(Link(href=attrs["href"], text="", attrs=attrs))
        elif tag in self._SKIPPED:
            self._skipping += 1

    def handle_endtag(self, tag):
        if tag == "a" and self._open_links:
            link = self._open_links.pop()
            link.text = " ".join(link.text.split())
            self.page.links.append(link)
        elif tag in self._SKIPPED and self._skipping:
            self._skipping -= 1

    def handle_data(self, data):
        if self._skipping:
            return
        self._texts.append(data)
        for link in self._open_links:
            link.text += data

    def close(self):
        super().close()
        self.page.text = " ".join(" ".join(self._texts).split())


@pytest.fixture
def parse_html():
    """`parse_html(response or html) -> ParsedPage`: `.lang`, `.links`, `.text`."""

    def parse(response_or_html) -> ParsedPage:
        html = response_or_html
        if not isinstance(html, str):
            html = response_or_html.content.decode()
        parser = _PageParser()
        parser.feed(html)
        parser.close()
        return parser.page

    return parse


TRANSACTION_CONTROL = re.compile(r"^\s*(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO SAVEPOINT)\b", re.I)


def data_queries(context: CaptureQueriesContext) -> int:
    """The queries that read or write data: not the savepoints of each request's transaction
    (ATOMIC_REQUESTS; in production its BEGIN and COMMIT)."""
    return sum(
        1 for query in context.captured_queries if not TRANSACTION_CONTROL.match(query["sql"])
    )


@pytest.fixture
def count_queries():
    """`count_queries(callable) -> (number of SQL queries, callable's result)`."""

    def count(func):
        with CaptureQueriesContext(connection) as context:
            result = func()
        return data_queries(context), result

    return count


class PageQueries:
    """Counts the SQL queries of a GET, the way a listing's query budget is measured.

    A first GET renders the image renditions (created once, then reused); the cache is then
    cleared so the counted GET does every read a visitor on a cold cache would cause.
    """

    def __init__(self, client):
        self.client = client

    def cold_get(self, url: str):
        clear_caches()
        response = self.client.get(url)
        assert response.status_code == 200, f"GET {url} gave {response.status_code}"
        return response

    def __call__(self, url: str) -> int:
        self.cold_get(url)
        with CaptureQueriesContext(connection) as context:
            self.cold_get(url)
        return data_queries(context)


@pytest.fixture
def page_queries(client):
    """`page_queries(url) -> int`: SQL queries of a cold-cache GET; `.cold_get(url)` to reuse."""
    return PageQueries(client)
