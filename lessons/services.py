"""Writes of learning progress. Anonymous readers never reach these: nothing of theirs is stored."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from .certificates import certificate_issue
from .models import CoursePage, LessonPage, LessonProgress
from .quizzes import QuizResult


def lesson_open(*, user, lesson: LessonPage) -> LessonProgress | None:
    """Record that a signed-in learner opened the lesson, once however often; None if anonymous.

    One query when the lesson was opened before.
    """
    if not user.is_authenticated:
        return None
    progress = LessonProgress.objects.filter(user=user, lesson=lesson).first()
    if progress is not None:
        return progress
    try:
        with transaction.atomic():
            return LessonProgress.objects.create(user=user, lesson=lesson)
    except IntegrityError:
        # Opened at the same moment in another tab: the other request recorded it.
        return LessonProgress.objects.get(user=user, lesson=lesson)


def lesson_complete(*, user, lesson: LessonPage) -> LessonProgress:
    """Mark the lesson completed (kept from the first time) and finish any course it completes."""
    with transaction.atomic():
        progress, _created = LessonProgress.objects.select_for_update().get_or_create(
            user=user, lesson=lesson
        )
        if progress.completed_at is None:
            progress.completed_at = timezone.now()
            progress.save(update_fields=["completed_at"])
            courses_finish(user=user, lesson=lesson)
    return progress


def quiz_attempt_record(*, user, lesson: LessonPage, result: QuizResult) -> LessonProgress:
    """Count an attempt, keep the best score, and complete the lesson when the quiz is passed."""
    with transaction.atomic():
        progress, _created = LessonProgress.objects.select_for_update().get_or_create(
            user=user, lesson=lesson
        )
        progress.attempts += 1
        progress.best_score = max(progress.best_score or 0, result.score)
        progress.passed = progress.passed or result.passed
        newly_completed = progress.passed and progress.completed_at is None
        if newly_completed:
            progress.completed_at = timezone.now()
        progress.save(update_fields=["attempts", "best_score", "passed", "completed_at"])
        if newly_completed:
            courses_finish(user=user, lesson=lesson)
    return progress


def courses_finish(*, user, lesson: LessonPage) -> list[CoursePage]:
    """Issue a certificate for every live course containing the lesson that the learner completed.

    A course and its translations are one course: one certificate, for the translation in the
    lesson's language if there is one. Returns the courses completed by this lesson.
    """
    from .selectors import course_is_completed, courses_containing

    courses: dict = {}
    for course in courses_containing(lesson=lesson):
        chosen = courses.get(course.translation_key)
        if chosen is None or course.locale_id == lesson.locale_id:
            courses[course.translation_key] = course
    finished = []
    for course in courses.values():
        if course_is_completed(user=user, course=course):
            finished.append(course)
            certificate_issue(user=user, course=course)
    return finished
