"""The Digital Newsletter for Parents: page rules, rendering, order and query counts."""

import datetime

import pytest
from wagtail.test.utils import WagtailPageTestCase

from home.factories import HomePageFactory, ImageFactory, translate_page
from home.models import HomePage, StandardPage
from lessons.models import LessonIndexPage
from newsletters.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from newsletters.models import ISSUES_PER_PAGE, NewsletterIndexPage, NewsletterIssuePage


class TestNewsletterPageTypeRules(WagtailPageTestCase):
    def test_newsletter_index_sits_under_home_and_holds_issues(self):
        self.assertAllowedParentPageTypes(NewsletterIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsletterIndexPage, {NewsletterIssuePage})
        self.assertCanCreateAt(HomePage, NewsletterIndexPage)
        self.assertCanNotCreateAt(StandardPage, NewsletterIndexPage)

    def test_issues_live_in_the_newsletter_index_only(self):
        self.assertAllowedParentPageTypes(NewsletterIssuePage, {NewsletterIndexPage})
        self.assertAllowedSubpageTypes(NewsletterIssuePage, set())
        self.assertCanNotCreateAt(HomePage, NewsletterIssuePage)
        self.assertCanNotCreateAt(LessonIndexPage, NewsletterIssuePage)


@pytest.mark.django_db
def test_only_one_newsletter_index_per_home(site_tree):
    assert not NewsletterIndexPage.can_create_at(site_tree.sq.home)
    other_home = HomePageFactory(parent=site_tree.root, slug="tjeter")
    assert NewsletterIndexPage.can_create_at(other_home)
    NewsletterIndexPageFactory(parent=other_home)
    assert not NewsletterIndexPage.can_create_at(other_home)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "en"])
def test_newsletter_index_and_issue_render_in_both_languages(
    client, site_tree, parse_html, language
):
    issue = NewsletterIssuePageFactory(
        parent=site_tree.sq.newsletters,
        title="Numri i shkurtit 2025",
        slug="shkurt-2025",
        image=ImageFactory(),
        image_alt="Prind dhe fëmijë me telefon",
    )
    if language == "en":
        issue = translate_page(issue, title="February 2025 issue", slug="february-2025")
    index = getattr(site_tree, language).newsletters

    index_response = client.get(index.url)
    issue_response = client.get(issue.url)

    assert index_response.status_code == issue_response.status_code == 200
    index_page = parse_html(index_response)
    issue_page = parse_html(issue_response)
    assert index_page.lang == issue_page.lang == language
    assert issue.url in index_page.hrefs()
    assert issue.title in issue_page.text


@pytest.mark.django_db
def test_newsletter_index_lists_the_newest_issue_first(client, site_tree, parse_html):
    index = site_tree.sq.newsletters
    for month, title in [(3, "Marsi"), (1, "Janari"), (4, "Prilli"), (2, "Shkurti")]:
        NewsletterIssuePageFactory(
            parent=index, title=title, issue_date=datetime.date(2025, month, 1)
        )
    NewsletterIssuePageFactory(
        parent=index, title="Maji", issue_date=datetime.date(2025, 5, 1), publish=False
    )

    response = client.get(index.url)

    assert [issue.title for issue in response.context["page_obj"]] == [
        "Prilli",
        "Marsi",
        "Shkurti",
        "Janari",
    ]
    text = parse_html(response).text
    assert text.index("Prilli") < text.index("Marsi") < text.index("Shkurti") < text.index("Janari")
    assert "Maji" not in text


@pytest.mark.django_db
def test_newsletter_index_paginates(client, site_tree):
    index = site_tree.sq.newsletters
    for _ in range(ISSUES_PER_PAGE + 1):
        NewsletterIssuePageFactory(parent=index)

    first = client.get(index.url)
    second = client.get(index.url, {"page": 2})
    odd = client.get(index.url, {"page": "abc"})

    assert len(first.context["page_obj"]) == ISSUES_PER_PAGE
    assert len(second.context["page_obj"]) == 1
    assert odd.status_code == 200
    assert odd.context["page_obj"].number == 1


@pytest.mark.django_db
def test_newsletter_index_keeps_to_its_language(client, site_tree):
    issue = NewsletterIssuePageFactory(parent=site_tree.sq.newsletters, title="Vetëm shqip")
    translated = NewsletterIssuePageFactory(parent=site_tree.sq.newsletters)
    en_issue = translate_page(translated, title="In English")

    sq_titles = [i.title for i in client.get(site_tree.sq.newsletters.url).context["page_obj"]]
    en_titles = [i.title for i in client.get(site_tree.en.newsletters.url).context["page_obj"]]

    assert issue.title in sq_titles
    assert en_titles == [en_issue.title]


# Measured 21 on SQLite; room for 2.
NEWSLETTER_INDEX_MAX_QUERIES = 23


@pytest.mark.django_db
def test_newsletter_index_query_count_does_not_grow_with_issues(
    site_tree, page_queries, django_assert_max_num_queries
):
    index = site_tree.sq.newsletters

    def add_issues(count):
        for _ in range(count):
            NewsletterIssuePageFactory(parent=index, image=ImageFactory(), image_alt="Prindër")

    add_issues(2)
    few = page_queries(index.url)
    add_issues(18)
    many = page_queries(index.url)

    print(f"\nnewsletter index queries: 2 issues={few}, 20 issues={many}")
    assert many == few
    with django_assert_max_num_queries(NEWSLETTER_INDEX_MAX_QUERIES):
        page_queries.cold_get(index.url)
