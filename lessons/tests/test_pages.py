"""The lesson library: page rules, rendering in both languages, filters and query counts."""

from urllib.parse import urlencode

import pytest
from taggit.models import Tag
from wagtail.test.utils import WagtailPageTestCase

from home.factories import HomePageFactory, ImageFactory, translate_page
from home.models import HomePage, StandardPage
from lessons.factories import LessonIndexPageFactory, LessonPageFactory
from lessons.models import CoursePage, LessonIndexPage, LessonPage
from lessons.selectors import LESSONS_PER_PAGE


class TestLessonPageTypeRules(WagtailPageTestCase):
    def test_lesson_index_sits_under_home_and_holds_lessons_only(self):
        self.assertAllowedParentPageTypes(LessonIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(LessonIndexPage, {LessonPage, CoursePage})
        self.assertCanCreateAt(HomePage, LessonIndexPage)
        self.assertCanNotCreateAt(StandardPage, LessonIndexPage)

    def test_lessons_live_in_the_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(LessonPage, {LessonIndexPage})
        self.assertAllowedSubpageTypes(LessonPage, set())
        self.assertCanNotCreateAt(HomePage, LessonPage)


@pytest.mark.django_db
def test_only_one_lesson_index_per_home(site_tree):
    assert not LessonIndexPage.can_create_at(site_tree.sq.home)
    other_home = HomePageFactory(parent=site_tree.root, slug="tjeter")
    assert LessonIndexPage.can_create_at(other_home)
    LessonIndexPageFactory(parent=other_home)
    assert not LessonIndexPage.can_create_at(other_home)


@pytest.fixture
def bilingual_lesson(site_tree):
    lesson = LessonPageFactory(
        parent=site_tree.sq.lessons,
        title="Ngacmimi online",
        slug="ngacmimi-online",
        tags=["Ngacmimi"],
        for_children=True,
        image=ImageFactory(),
        image_alt="Dy nxënës para një kompjuteri",
    )
    en_lesson = translate_page(
        lesson, title="Online bullying", slug="online-bullying", summary="Spot and stop it."
    )
    return {"sq": lesson, "en": en_lesson}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sq", "en"])
def test_lesson_index_and_lesson_render_in_both_languages(
    client, site_tree, bilingual_lesson, parse_html, language
):
    index = getattr(site_tree, language).lessons
    lesson = bilingual_lesson[language]

    index_response = client.get(index.url)
    lesson_response = client.get(lesson.url)

    assert index_response.status_code == 200
    assert lesson_response.status_code == 200
    index_page = parse_html(index_response)
    lesson_page = parse_html(lesson_response)
    assert index_page.lang == lesson_page.lang == language
    assert lesson.url in index_page.hrefs()
    assert lesson.title in lesson_page.text
    assert index.url.startswith("/en/") == (language == "en")


def switcher_link(parsed, code: str):
    """The language switcher's link to `code` (marked with hreflang, as a link to a language is)."""
    links = [link for link in parsed.links if link.attrs.get("hreflang") == code]
    assert len(links) == 1, f"expected one link with hreflang={code}, got {links}"
    return links[0]


@pytest.mark.django_db
def test_language_switcher_on_a_lesson_lands_on_its_translation(
    client, bilingual_lesson, parse_html
):
    sq_page = parse_html(client.get(bilingual_lesson["sq"].url))
    english = switcher_link(sq_page, "en")

    assert english.text == "English"
    assert english.href == bilingual_lesson["en"].url

    followed = client.get(english.href)
    assert followed.status_code == 200
    en_page = parse_html(followed)
    assert en_page.lang == "en"
    assert "Online bullying" in en_page.text
    assert switcher_link(en_page, "sq").href == bilingual_lesson["sq"].url


@pytest.mark.django_db
def test_language_switcher_on_an_untranslated_lesson_leads_to_the_other_home(
    client, site_tree, parse_html
):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons, title="Vetëm shqip")

    english = switcher_link(parse_html(client.get(lesson.url)), "en")

    assert english.href == "/en/"
    assert client.get(english.href).status_code == 200


# --- Filters (plain GET, so they work without JavaScript) ----------------------------------------


@pytest.fixture
def library(site_tree):
    index = site_tree.sq.lessons
    lessons = {
        "bullying_primary": LessonPageFactory(
            parent=index, tags=["Ngacmimi"], for_children=True, age_band="primary"
        ),
        "privacy_parents": LessonPageFactory(
            parent=index, tags=["Privatësia"], for_parents=True, age_band="adults"
        ),
        "both_all_ages": LessonPageFactory(
            parent=index,
            tags=["Ngacmimi", "Privatësia"],
            for_children=True,
            for_teachers=True,
            age_band="all",
        ),
        "untagged_upper": LessonPageFactory(parent=index, age_band="upper_secondary"),
    }
    return index, lessons


def listed(response) -> set[int]:
    return {lesson.pk for lesson in response.context["page_obj"]}


def pks(lessons: dict, *names: str) -> set[int]:
    return {lessons[name].pk for name in names}


@pytest.mark.django_db
def test_filter_by_topic(client, library):
    index, lessons = library
    slug = Tag.objects.get(name="Privatësia").slug

    response = client.get(index.url, {"topic": slug})

    assert response.status_code == 200
    assert listed(response) == pks(lessons, "privacy_parents", "both_all_ages")
    assert response.context["filter_query"] == urlencode({"topic": slug})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("audience", "expected"),
    [
        ("children", {"bullying_primary", "both_all_ages"}),
        ("parents", {"privacy_parents"}),
        ("teachers", {"both_all_ages"}),
        ("ambassadors", set()),
    ],
)
def test_filter_by_audience(client, library, audience, expected):
    index, lessons = library

    response = client.get(index.url, {"audience": audience})

    assert response.status_code == 200
    assert listed(response) == pks(lessons, *expected)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("age_band", "expected"),
    [
        ("primary", {"bullying_primary", "both_all_ages"}),
        ("upper_secondary", {"untagged_upper", "both_all_ages"}),
        ("adults", {"privacy_parents", "both_all_ages"}),
        ("all", {"both_all_ages"}),
    ],
)
def test_filter_by_age_band_includes_lessons_for_all_ages(client, library, age_band, expected):
    index, lessons = library

    response = client.get(index.url, {"age_band": age_band})

    assert listed(response) == pks(lessons, *expected)


@pytest.mark.django_db
def test_filters_combine(client, library):
    index, lessons = library
    slug = Tag.objects.get(name="Ngacmimi").slug

    response = client.get(index.url, {"topic": slug, "audience": "children", "age_band": "primary"})

    assert listed(response) == pks(lessons, "bullying_primary", "both_all_ages")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"topic": "no-such-topic"},
        {"audience": "martians"},
        {"age_band": "<script>"},
        {"topic": "x" * 5000, "audience": "", "age_band": "99"},
        {"page": "not-a-number"},
        {"page": "999"},
    ],
)
def test_unknown_filter_values_are_ignored(client, library, params):
    index, lessons = library

    response = client.get(index.url, params)

    assert response.status_code == 200
    assert listed(response) == pks(lessons, *lessons)


@pytest.mark.django_db
def test_filter_from_the_other_language_does_not_leak_lessons(client, site_tree, library):
    index, lessons = library
    translate_page(lessons["privacy_parents"], title="Privacy for parents")

    response = client.get(site_tree.en.lessons.url, {"audience": "parents"})

    assert [lesson.title for lesson in response.context["page_obj"]] == ["Privacy for parents"]


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, site_tree, parse_html):
    index = site_tree.sq.lessons
    parents = [
        LessonPageFactory(parent=index, for_parents=True) for _ in range(LESSONS_PER_PAGE + 2)
    ]
    LessonPageFactory(parent=index, for_children=True)

    first = client.get(index.url, {"audience": "parents"})

    next_links = [link for link in parse_html(first).links if "page=2" in link.href]
    assert next_links, "no link to page 2"
    assert all("audience=parents" in link.href for link in next_links)
    href = next_links[0].href
    second = client.get(index.url + href if href.startswith("?") else href)
    assert second.status_code == 200
    assert second.context["page_obj"].number == 2
    assert listed(first) | listed(second) == {lesson.pk for lesson in parents}
    assert len(listed(second)) == 2


# --- Query counts -----------------------------------------------------------------------------

# Measured 25 on SQLite (Wagtail routing, site, settings, menu, switcher, listing); room for 2.
LESSON_INDEX_MAX_QUERIES = 27


@pytest.mark.django_db
def test_lesson_index_query_count_does_not_grow_with_lessons(site_tree, page_queries):
    index = site_tree.sq.lessons

    def add_lessons(count):
        for n in range(count):
            LessonPageFactory(
                parent=index,
                tags=[f"Tema {n % 3}", "Siguria"],
                for_children=True,
                image=ImageFactory(),
                image_alt="Nxënës",
            )

    add_lessons(2)
    few = page_queries(index.url)
    add_lessons(18)
    many = page_queries(index.url)
    filtered = page_queries(index.url + "?audience=children&age_band=primary")

    print(f"\nlesson index queries: 2 lessons={few}, 20 lessons={many}, filtered={filtered}")
    assert many == few
    assert filtered == few
    assert few <= LESSON_INDEX_MAX_QUERIES  # data queries: not the request's savepoints
