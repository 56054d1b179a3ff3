"""Course pages: creation in the admin tree, outline and progress, members-only access, queries."""

import pytest
from django.core.cache import caches
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.models import Page

from accounts.factories import UserFactory
from ambassadors.tests import conftest as network_fixtures
from lessons.factories import (
    CoursePageFactory,
    LessonPageFactory,
    course_modules,
    quiz_stream,
)
from lessons.models import (
    CourseAudience,
    CoursePage,
    LessonIndexPage,
    LessonPage,
    LessonProgress,
)
from lessons.selectors import course_outline

pytestmark = pytest.mark.django_db

# The network's people (ambassadors/tests/conftest.py), shared rather than rebuilt.
network = network_fixtures.network
as_role = network_fixtures.as_role


def make_course(index, lessons_per_module=(2, 1), **kwargs):
    modules = []
    for number, count in enumerate(lessons_per_module, start=1):
        lessons = [LessonPageFactory(parent=index) for _ in range(count)]
        modules.append((f"Moduli {number}", lessons))
    return CoursePageFactory(parent=index, modules=course_modules(*modules), **kwargs), [
        lesson for _title, lessons in modules for lesson in lessons
    ]


def test_editors_can_create_courses_under_the_lesson_index_only():
    assert CoursePage in LessonIndexPage.allowed_subpage_models()
    assert CoursePage.allowed_parent_page_models() == [LessonIndexPage]
    assert CourseAudience.values == ["ambassadors", "teachers", "psychologists", "parents"]


def test_the_admin_edit_form_of_a_course_renders(admin_client, site_tree):
    course, _lessons = make_course(site_tree.sq.lessons)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[course.pk]))
    assert response.status_code == 200
    assert 'name="members_only"' in response.content.decode()


def test_the_course_lists_its_modules_and_lessons_in_order(client, site_tree, parse_html):
    course, lessons = make_course(site_tree.sq.lessons, (2, 2))
    lessons[1].unpublish()
    response = client.get(course.url)
    assert response.status_code == 200
    page = parse_html(response)
    hrefs = [link.href for link in page.links]
    expected = [lessons[0].url, lessons[2].url, lessons[3].url]
    positions = [hrefs.index(url) for url in expected]
    assert positions == sorted(positions)
    assert lessons[1].url not in hrefs
    assert "Moduli 1" in response.content.decode() and "Moduli 2" in response.content.decode()


def test_a_signed_in_learner_sees_how_many_lessons_they_completed(client, site_tree, english):
    course, lessons = make_course(site_tree.en.lessons, (2, 2))
    user = UserFactory()
    LessonProgress.objects.create(user=user, lesson=lessons[0], completed_at="2026-01-01T10:00Z")
    LessonProgress.objects.create(user=user, lesson=lessons[2])
    client.force_login(user)
    html = client.get(course.url).content.decode()
    assert "1 of 4 lessons completed" in html
    assert "course-state--completed" in html and "course-state--opened" in html
    assert html.count("course-state--not_started") == 2


def test_progress_counts_in_any_language_of_a_lesson(site_tree, locales):
    from home.factories import translate_page

    course, lessons = make_course(site_tree.sq.lessons, (1,))
    english = translate_page(lessons[0], locales.en, title="Lesson", slug="lesson-en")
    user = UserFactory()
    LessonProgress.objects.create(user=user, lesson=english, completed_at="2026-01-01T10:00Z")
    outline = course_outline(course=CoursePage.objects.get(pk=course.pk), user=user)
    assert (outline.done, outline.total, outline.completed) == (1, 1, True)


def test_anonymous_readers_see_the_course_without_progress(client, site_tree, english):
    course, _lessons = make_course(site_tree.en.lessons)
    html = client.get(course.url).content.decode()
    assert "lessons completed" not in html
    assert reverse("account_login") in html


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("nobody", 403),
        ("ambassador", 200),
        ("teacher", 200),
        ("coordinator", 200),
        ("editor", 200),
    ],
)
def test_a_members_only_course_is_for_signed_in_network_members(
    client,
    site_tree,
    network,
    as_role,
    role,
    status,
):
    course, _lessons = make_course(site_tree.sq.lessons, members_only=True)
    as_role(client, role)
    response = client.get(course.url)
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith(reverse("account_login"))


def test_staff_may_open_a_members_only_course(client, site_tree):
    course, _lessons = make_course(site_tree.sq.lessons, members_only=True)
    client.force_login(UserFactory(is_staff=True))
    assert client.get(course.url).status_code == 200


def test_a_course_renders_in_both_languages(client, site_tree, locales):
    from home.factories import translate_page

    course, _lessons = make_course(site_tree.sq.lessons)
    english = translate_page(course, locales.en, title="Course", slug="course")
    assert client.get(course.url).status_code == 200
    response = client.get(english.url)
    assert response.status_code == 200
    assert english.url.startswith("/en/")


def test_a_completed_course_says_so(client, site_tree, english):
    course, lessons = make_course(site_tree.en.lessons, (1,))
    user = UserFactory()
    LessonProgress.objects.create(user=user, lesson=lessons[0], completed_at="2026-01-01T10:00Z")
    client.force_login(user)
    html = client.get(course.url).content.decode()
    assert gettext("You have completed this course. Well done!") in html


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_course_page_query_count_does_not_grow_with_content(
    client, site_tree, count_queries, signed_in
):
    index = site_tree.sq.lessons
    user = UserFactory()
    small, small_lessons = make_course(index, (1, 1))
    big, big_lessons = make_course(index, (10, 10))
    for lesson in small_lessons + big_lessons:
        LessonProgress.objects.create(user=user, lesson=lesson, completed_at="2026-01-01T10:00Z")
    if signed_in:
        client.force_login(user)
    client.get(small.url)  # warm caches that do not depend on content

    def rendered(url):  # not from the anonymous page cache
        caches["pages"].clear()
        return client.get(url)

    before, response = count_queries(lambda: rendered(small.url))
    assert response.status_code == 200
    after, response = count_queries(lambda: rendered(big.url))
    assert response.status_code == 200
    assert after == before


def test_a_lesson_links_to_the_courses_it_belongs_to(client, site_tree):
    course, lessons = make_course(site_tree.sq.lessons, (1,))
    html = client.get(lessons[0].url).content.decode()
    assert f'href="{course.url}"' in html


def test_a_quiz_lesson_in_a_course_has_no_mark_as_completed_button(client, site_tree):
    index = site_tree.sq.lessons
    quiz_lesson = LessonPageFactory(
        parent=index,
        quiz=quiz_stream([("Pyetje?", "single", [("Po", True, ""), ("Jo", False, "")])]),
    )
    client.force_login(UserFactory())
    html = client.get(quiz_lesson.url).content.decode()
    assert 'value="complete"' not in html
    assert 'value="quiz"' in html


def test_the_course_tree_stays_valid(site_tree):
    make_course(site_tree.sq.lessons)
    assert Page.find_problems() == ([], [], [], [], [])


@pytest.mark.django_db(transaction=False)
def test_the_learning_demo_builds_a_course_per_role_once(locales):
    from django.core.management import call_command

    from lessons.certificates import Certificate
    from lessons.demo import load_learning_demo

    call_command("load_demo", verbosity=0)
    first = load_learning_demo()
    counts = (CoursePage.objects.count(), LessonProgress.objects.count())
    second = load_learning_demo()
    assert (CoursePage.objects.count(), LessonProgress.objects.count()) == counts
    assert {slug: {k: c.pk for k, c in v.items()} for slug, v in first.items()} == {
        slug: {k: c.pk for k, c in v.items()} for slug, v in second.items()
    }
    audiences = set(CoursePage.objects.values_list("audience", flat=True))
    assert audiences == set(CourseAudience.values)
    assert CoursePage.objects.filter(locale=locales.en).count() == 4
    quizzed = [lesson for lesson in LessonPage.objects.all() if lesson.quiz_block]
    assert len(quizzed) >= 2
    certificate = Certificate.objects.get()
    assert certificate.user.username == "ambasadori"
    assert certificate.course.audience == CourseAudience.AMBASSADORS
    assert LessonProgress.objects.filter(user__username="mesuesja").exists()


def test_my_learning_needs_a_login(client, site_tree):
    response = client.get(reverse("learning:my_learning"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_my_learning_lists_the_courses_with_progress(client, site_tree, english):
    index = site_tree.en.lessons
    begun, begun_lessons = make_course(index, (2,), title="Begun course")
    make_course(index, (1,), title="Members course", members_only=True)
    make_course(site_tree.sq.lessons, (1,), title="Kurs shqip")
    user = UserFactory()
    LessonProgress.objects.create(
        user=user, lesson=begun_lessons[0], completed_at="2026-01-01T10:00Z"
    )
    client.force_login(user)
    response = client.get(reverse("learning:my_learning"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Begun course" in html and "1 of 2 lessons completed" in html
    assert "Members course" not in html  # not a member of the network
    assert "Kurs shqip" not in html  # another language
    assert "private" in response["Cache-Control"]


def test_my_learning_query_count_does_not_grow_with_courses(client, site_tree, count_queries):
    user = UserFactory()
    client.force_login(user)
    address = reverse("learning:my_learning")
    make_course(site_tree.sq.lessons, (1,))
    client.get(address)
    before, _response = count_queries(lambda: client.get(address))
    for _ in range(10):
        _course, lessons = make_course(site_tree.sq.lessons, (2,))
        LessonProgress.objects.create(
            user=user, lesson=lessons[0], completed_at="2026-01-01T10:00Z"
        )
    client.get(address)  # new pages retired the kept menu: read it again, as `before` did
    after, response = count_queries(lambda: client.get(address))
    assert response.status_code == 200
    assert after == before
