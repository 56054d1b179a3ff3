"""The site_tags template tags: language links, navigation and breadcrumbs."""

import pytest
from django.template import Context, Template
from django.utils import translation

from home.factories import translate_page
from home.templatetags.site_tags import breadcrumbs, language_links
from lessons.factories import LessonPageFactory


def links_by_code(links: list[dict]) -> dict[str, dict]:
    return {link["code"]: link for link in links}


@pytest.mark.django_db
def test_language_links_point_at_the_translations_of_the_page(rf, site_tree):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons, slug="ngacmimi")
    en_lesson = translate_page(lesson, title="Bullying", slug="bullying")

    links = links_by_code(language_links({"request": rf.get(lesson.url), "page": lesson}))

    assert [link["code"] for link in language_links({"request": rf.get("/"), "page": lesson})] == [
        "sq",
        "en",
    ]
    assert links["sq"] == {"code": "sq", "name": "Shqip", "url": lesson.url, "current": True}
    assert links["en"]["url"] == en_lesson.url == "/en/lessons/bullying/"
    assert links["en"]["current"] is False


@pytest.mark.django_db
def test_language_links_lead_to_the_other_home_when_there_is_no_translation(rf, site_tree):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons)

    links = links_by_code(language_links({"request": rf.get(lesson.url), "page": lesson}))

    assert links["en"]["url"] == "/en/"
    assert links["sq"]["url"] == lesson.url


@pytest.mark.django_db
def test_language_links_ignore_a_draft_translation(rf, site_tree):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons)
    translate_page(lesson, live=False)

    links = links_by_code(language_links({"request": rf.get(lesson.url), "page": lesson}))

    # A draft has no public address: the reader would get a 404.
    assert links["en"]["url"] == "/en/"


@pytest.mark.django_db
def test_language_links_keep_the_path_of_views_that_are_not_pages(rf, site_tree):
    with translation.override("en"):
        links = links_by_code(language_links({"request": rf.get("/en/search/?q=privacy")}))

    assert links["sq"]["url"] == "/search/?q=privacy"
    assert links["en"]["url"] == "/en/search/?q=privacy"
    assert links["en"]["current"] is True


@pytest.mark.django_db
def test_breadcrumbs_list_the_ancestors_below_the_root(site_tree):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons)
    en_lesson = translate_page(lesson)

    assert breadcrumbs(site_tree.sq.home) == []
    assert breadcrumbs(None) == []
    assert [page.pk for page in breadcrumbs(lesson)] == [
        site_tree.sq.home.pk,
        site_tree.sq.lessons.pk,
    ]
    assert [page.pk for page in breadcrumbs(en_lesson)] == [
        site_tree.en.home.pk,
        site_tree.en.lessons.pk,
    ]


@pytest.mark.django_db
def test_navigation_tag_renders_the_menu_of_the_active_language(rf, site_tree):
    template = Template(
        "{% load site_tags %}{% navigation as nav %}{% for p in nav %}{{ p.title }};{% endfor %}"
    )

    sq = template.render(Context({"request": rf.get("/")}))
    with translation.override("en"):
        en = template.render(Context({"request": rf.get("/en/")}))

    assert sq == "Fushata;Mësime;Buletini;"
    assert en == "Campaigns;Lessons;Newsletter;"
