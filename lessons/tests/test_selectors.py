"""Reads behind the lesson library."""

import pytest

from home.factories import translate_page
from lessons.factories import LessonPageFactory
from lessons.selectors import LESSONS_PER_PAGE, lesson_topics, lessons_for_index


@pytest.mark.django_db
def test_lesson_topics_are_those_of_live_lessons_under_the_index_by_name(site_tree):
    index = site_tree.sq.lessons
    LessonPageFactory(parent=index, tags=["Privatësia", "Ngacmimi"])
    LessonPageFactory(parent=index, tags=["Ngacmimi"])
    LessonPageFactory(parent=index, tags=["Drafti"], publish=False)

    topics = lesson_topics(index=index)

    assert [name for _slug, name in topics] == ["Ngacmimi", "Privatësia"]
    assert lesson_topics(index=site_tree.en.lessons) == []


@pytest.mark.django_db
def test_lesson_topics_of_the_english_index_come_from_english_lessons(site_tree):
    lesson = LessonPageFactory(parent=site_tree.sq.lessons, tags=["Ngacmimi"])
    translate_page(lesson, tags=["Bullying"])

    assert [name for _slug, name in lesson_topics(index=site_tree.en.lessons)] == ["Bullying"]


@pytest.mark.django_db
def test_lessons_for_index_lists_live_lessons_newest_first(site_tree):
    index = site_tree.sq.lessons
    older = LessonPageFactory(parent=index)
    newer = LessonPageFactory(parent=index)
    LessonPageFactory(parent=index, publish=False)
    translate_page(older)

    page = lessons_for_index(index=index)

    assert [lesson.pk for lesson in page] == [newer.pk, older.pk]


@pytest.mark.django_db
def test_lessons_for_index_pages_through_the_lessons(site_tree):
    index = site_tree.sq.lessons
    for _ in range(LESSONS_PER_PAGE + 1):
        LessonPageFactory(parent=index)

    first = lessons_for_index(index=index)
    last = lessons_for_index(index=index, page_number=2)
    beyond = lessons_for_index(index=index, page_number=99)

    assert len(first) == LESSONS_PER_PAGE
    assert len(last) == 1
    assert beyond.number == 2


@pytest.mark.django_db
def test_lessons_for_index_lists_a_lesson_once_whatever_its_topics(site_tree):
    index = site_tree.sq.lessons
    lesson = LessonPageFactory(parent=index, tags=["Ngacmimi", "Privatësia", "Siguria"])

    page = lessons_for_index(index=index)

    assert [item.pk for item in page] == [lesson.pk]
    assert page.paginator.count == 1


@pytest.mark.django_db
def test_lessons_for_index_filters_by_one_topic_without_duplicates(site_tree):
    index = site_tree.sq.lessons
    lesson = LessonPageFactory(parent=index, tags=["Ngacmimi", "Privatësia"])
    LessonPageFactory(parent=index, tags=["Siguria"])
    slug = lesson.tags.get(name="Ngacmimi").slug

    page = lessons_for_index(index=index, topic=slug)

    assert [item.pk for item in page] == [lesson.pk]
