"""Lesson and course pages' own handling: progress, the quiz and members-only courses.

Called from the page models' `serve()`; thin: reads through selectors, writes through services.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from . import quizzes, selectors, services
from .certificates import certificate_of


def _render(page, request, extra: dict, status: int = 200):
    context = page.get_context(request)
    context.update(extra)
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    if request.user.is_authenticated or getattr(page, "members_only", False):
        # A learner's own progress: never kept by a shared cache.
        patch_cache_control(response, private=True)
    return response


def _is_preview(request) -> bool:
    return bool(getattr(request, "is_preview", False))


def lesson_serve(page, request, *args, super_serve, **kwargs):
    """GET records "opened" for a signed-in learner; POST marks completed or scores the quiz."""
    if _is_preview(request):
        return super_serve(request, *args, **kwargs)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "complete":
            return _lesson_complete(page, request)
        if action == "quiz":
            return _quiz_submit(page, request)
        return _render(page, request, _lesson_context(page, request, None), status=400)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if request.GET.get("action") == "quiz" and not request.user.is_authenticated:
        # An anonymous reader's answers: scored, never stored (the form asks by GET).
        response = _quiz_submit(page, request)
        add_never_cache_headers(response)
        return response
    progress = services.lesson_open(user=request.user, lesson=page)
    return _render(page, request, _lesson_context(page, request, progress))


def _lesson_context(page, request, progress, *, selected=None, quiz_error="") -> dict:
    quiz = page.quiz_block
    return {
        "progress": progress,
        "quiz": quiz,
        "quiz_questions": quizzes.quiz_questions(quiz, selected) if quiz else [],
        "quiz_error": quiz_error,
        "lesson_courses": selectors.lesson_courses(lesson=page),
    }


def _lesson_complete(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(request))
    if page.quiz_block is not None:
        messages.error(request, _("Pass the quiz at the end of the lesson to complete it."))
        return redirect(page.get_url(request))
    services.lesson_complete(user=request.user, lesson=page)
    messages.success(request, _("Lesson marked as completed."))
    return redirect(page.get_url(request))


def _quiz_submit(page, request):
    """Score the answer sheet; a sheet that does not fit this quiz is refused with a message."""
    quiz = page.quiz_block
    progress = selectors.lesson_state(user=request.user, lesson=page)
    if quiz is None:
        return _render(page, request, _lesson_context(page, request, progress), status=400)
    try:
        sheet = quizzes.quiz_sheet(quiz, request.POST if request.method == "POST" else request.GET)
    except quizzes.QuizSheetError as error:
        context = _lesson_context(page, request, progress, quiz_error=str(error))
        return _render(page, request, context, status=400)
    unanswered = quizzes.quiz_unanswered(quiz, sheet)
    if unanswered:
        message = _("Answer every question before submitting. Still unanswered: %(numbers)s.") % {
            "numbers": ", ".join(str(number) for number in unanswered)
        }
        context = _lesson_context(page, request, progress, selected=sheet, quiz_error=message)
        return _render(page, request, context, status=200)
    result = quizzes.quiz_score(quiz, sheet)
    finished = []
    if request.user.is_authenticated:
        was_completed = bool(progress and progress.completed_at)
        progress = services.quiz_attempt_record(user=request.user, lesson=page, result=result)
        if progress.completed_at and not was_completed:
            finished = [
                course
                for course in selectors.lesson_courses(lesson=page)
                if selectors.course_is_completed(user=request.user, course=course)
            ]
    context = _lesson_context(page, request, progress)
    context.update({"quiz_result": result, "finished_courses": finished})
    return _render(page, request, context)


def certificate_url(*, user, course) -> str:
    """The verification page of the learner's certificate for the course (in any of its
    languages), or "" when there is none."""
    if not user.is_authenticated:
        return ""
    certificate = certificate_of(user=user, course=course)
    return certificate.get_absolute_url() if certificate is not None else ""


def course_serve(page, request, *args, super_serve, **kwargs):
    """Members-only courses: anonymous readers go to the login page, others get 403."""
    if page.members_only and not _is_preview(request):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not selectors.is_network_member(request.user):
            raise PermissionDenied
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    outline = selectors.course_outline(course=page, user=request.user)
    certificate = ""
    if outline.completed:
        certificate = certificate_url(user=request.user, course=page)
    return _render(page, request, {"outline": outline, "certificate_url": certificate})


@login_required
@require_GET
def my_learning(request):
    """The signed-in learner's courses in the page language, with progress and certificates."""
    rows = selectors.learner_courses(user=request.user, locale=Locale.get_active())
    response = render(request, "lessons/course_mine.html", {"rows": rows})
    patch_cache_control(response, private=True)
    return response
