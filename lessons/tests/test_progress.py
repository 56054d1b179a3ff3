"""Progress per lesson: opened once, completed by its button or its quiz; courses finished."""

import pytest
from django.utils.translation import gettext

from accounts.factories import UserFactory
from lessons import services
from lessons.certificates import Certificate
from lessons.factories import CoursePageFactory, LessonPageFactory, course_modules, quiz_stream
from lessons.models import LessonProgress

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(site_tree):
    return LessonPageFactory(parent=site_tree.sq.lessons, slug="mesimi")


class IssuedCertificates:
    """The certificates issued so far, as [(user id, course id)] in the order of issue."""

    def rows(self) -> list[tuple[int, int]]:
        return list(Certificate.objects.order_by("pk").values_list("user_id", "course_id"))

    def __eq__(self, other) -> bool:
        return self.rows() == other

    def __len__(self) -> int:
        return len(self.rows())

    def __repr__(self) -> str:
        return repr(self.rows())


@pytest.fixture
def issued(db):
    return IssuedCertificates()


def test_opening_a_lesson_is_recorded_once_however_often(client, lesson):
    user = UserFactory()
    client.force_login(user)
    for _ in range(5):
        assert client.get(lesson.url).status_code == 200
    progress = LessonProgress.objects.get()
    assert (progress.user, progress.lesson_id, progress.completed_at) == (user, lesson.pk, None)
    first_opened = progress.opened_at
    client.get(lesson.url)
    progress.refresh_from_db()
    assert progress.opened_at == first_opened


def test_a_repeat_visit_reads_the_progress_without_writing(client, lesson, count_queries):
    client.force_login(UserFactory())
    first, _response = count_queries(lambda: client.get(lesson.url))
    again, _response = count_queries(lambda: client.get(lesson.url))
    assert again < first
    assert LessonProgress.objects.count() == 1


def test_anonymous_readers_can_read_but_nothing_is_stored(client, lesson):
    assert client.get(lesson.url).status_code == 200
    response = client.post(lesson.url, {"action": "complete"})
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not LessonProgress.objects.exists()


def test_a_lesson_without_quiz_is_completed_by_its_button(client, lesson):
    user = UserFactory()
    client.force_login(user)
    response = client.post(lesson.url, {"action": "complete"}, follow=True)
    assert response.status_code == 200
    progress = LessonProgress.objects.get(user=user)
    assert progress.completed_at is not None
    assert gettext("Lesson marked as completed.") in response.content.decode()
    completed_at = progress.completed_at
    client.post(lesson.url, {"action": "complete"})
    progress.refresh_from_db()
    assert progress.completed_at == completed_at


def test_a_lesson_with_a_quiz_is_not_completed_by_the_button(client, site_tree):
    lesson = LessonPageFactory(
        parent=site_tree.sq.lessons,
        quiz=quiz_stream([("Pyetje?", "single", [("Po", True, ""), ("Jo", False, "")])]),
    )
    client.force_login(UserFactory())
    client.post(lesson.url, {"action": "complete"})
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_an_unknown_action_is_a_bad_request(client, lesson):
    client.force_login(UserFactory())
    assert client.post(lesson.url, {"action": "nonsense"}).status_code == 400
    assert not LessonProgress.objects.filter(completed_at__isnull=False).exists()


def test_completing_the_last_lesson_of_a_course_issues_the_certificate_once(site_tree, issued):
    index = site_tree.sq.lessons
    first, last = LessonPageFactory(parent=index), LessonPageFactory(parent=index)
    course = CoursePageFactory(parent=index, modules=course_modules(("M", [first, last])))
    other = CoursePageFactory(parent=index, modules=course_modules(("M", [last])))
    user = UserFactory()
    services.lesson_complete(user=user, lesson=last)
    assert issued == [(user.pk, other.pk)]
    services.lesson_complete(user=user, lesson=first)
    assert issued == [(user.pk, other.pk), (user.pk, course.pk)]
    services.lesson_complete(user=user, lesson=first)
    assert len(issued) == 2


def test_passing_the_quiz_completes_the_lesson_and_the_course(client, site_tree, issued):
    index = site_tree.sq.lessons
    lesson = LessonPageFactory(
        parent=index,
        quiz=quiz_stream([("Pyetje?", "single", [("Po", True, ""), ("Jo", False, "")])]),
    )
    course = CoursePageFactory(parent=index, modules=course_modules(("M", [lesson])))
    user = UserFactory()
    client.force_login(user)
    question = lesson.quiz_block["questions"].bound_blocks[0]
    right = str(question.value["answers"].bound_blocks[0].id)
    response = client.post(lesson.url, {"action": "quiz", f"q-{question.id}": right})
    assert response.status_code == 200
    assert issued == [(user.pk, course.pk)]
    assert f'href="{course.url}"' in response.content.decode()
    assert LessonProgress.objects.get(user=user).completed_at is not None


def test_progress_belongs_to_its_learner_only(client, lesson):
    one, two = UserFactory(), UserFactory()
    services.lesson_complete(user=one, lesson=lesson)
    client.force_login(two)
    html = client.get(lesson.url).content.decode()
    assert 'value="complete"' in html
    assert LessonProgress.objects.get(user=two).completed_at is None


def test_the_completed_course_links_to_the_certificate_in_any_language(client, site_tree, locales):
    from home.factories import translate_page
    from lessons.certificates import Certificate

    index = site_tree.sq.lessons
    lesson = LessonPageFactory(parent=index)
    course = CoursePageFactory(parent=index, modules=course_modules(("M", [lesson])))
    english_course = translate_page(course, locales.en, title="Course", slug="course")
    user = UserFactory()
    services.lesson_complete(user=user, lesson=lesson)
    certificate = Certificate.objects.get(user=user)
    assert certificate.course_id == course.pk  # one certificate, not one per language
    client.force_login(user)
    for page in (course, english_course):
        response = client.get(page.url)
        assert certificate.get_absolute_url() in response.content.decode()
        assert "private" in response["Cache-Control"]
