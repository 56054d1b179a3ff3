"""Home and standard pages: where they may be created, and that they render in both languages."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from campaigns.factories import CampaignPageFactory
from campaigns.models import CampaignIndexPage, CampaignPage
from home.factories import (
    DocumentFactory,
    HomePageFactory,
    ImageFactory,
    StandardPageFactory,
    paragraph,
    translate_page,
)
from home.models import HomePage, StandardPage
from lessons.factories import LessonPageFactory
from lessons.models import LessonIndexPage, LessonPage
from lessons.resources import LibraryPage
from newsletters.factories import NewsletterIssuePageFactory
from newsletters.models import NewsletterIndexPage, NewsletterIssuePage


class TestHomePageTypeRules(WagtailPageTestCase):
    def test_home_page_is_created_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_home_page_children_are_sections_and_standard_pages(self):
        assert set(HomePage.creatable_subpage_models()) == {
            StandardPage,
            CampaignIndexPage,
            LessonIndexPage,
            LibraryPage,
            NewsletterIndexPage,
        }
        self.assertCanNotCreateAt(HomePage, LessonPage)
        self.assertCanNotCreateAt(HomePage, CampaignPage)
        self.assertCanNotCreateAt(HomePage, NewsletterIssuePage)

    def test_standard_pages_nest_only_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})


@pytest.mark.django_db
def test_only_one_home_page_per_parent(locales):
    other_root = Page.add_root(instance=Page(title="Other root", slug="other-root"))
    assert HomePage.can_create_at(other_root)
    HomePageFactory(parent=other_root, slug="other-home")
    assert not HomePage.can_create_at(other_root)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "url", "title"),
    [("sq", "/", "Internet më i sigurt për fëmijët"), ("en", "/en/", "A safer internet")],
)
def test_home_page_renders_in_each_language_at_its_address(
    client, site_tree, parse_html, language, url, title
):
    home = getattr(site_tree, language).home
    assert home.url == url

    response = client.get(url)

    assert response.status_code == 200
    assert response.context["page"].pk == home.pk
    parsed = parse_html(response)
    assert parsed.lang == language
    assert title in parsed.text


@pytest.mark.django_db
def test_home_page_shows_latest_content_in_its_language(client, site_tree, parse_html):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons, title="Fjalëkalime të forta")
    translate_page(lesson, title="Strong passwords")
    issue = NewsletterIssuePageFactory(parent=site_tree.sq.newsletters, title="Numri i shkurtit")
    translate_page(issue, title="February issue")
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns, title="netSMARTkids 2025")
    translate_page(campaign, title="netSMARTkids 2025 campaign")
    site_tree.sq.home.featured_campaign = campaign
    site_tree.sq.home.save_revision().publish()

    sq_text = parse_html(client.get("/")).text
    en_text = parse_html(client.get("/en/")).text

    assert "Fjalëkalime të forta" in sq_text
    assert "Numri i shkurtit" in sq_text
    assert "netSMARTkids 2025" in sq_text
    assert "Strong passwords" not in sq_text
    assert "Strong passwords" in en_text
    assert "February issue" in en_text
    assert "Fjalëkalime të forta" not in en_text


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "en"])
def test_standard_page_renders_in_both_languages(client, site_tree, parse_html, language):
    page = StandardPageFactory(parent=site_tree.sq.home, title="Rreth nesh", slug="rreth-nesh")
    if language == "en":
        page = translate_page(page, title="About us", slug="about-us")

    response = client.get(page.url)

    assert response.status_code == 200
    parsed = parse_html(response)
    assert parsed.lang == language
    assert page.title in parsed.text
    assert page.url.startswith("/en/" if language == "en" else "/rreth-nesh/")


@pytest.mark.django_db
def test_standard_page_renders_every_body_block(client, site_tree, parse_html):
    image = ImageFactory()
    document = DocumentFactory(title="Udhëzuesi për prindërit")
    body = [
        {"type": "heading", "value": {"text": "Titull seksioni", "level": "h2"}},
        *paragraph("<p>Paragraf me <b>tekst</b>.</p>"),
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Fëmijë me tablet", "caption": ""},
        },
        {"type": "quote", "value": {"quote": "Raportoje!", "attribution": "iSIGURT.al"}},
        {
            "type": "call_to_action",
            "value": {
                "title": "Lexo mësimet",
                "text": "",
                "button_label": "Mësimet",
                "page": site_tree.sq.lessons.pk,
                "external_url": "",
            },
        },
        {"type": "document", "value": {"document": document.pk, "label": ""}},
        {
            "type": "key_figures",
            "value": {
                "heading": "Shifrat",
                "figures": [{"value": "7,421", "label": "nxënës"}],
                "source": "",
            },
        },
    ]
    page = StandardPageFactory(parent=site_tree.sq.home, slug="blloqet", body=body)

    response = client.get(page.url)

    assert response.status_code == 200
    parsed = parse_html(response)
    assert "Titull seksioni" in parsed.text
    assert "Raportoje!" in parsed.text
    assert "7,421" in parsed.text
    assert site_tree.sq.lessons.url in parsed.hrefs()
    assert any(link.text and document.url == link.href for link in parsed.links)
    assert 'alt="Fëmijë me tablet"' in response.content.decode()


# Measured 27 (sq) and 28 (en) on SQLite with lessons, issues and a featured campaign; room for 2.
HOME_PAGE_MAX_QUERIES = 30


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "en"])
def test_home_page_query_count_does_not_grow_with_content(
    site_tree, page_queries, django_assert_max_num_queries, language
):
    campaign = CampaignPageFactory(
        parent=site_tree.sq.campaigns, image=ImageFactory(), image_alt="Fushata"
    )
    translate_page(campaign)
    site_tree.sq.home.featured_campaign = campaign
    site_tree.sq.home.save_revision().publish()
    site_tree.en.home.featured_campaign = campaign
    site_tree.en.home.save_revision().publish()

    def add_content(count):
        for _ in range(count):
            lesson = LessonPageFactory(
                parent=site_tree.sq.lessons, image=ImageFactory(), image_alt="Mësim", tags=["A"]
            )
            issue = NewsletterIssuePageFactory(
                parent=site_tree.sq.newsletters, image=ImageFactory(), image_alt="Buletin"
            )
            translate_page(lesson)
            translate_page(issue)

    url = getattr(site_tree, language).home.url
    add_content(2)
    few = page_queries(url)
    add_content(18)
    many = page_queries(url)

    print(f"\nhome page ({language}) queries: 2 lessons+issues={few}, 20 lessons+issues={many}")
    assert many == few
    with django_assert_max_num_queries(HOME_PAGE_MAX_QUERIES):
        page_queries.cold_get(url)
