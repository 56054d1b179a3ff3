"""Quiz scoring on the server: right answers never in the page, tampered sheets refused."""

import pytest
from django.utils.translation import gettext

from accounts.factories import UserFactory
from lessons.factories import LessonPageFactory, quiz_stream
from lessons.models import LessonProgress
from lessons.quizzes import QuizSheetError, quiz_score, quiz_sheet

pytestmark = pytest.mark.django_db

SECRET_FEEDBACK = "Feedback-only-after-submit"

QUESTIONS = [
    (
        "What do you do with a stranger's friend request?",
        "single",
        [
            ("Accept it", False, SECRET_FEEDBACK + " accept"),
            ("Ask an adult you trust", True, "Right: talk to someone you trust."),
            ("Send your address", False, "Never share where you live."),
        ],
    ),
    (
        "Which are strong passwords?",
        "multiple",
        [
            ("A long sentence", True, "Long is strong."),
            ("123456", False, "Too easy to guess."),
            ("Three random words", True, "Good and easy to remember."),
        ],
    ),
]


def sheet_ids(lesson):
    """[(question id, [answer ids])] of the lesson's quiz, in order."""
    quiz = lesson.quiz_block
    return [
        (str(q.id), [str(a.id) for a in q.value["answers"].bound_blocks])
        for q in quiz["questions"].bound_blocks
    ]


@pytest.fixture
def lesson(site_tree):
    return LessonPageFactory(
        parent=site_tree.sq.lessons, slug="fjalekalime", quiz=quiz_stream(QUESTIONS, pass_mark=100)
    )


@pytest.fixture
def other_lesson(site_tree):
    return LessonPageFactory(
        parent=site_tree.sq.lessons, slug="tjeter", quiz=quiz_stream(QUESTIONS, pass_mark=50)
    )


def answers(lesson, first: int, second: list[int]) -> dict:
    (q1, a1), (q2, a2) = sheet_ids(lesson)
    return {"action": "quiz", f"q-{q1}": a1[first], f"q-{q2}": [a2[i] for i in second]}


def test_the_page_shows_questions_but_not_which_answers_are_right(client, lesson):
    response = client.get(lesson.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'type="radio"' in html and 'type="checkbox"' in html
    assert "Ask an adult you trust" in html
    assert SECRET_FEEDBACK not in html
    assert "correct" not in html.lower()
    # Anonymous readers' answers are only scored: asked by GET, without a CSRF token, so the
    # lesson page can be cached (home/tests/test_page_cache.py); signed-in learners post.
    assert 'method="get"' in html and "csrfmiddlewaretoken" not in html
    (q1, a1), _ = sheet_ids(lesson)
    assert f'name="q-{q1}"' in html and f'value="{a1[1]}"' in html


def test_signed_in_learners_post_their_answers_with_a_csrf_token(client, lesson):
    client.force_login(UserFactory())
    html = client.get(lesson.url).content.decode()
    assert 'method="post"' in html and 'name="csrfmiddlewaretoken"' in html


def test_scoring_counts_a_multiple_choice_question_right_only_with_exactly_the_right_answers(
    lesson,
):
    quiz = lesson.quiz_block
    (q1, a1), (q2, a2) = sheet_ids(lesson)
    all_right = quiz_score(quiz, {q1: {a1[1]}, q2: {a2[0], a2[2]}})
    assert (all_right.score, all_right.passed, all_right.right) == (100, True, 2)
    half = quiz_score(quiz, {q1: {a1[1]}, q2: {a2[0]}})
    assert (half.score, half.passed) == (50, False)
    too_many = quiz_score(quiz, {q1: {a1[0]}, q2: {a2[0], a2[1], a2[2]}})
    assert too_many.score == 0
    assert too_many.questions[0].chosen[0].feedback == SECRET_FEEDBACK + " accept"


def test_a_failed_then_passed_attempt_keeps_the_best_score_and_completes_the_lesson(client, lesson):
    user = UserFactory()
    client.force_login(user)
    failed = client.post(lesson.url, answers(lesson, 0, [1]))
    assert failed.status_code == 200
    assert SECRET_FEEDBACK in failed.content.decode()
    progress = LessonProgress.objects.get(user=user, lesson=lesson)
    assert (progress.best_score, progress.passed, progress.completed_at) == (0, False, None)

    passed = client.post(lesson.url, answers(lesson, 1, [0, 2]))
    assert passed.status_code == 200
    progress.refresh_from_db()
    assert (progress.best_score, progress.passed, progress.attempts) == (100, True, 2)
    assert progress.completed_at is not None

    client.post(lesson.url, answers(lesson, 0, [1]))
    progress.refresh_from_db()
    assert (progress.best_score, progress.passed, progress.attempts) == (100, True, 3)


def test_an_anonymous_reader_is_scored_but_nothing_is_stored(client, lesson):
    response = client.post(lesson.url, answers(lesson, 1, [0, 2]))
    assert response.status_code == 200
    assert "100%" in response.content.decode()
    assert not LessonProgress.objects.exists()


@pytest.mark.parametrize(
    "tamper",
    ["unknown_question", "unknown_answer", "answer_of_other_question", "two_radio_values"],
)
def test_tampered_sheets_are_refused_with_a_message_never_a_500(client, lesson, tamper):
    user = UserFactory()
    client.force_login(user)
    (q1, a1), (q2, a2) = sheet_ids(lesson)
    data = answers(lesson, 1, [0, 2])
    if tamper == "unknown_question":
        data["q-not-a-question"] = a1[1]
    elif tamper == "unknown_answer":
        data[f"q-{q1}"] = "00000000-0000-0000-0000-000000000000"
    elif tamper == "answer_of_other_question":
        data[f"q-{q1}"] = a2[0]
    else:
        data[f"q-{q1}"] = [a1[0], a1[1]]
    response = client.post(lesson.url, data)
    assert response.status_code == 400
    assert not LessonProgress.objects.filter(user=user, attempts__gt=0).exists()
    html = response.content.decode()
    expected = (
        "Choose only one answer to a question that has one right answer."
        if tamper == "two_radio_values"
        else "These answers do not belong to this quiz. Reload the page and try again."
    )
    assert f'role="alert">{gettext(expected)}<' in html


def test_answers_of_another_lessons_quiz_are_refused(client, lesson, other_lesson):
    client.force_login(UserFactory())
    response = client.post(lesson.url, answers(other_lesson, 1, [0, 2]))
    assert response.status_code == 400
    with pytest.raises(QuizSheetError):
        from django.http import QueryDict

        data = QueryDict(mutable=True)
        for key, value in answers(other_lesson, 1, [0, 2]).items():
            data.setlist(key, value if isinstance(value, list) else [value])
        quiz_sheet(lesson.quiz_block, data)


def test_an_unanswered_question_is_asked_for_and_choices_are_kept(client, lesson):
    client.force_login(UserFactory())
    (q1, a1), _ = sheet_ids(lesson)
    response = client.post(lesson.url, {"action": "quiz", f"q-{q1}": a1[1]})
    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{a1[1]}" checked' in html
    message = gettext("Answer every question before submitting. Still unanswered: %(numbers)s.")
    assert message % {"numbers": "2"} in html
    assert not LessonProgress.objects.filter(attempts__gt=0).exists()


def block_errors(value: dict) -> set[str]:
    from wagtail.blocks.struct_block import StructBlockValidationError

    from lessons.blocks import QuizQuestionBlock

    block = QuizQuestionBlock()
    try:
        block.clean(block.to_python(value))
    except StructBlockValidationError as error:
        return set(error.block_errors)
    return set()


def question(kind: str, *rights: bool) -> dict:
    return {
        "text": "Pyetje?",
        "kind": kind,
        "answers": [
            {"text": f"Përgjigje {n}", "correct": right, "feedback": ""}
            for n, right in enumerate(rights)
        ],
    }


def test_editors_must_mark_a_right_answer_and_match_the_kind_of_question():
    assert block_errors(question("single", False, False)) == {"answers"}
    assert block_errors(question("single", True, True)) == {"kind"}
    assert block_errors(question("single", True, False)) == set()
    assert block_errors(question("multiple", True, True, False)) == set()


def test_the_admin_edit_form_of_a_lesson_offers_the_quiz(admin_client, lesson):
    from django.urls import reverse

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    assert response.status_code == 200
    assert "quiz" in response.content.decode()
