"""Search, the error pages, and the help and report links that every page carries."""

import pytest
from django.test import override_settings

from campaigns.factories import CampaignPageFactory
from home.factories import translate_page
from home.views import SEARCH_PAGE_SIZE, server_error
from lessons.factories import LessonPageFactory, lesson_steps

HELPLINE_TEL = "tel:116111"
REPORT_URL = "https://report.example.org/hotline"


@pytest.fixture
def chrome_urls(site_tree):
    """One address per kind of page, per language: where the help links must appear."""
    lesson = LessonPageFactory(parent=site_tree.sq.lessons, title="Ngacmimi online")
    en_lesson = translate_page(lesson, title="Online bullying", slug="online-bullying")
    campaign = CampaignPageFactory(parent=site_tree.sq.campaigns, title="Raportoje!")
    en_campaign = translate_page(campaign, title="Report it!", slug="report-it")
    return {
        "home": {"sq": "/", "en": "/en/"},
        "lesson": {"sq": lesson.url, "en": en_lesson.url},
        "campaign": {"sq": campaign.url, "en": en_campaign.url},
        "search": {"sq": "/search/?q=internet", "en": "/en/search/?q=internet"},
    }


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "en"])
@pytest.mark.parametrize("kind", ["home", "lesson", "campaign", "search"])
def test_every_page_has_the_helpline_and_report_links(
    client, chrome_urls, parse_html, kind, language
):
    url = chrome_urls[kind][language]

    response = client.get(url)

    assert response.status_code == 200, url
    parsed = parse_html(response)
    assert parsed.lang == language
    assert HELPLINE_TEL in parsed.hrefs(), f"no helpline tel: link on {url}"
    assert REPORT_URL in parsed.hrefs(), f"no report link on {url}"
    assert "116 111" in parsed.link_to(HELPLINE_TEL).text


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "url"), [("sq", "/nuk-ekziston/"), ("en", "/en/missing/")])
def test_missing_page_is_404_with_the_helpline(client, site_tree, parse_html, language, url):
    response = client.get(url)

    assert response.status_code == 404
    parsed = parse_html(response)
    assert parsed.lang == language
    assert HELPLINE_TEL in parsed.hrefs()
    assert REPORT_URL in parsed.hrefs()


@pytest.mark.django_db
@override_settings(FALLBACK_HELPLINE_NUMBER="0800 000")
def test_server_error_shows_the_helpline_from_site_settings(rf, site_tree, parse_html):
    response = server_error(rf.get("/"))

    assert response.status_code == 500
    parsed = parse_html(response.content.decode())
    assert HELPLINE_TEL in parsed.hrefs()
    assert REPORT_URL in parsed.hrefs()
    assert "tel:0800000" not in parsed.hrefs()


@pytest.mark.django_db
@override_settings(FALLBACK_HELPLINE_NUMBER="0800 000")
def test_server_error_falls_back_to_the_configured_helpline_when_settings_fail(
    rf, site_tree, parse_html
):
    # No default site and an unknown host: the settings lookup finds no site and raises.
    site_tree.site.is_default_site = False
    site_tree.site.save()
    request = rf.get("/", HTTP_HOST="unknown.example.org")

    response = server_error(request)

    assert response.status_code == 500
    parsed = parse_html(response.content.decode())
    assert "tel:0800000" in parsed.hrefs()
    assert "0800 000" in parsed.text


@pytest.mark.django_db
def test_server_error_page_needs_no_site_at_all(rf, locales, parse_html):
    from wagtail.models import Site

    Site.objects.all().delete()

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "tel:116111" in parse_html(response.content.decode()).hrefs()


# --- Search --------------------------------------------------------------------------------------


@pytest.fixture
def searchable_lessons(site_tree):
    """An Albanian lesson and its English translation; the brand word appears in both."""
    sq_lesson = LessonPageFactory(
        parent=site_tree.sq.lessons,
        title="Siguria e llogarive",
        steps=lesson_steps("Nxënësit krijojnë fjalëkalime të gjata me netSMARTkids."),
    )
    en_lesson = translate_page(
        sq_lesson,
        title="Keeping accounts safe",
        slug="keeping-accounts-safe",
        steps=lesson_steps("Pupils invent long passphrases with netSMARTkids."),
    )
    return {"sq": sq_lesson, "en": en_lesson}


def result_pks(response) -> list[int]:
    page_obj = response.context["page_obj"]
    return [page.pk for page in page_obj] if page_obj else []


@pytest.mark.django_db
def test_search_finds_albanian_lesson_by_a_word_in_its_steps(client, searchable_lessons):
    response = client.get("/search/", {"q": "fjalëkalime"})

    assert response.status_code == 200
    assert result_pks(response) == [searchable_lessons["sq"].pk]
    assert searchable_lessons["sq"].title in response.content.decode()


@pytest.mark.django_db
def test_search_finds_english_lesson_by_an_english_word(client, searchable_lessons):
    response = client.get("/en/search/", {"q": "passphrases"})

    assert response.status_code == 200
    assert result_pks(response) == [searchable_lessons["en"].pk]


@pytest.mark.django_db
def test_search_keeps_to_the_language_of_the_address(client, searchable_lessons):
    sq_results = result_pks(client.get("/search/", {"q": "netSMARTkids"}))
    en_results = result_pks(client.get("/en/search/", {"q": "netSMARTkids"}))

    assert sq_results == [searchable_lessons["sq"].pk]
    assert en_results == [searchable_lessons["en"].pk]
    assert result_pks(client.get("/search/", {"q": "passphrases"})) == []


@pytest.mark.django_db
def test_search_does_not_return_drafts(client, site_tree):
    LessonPageFactory(
        parent=site_tree.sq.lessons,
        publish=False,
        steps=lesson_steps("Sekreti i padukshëm zbulohet."),
    )

    assert result_pks(client.get("/search/", {"q": "padukshëm"})) == []


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}])
def test_empty_search_shows_no_results_and_no_error(client, searchable_lessons, params):
    response = client.get("/search/", params)

    assert response.status_code == 200
    assert response.context["page_obj"] is None
    assert response.context["query"] == ""
    assert searchable_lessons["sq"].title not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "fjalëkalime " * 500,
        '"(' * 300 + "*",
        "AND OR NOT NEAR " * 50,
        "x" * 10_000,
        '"',
        'sextortion"',
    ],
    ids=["long-words", "syntax", "operators", "one-huge-word", "quote", "stray-quote"],
)
def test_very_long_or_odd_search_is_not_an_error(client, searchable_lessons, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert len(response.context["query"]) <= 200


@pytest.mark.django_db
def test_search_paginates_results(client, site_tree):
    for n in range(SEARCH_PAGE_SIZE + 2):
        LessonPageFactory(
            parent=site_tree.sq.lessons,
            title=f"Mësimi {n}",
            steps=lesson_steps("Privatësia në rrjetet sociale."),
        )

    first = client.get("/search/", {"q": "privatësia"})
    second = client.get("/search/", {"q": "privatësia", "page": 2})

    assert first.context["page_obj"].paginator.count == SEARCH_PAGE_SIZE + 2
    assert len(result_pks(first)) == SEARCH_PAGE_SIZE
    assert len(result_pks(second)) == 2
    assert not set(result_pks(first)) & set(result_pks(second))
